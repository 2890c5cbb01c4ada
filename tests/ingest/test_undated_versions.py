"""Versions of a list that bear no date (no 更新日期 row, no year in the title or the file's name): each loaded
replaced the one before, so the one loaded last is the newest, and `dutygraph remove` of the current version brings
back the one loaded before it. Before, it brought back the history version first in uid order (a content hash), here
the 初稿 whichever was loaded last."""

from __future__ import annotations

from pathlib import Path

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
