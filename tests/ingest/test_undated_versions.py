"""Versions of a list that bear no date (no 更新日期 row, no year in the title or the file's name): each loaded
replaced the one before, so the one loaded last is the newest, and `dutygraph remove` of the current version brings
back the one loaded before it. Before, it brought back the history version first in uid order (a content hash), here
the 初稿 whichever was loaded last."""

from __future__ import annotations

import itertools
import os
from pathlib import Path, PurePath

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.versions import newest_first
from queries import catalog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "undated_versions"
CITY = Region(("临江市",))
# Three undated versions of 临江市部门职责边界清单: the 修订 moves 校外培训机构监管's 牵头 from 市教育局 to
# 市市场监督管理局, the 定稿 adds a matter. The 初稿's uid comes first (doc:a0e9…, the 修订's doc:e99f…).
DRAFT, REVISED, FINAL = (FIXTURES / name for name in ("bianjie_chugao.csv", "bianjie_xiuding.csv",
                                                       "bianjie_dinggao.csv"))
TUTORING = {REVISED: ["临江市市场监督管理局"], DRAFT: ["临江市教育局"]}


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        report = ingest([path], store, region=CITY)
        assert report.failed == [], report.failed


def _tutoring_leads(store: Store) -> list[str]:
    [row] = [row for row in catalog.run(store, "matters") if row["matter"] == "校外培训机构监管"]
    return row["leads"]


@pytest.mark.parametrize(("first", "second"), [(DRAFT, REVISED), (REVISED, DRAFT)])
def test_removing_the_current_version_brings_back_the_one_loaded_before_it(store: Store, first: Path,
                                                                           second: Path) -> None:
    _load(store, first, second, FINAL)
    removal = remove(store, find_documents(store, [str(FINAL)]))
    assert ([document.path for document in removal.restored], removal.stranded) == ([str(second)], [])
    assert [row["path"] for row in store.read("MATCH (d:Document) RETURN d.path AS path")] == [str(second)]
    assert [row["path"] for row in store.read("MATCH (v:ListVersion) RETURN v.path AS path")] == [str(first)]
    assert _tutoring_leads(store) == TUTORING[second]
    # And once more: the first loaded is all that is left.
    removal = remove(store, find_documents(store, [str(second)]))
    assert [document.path for document in removal.restored] == [str(first)]
    assert _tutoring_leads(store) == TUTORING[first]


def test_the_newest_is_by_date_where_two_differ_else_loaded_last() -> None:
    undated = [{"uid": "a", "title": "清单", "issued": "", "path": "清单.csv", "loaded": 7},
               {"uid": "b", "title": "清单", "issued": "", "path": "清单.csv", "loaded": None},  # no stamp: loaded first
               {"uid": "c", "title": "清单", "issued": "", "path": "清单.csv", "loaded": 2},
               {"uid": "d", "title": "清单", "issued": "", "path": "清单.csv", "loaded": 2}]  # one run's: by uid
    assert [version["uid"] for version in newest_first(undated)] == ["a", "c", "d", "b"]
    dated = [{"uid": "e", "title": "清单", "issued": "2023-01-01", "path": "清单.csv", "loaded": 9},
             {"uid": "f", "title": "2024年清单", "issued": "", "path": "清单.csv", "loaded": 3}]
    assert [version["uid"] for version in newest_first(dated)] == ["f", "e"]


def _folder(tmp_path: Path, named: dict[str, Path]) -> Path:
    """The fixtures copied under other names, each saved a second after the one before (the run's own choice of its
    newest, by the files' times, agreeing with the order it reads them in)."""
    folder = tmp_path / "清单"
    folder.mkdir()
    for at, (name, fixture) in enumerate(sorted(named.items())):
        copied = folder / name
        copied.write_bytes(fixture.read_bytes())
        os.utime(copied, (1_700_000_000 + at, 1_700_000_000 + at))
    return folder


