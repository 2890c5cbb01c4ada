-- wrk script for bench/run.py: every connection's requests go round the paths listed (one a line) in the
-- file given after `--`, each thread from its own start; done() prints one JSON line of results.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local paths = {}
local turn = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  turn = id * 7
end

function request()
  turn = turn + 1
  return wrk.format("GET", paths[(turn % #paths) + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.1f, "p95_ms": %.1f, "non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
