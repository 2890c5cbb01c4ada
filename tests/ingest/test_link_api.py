"""The linker's public API for "does text A refine text B, and how well" (`ingest.link.refinements`), which
check-plan reads goals with: nothing outside the linker reaches into its private names."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.content import content_terms
from ingest.link import LinkDuty, refinements

REPO = Path(__file__).resolve().parents[2]


def _duty(uid: str, text: str, office: str | None) -> LinkDuty:
    return LinkDuty(uid, text, "dept:临川市/水务局", office, "临川市", False, content_terms(text), "水务局")


def test_an_office_clause_inside_a_department_duty_refines_it_and_says_how_well() -> None:
    parent = _duty("duty:a", "负责水资源保护工作，组织编制水资源保护规划，指导饮用水水源保护工作。", None)
    other = _duty("duty:b", "负责水利工程建设与运行管理。", None)
    clause = _duty("duty:c", "指导饮用水水源保护工作。", "office:临川市/水务局/水资源科")
    found = refinements([parent, other, clause], {clause.uid})
    assert [(child, parent_uid) for child, parent_uid, _score in found] == [("duty:c", "duty:a")]
    assert 0.5 <= found[0][2] <= 1.0
    # Only pairs with a uid in `new` are scored.
    assert refinements([parent, other, clause], set()) == []


def test_no_module_imports_a_private_name_of_the_linker() -> None:
    private = re.compile(r"from ingest\.link import [^\n]*\b_\w+")
    offenders = sorted(str(path.relative_to(REPO)) for folder in ("api", "bench", "graph", "ingest", "queries", "tests")
                       for path in (REPO / folder).rglob("*.py") if private.search(path.read_text(encoding="utf-8")))
    assert offenders == []