def test_one_runs_undated_versions_are_ordered_as_the_run_reads_them(store: Store, tmp_path: Path) -> None:
    # a.csv (the 初稿) is read before b.csv (the 修订), but its uid comes first: sharing the run's one stamp, the
    # 初稿 came back. Each file its own place in load order, the 修订, read later, is the newer.
    folder = _folder(tmp_path, {"a.csv": DRAFT, "b.csv": REVISED, "c.csv": FINAL})
    report = ingest([folder], store, region=CITY)
    assert report.failed == [], report.failed
    stamps = store.read("MATCH (v:ListVersion) RETURN v.path AS path, v.loaded AS loaded ORDER BY path")
    assert [row["path"] for row in stamps] == [str(folder / "a.csv"), str(folder / "b.csv")]
    assert stamps[1]["loaded"] == stamps[0]["loaded"] + 1
    removal = remove(store, find_documents(store, [str(folder / "c.csv")]))
    assert [document.path for document in removal.restored] == [str(folder / "b.csv")]
    assert _tutoring_leads(store) == TUTORING[REVISED]


# A dated 2020, B undated, C dated 2021: compared two at a time (dates where both have one, else load order), loaded
# A 3rd, B 2nd, C 1st, A > B > C > A. The order: an undated version takes the date of the newest loaded before it
# (CAB: read after 2021 and 2020, the 更正 is 2021's correction and newest; it took 2020's, loaded just before it).
CYCLE = {"A": "2020-03-01", "B": "", "C": "2021-03-01"}
NEWEST_FIRST = {"ABC": "CBA", "ACB": "BCA", "BAC": "CAB", "BCA": "CAB", "CAB": "BCA", "CBA": "BCA"}


@pytest.mark.parametrize("loaded", sorted(NEWEST_FIRST))
def test_dated_and_undated_versions_have_one_order_whatever_order_they_come_in(loaded: str) -> None:
    versions = [{"uid": name.lower(), "title": "临江市部门职责边界清单", "issued": CYCLE[name], "path": "清单.csv",
                 "loaded": loaded.index(name) + 1} for name in CYCLE]
    orders = {"".join(version["uid"] for version in newest_first(given)).upper()
              for given in itertools.permutations(versions)}
    assert orders == {NEWEST_FIRST[loaded]}


def test_list_changes_steps_through_undated_versions_in_load_order(store: Store, tmp_path: Path) -> None:
    # The 初稿 loaded from b.csv, then the 修订 from a.csv, then the 定稿: by path, the steps ran 修订 → 初稿 → 定稿
    # (the 牵头 moved to 市教育局 and back); in load order, the 牵头 and 配合 swap once and the 定稿 adds a matter.
    folder = tmp_path / "清单"
    folder.mkdir()
    for name, fixture in (("b.csv", DRAFT), ("a.csv", REVISED), ("c.csv", FINAL)):
        (folder / name).write_bytes(fixture.read_bytes())
        _load(store, folder / name)
    rows = catalog.run(store, "list_changes")
    assert [(row["change"], row["matter"], row["before"], row["after"], PurePath(row["from_source"]).name.split()[0],
             PurePath(row["to_source"]).name.split()[0]) for row in rows] == [
        ("lead_changed", "校外培训机构监管", "市教育局", "市市场监督管理局", "b.csv", "a.csv"),
        ("assist_changed", "校外培训机构监管", "市市场监督管理局", "市教育局", "b.csv", "a.csv"),
        ("added", "电动自行车充电设施安全监管", "", "牵头：市应急管理局；配合：市住房和城乡建设局", "a.csv", "c.csv"),
    ]


# The same three versions as files: 2020 and 2021 bear a 印发日期 row, the 更正 (correction) none. Each names another
# 牵头 of 校外培训机构监管, so the current version shows in `matters`.
DATED = Path(__file__).resolve().parents[1] / "fixtures" / "dated_and_undated"
VERSION_FILES = {"A": DATED / "bianjie_2020.csv", "B": DATED / "bianjie_gengzheng.csv",
                 "C": DATED / "bianjie_2021.csv"}
VERSION_LEADS = {"A": ["临江市教育局"], "B": ["临江市文化广电旅游局"], "C": ["临江市市场监督管理局"]}
_VERSIONS = ("MATCH (d:Document) RETURN d.uid AS uid, d.title AS title, coalesce(d.issued, '') AS issued, "
             "d.path AS path, d.loaded AS loaded, true AS current UNION ALL "
             "MATCH (v:ListVersion) RETURN v.uid AS uid, v.title AS title, coalesce(v.issued, '') AS issued, "
             "v.path AS path, v.loaded AS loaded, false AS current")


