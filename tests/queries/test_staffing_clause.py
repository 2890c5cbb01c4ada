"""A department's 行政编制 and 领导职数 cite the clause they were read from, as its duties do: staff_figures' and
tenure_duties' sources. On tests/fixtures/staffing_clause: 临河市水利局's 三定 of 2020 (第六条: 14 posts, 4 leader
posts) and a notice of 2022-06-01 whose item 二、 sets 调整后 12 posts and no 领导职数; and a real 三定 whose 人员编制
is its section 四、 (skipped where ../shared/real is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.lookup import find_department
from queries.sources import document_titles, with_readable_sources
from queries.tenure import tenure_duties
from tests.conftest import real_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "staffing_clause"
DEPARTMENT = "临河市水利局"
SANDING = "《临河市水利局职能配置、内设机构和人员编制规定》"
NOTICE = "《关于调整临河市水利局职责机构编制的通知》"


@pytest.fixture
def clause_store(store: Store) -> Store:
    return _loaded(store, sorted(FIXTURES.iterdir()), "临河市")


def _loaded(store: Store, paths: list[Path], city: str) -> Store:
    assert ingest(paths, store, region=Region((city,))).failed == []
    return store


def _readable(store: Store, answer: Any) -> Any:
    return with_readable_sources(answer, document_titles(store))


def test_staff_figures_cite_the_article_and_the_notice_s_item(clause_store: Store) -> None:
    # Before, each row cited its document's title alone (`doc:…#title`).
    uid = find_department(clause_store, DEPARTMENT)["uid"]
    rows = _readable(clause_store, catalog.run(clause_store, "staff_figures", {"department": uid}))
    assert [(row["in_force_from"], row["staff_quota"], row["leader_posts"], row["source"]) for row in rows] == [
        ("2020-03-01", 14, 4, f"{SANDING}第六条"), ("2022-06-01", 12, None, f"{NOTICE}二、")]


def test_tenure_staffing_and_figure_change_cite_their_clauses(clause_store: Store) -> None:
    # Before, `source` and `leader_posts_source` named the documents alone, and the 编制调整 change the notice.
    result = _readable(clause_store, tenure_duties(clause_store, DEPARTMENT, "2021-01-01", "2022-12-31"))
    assert [(row["point"], row["staff_quota"], row["leader_posts"], row["source"], row["leader_posts_source"])
            for row in result["staffing"]] == [
        ("任期开始", 14, 4, f"{SANDING}第六条", f"{SANDING}第六条"),
        # The notice sets the 行政编制 alone: the 领导职数 stay the 三定's, cited by its article.
        ("任期结束", 12, 4, f"{NOTICE}二、", f"{SANDING}第六条")]
    assert [(row["date"], row["staff"], row["source"]) for row in result["changes"] if row["staff"] is not None] == [
        ("2022-06-01", -2, f"{NOTICE}二、")]


def test_a_real_sanding_s_staffing_cites_its_section(store: Store) -> None:
    # Page 3 of a 市政府办公室 三定: its 人员编制 is section 四、 (四、人员编制, then the figures).
    _loaded(store, [real_document("unknowncity_shizhengfubangongshi_sanding_fsou17226584_p3.txt")], "某市")
    uid = find_department(store, "某市政府办公室")["uid"]
    [row] = catalog.run(store, "staff_figures", {"department": uid})
    assert (row["staff_quota"], row["leader_posts"], row["source"]) == (63, 6, f"{row['document']}#四、")
