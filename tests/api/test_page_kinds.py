"""The page names an untitled document by its kind (api/web/static/app.js DOCUMENT_KINDS): every kind the command
line's `ingest --kind` takes (ingest/kinds.py), by the same title, so that a 安委会职责 or a 实名制统计表 loaded
without a title is not cited by its file's name alone."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.kinds import KIND_TITLES

APP = Path(__file__).resolve().parents[2] / "api" / "web" / "static" / "app.js"


def _page_kinds() -> dict[str, str]:
    literal = re.search(r"const DOCUMENT_KINDS = \{(.*?)\};", APP.read_text(encoding="utf-8"), re.S)
    assert literal is not None, "app.js has no DOCUMENT_KINDS"
    return dict(re.findall(r'(\w+): "([^"]*)"', literal.group(1)))


def test_the_page_names_every_kind_the_command_line_takes() -> None:
    # auto is how to read a file, not a kind a document is.
    assert _page_kinds() == {kind: title for kind, title in KIND_TITLES.items() if kind != "auto"}