def _named(path: str) -> str:
    return next(name for name, file in VERSION_FILES.items() if str(file) == path)


@pytest.mark.parametrize("loaded", sorted(NEWEST_FIRST))
def test_ingest_makes_current_the_version_the_order_ranks_newest(store: Store, loaded: str) -> None:
    # Loaded 2021, the 更正, then 2020 (CBA): ingest compared the 2020 list's date with the 更正's (none) and made it
    # current, while the order ranks the 更正 newest (it takes 2021's date): removing 2020 brought the 更正 back, and
    # list_changes ended at a history version. Now the 2020 list is kept as history.
    _load(store, *(VERSION_FILES[name] for name in loaded))
    [current] = [_named(row["path"]) for row in store.read("MATCH (d:Document) RETURN d.path AS path")]
    ranked = "".join(_named(row["path"]) for row in newest_first(store.read(_VERSIONS)))
    assert (current, ranked) == (NEWEST_FIRST[loaded][0], NEWEST_FIRST[loaded])
    assert _tutoring_leads(store) == VERSION_LEADS[current]
    steps = catalog.run(store, "list_changes")
    assert _named(steps[-1]["to_source"].split(" ")[0]) == current
    removal = remove(store, find_documents(store, [str(VERSION_FILES[current])]))
    assert [_named(document.path) for document in removal.restored] == [NEWEST_FIRST[loaded][1]]
    assert _tutoring_leads(store) == VERSION_LEADS[NEWEST_FIRST[loaded][1]]


def test_one_run_places_its_versions_among_those_the_graph_holds(store: Store, tmp_path: Path) -> None:
    # 2021 held, then the 更正 and 2020 (saved after it) read in one run: the run chose between its two alone (the
    # 更正 bears no date: the file saved last, 2020), then 2021 stayed current. The 更正, read first, takes 2021's
    # date, as when the three are loaded one by one (CBA).
    _load(store, VERSION_FILES["C"])
    copies = [tmp_path / VERSION_FILES[name].name for name in "BA"]
    for at, (name, copy) in enumerate(zip("BA", copies, strict=True)):
        copy.write_bytes(VERSION_FILES[name].read_bytes())
        os.utime(copy, (1_700_000_000 + at, 1_700_000_000 + at))
    report = ingest(copies, store, region=CITY)
    assert report.failed == [], report.failed
    assert [PurePath(row["path"]).name for row in newest_first(store.read(_VERSIONS))] == [
        "bianjie_gengzheng.csv", "bianjie_2021.csv", "bianjie_2020.csv"]
    assert _tutoring_leads(store) == VERSION_LEADS["B"]


@pytest.mark.parametrize(("given", "newest", "next_newest"), [
    (["folder"], "c.csv", "b.csv"),  # a folder's files in path order
    (["b.csv", "a.csv", "c.csv"], "c.csv", "a.csv"),  # files named, in the order given
])
def test_one_runs_undated_versions_follow_the_order_read_not_the_files_times(
        store: Store, tmp_path: Path, given: list[str], newest: str, next_newest: str) -> None:
    # Saved in the reverse of path order (a.csv last): the run made the file saved last (a.csv) current, while it
    # placed the others in read order, so removing it brought back b.csv ahead of c.csv, read after it.
    folder = tmp_path / "清单"
    folder.mkdir()
    for at, (name, fixture) in enumerate((("c.csv", FINAL), ("b.csv", REVISED), ("a.csv", DRAFT))):
        (folder / name).write_bytes(fixture.read_bytes())
        os.utime(folder / name, (1_700_000_000 + at, 1_700_000_000 + at))
    report = ingest([folder if name == "folder" else folder / name for name in given], store, region=CITY)
    assert report.failed == [], report.failed
    assert [row["path"] for row in store.read("MATCH (d:Document) RETURN d.path AS path")] == [str(folder / newest)]
    assert [PurePath(row["path"]).name for row in newest_first(store.read(_VERSIONS))][:2] == [newest, next_newest]
    removal = remove(store, find_documents(store, [str(folder / newest)]))
    assert [document.path for document in removal.restored] == [str(folder / next_newest)]
