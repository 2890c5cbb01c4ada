"""The page names an untitled document by its kind (api/web/static/app.js DOCUMENT_KINDS): every kind the command
line's `ingest --kind` takes (ingest/kinds.py), by the same title, so that a 安委会职责 or a 实名制统计表 loaded
without a title is not cited by its file's name alone. And a sector basis by its kind (SECTOR_RULE_KINDS) as the CLI
and the files name it (queries/labels.py)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.kinds import KIND_TITLES
from queries.labels import DOCUMENT_KIND_LABELS, SECTOR_RULE_KIND_LABELS, VERSION_KIND_LABELS
from queries.sector_safety import COMMITTEE, SANDING_RULE

APP = Path(__file__).resolve().parents[2] / "api" / "web" / "static" / "app.js"


def _page_labels(name: str) -> dict[str, str]:
    """The page's object literal `name` of string labels by key."""
    literal = re.search(rf"const {name} = \{{(.*?)\}};", APP.read_text(encoding="utf-8"), re.S)
    assert literal is not None, f"app.js has no {name}"
    return dict(re.findall(r'(\w+): "([^"]*)"', literal.group(1)))


def test_the_page_names_every_kind_the_command_line_takes() -> None:
    # auto is how to read a file, not a kind a document is.
    assert _page_labels("DOCUMENT_KINDS") == {kind: title for kind, title in KIND_TITLES.items() if kind != "auto"}


def test_the_page_names_a_sector_basis_as_the_cli_and_the_files_do() -> None:
    # Every kind of basis queries.sector_safety gives a row (sector_basis), in the words of queries/labels.py.
    assert set(SECTOR_RULE_KIND_LABELS) == {COMMITTEE, SANDING_RULE}
    assert _page_labels("SECTOR_RULE_KINDS") == SECTOR_RULE_KIND_LABELS


def test_the_page_names_the_notices_as_the_report_does() -> None:
    # A 调整 notice and a 区划调整 notice: kinds no `ingest --kind` takes, named in 已载入的文件 as the report names them.
    assert _page_labels("NOTICE_KINDS") == {kind: title for kind, title in
                                            {**VERSION_KIND_LABELS, **DOCUMENT_KIND_LABELS}.items()
                                            if kind not in KIND_TITLES}
