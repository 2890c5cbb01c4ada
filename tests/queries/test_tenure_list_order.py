"""A tenure's 清单事项 (queries.tenure_lists) step through a list's versions in the one order ingest keeps
(ingest.versions.newest_first): a replaced version is in force until the next version in that order. Before, the
versions were ordered by date alone: a correction of the same date left the version it corrected in force beside it,
and a version replaced by an undated correction was in force until the next dated version's day. The lists,
tests/fixtures/tenure_list_order, are invented."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.sources import document_titles, with_readable_sources
from queries.tenure import tenure_duties

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SANDING = FIXTURES / "tenure" / "wenlv_2019.txt"
LISTS = FIXTURES / "tenure_list_order"
_LIST = "《滨江市市级部门权责清单》"


def _lists(store: Store, *names: str) -> list[tuple[str, str, str, str, bool, str]]:
    for path in [SANDING, *(LISTS / name for name in names)]:  # one at a time: each its own place in load order
        assert ingest([path], store, region=Region(("滨江市",))).failed == []
    result = with_readable_sources(tenure_duties(store, "滨江市文化和旅游局", "2021-01-01", "2023-06-30"),
                                   document_titles(store))
    return [(item["item"], item["detail"], item["issued"], item["in_force_to"], item["issued_in_window"],
             item["source"]) for item in result["lists"] if item["list_kind"] == "权责清单"]


def test_a_correction_of_the_same_date_ends_the_version_it_corrects(store: Store) -> None:
    # quanze_b corrects quanze_a, both dated 2022-09-01: a's 营业性演出审批 was in force no day of its own.
    assert _lists(store, "quanze_a.csv", "quanze_b.csv") == [
        ("旅游市场违法行为的处罚", "行政处罚", "2022-09-01", "现行", True, f"{_LIST}序号1（第4行）"),
    ]


def test_a_version_replaced_by_an_undated_correction_ends_before_the_next_dated_one(store: Store) -> None:
    # 2021-03-01, an undated 更正 (its days cannot be told: left out), then 2022-03-01: the 2021 version was replaced
    # by the 更正 some time before 2022-03-01, not on 2022-02-28.
    old = f"{_LIST}（2021年3月1日版）"
    assert _lists(store, "quanze_chuban.csv", "quanze_gengzheng.csv", "quanze_xinban.csv") == [
        ("旅游市场违法行为的处罚", "行政处罚", "2021-03-01", "2022-03-01前", True, f"{old}序号2（第5行）"),
        ("营业性演出审批", "行政许可", "2021-03-01", "2022-03-01前", True, f"{old}序号1（第4行）"),
        ("旅游市场违法行为的处罚", "行政处罚", "2022-03-01", "现行", True, f"{_LIST}序号1（第4行）"),
        ("营业性演出审批", "行政许可", "2022-03-01", "现行", True, f"{_LIST}序号2（第5行）"),
    ]
