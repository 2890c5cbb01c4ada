"""将A的…职责划入B where the document's department is neither A nor B (ingest.changes.move_change): the move is A's
and B's, never one of the department's. A 调整 notice of 教育局 moving 林业局's work into 应急管理局 gave a TRANSFERRED_TO
from 教育局 (user report); its own department written 县教育局 gave one from 教育局 to itself.

The corpus, an invented county, is tests/fixtures/third_party_moves: the 2021 三定 of 林业局, 应急管理局 and 教育局
(加挂县语言文字工作委员会牌子), 住建局's 2022 三定 (职能转变: 将县林业局的古树名木保护管理职责划入县城市管理局) and
教育局's 2024 notice (一、 work moved into 县教育局; 二、 林业局's into 应急管理局, with a post; 三、 林业局's into the
教育局 by its plate's name)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.amendment import parse_amendment
from ingest.changes import classify_change
from ingest.model import Located
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from queries.transfers import transferred_still_held
from tests.ingest.conftest import whole_graph_but_contains_source

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "third_party_moves"
SANDINGS = [CORPUS / name for name in ("qingxi_linye_2021.txt", "qingxi_yingji_2021.txt", "qingxi_jiaoyu_2021.txt",
                                       "qingxi_zhujian_2022.txt")]
NOTICE = CORPUS / "qingxi_jiaoyu_notice_2024.txt"
CITY = Region(("澄江市",))
COUNTY = "dept:澄江市/青溪县/"


def test_a_notice_reads_each_side_by_the_departments_identity() -> None:
    numbered = list(enumerate(read_source(NOTICE).text.splitlines(), start=1))
    notice = parse_amendment(NOTICE, numbered)
    assert [(change.kind, change.subject, change.giver, change.counterpart) for change in notice.changes] == [
        ("transferred_in", "青少年业余体育训练", None, "县体育局"),
        ("moved", "森林防火监督管理", "青溪县林业局", "青溪县应急管理局"),
        # A plate's name is no spelling of the department's: the resolver finds it the 教育局 (ingest.records).
        ("moved", "林区学校管理", "青溪县林业局", "县语言文字工作委员会"),
    ]


def test_a_sandings_move_between_two_other_departments() -> None:
    where = Located(1, "第三条(四)")
    sentence = "将县林业局的古树名木保护管理职责划入县城市管理局。"
    change = classify_change(sentence, where, ["青溪县住房和城乡建设局"])
    assert (change.kind, change.giver, change.counterpart) == ("moved", "县林业局", "县城市管理局")
    # The department's own work moved, or work moved into it, as before.
    assert classify_change(sentence, where, ["青溪县林业局"]).kind == "transferred_out"
    assert classify_change(sentence, where, ["青溪县城市管理局"]).kind == "transferred_in"
    assert classify_change("将城市道路挖掘占用审批职责划入县城市管理局。", where, ["青溪县住房和城乡建设局"]).kind == (
        "transferred_out")


def _moves(store: Store) -> list[tuple[str, str, str, int | None]]:
    rows = store.read("MATCH (a:Department)-[t:TRANSFERRED_TO]->(b:Department) "
                      "RETURN a.name AS a, b.name AS b, t.what AS what, t.staff AS staff ORDER BY a, b, what, staff")
    return [(row["a"], row["b"], row["what"], row["staff"]) for row in rows]


def _transfers(store: Store, department: str) -> list[tuple[str, str, str]]:
    rows = catalog.run(store, "department_transfers", {"department": COUNTY + department})
    return [(row["direction"], row["other"], row["what"]) for row in rows]


def test_the_moves_are_the_two_departments(store: Store) -> None:
    assert ingest([*SANDINGS, NOTICE], store, region=CITY).failed == []
    assert _moves(store) == [
        ("青溪县住房和城乡建设局", "青溪县城市管理局", "将城市道路挖掘占用审批职责划入县城市管理局。", None),
        ("青溪县体育局", "青溪县教育局", "青少年业余体育训练", None),
        ("青溪县林业局", "青溪县城市管理局", "将县林业局的古树名木保护管理职责划入县城市管理局。", None),
        ("青溪县林业局", "青溪县应急管理局", "森林防火监督管理", None),
        ("青溪县林业局", "青溪县应急管理局", "行政编制", 1),
        ("青溪县林业局", "青溪县教育局", "林区学校管理", None),
    ]
    assert _transfers(store, "教育局") == [("in", "青溪县体育局", "青少年业余体育训练"),
                                        ("in", "青溪县林业局", "林区学校管理")]
    assert _transfers(store, "林业局") == [
        ("out", "青溪县城市管理局", "将县林业局的古树名木保护管理职责划入县城市管理局。"),
        ("out", "青溪县应急管理局", "森林防火监督管理"), ("out", "青溪县教育局", "林区学校管理")]
    assert _transfers(store, "应急管理局") == [("in", "青溪县林业局", "森林防火监督管理")]
    assert _transfers(store, "住房和城乡建设局") == [
        ("out", "青溪县城市管理局", "将城市道路挖掘占用审批职责划入县城市管理局。")]
    # The notice's duties: the receiver's current, the giver's transferred; none of a third party's work is 教育局's.
    duties = store.read("MATCH (d:Duty) WHERE d.source STARTS WITH $notice "
                        "RETURN d.holder AS holder, d.text AS text, d.status AS status ORDER BY holder, text, status",
                        {"notice": _notice_uid(store)})
    assert [(row["holder"].removeprefix(COUNTY), row["text"], row["status"]) for row in duties] == [
        ("应急管理局", "森林防火监督管理", "current"),
        ("教育局", "林区学校管理", "current"),
        ("教育局", "青少年业余体育训练", "current"),
        ("文化广电旅游体育局", "青少年业余体育训练", "transferred"),  # 县体育局, kept as the abbreviation table reads it
        ("林业局", "林区学校管理", "transferred"),
        ("林业局", "森林防火监督管理", "transferred"),
    ]
    # The 林业局's 三定 still states the work moved: a 职责划转 to follow up, between the two departments.
    held = transferred_still_held(store, "澄江市/青溪县")
    assert sorted({(row["giver"], row["receiver"], row["finding"]) for row in held}) == [
        ("青溪县林业局", "青溪县应急管理局", "giver_still_holds")]


def _notice_uid(store: Store) -> str:
    return store.read("MATCH (d:Document) WHERE d.kind = 'amendment' RETURN d.uid AS uid")[0]["uid"]


def test_removing_the_notice_gives_back_the_graph_without_it(store: Store, other_store: Store) -> None:
    assert ingest([*SANDINGS, NOTICE], store, region=CITY).failed == []
    remove(store, find_documents(store, [str(NOTICE)]))
    assert ingest(SANDINGS, other_store, region=CITY).failed == []
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


def test_the_department_named_by_its_short_name_is_its_own_side(store: Store, tmp_path: Path) -> None:
    """县住建局 in 住房和城乡建设局's own 三定 and notice is the department (the abbreviation table reads it so): its
    own move out and a move into it, not a third party's (review: an unresolved 住建局 was kept beside it)."""
    sanding = tmp_path / "qingxi_zhujian_2023.txt"
    sanding.write_text(read_source(SANDINGS[3]).text.replace(
        "将城市道路挖掘占用审批职责", "将县住建局的城市道路挖掘占用审批职责"), encoding="utf-8")
    notice = tmp_path / "qingxi_zhujian_notice_2024.txt"
    notice.write_text("关于调整青溪县住房和城乡建设局职责机构编制的通知\n（2024年5月1日）\n"
                      "一、将县林业局的城市绿化管理职责划入县住建局。\n", encoding="utf-8")
    assert ingest([*SANDINGS[:3], sanding, notice], store, region=CITY).failed == []
    assert [move for move in _moves(store) if "住" in move[0] + move[1]] == [
        ("青溪县住房和城乡建设局", "青溪县城市管理局", "将县住建局的城市道路挖掘占用审批职责划入县城市管理局。", None),
        ("青溪县林业局", "青溪县住房和城乡建设局", "城市绿化管理", None),
    ]
    named = store.read("MATCH (d:Department) WHERE d.name CONTAINS '住' RETURN d.name AS name ORDER BY name")
    assert [row["name"] for row in named] == ["青溪县住房和城乡建设局"]
