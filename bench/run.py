"""The benchmark: `make bench` (or `python -m bench.run --sizes 10000 100000`).

For each size of synthetic corpus (bench/generate.py), on the embedded engine:
- ingest end to end, by stage (read and parse, jieba, name resolution, graph rows, loading, similarity
  linking), with the peak memory of this process and of the FalkorDB server;
- overlap linking against the all-pairs baseline (every pair scored by the same model and threshold) on a
  sample the baseline can afford: recall of the baseline's pairs, and the speed-up extrapolated to the
  whole corpus; and the recall of the planted same-work pairs;
- latency (p50, p95) of every named analysis;
- API throughput and p95 latency under 32 concurrent clients for profile, who_handles and overlaps.
Writes bench/results.md (a table, with the machine's cores and memory and the date) and bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx2 as httpx

from bench.generate import generate
from graph.store import Store, open_store
from ingest import timing
from ingest.draft import read_draft
from ingest.link import boilerplate_flags, graph_duties
from ingest.pipeline import ingest
from ingest.similarity import DEFAULT_THRESHOLD, DutyDoc, candidate_pairs, reference_model
from queries.draft_check import check_draft, draft_of
from queries.registry import run_analysis, warm_caches

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
BASELINE_SAMPLE = 1500
QUERY_PARAMS = 15  # different parameter values per analysis
CLIENTS = 32
LOAD_SECONDS = 8.0
API_TARGETS = 100  # departments, regions the load goes round
WARM_PASSES = 6


def _peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _server_pid(data: Path) -> int | None:
    try:
        return int((data / "falkordb.pid").read_text())
    except (OSError, ValueError):
        return None


def _server_peak_mib(data: Path) -> float:
    pid = _server_pid(data)
    return _status_kib(pid, "VmHWM") / 1024 if pid is not None else 0.0


def _status_kib(pid: int, field: str) -> int:
    """A memory figure of /proc/PID/status (VmRSS, VmHWM), 0 if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler:
    """The largest resident memory of this process, its descendants (the link-planning worker, its scorers)
    and the FalkorDB server together, sampled every SAMPLE_SECONDS: the peaks of each, added, would
    overstate it (the worker peaks while this process has let go of the duties)."""

    SAMPLE_SECONDS = 0.5

    def __init__(self, data: Path) -> None:
        self.data, self.peak_kib = data, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.SAMPLE_SECONDS):
            self.peak_kib = max(self.peak_kib, sum(_status_kib(pid, "VmRSS") for pid in self._pids()))

    def _pids(self) -> set[int]:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                parents[int(stat.parent.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
        pids, grown = {os.getpid()}, True
        while grown:
            children = {pid for pid, parent in parents.items() if parent in pids} - pids
            pids |= children
            grown = bool(children)
        server = _server_pid(self.data)
        return pids if server is None else pids | {server}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_ingest(size: int) -> tuple[dict[str, Any], Path]:
    corpus = WORK / f"corpus-{size}"
    if not (corpus / "truth.json").exists():
        generate(size, corpus)
    data = WORK / f"store-{size}"
    store = open_store(f"embedded:{data}")
    store.clear()
    # The cores may be shared (other users, other jobs): what else ran is said beside the figures.
    load_before = round(os.getloadavg()[0], 1)
    timing.enable()
    start = time.perf_counter()
    with MemorySampler(data) as memory:
        report = ingest([corpus], store)
    total = time.perf_counter() - start
    stages = timing.totals()
    manifest = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    result = {
        "duty_clauses": manifest["duty_clauses"], "files": len(report.outcomes), "failed": len(report.failed),
        "load_average_before": load_before,
        "seconds": round(total, 2), "clauses_per_second": round(manifest["duty_clauses"] / total),
        "stages": {name: round(value, 2) for name, value in stages.items()},
        "peak_rss_mib": round(_peak_rss_mib()), "server_peak_mib": round(_server_peak_mib(data)),
        "total_peak_mib": round(memory.peak_kib / 1024),
        # The largest child this process has waited for: the link-planning worker.
        "worker_peak_mib": round(_peak_rss_mib(resource.RUSAGE_CHILDREN)),
        "similar_pairs": report.links.similar if report.links else 0,
        "planted_recall": _planted_recall(store, manifest["truth"]["same_work"]),
    }
    store.close()
    return result, data


def _planted_recall(store: Store, planted: list[dict[str, str]]) -> float:
    found = 0
    for pair in planted:
        # From a's duties outwards (the WITHs fix the order): a pattern bound at both ends is planned from
        # the SIMILAR edges, 0.8 s a pair at a million clauses.
        rows = store.read(
            "MATCH (da:Department {uid: $a})-[:HAS_DUTY]->(x:Duty) WHERE x.text CONTAINS $o WITH x "
            "MATCH (x)-[s:SIMILAR]-(y:Duty) WHERE s.score >= $t AND y.text CONTAINS $o WITH y "
            "MATCH (y)<-[:HAS_DUTY]-(db:Department {uid: $b}) RETURN count(*) AS c",
            {"a": pair["a"], "b": pair["b"], "o": pair["object"], "t": DEFAULT_THRESHOLD})
        found += rows[0]["c"] > 0
    return round(found / len(planted), 3) if planted else 1.0


def bench_linking(data: Path) -> dict[str, Any]:
    """The blocked linker against scoring every pair, on a sample of duties small enough for all pairs."""
    store = open_store(f"embedded:{data}")
    duties = graph_duties(store)
    store.close()
    model = reference_model()
    flags = boilerplate_flags(duties)
    substantive = [d for d in duties if not flags[d.uid]]
    sample = random.Random(11).sample(substantive, min(BASELINE_SAMPLE, len(substantive)))
    docs = [d.doc() for d in sample]
    start = time.perf_counter()
    baseline = set()
    compared = 0
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if docs[i].group == docs[j].group:
                continue
            compared += 1
            if model.score_docs(docs[i], docs[j]) >= DEFAULT_THRESHOLD and _linkable(docs[i], docs[j]):
                baseline.add((i, j))
    baseline_seconds = time.perf_counter() - start
    start = time.perf_counter()
    candidates = candidate_pairs(docs)
    linked = {(i, j) for i, j in candidates if model.score_docs(docs[i], docs[j]) >= DEFAULT_THRESHOLD}
    blocked_seconds = time.perf_counter() - start
    all_docs = [d.doc() for d in substantive]
    start = time.perf_counter()
    full_candidates = candidate_pairs(all_docs)
    for i, j in full_candidates:
        model.score_docs(all_docs[i], all_docs[j])
    full_seconds = time.perf_counter() - start
    per_pair = baseline_seconds / compared if compared else 0.0
    all_pairs = len(all_docs) * (len(all_docs) - 1) / 2
    return {
        "sample": len(docs), "baseline_pairs": len(baseline), "baseline_seconds": round(baseline_seconds, 2),
        "blocked_seconds_on_sample": round(blocked_seconds, 3),
        "recall_of_baseline": round(len(baseline & linked) / len(baseline), 3) if baseline else 1.0,
        "full_duties": len(all_docs), "full_candidates": len(full_candidates),
        "full_link_seconds": round(full_seconds, 2),
        "all_pairs_estimate_seconds": round(per_pair * all_pairs, 1),
        "speedup": round(per_pair * all_pairs / full_seconds, 1) if full_seconds else None,
    }


def _linkable(a: DutyDoc, b: DutyDoc) -> bool:
    """Pairs the design compares: one region, or a region and one just below it (never sibling counties)."""
    return a.zone == b.zone or a.zone.rpartition("/")[0] == b.zone or b.zone.rpartition("/")[0] == a.zone


def bench_queries(data: Path) -> dict[str, Any]:
    """Each analysis called once with each of QUERY_PARAMS different parameters (regions, departments, texts:
    nothing cached per parameter), then again with the same ones (cached). The whole-graph indexes the
    analyses share are built first, timed on their own: once per graph version (the API builds them at start)."""
    store = open_store(f"embedded:{data}")
    start = time.perf_counter()
    warm_caches(store)
    warm_ms = round((time.perf_counter() - start) * 1000, 1)
    cities = [r["p"] for r in store.read("MATCH (r:Region {level: 'city'}) RETURN r.path AS p ORDER BY p")]
    counties = [r["p"] for r in store.read("MATCH (r:Region {level: 'county'}) RETURN r.path AS p ORDER BY p")]
    departments = _held_once([r["n"] for r in store.read("MATCH (d:Department) WHERE d.sanding_issued IS NOT NULL "
                                                         "RETURN d.name AS n ORDER BY n")])
    texts = [r["t"] for r in store.read("MATCH (p:PowerItem) RETURN DISTINCT p.name AS t ORDER BY t")]
    texts = texts or [r["t"] for r in store.read("MATCH (s:SupervisionItem) RETURN DISTINCT s.name AS t ORDER BY t")]
    regions = _spread(cities, 5) + _spread(counties, QUERY_PARAMS - 5)
    calls: dict[str, list[dict[str, Any]]] = {
        "overlaps": [{"region": region} for region in regions],
        "orphan_supervision_items": [{"region": region} for region in regions],
        "host_assist_ambiguities": [{"region": region} for region in regions],
        "undecomposed_duties": [{"department": name} for name in _spread(departments, QUERY_PARAMS)],
        "power_split": [{"city": city} for city in _spread(cities, QUERY_PARAMS)],
        "staffing_load": [{"region": region} for region in regions],
        "who_handles": [{"text": text, "region": region}
                        for text, region in zip(_spread(texts, QUERY_PARAMS), regions, strict=False)],
        "department_profile": [{"name": name} for name in _spread(departments[1:], QUERY_PARAMS)],
        "coordination_network": [{"region": region} for region in regions],
    }
    results: dict[str, Any] = {"_warm_ms": warm_ms}
    for name, param_sets in calls.items():
        cold = [_timed_ms(store, name, params) for params in param_sets]
        warm = [_timed_ms(store, name, params) for params in param_sets]
        results[name] = _call_figures(cold, warm)
    # check-draft plans its region's links in memory on every call (nothing cached): each department's own 三定
    # checked as its draft.
    sandings = [Path(r["p"]) for r in store.read("MATCH (d:Document {kind: 'sanding'}) RETURN d.path AS p ORDER BY p")]
    drafts = _spread([str(path) for path in sandings], QUERY_PARAMS)
    cold = [_timed_check_ms(store, Path(path)) for path in drafts]
    warm = [_timed_check_ms(store, Path(path)) for path in drafts]
    results["check_draft (a 三定 as its own draft)"] = _call_figures(cold, warm)
    store.close()
    return results


def _call_figures(cold: list[float], again: list[float]) -> dict[str, Any]:
    return {"calls": len(cold), "p50_ms": round(percentile(cold, 0.5), 1), "p95_ms": round(percentile(cold, 0.95), 1),
            "max_ms": round(max(cold), 1), "cached_p95_ms": round(percentile(again, 0.95), 1)}


def _timed_check_ms(store: Store, path: Path) -> float:
    start = time.perf_counter()
    source, parsed = read_draft(path)
    check_draft(store, draft_of(store, source, parsed), file=path.name)
    return (time.perf_counter() - start) * 1000


def _all_items(client: httpx.Client, path: str) -> list[dict[str, Any]]:
    """Every row of a paged list endpoint, page after page."""
    items: list[dict[str, Any]] = []
    while True:
        page = client.get(path, params={"limit": 1000, "offset": len(items)}).json()
        items += page["items"]
        if not page["items"] or len(items) >= page["total"]:
            return items


def _held_once(names: list[str]) -> list[str]:
    """The department names no other department bears: the generator's counties repeat across cities (two 昌戊区),
    and a name two departments bear is answered with an error asking which (queries.lookup), not a profile."""
    counts = Counter(names)
    return [name for name in names if counts[name] == 1]


def _spread(items: list[str], count: int) -> list[str]:
    """`count` items spread evenly over the list (all of them when it is shorter)."""
    if len(items) <= count:
        return list(items)
    return [items[index * len(items) // count] for index in range(count)]


def _timed_ms(store: Store, name: str, params: dict[str, Any]) -> float:
    start = time.perf_counter()
    run_analysis(store, name, params)
    return (time.perf_counter() - start) * 1000


def bench_api(data: Path) -> dict[str, dict[str, float]]:
    """`dutygraph serve --workers 2` (one per core) against the store, under CLIENTS concurrent clients."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DUTYGRAPH_STORE": f"embedded:{data}"}
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--workers", "2"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base)
        with httpx.Client(base_url=base, timeout=60) as client:
            regions = [r["path"] for r in client.get("/api/regions", params={"limit": 1000}).json()["items"]]
            departments = _held_once([d["department"] for d in _all_items(client, "/api/departments")])
        # Each client goes round its own rotation of many departments, regions and texts, so that most
        # requests are not the one the server answered just before.
        regions, departments = _spread(regions, API_TARGETS), _spread(departments, API_TARGETS)
        texts = ["道路货运经营许可", "小区里噪音扰民", "饭店后厨不卫生", "工地渣土车撒漏", "河道有人倾倒垃圾"]
        targets = {
            "profile": [("/api/departments/" + name, {}) for name in departments],
            "who_handles": [("/api/queries/who_handles", {"text": texts[i % len(texts)], "region": region})
                            for i, region in enumerate(regions)],
            "overlaps": [("/api/queries/overlaps", {"region": region, "limit": 50}) for region in regions],
        }
        return {name: _load(base, requests) for name, requests in targets.items()}
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait_ready(base: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the API at {base} did not become ready")


def _load(base: str, requests: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    """CLIENTS concurrent clients going round `requests` as fast as they can for LOAD_SECONDS, after the
    targets are warm: from wrk when it is installed, else from Python threads. Errors fail the run."""
    # The targets first, WARM_PASSES times each over new connections, which either worker may accept: the
    # load then measures serving answers both workers have derived (each misses a given target after six
    # passes with chance 1/64), as a running server does; the cold cost of each analysis is measured by
    # bench_queries. (After two passes a quarter of the targets were still cold in one worker, and their
    # first answers, 30–40 ms of CPU each, made the p95 of profile under wrk's load 170 ms.)
    def warm(request: tuple[str, dict[str, Any]]) -> None:
        httpx.get(base + request[0], params=request[1], timeout=300).raise_for_status()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(warm, requests * WARM_PASSES))
    return _load_wrk(base, requests) if shutil.which("wrk") else _load_threads(base, requests)


def _load_threads(base: str, requests: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    """CLIENTS threads, each going round `requests` from its own start."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + LOAD_SECONDS

    def client_loop(first: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            turn = first
            while time.perf_counter() < deadline:
                path, params = requests[turn % len(requests)]
                turn += 1
                start = time.perf_counter()
                response = http.get(path, params=params)
                with lock:
                    if response.status_code != 200:
                        errors.append(f"{path}: {response.status_code} {response.text[:200]}")
                        return
                    latencies.append((time.perf_counter() - start) * 1000)

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        for future in [pool.submit(client_loop, client * 7) for client in range(CLIENTS)]:
            future.result()
    elapsed = time.perf_counter() - started
    if errors or not latencies:
        raise RuntimeError(f"{requests[0][0]}…: {errors[:1] or 'no request completed'}")
    return {"requests_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(percentile(latencies, 0.5), 1), "p95_ms": round(percentile(latencies, 0.95), 1),
            "load": "Python threads"}


def _load_wrk(base: str, requests: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    """The same load from wrk (Debian's `wrk`), which leaves the cores to the server: a Python client takes
    a good part of one of the two."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as paths:
        paths.write("".join(f"{quote(path)}?{urlencode(params)}\n" for path, params in requests))
        paths.flush()
        done = subprocess.run(["wrk", "-t", "2", "-c", str(CLIENTS), "-d", f"{LOAD_SECONDS:.0f}s", "--timeout", "60s",
                               "-s", str(HERE / "rotate.lua"), base, "--", paths.name],
                              capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["non_2xx"] or result["socket_errors"] or not result["requests"]:
        raise RuntimeError(f"{requests[0][0]}…: wrk saw errors: {result}")
    return {"requests_per_second": round(result["requests"] / result["seconds"], 1),
            "p50_ms": result["p50_ms"], "p95_ms": result["p95_ms"], "load": "wrk"}


def machine() -> dict[str, Any]:
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = int(line.split()[1]) // (1024 * 1024)
    return {"cores": os.cpu_count(), "memory_gib": memory, "date": date.today().isoformat()}


def write_results(results: dict[str, Any]) -> None:
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    m = results["machine"]
    lines = [f"# Benchmark results ({m['date']}, {m['cores']} cores, {m['memory_gib']} GiB)", "",
             "Produced by `make bench` (`python -m bench.run`) on the embedded engine. Targets are from the issue.",
             "", "The figures depend on what else the machine ran: each size states the load average (1 minute) "
             f"before its run. Above {m['cores']}, other work was taking cores from the run: compare its figures "
             "with a run on an idle machine (this file's git history keeps the earlier runs), not with the targets.",
             ""]
    for size, run in sorted(results["sizes"].items(), key=lambda item: int(item[0])):
        ingest_run = run["ingest"]
        shared = (f"; load average {ingest_run['load_average_before']} before it started"
                  if "load_average_before" in ingest_run else "")
        lines += [f"## {int(size):,} duty clauses (generated: {ingest_run['duty_clauses']:,}; run {run.get('date', m['date'])}"
                  f"{shared})", "", "| measure | value |", "|---|---|",
                  f"| ingest, all stages | {ingest_run['seconds']} s ({ingest_run['clauses_per_second']:,} clauses/s) |",
                  *[f"| · {stage} | {seconds} s |" for stage, seconds in ingest_run["stages"].items()],
                  f"| peak memory: this process / link-planning worker / FalkorDB server | "
                  f"{ingest_run['peak_rss_mib']} MiB / {ingest_run.get('worker_peak_mib', '–')} MiB / "
                  f"{ingest_run['server_peak_mib']} MiB |",
                  f"| peak memory, all of them together (resident sizes summed every {MemorySampler.SAMPLE_SECONDS} s; "
                  f"pages forked scorers share with the worker count once per process) | "
                  f"{ingest_run.get('total_peak_mib', '–')} MiB |",
                  f"| similar pairs stored | {ingest_run['similar_pairs']:,} |",
                  f"| recall of the planted same-work pairs | {ingest_run['planted_recall']} |"]
        if "linking" in run:
            link_run = run["linking"]
            lines += [
                  f"| linking: blocked candidates / duties | {link_run['full_candidates']:,} / {link_run['full_duties']:,} |",
                  f"| linking: blocked, whole corpus | {link_run['full_link_seconds']} s |",
                  f"| linking: all pairs, estimated from a {link_run['sample']}-duty sample | "
                  f"{link_run['all_pairs_estimate_seconds']} s (speed-up {link_run['speedup']}×) |",
                  f"| recall of the baseline's pairs on the sample | {link_run['recall_of_baseline']} "
                  f"({link_run['baseline_pairs']} pairs) |"]
        lines.append("")
        if "queries" in run:
            lines += [f"Whole-graph indexes the analyses share (term model, evidence index, counterparts; and jieba's dictionary), built once "
                      f"per graph version before the calls below (the API builds them when it starts): "
                      f"{run['queries']['_warm_ms']:,} ms.", "",
                      "| analysis (each call a different region, department or text) | calls | p50 ms | p95 ms | "
                      "max ms | same calls again (cached), p95 ms |", "|---|---|---|---|---|---|",
                      *[f"| {name} | {q['calls']} | {q['p50_ms']} | {q['p95_ms']} | {q['max_ms']} | {q['cached_p95_ms']} |"
                        for name, q in run["queries"].items() if not name.startswith("_")],
                      ""]
        else:
            lines += ["Ingest only (`--ingest-only`): no linking baseline, analyses or API at this size.", ""]
        if run.get("api"):
            lines += [f"| API (2 workers) under {CLIENTS} clients going round {API_TARGETS} departments or regions, "
                      f"each requested {WARM_PASSES} times before | requests/s | p50 ms | p95 ms | load from |",
                      "|---|---|---|---|---|",
                      *[f"| {name} | {a['requests_per_second']} | {a['p50_ms']} | {a['p95_ms']} | "
                        f"{a.get('load', 'Python threads')} |" for name, a in run["api"].items()], ""]
    (HERE / "results.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="dutygraph benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--no-api", action="store_true", help="skip the API load test")
    parser.add_argument("--ingest-only", action="store_true", help="only ingest (and measure that) at these sizes")
    arguments = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "sizes": {}}
    # Sizes not run this time keep their earlier figures, each with the date it was measured.
    if (HERE / "results.json").exists():
        results["sizes"] = json.loads((HERE / "results.json").read_text(encoding="utf-8")).get("sizes", {})
    for size in arguments.sizes:
        print(f"== {size:,} duty clauses", flush=True)
        ingest_result, data = bench_ingest(size)
        print(f"ingest: {ingest_result['seconds']} s, stages {ingest_result['stages']}", flush=True)
        run: dict[str, Any] = {"date": results["machine"]["date"], "ingest": ingest_result}
        if arguments.ingest_only:  # the other figures of an earlier run at this size stand
            run = {**results["sizes"].get(str(size), {}), **run}
        else:
            run["linking"] = bench_linking(data)
            print(f"linking: {run['linking']}", flush=True)
            run["queries"] = bench_queries(data)
            print(f"queries: {run['queries']}", flush=True)
            if not arguments.no_api:
                run["api"] = bench_api(data)
                print(f"api: {run['api']}", flush=True)
        results["sizes"][str(size)] = run
        write_results(results)
    print(f"wrote {HERE / 'results.md'}")


if __name__ == "__main__":
    main()
