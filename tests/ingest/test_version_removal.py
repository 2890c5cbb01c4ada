"""Removing one version of a list leaves the graph of loading the others alone, in the order they were loaded.

Five versions of 青禾市部门职责边界清单 (tests/fixtures/version_removal), each naming another 牵头 of
电动自行车充电安全监管: D 印发日期 2023-06-01, C its 更正 of the same date, Y titled （2023年）, M （2023年9月印发）, U
undated. A version without a full date takes the date of the newest version (of its year or month, or any) loaded
before it (ingest.versions.version_keys), so the order the versions were loaded in decides which is current by design:
Y, M, U, D in that order make U current (it took M's 2023-09 and D's 2023-06-01 is older), while Y, U, D alone make D
current (U took Y's 2023 only). Removing M from the first must give the second. Before, removing a history version
deleted its ListVersion and nothing else: U stayed current (ingest.removal._next_newest now re-ranks the versions that
stay and loads the newest again where it is a history version)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.versions import newest_first
from queries import catalog
from tests.ingest.conftest import whole_graph
from tests.ingest.test_undated_versions import _VERSIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "version_removal"
CITY = Region(("青禾市",))
FILES = {"D": FIXTURES / "bianjie_liuyue.csv", "C": FIXTURES / "bianjie_liuyue_gengzheng.csv",
         "Y": FIXTURES / "bianjie_niandu.csv", "M": FIXTURES / "bianjie_jiuyue.csv", "U": FIXTURES / "bianjie_weishu.csv"}
LEADS = {"D": "青禾市消防救援支队", "C": "青禾市住房和城乡建设局", "Y": "青禾市应急管理局", "M": "青禾市市场监督管理局",
         "U": "青禾市公安局"}
# Load orders of four versions, each removed in turn. YMUD, MUYD: a version whose date came from M stays current
# unless removal re-ranks (the cases that differed); the others: a dated newest, an undated one loaded first, the
# same-date 更正 before and after its original.
ORDERS = ("YMUD", "MUYD", "DYMU", "UDMY", "MYDU", "UMDY", "DCUY", "CUDY", "UYDC", "YDUC")


def _load(store: Store, names: str) -> None:
    for name in names:
        assert ingest([FILES[name]], store, region=CITY).failed == []


def _named(path: str) -> str:
    return next(name for name, file in FILES.items() if str(file) == path)


def _newest_first(store: Store) -> str:
    """The versions, newest first, as removal and list_changes order them: the current one first."""
    return "".join(_named(row["path"]) for row in newest_first(store.read(_VERSIONS)))


def _charging_leads(store: Store) -> list[str]:
    [row] = [row for row in catalog.run(store, "matters") if row["matter"] == "电动自行车充电安全监管"]
    return row["leads"]


def _changes(store: Store) -> list[dict[str, object]]:
    """What each adjustment changed, as `list_changes` steps through the versions (oldest first)."""
    return catalog.run(store, "list_changes")


@pytest.mark.parametrize("order", ORDERS)
def test_removing_any_version_leaves_the_others_as_loaded_alone(store: Store, other_store: Store, order: str) -> None:
    for gone in order:
        store.clear()
        store.apply_schema()
        other_store.clear()
        other_store.apply_schema()
        _load(store, order)
        remove(store, find_documents(store, [str(FILES[gone])]))
        others = order.replace(gone, "")
        _load(other_store, others)
        assert whole_graph(store) == whole_graph(other_store), (order, gone)
        assert _newest_first(store) == _newest_first(other_store), (order, gone)
        assert _changes(store) == _changes(other_store), (order, gone)


@pytest.mark.parametrize(("order", "before", "after"), [("YMUD", "UMDY", "DUY"), ("MUYD", "YUMD", "DYU")])
def test_a_history_version_taken_out_may_make_another_current(store: Store, order: str, before: str,
                                                              after: str) -> None:
    _load(store, order)
    assert (_newest_first(store), _charging_leads(store)) == (before, [LEADS[before[0]]])
    removal = remove(store, find_documents(store, [str(FILES["M"])]))
    # D, kept as history below the version that took M's date, is loaded again from its file as current.
    assert [_named(document.path) for document in removal.restored] == ["D"]
    assert removal.stranded == []
    assert (_newest_first(store), _charging_leads(store)) == (after, [LEADS["D"]])
