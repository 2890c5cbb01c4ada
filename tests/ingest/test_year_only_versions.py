"""A list version dated by a year alone (its title's 2024) among versions of full dates of that year: some time that
year, placed after the newest of its year's versions loaded before it (ingest.versions.version_keys). Before, it was
placed with the version loaded just before it: loaded after 2024-05-10 and then 2024-03-01 (kept as history), the
2024 list ranked below 2024-05-10, was not loaded, and `dutygraph remove` of 2024-05-10 brought back 2024-03-01."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.versions import newest_first
from queries import catalog
from tests.ingest.test_undated_versions import _VERSIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "year_only_versions"
CITY = Region(("临江市",))
# M: 印发日期 2024-05-10, Y: titled （2024年）, no date row, S: 印发日期 2024-03-01; each names another 牵头 of
# 校外培训机构监管, so the current version shows in `matters`.
FILES = {"M": FIXTURES / "bianjie_wuyue.csv", "Y": FIXTURES / "bianjie_niandu.csv", "S": FIXTURES / "bianjie_sanyue.csv"}
LEADS = {"M": ["临江市市场监督管理局"], "Y": ["临江市文化广电旅游局"], "S": ["临江市教育局"]}
DATES = {"M": ("", "2024-05-10"), "Y": ("临江市部门职责边界清单（2024年）", ""), "S": ("", "2024-03-01")}
# Newest first, by load order. Read after a version of 2024 (MSY: after both), the year's list is that one's next
# version; read before every one of them, it ranks below them all (YMS, YSM); 2023's and 2025's dates would rank below
# and above it whatever the order.
NEWEST_FIRST = {"MYS": "YMS", "MSY": "YMS", "YMS": "MSY", "YSM": "MSY", "SMY": "YMS", "SYM": "MYS"}


def _named(path: str) -> str:
    return next(name for name, file in FILES.items() if str(file) == path)


@pytest.mark.parametrize("loaded", sorted(NEWEST_FIRST))
def test_a_year_alone_has_one_place_whatever_order_the_rows_come_in(loaded: str) -> None:
    versions = [{"uid": name.lower(), "title": DATES[name][0] or "临江市部门职责边界清单", "issued": DATES[name][1],
                 "path": str(FILES[name]), "loaded": loaded.index(name) + 1} for name in FILES]
    orders = {"".join(version["uid"] for version in newest_first(given)).upper()
              for given in itertools.permutations(versions)}
    assert orders == {NEWEST_FIRST[loaded]}


@pytest.mark.parametrize("loaded", sorted(NEWEST_FIRST))
def test_ingest_and_remove_follow_that_place(store: Store, loaded: str) -> None:
    for name in loaded:
        assert ingest([FILES[name]], store, region=CITY).failed == []
    [current] = [_named(row["path"]) for row in store.read("MATCH (d:Document) RETURN d.path AS path")]
    history = sorted(_named(row["path"]) for row in store.read("MATCH (v:ListVersion) RETURN v.path AS path"))
    ranked = "".join(_named(row["path"]) for row in newest_first(store.read(_VERSIONS)))
    assert (current, history, ranked) == (NEWEST_FIRST[loaded][0], sorted(NEWEST_FIRST[loaded][1:]),
                                          NEWEST_FIRST[loaded])
    [row] = [row for row in catalog.run(store, "matters") if row["matter"] == "校外培训机构监管"]
    assert row["leads"] == LEADS[current]
    removal = remove(store, find_documents(store, [str(FILES[current])]))
    assert [_named(document.path) for document in removal.restored] == [NEWEST_FIRST[loaded][1]]
    [row] = [row for row in catalog.run(store, "matters") if row["matter"] == "校外培训机构监管"]
    assert row["leads"] == LEADS[NEWEST_FIRST[loaded][1]]
