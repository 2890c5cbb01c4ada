"""The watcher of an embedded FalkorDB server: stops it once every process registered as its client has died.

Run by graph.embedded as `python -m graph.embedded_watch DATA_DIR` when a server starts. A client that leaves
normally stops the server itself when it is the last; one killed with SIGKILL (or by the OOM killer) cannot, and
its server used to run until the next dutygraph command on the folder happened to reap it. The watcher detaches
itself first, as redis does (`--daemonize`): the process that ran it gets its answer at once and never has to
reap it, and a Ctrl-C at the terminal does not reach it.
"""

import os
import sys


def main() -> None:
    data_dir = sys.argv[1]
    child = os.fork()
    if child:
        # Written before this process exits, so the client that ran it finds the watcher at once.
        pid_file = os.path.join(data_dir, "falkordb.watcher.pid")
        with open(f"{pid_file}.tmp", "w") as handle:
            handle.write(str(child))
        os.replace(f"{pid_file}.tmp", pid_file)
        os._exit(0)
    os.setsid()
    # Anything it says (a traceback) goes to the server's log, the file an operator reads.
    log = os.open(os.path.join(data_dir, "falkordb.log"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(null)
    os.close(log)

    from pathlib import Path

    from graph.embedded import EmbeddedServer

    EmbeddedServer(Path(data_dir)).watch()


if __name__ == "__main__":
    main()
