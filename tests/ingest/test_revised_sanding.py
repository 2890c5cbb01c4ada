"""A department's 三定 revised, or adjusted by a 调整职责机构编制 notice: what stays current. Loaded in either order,
the graph answers alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.sources import document_titles, with_readable_sources

CITY = Region(("临川市",))
_SANDING = """临川市河道管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市河道管理局是市政府工作部门，为正处级。
第三条 临川市河道管理局负责全市河道管理工作。主要职责是：
（一）负责河道堤防的日常管理和维护。
（二）负责河道采砂的监督管理。
（三）完成市委、市政府交办的其他任务。
第四条 临川市河道管理局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）堤防科。负责河道堤防的日常管理和维护。
第五条 临川市河道管理局机关行政编制12名。设局长1名，副局长2名。
第六条 职责分工。
（一）{clause}
第七条 本规定自{date}起施行。
"""
_2019 = _SANDING.format(clause="河道采砂管理。临川市河道管理局牵头，临川市公安局配合。", date="2019年3月1日")
_2027 = _SANDING.format(clause="河道保洁。临川市河道管理局牵头，临川市城市管理局配合。", date="2027年1月1日")
_ADJUSTMENT = """关于调整临川市河道管理局职责机构编制的通知
（2023年5月10日）
一、将临川市水利局的河道防洪调度职责划入临川市河道管理局。
二、调整后，临川市河道管理局内设机构3个，行政编制14名。
"""


def _load(store: Store, tmp_path: Path, texts: list[tuple[str, str]]) -> None:
    for name, text in texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert ingest([tmp_path / name], store, region=CITY).failed == []


@pytest.mark.parametrize("newer_first", [False, True])
def test_a_revised_sanding_supersedes_the_clauses_the_earlier_one_stated(store: Store, tmp_path: Path,
                                                                          newer_first: bool) -> None:
    """The 2019 clause (河道采砂管理, 公安局 assisting) stayed a current 配合事项 after the 2027 三定 dropped it."""
    texts = [("2019.txt", _2019), ("2027.txt", _2027)]
    _load(store, tmp_path, texts[::-1] if newer_first else texts)
    parties = [(r["matter"], r["role"], r["department"]) for r in catalog.run(store, "matter_parties")]
    assert parties == [("河道保洁", "ASSISTS", "临川市城市管理局"), ("河道保洁", "LEADS", "临川市河道管理局")]
    assert [(r["matter"], r["leads"], r["assists"]) for r in catalog.run(store, "matters")] == [
        ("河道保洁", ["临川市河道管理局"], ["临川市城市管理局"])]
    police = store.read("MATCH (d:Department {name: '临川市公安局'}) RETURN d.uid AS uid")[0]["uid"]
    assert catalog.run(store, "department_roles", {"uid": police}) == []
    # Kept as history: the clause is there, marked.
    assert store.read("MATCH (:Department)-[c:ASSISTS]->(m:Matter {name: '河道采砂管理'}) "
                      "RETURN c.superseded AS superseded, c.stated AS stated") == [
        {"superseded": True, "stated": "2019-03-01"}]


@pytest.mark.parametrize("notice_first", [False, True])
def test_an_adjustment_notice_keeps_the_sanding_duties_current(store: Store, tmp_path: Path,
                                                               notice_first: bool) -> None:
    """A 2023 notice moving one duty in took the 三定日期: the 三定's own duties counted as no longer stated (职责数 1),
    and, loaded first, it left 规格 and 类型 empty for good."""
    texts = [("sanding.txt", _2019), ("adjustment.txt", _ADJUSTMENT)]
    _load(store, tmp_path, texts[::-1] if notice_first else texts)
    row = catalog.run(store, "departments", {"region": "临川市"})
    facts = [(r["department"], r["kind"], r["rank"], r["staff_quota"], r["duties"], r["issued"]) for r in row
             if r["department"] == "临川市河道管理局"]
    assert facts == [("临川市河道管理局", "政府工作部门", "正处级", 14, 4, "2019-03-01")]


def test_a_sanding_and_its_revision_are_cited_apart(store: Store, tmp_path: Path) -> None:
    """Both read 《临川市河道管理局职能配置、内设机构和人员编制规定》第六条(一): two different clauses, one citation."""
    _load(store, tmp_path, [("2019.txt", _2019), ("2027.txt", _2027)])
    rows = store.read("MATCH (:Department)-[c:LEADS]->(m:Matter) RETURN m.name AS matter, c.source AS source "
                      "ORDER BY matter")
    title = "《临川市河道管理局职能配置、内设机构和人员编制规定》"
    assert with_readable_sources(rows, document_titles(store)) == [
        {"matter": "河道保洁", "source": f"{title}（2027年）第六条(一)"},
        {"matter": "河道采砂管理", "source": f"{title}（2019年）第六条(一)"}]


_WATER = """临川市水利局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市水利局是市政府工作部门，为正处级。
第三条 临川市水利局负责全市水利工作。主要职责是：
（一）负责水资源的统一监督管理。
（二）负责河道采砂的统一管理和监督检查。
（三）完成市委、市政府交办的其他任务。
第四条 临川市水利局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）河湖科。负责河道采砂的统一管理和监督检查。
第五条 临川市水利局机关行政编制10名。设局长1名，副局长2名。
第六条 本规定自2019年3月1日起施行。
"""
# The revision drops 河道采砂 (the 水利局 holds it), as a revised 三定 hands a shared duty to one department.
_2027_WITHOUT_SAND = _2027.replace("（二）负责河道采砂的监督管理。\n（三）", "（二）")


def _similar_texts(store: Store) -> list[tuple[str, str]]:
    return sorted((r["a_text"], r["b_text"]) for r in catalog.run(store, "similar_duties", {"region": "临川市"})
                  if r["a_department"] != r["b_department"])


@pytest.mark.parametrize("newer_first", [False, True])
def test_a_duty_the_revision_drops_leaves_the_overlaps(store: Store, tmp_path: Path, newer_first: bool) -> None:
    """Investigator's user test: after a revised 三定 dropped a duty, overlaps and the department's report still cited
    the 2019 text as work the department does (department_duties had dropped it). Loaded before its revision, the
    2019 duty overlaps the 水利局's; after it, or loaded after it, it does not."""
    assert "河道采砂" not in _2027_WITHOUT_SAND
    _load(store, tmp_path, [("water.txt", _WATER)])
    versions = [("2019.txt", _2019), ("2027.txt", _2027_WITHOUT_SAND)]
    if not newer_first:
        _load(store, tmp_path, versions[:1])
        assert _similar_texts(store) == [("负责河道采砂的统一管理和监督检查。", "负责河道采砂的监督管理。")]
        _load(store, tmp_path, versions[1:])
    else:
        _load(store, tmp_path, versions[::-1])
    assert _similar_texts(store) == []
    duties = catalog.run(store, "department_duties", {"department": "临川市河道管理局"})
    assert [r["text"] for r in duties if not r["office"]] == ["负责河道堤防的日常管理和维护。", "完成市委、市政府交办的其他任务。"]
