"""The command line loads what a command needs and no more: `--help` answers without the web framework, the
analyses, the database drivers or jieba, and a who_handles question without networkx, fastapi or the file writers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("fastapi", "starlette", "pydantic_settings", "networkx", "numpy", "rapidfuzz", "jieba", "openpyxl", "docx",
         "falkordb", "redis", "neo4j", "uvicorn", "queries.registry", "queries.report", "ingest.pipeline")

# Runs the command in this process, then prints which of HEAVY it imported.
_PROBE = """
import json, sys
from api.cli import app
try:
    app(sys.argv[1:], prog_name="dutygraph")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str) -> list[str]:
    """The heavy modules `dutygraph ARGS…` imported (the command's own output is on stdout)."""
    result = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=HEAVY), *args], capture_output=True,
                            text=True, cwd=REPO, timeout=300, env={**os.environ, "COLUMNS": "200"})
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_help_loads_no_heavy_module() -> None:
    assert loaded_modules("--help") == []
    assert loaded_modules("query", "--help") == []
    assert loaded_modules("serve", "--help") == []


def test_a_who_handles_question_loads_only_what_it_uses(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    loaded = loaded_modules("query", "who_handles", "--param", "text=共享单车乱停放", "--store", f"embedded:{store}")
    assert loaded == ["falkordb", "jieba", "numpy", "pydantic_settings", "queries.registry", "queries.report",
                      "rapidfuzz", "redis"]
