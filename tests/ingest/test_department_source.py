"""A department's `source` (what the profile and the report cite for it) does not depend on the load order: the
documents that define it (三定, 调整 notices) before those that only name it; among the defining ones the latest dated
(as a removal restates it: ingest.restate), among the naming ones the least clause (document uid, then clause: as
ingest.load.forget_documents restates it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.ingest.test_remove_version import _2024
from tests.ingest.test_revised_sanding import _2019

CITY = Region(("临川市",))
# Two lists that name the same bodies, none of which has a 三定 loaded: each a party of the lists only.
_LIST = ("{title}\n序号,事项名称,牵头部门,配合部门,职责分工\n1,{matter},临川市公安局,临川市交通运输局,{matter}由公安局牵头。\n"
         "2,河道两侧{matter},临川市公安局,临川市河道管理局,河道两侧{matter}由公安局牵头。\n")
_FILES = {"hedao_2019.txt": _2019, "hedao_2024.txt": _2024,
          "bianjie_a.csv": _LIST.format(title="临川市道路职责边界清单", matter="道路交通事故现场处置"),
          "bianjie_b.csv": _LIST.format(title="临川市停车职责边界清单", matter="占道停车管理")}

# Which file each department cites: the latest 三定 that defines it, else the least of the lists that name it.
CITED = {("hedao_2019.txt", "hedao_2024.txt"): [("临川市公安局", "hedao_2019.txt"), ("临川市城市管理局", "hedao_2024.txt"),
                                                ("临川市河道管理局", "hedao_2024.txt")],
         ("bianjie_a.csv", "bianjie_b.csv"): [("临川市交通运输局", "bianjie_b.csv"), ("临川市公安局", "bianjie_b.csv"),
                                              ("临川市河道管理局", "bianjie_b.csv")],
         # Named by the list too, the 河道管理局 cites the 三定 that defines it, whichever uid is the lesser.
         ("bianjie_a.csv", "hedao_2024.txt"): [("临川市交通运输局", "bianjie_a.csv"), ("临川市公安局", "bianjie_a.csv"),
                                               ("临川市城市管理局", "hedao_2024.txt"),
                                               ("临川市河道管理局", "hedao_2024.txt")]}


def _departments(store: Store) -> list[dict[str, object]]:
    """Every department as the graph holds it, and its place in its region; `alias_sources` as a set (its order is
    the load order's, and nothing reads it in order)."""
    rows = store.read("MATCH (r:Region)-[h:HAS_DEPARTMENT]->(d:Department) RETURN r.uid AS region, h.source AS placed, "
                      "properties(d) AS department ORDER BY d.uid")
    for row in rows:
        row["department"]["alias_sources"] = sorted(row["department"].get("alias_sources") or [])
    return rows


@pytest.mark.parametrize("names", [["hedao_2019.txt", "hedao_2024.txt"], ["bianjie_a.csv", "bianjie_b.csv"],
                                   ["bianjie_a.csv", "hedao_2024.txt"]])
def test_a_department_cites_the_same_document_whatever_the_load_order(store: Store, other_store: Store,
                                                                      tmp_path: Path, names: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text(_FILES[name], encoding="utf-8")
    for graph, order in ((store, names), (other_store, names[::-1])):
        for name in order:
            assert ingest([tmp_path / name], graph, region=CITY).failed == []
    assert _departments(store) == _departments(other_store)
    files = {row["uid"]: Path(row["path"]).name for row in store.read("MATCH (d:Document) RETURN d.uid AS uid, "
                                                                      "d.path AS path")}
    assert [(row["department"]["name"], files[row["department"]["source"].split("#")[0]])
            for row in _departments(store)] == CITED[tuple(names)]
