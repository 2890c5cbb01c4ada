"""A county made a district (撤县设区) whose notice renamed one of its departments: tests/fixtures/chexian_unrenamed,
a 区划调整 notice (撤销青山县，设立示例市青山区) and a 调整 notice renaming 青山县住房和城乡建设局 alone, over the examples.
The departments no notice renamed stand under 示例市/青山县 still, and answer a complaint naming the district: a
complaint routed within 青山区 reached its 住建局 alone (有人占道经营 → 青山区住房和城乡建设局, 4.4, not 青山县's 城管)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.lookup import region_successors
from queries.who_handles import who_handles

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def districted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('districted')}")
    for path in (REPO / "examples", REPO / "tests" / "fixtures" / "chexian_unrenamed"):
        report = ingest([path], store, region=Region(("示例市",)))
        assert report.failed == [], [outcome.error for outcome in report.outcomes if not outcome.ok]
    yield store
    store.close()


def test_the_departments_no_notice_renamed_answer_in_the_district(districted: Store) -> None:
    assert region_successors(districted) == {"示例市/青山县": "示例市/青山区"}
    complaints = [("有人占道经营", "青山区"), ("有人占道经营", "示例市/青山县"), ("物业服务企业乱收费", "青山区")]
    rows = dispatch(districted, [Complaint(line, text, region) for line, (text, region) in enumerate(complaints, 2)],
                    region=None).rows
    assert [(row["region"], row["department"], row["score"], row["note"]) for row in rows] == [
        ("示例市/青山县", "青山县城市管理局", 10.049, ""),
        ("示例市/青山县", "青山县城市管理局", 10.049, ""),  # the county's path is read as the district it is now
        ("示例市/青山区", "青山区住房和城乡建设局", 11.889, ""),
    ]
    # Within the district, the renamed department and those that kept the county's name are ranked together.
    assert [(row["region"], row["department"]) for row in who_handles(districted, "小区里违规搭建彩钢棚",
                                                                      region="示例市/青山区", limit=2)] == [
        ("示例市/青山县", "青山县城市管理局"), ("示例市/青山县", "青山县市场监督管理局")]
