"""撤县设区 and the order of a list's versions (ingest.versions.version_keys): the county's list kept as the history of
the list its district reissues ranks below every version of the district's, whatever the load order and the dates.

The county's list (examples' bianjie_qingshan.csv) is undated; the district's (bianjie_qingshanqu_2022.csv) is dated
2022 by its file name. Before, the county's loaded after the district's took its 2022 and, loaded later, ranked
newest: `list_changes` ran 区 → 县, and removing a correction of the district's list (tests/fixtures/chexian_versions:
bianjie_qingshanqu_2022_v2.csv makes matter 4's 区住建局 its lead) brought the county's list back, not the
district's first one.
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from tests.ingest.test_region_notice import CITY, COUNTY_LIST, DISTRICT_LIST, FIXTURES, _lists

REPO = Path(__file__).resolve().parents[2]
CORRECTION = REPO / "tests" / "fixtures" / "chexian_versions" / "bianjie_qingshanqu_2022_v2.csv"
DISTRICT = Region(("示例市", "青山区"))
STEPS = {"notice": ([FIXTURES / "pifu.txt"], CITY), "county": (COUNTY_LIST, CITY), "district": ([DISTRICT_LIST], DISTRICT),
         "correction": ([CORRECTION], DISTRICT)}
COUNTY_VERSION, DISTRICT_VERSION = "bianjie_qingshan.csv", "2022年 bianjie_qingshanqu_2022.csv"


def _load(store: Store, order: tuple[str, ...]) -> None:
    for step in order:
        paths, region = STEPS[step]
        assert ingest(paths, store, region=region).failed == [], step


def _steps(store: Store) -> list[tuple[str, str, str, str]]:
    """list_changes' rows, each as its two versions, change and matter (deleted ones left out: the county's list names
    ten matters the district's does not)."""
    return [(row["from_version"], row["to_version"], row["change"], row["matter"])
            for row in catalog.run(store, "list_changes", {"region": "示例市"}) if row["change"] != "deleted"]


@pytest.mark.parametrize("order", list(permutations(("notice", "county", "district"))), ids="-".join)
def test_the_district_s_list_is_newest_in_every_load_order(store: Store, order: tuple[str, ...]) -> None:
    _load(store, order)
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("ListVersion", "示例市/青山县", "bianjie_qingshan.csv")]
    assert _steps(store) == [(COUNTY_VERSION, f"{DISTRICT_VERSION}（现行）", "added", "物业服务企业监督检查")]
    removal = remove(store, find_documents(store, [str(DISTRICT_LIST)]))
    assert [Path(held.path).name for held in removal.restored] == ["bianjie_qingshan.csv"]
    assert _lists(store) == [("Document", "示例市/青山县", "bianjie_qingshan.csv")]
    assert _steps(store) == []


@pytest.mark.parametrize("county_after", [False, True], ids=["county-first", "county-after-district"])
def test_removing_the_district_s_correction_brings_back_its_first_list(store: Store, county_after: bool) -> None:
    """The district's list, its correction and the county's list: the county's is the oldest version, so removing the
    correction brings back the district's first list (the county's stays its history), whichever of the county's and
    the district's first list loaded first."""
    _load(store, ("notice", "district", "county", "correction") if county_after
          else ("notice", "county", "district", "correction"))
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022_v2.csv"),
                             ("ListVersion", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("ListVersion", "示例市/青山县", "bianjie_qingshan.csv")]
    correction = "2022年 bianjie_qingshanqu_2022_v2.csv（现行）"
    assert _steps(store) == [(COUNTY_VERSION, DISTRICT_VERSION, "added", "物业服务企业监督检查"),
                             (DISTRICT_VERSION, correction, "lead_changed", "电动自行车集中充电设施安全管理"),
                             (DISTRICT_VERSION, correction, "assist_changed", "电动自行车集中充电设施安全管理")]
    removal = remove(store, find_documents(store, [str(CORRECTION)]))
    assert [Path(held.path).name for held in removal.restored] == ["bianjie_qingshanqu_2022.csv"]
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("ListVersion", "示例市/青山县", "bianjie_qingshan.csv")]
    assert _steps(store) == [(COUNTY_VERSION, f"{DISTRICT_VERSION}（现行）", "added", "物业服务企业监督检查")]
