"""职能转变 moves in a county's 三定 (ingest.changes, ingest.names): `划入县城市管理局` names a body of the county's own
government, not the lower governments (县（区）) work is handed down to; `原县农业局` names a body a reform abolished,
by its own name, never today's 农业农村局 by the abbreviation table. The corpus, an invented county, is
tests/fixtures/own_body_moves/."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.changes import classify_change
from ingest.model import Located
from ingest.names import FORMER_METHOD, NameResolver
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.transfers import transferred_still_held

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "own_body_moves"
CITY = Region(("云岭市",))
COUNTY = Region(("云岭市", "松林县"))
WHERE = Located(1, "第三条(五)")


@pytest.mark.parametrize(("names", "sentence", "expected"), [
    # The document's own level at the head of a body's name: a body of this government.
    (["松林县住房和城乡建设局"], "将城市道路挖掘占用审批职责划入县城市管理局。", ("transferred_out", "县城市管理局")),
    (["松林县住房和城乡建设局"], "将矿产资源开发监管职责划给县自然资源局。", ("transferred_out", "县自然资源局")),
    (["松林县城市管理局"], "将城市道路挖掘占用审批职责划入县城市管理局。", ("transferred_in", None)),
    (["云岭市河西区住房和城乡建设局"], "将城市道路挖掘占用审批职责划入区城市管理局。", ("transferred_out", "区城市管理局")),
    (["云岭市住房和城乡建设局"], "将城市道路挖掘占用审批职责划入市城市管理局。", ("transferred_out", "市城市管理局")),
    # A name with its region written out is one body whatever the document's level.
    (["云岭市住房和城乡建设局"], "将城市道路挖掘占用审批职责划入松林县城市管理局。", ("transferred_out", "松林县城市管理局")),
    # Another level's marker is no body of this government: a city's 县城市管理局 is every county's, handed down.
    (["云岭市住房和城乡建设局"], "将城市道路挖掘占用审批职责划入县城市管理局。", ("reform", None)),
    # The lower governments stay lower governments (devolved), in a county's 三定 too.
    (["松林县住房和城乡建设局"], "将农村危房改造竣工验收职责交由乡镇（街道）负责。", ("devolved", None)),
    (["松林县住房和城乡建设局"], "将小型工程备案移交县（区）。", ("devolved", None)),
    (["松林县住房和城乡建设局"], "将小型工程备案交由县（市、区）人民政府负责。", ("devolved", None)),
    (["松林县住房和城乡建设局"], "将小型工程备案交由县级自然资源局负责。", ("devolved", None)),
    (["松林县住房和城乡建设局"], "将小型工程备案划给各县自然资源局。", ("reform", None)),
    # A body a reform abolished keeps its 原: the resolver reads it by that name alone.
    (["松林县水利局"], "将原县农业局承担的农田水利建设职责划入县水利局。", ("transferred_in", "原县农业局")),
])
def test_a_move_to_a_body_of_the_documents_own_government(names: list[str], sentence: str,
                                                          expected: tuple[str, str | None]) -> None:
    change = classify_change(sentence, WHERE, names)
    assert (change.kind, change.counterpart) == expected


def test_a_former_body_is_read_by_its_own_name_alone() -> None:
    resolver = NameResolver()
    resolver.define(COUNTY, "松林县农业农村局", [])
    former = resolver.resolve("原县农业局", COUNTY)
    assert (former.uid, former.name, former.status, former.method) == (
        "dept:云岭市/松林县/农业局", "松林县农业局", "unresolved", FORMER_METHOD)
    # Without 原, the short form is today's body, as before.
    assert resolver.resolve("县农业局", COUNTY).name == "松林县农业农村局"
    # A department of exactly that name (the abolished body's own 三定 loaded) is the one meant.
    resolver.define(COUNTY, "松林县农业局", [])
    assert (resolver.resolve("原县农业局", COUNTY).name, resolver.resolve("原县农业局", COUNTY).method) == (
        "松林县农业局", "exact")
    # 原平市 is a city's name, not 原 + 平市.
    assert resolver.resolve("原平市农业局", COUNTY).method != FORMER_METHOD


def _moves(store: Store, department: str) -> list[tuple[str, str, str]]:
    rows = catalog.run(store, "department_transfers", {"department": department})
    return [(row["direction"], row["other"], row["what"]) for row in rows]


def test_a_county_sandings_move_to_its_own_city_management_bureau(store: Store) -> None:
    assert ingest([CORPUS / "songlin_zhujian.txt", CORPUS / "songlin_chengguan.txt"], store, region=CITY).failed == []
    moved = "将城市道路挖掘占用审批职责划入县城市管理局。"
    assert _moves(store, "dept:云岭市/松林县/住房和城乡建设局") == [("out", "松林县城市管理局", moved)]
    assert _moves(store, "dept:云岭市/松林县/城市管理局") == [("in", "松林县住房和城乡建设局", moved)]
    # The giver's 三定 moves the work out and still states it: a 职责划转 to follow up.
    found = transferred_still_held(store, "云岭市/松林县")
    assert [(row["giver"], row["receiver"], row["work"], row["finding"], row["evidence"]) for row in found] == [
        ("松林县住房和城乡建设局", "松林县城市管理局", "城市道路挖掘占用审批", "giver_still_holds", "负责城市道路挖掘占用审批，监督挖掘后的道路恢复质量。")]


def test_work_taken_over_from_an_abolished_body_is_no_move_between_standing_departments(store: Store) -> None:
    assert ingest([CORPUS], store, region=CITY).failed == []
    taken = "将原县农业局承担的农田水利建设职责划入县水利局。"
    assert _moves(store, "dept:云岭市/松林县/水利局") == [("in", "松林县农业局", taken)]
    assert _moves(store, "dept:云岭市/松林县/农业农村局") == []
    # How the 水利局 came to hold the work: department_transfers says it, region_transfers (职责划转) does not.
    givers = {row["giver"] for row in catalog.run(store, "region_transfers", {"region": "云岭市/松林县"})}
    assert givers == {"松林县住房和城乡建设局"}
    # A later load re-resolves the graph's parties: the abolished body stays itself.
    assert ingest([CORPUS / "songlin_nongye.txt"], store, region=CITY).failed == []
    assert _moves(store, "dept:云岭市/松林县/水利局") == [("in", "松林县农业局", taken)]


def test_the_abolished_bodys_own_sanding_is_the_body_named(store: Store, tmp_path: Path) -> None:
    """Loaded before or after, a 三定 of the 农业局 itself makes the party it: one node, defined, the same move."""
    (tmp_path / "songlin_nongye_2010.txt").write_text(
        "松林县农业局主要职责内设机构和人员编制规定\n一、主要职责\n（一）负责全县农业发展和农田水利建设。\n"
        "二、人员编制\n县农业局机关行政编制12名。\n", encoding="utf-8")
    assert ingest([CORPUS / "songlin_shuili.txt"], store, region=CITY).failed == []
    assert ingest([tmp_path], store, region=CITY).failed == []
    rows = store.read("MATCH (d:Department {uid: $uid}) RETURN d.name AS name, d.unresolved AS unresolved",
                      {"uid": "dept:云岭市/松林县/农业局"})
    assert rows == [{"name": "松林县农业局", "unresolved": False}]
    assert _moves(store, "dept:云岭市/松林县/水利局") == [
        ("in", "松林县农业局", "将原县农业局承担的农田水利建设职责划入县水利局。")]
