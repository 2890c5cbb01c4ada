"""One 三定 (or 调整 notice) of a department that has several loaded comes out: the department's facts, offices and
duties are then what loading the others alone gives (ingest.restate). Before, the removal was refused, since the
graph kept the newest version's staffing and dates only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from tests.ingest.test_revised_sanding import _ADJUSTMENT, _2019

CITY = Region(("临川市",))
# A revision of the 2019 三定 (test_revised_sanding's): a duty dropped, one added, the others renumbered; an office added before the 堤防科; staffing changed;
# its own 职责分工 clause in place of the 2019 one.
_2024 = """临川市河道管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市河道管理局是市政府工作部门，为正处级。
第三条 临川市河道管理局负责全市河道管理工作。主要职责是：
（一）负责河道保洁的组织实施。
（二）负责河道堤防的日常管理和维护。
（三）完成市委、市政府交办的其他任务。
第四条 临川市河道管理局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）保洁科。负责河道保洁的组织实施。
（三）堤防科。负责河道堤防的日常管理和维护。
第五条 临川市河道管理局机关行政编制15名。设局长1名，副局长3名。
第六条 职责分工。
（一）河道保洁。临川市河道管理局牵头，临川市城市管理局配合。
第七条 本规定自2024年1月1日起施行。
"""
_FILES = {"hedao_2019.txt": _2019, "hedao_tiaozheng_2023.txt": _ADJUSTMENT, "hedao_2024.txt": _2024}

# What a removal touches: the department, its offices and duties, and their edges (provenance, holding, clauses).
_NODES = ("MATCH (n) WHERE n:Department OR n:Office OR n:Duty "
          "RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.uid")
_EDGES = ("MATCH (a)-[e:FROM|HAS_DUTY|HAS_OFFICE|HAS_DEPARTMENT|LEADS|ASSISTS|TRANSFERRED_TO]->(b) "
          "WHERE NOT b:Document OR NOT a:Matter "
          "RETURN a.uid AS a, type(e) AS type, b.uid AS b, properties(e) AS props ORDER BY a, type, b, e.source")


def _touched(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return store.read(_NODES), store.read(_EDGES)


def _load(store: Store, folder: Path, names: list[str]) -> None:
    """Loaded one at a time, in date order, as an office loads its 三定 as they come."""
    for name in names:
        (folder / name).write_text(_FILES[name], encoding="utf-8")
        assert ingest([folder / name], store, region=CITY).failed == []


@pytest.mark.parametrize("removed", ["hedao_2024.txt", "hedao_2019.txt", "hedao_tiaozheng_2023.txt"])
def test_one_version_out_leaves_what_loading_the_others_gives(store: Store, other_store: Store, tmp_path: Path,
                                                                removed: str) -> None:
    kept = [name for name in _FILES if name != removed]
    (tmp_path / "all").mkdir()
    (tmp_path / "fresh").mkdir()
    _load(store, tmp_path / "all", list(_FILES))
    remove(store, find_documents(store, [removed]))
    _load(other_store, tmp_path / "fresh", kept)
    nodes, edges = _touched(store)
    fresh_nodes, fresh_edges = _touched(other_store)
    # The two loads' paths differ by their folder; everything else is the same.
    assert nodes == fresh_nodes
    assert [{**edge, "props": _unfoldered(edge["props"])} for edge in edges] == [
        {**edge, "props": _unfoldered(edge["props"])} for edge in fresh_edges]


def test_the_newest_out_restores_the_earlier_staffing_and_duties(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, list(_FILES))
    remove(store, find_documents(store, ["hedao_2024.txt"]))
    [department] = store.read("MATCH (d:Department {name: '临川市河道管理局'}) RETURN d.staff_quota AS staff, "
                              "d.leader_posts AS leaders, d.sanding_issued AS sanding, d.facts_issued AS facts")
    # The notice's 调整后 total stands over the 2019 三定's; the 三定日期 is 2019's again.
    assert department == {"staff": 14, "leaders": 3, "sanding": "2019-03-01", "facts": "2023-05-10"}
    assert store.read("MATCH (:Department {name: '临川市河道管理局'})-[:HAS_DUTY]->(u:Duty) "
                      "WHERE u.status = 'current' AND u.last_stated >= '2019-03-01' "
                      "RETURN u.ordinal AS ordinal, u.text AS text ORDER BY text") == [
        {"ordinal": 3, "text": "完成市委、市政府交办的其他任务。"},
        {"ordinal": None, "text": "河道防洪调度"},
        {"ordinal": 1, "text": "负责河道堤防的日常管理和维护。"},
        {"ordinal": 2, "text": "负责河道采砂的监督管理。"}]
    assert store.read("MATCH (:Department)-[c:LEADS|ASSISTS]->(m:Matter) "
                      "RETURN m.name AS matter, type(c) AS role, c.superseded AS superseded ORDER BY matter, role") == [
        {"matter": "河道采砂管理", "role": "ASSISTS", "superseded": False},
        {"matter": "河道采砂管理", "role": "LEADS", "superseded": False}]


def _unfoldered(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key != "path"}
