"""A county's 安委会成员单位安全生产工作职责 (tests/fixtures/anwei_zhize, over tests/fixtures/anquan_xinyetai's
corpus): each member's paragraph, numbered or a table's row, names the sectors whose safety it leads, and an unclaimed
item's owner or a no-lead complaint's party is cited by it (安委会职责 第N项) where its 三定 or the 三定's rule was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.errors import IngestError
from ingest.pipeline import ingest, parse_file
from queries.orphans import orphan_supervision_items
from queries.report import build_report
from queries.sources import document_titles, readable_source
from queries.who_handles import who_handles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = "北湖市/云溪县"
ZHUJIAN = ("负责住房和城乡建设行业安全生产监督管理，指导督促物业服务企业落实住宅小区共用部位和共用设施设备的安全管理责任，"
           "会同县消防救援大队做好住宅小区电动自行车集中充电设施安全管理")
WENLV = "负责文化和旅游行业安全生产监督管理，指导督促剧本娱乐经营场所、密室逃脱类场所落实安全生产主体责任"


def _county(tmp: Path, committee: str | None) -> Store:
    corpus = tmp / "corpus"
    shutil.copytree(FIXTURES / "anquan_xinyetai" / "corpus", corpus)
    if committee is not None:
        shutil.copy(FIXTURES / "anwei_zhize" / committee, corpus / committee)
    store = open_store(f"embedded:{tmp / 'store'}")
    report = ingest([corpus], store)
    assert [outcome.error for outcome in report.failed] == []
    return store


@pytest.fixture(scope="module")
def paragraphs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _county(tmp_path_factory.mktemp("anwei-text"), "yunxi_anwei_zhize.txt")
    yield store
    store.close()


def _owners(store: Store, *codes: str) -> list[tuple[str, str, str, str, str]]:
    rows = {row["code"]: row["suggested_owners"] for row in orphan_supervision_items(store, region=COUNTY)}
    titles = document_titles(store)
    return [(code, o["department"], o["sector_safety"], o["sector_rule"],
             readable_source(o["sector_rule_source"], titles) if o["sector_rule_source"] else "")
            for code in codes for o in rows[code]]


def test_the_numbered_members_are_read_with_their_lines(tmp_path: Path) -> None:
    [(_workbook, parsed)] = parse_file(FIXTURES / "anwei_zhize" / "yunxi_anwei_zhize.txt", "auto")[1]
    assert (parsed.kind, parsed.title, parsed.doc_number) == (
        "safety_committee", "云溪县安全生产委员会成员单位安全生产工作职责", "云安委〔2024〕3号")
    assert [(r.department, r.where.row, r.where.seq, r.text[:12]) for r in parsed.records] == [
        ("县应急管理局", 4, "一项", "负责全县安全生产综合监督"), ("县住房和城乡建设局", 5, "二项", "负责住房和城乡建设行业安"),
        ("县文化和旅游局", 7, "三项", "负责文化和旅游行业安全生"), ("县消防救援大队", 8, "四项", "依法开展消防监督检查，指"),
        ("县教育局", 9, "五项", "负责教育行业安全生产监督")]
    # A hard line break inside a member's paragraph continues it; the signature after the last one is no part of it.
    assert parsed.records[1].text == ZHUJIAN + "。"
    assert parsed.records[4].text == "负责教育行业安全生产监督管理，指导各类学校落实安全管理责任。"


def test_an_unclaimed_items_owner_is_cited_by_its_committee_paragraph(paragraphs: Store) -> None:
    # 住建局's 三定 clause the 充电设施 item met names no sector; the 安委会 gives it 住房和城乡建设's. 文旅局's sectors
    # are its 三定's, now cited by its own 第三项, not by 应急管理局's rule for every sector. 消防救援大队's paragraph
    # names no sector's 安全生产.
    doc = "《云溪县安全生产委员会成员单位安全生产工作职责》"
    assert _owners(paragraphs, "YX3002", "YX2003") == [
        ("YX3002", "云溪县住房和城乡建设局", "住房、城乡建设", ZHUJIAN, f"{doc}第二项（第5行）"),
        ("YX3002", "云溪县消防救援大队", "", "", ""),
        ("YX2003", "云溪县文化和旅游局", "文化、旅游", WENLV, f"{doc}第三项（第7行）"),
        ("YX2003", "云溪县消防救援大队", "", "", ""), ("YX2003", "云溪县公安局", "", "", "")]
    report = build_report(paragraphs, region=COUNTY)
    orphans = next(section for section in report.sections if section.key == "orphan_supervision_items")
    charging = next(row["suggested"] for row in orphans.rows if row["code"] == "YX3002")
    assert f"；行业主管：住房、城乡建设行业安全生产（安委会职责：{ZHUJIAN}，{doc}第二项（第5行））" in charging


def test_a_no_lead_complaint_cites_the_committee_and_a_led_one_does_not_take_its_sectors(paragraphs: Store) -> None:
    def sectors(text: str) -> list[tuple[str, str, str]]:
        return [(row["department"], row["sector_safety"], row["sector_rule_source"].partition("#")[2])
                for row in who_handles(paragraphs, text, region=COUNTY) if row["sector_safety"]]

    # 密室逃脱 no one leads: 文旅局's sectors are cited by its 第三项, not 应急管理局's 第六条(一). 商务局's sectors are
    # its 三定's and the 安委会 names it not: the 三定's rule stays its citation. A department met on a clause that names
    # no sector, for a complaint about a matter someone leads, takes no sector from the 安委会.
    assert [sectors("密室逃脱店里的通道太窄还很黑，应急照明都没有"), sectors("商场超市的消防通道被货物堵死了")] == [
        [("云溪县文化和旅游局", "文化、旅游", "第7行")], [("云溪县商务局", "商贸流通", "第六条(一)")]]


def test_the_table_form_reads_as_the_paragraphs(tmp_path: Path) -> None:
    store = _county(tmp_path, "yunxi_anwei_zhize_biao.csv")
    try:
        doc = "《云溪县安全生产委员会成员单位安全生产工作职责清单》"
        assert _owners(store, "YX3002") == [
            ("YX3002", "云溪县住房和城乡建设局", "住房、城乡建设",
             "负责住房和城乡建设行业安全生产监督管理，指导督促物业服务企业落实住宅小区共用部位和共用设施设备的安全管理责任",
             f"{doc}序号1（第3行）"),
            ("YX3002", "云溪县消防救援大队", "", "", "")]
    finally:
        store.close()


def test_a_member_the_graph_does_not_hold_is_an_unresolved_party_as_a_lists(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "anquan_xinyetai" / "corpus", corpus)
    shutil.copy(FIXTURES / "anwei_zhize" / "yunxi_anwei_zhize.txt", corpus)
    store = open_store(f"embedded:{tmp_path / 'store'}")
    try:
        report = ingest([corpus], store)
        assert sorted({(u.mention, u.status) for u in report.unresolved if u.mention == "县教育局"}) == [
            ("县教育局", "unresolved")]
        # 县消防救援大队 has no 三定 in the corpus either, as the boundary list's rows find.
        assert store.read("MATCH (d:Department {unresolved: true})-[s:SAFETY_DUTY]->() RETURN d.name AS name, "
                          "s.text AS text ORDER BY name", {}) == [
            {"name": "云溪县教育局", "text": "负责教育行业安全生产监督管理，指导各类学校落实安全管理责任。"},
            {"name": "云溪县消防救援大队", "text": "依法开展消防监督检查，指导公众聚集场所落实消防安全责任。"}]
    finally:
        store.close()


@pytest.mark.parametrize(("name", "line", "message"), [
    ("yunxi_anwei_queshi.txt", 4, "expected the safety duties of 县文化和旅游局 after its name"),
    ("yunxi_anwei_queshi.csv", 4, "expected the member's safety duties (安全生产工作职责)")])
def test_a_member_without_duties_refuses_the_file_and_writes_nothing(tmp_path: Path, name: str, line: int,
                                                                      message: str) -> None:
    store = open_store(f"embedded:{tmp_path / 'store'}")
    try:
        with pytest.raises(IngestError) as raised:
            parse_file(FIXTURES / "anwei_zhize" / "bad" / name, "auto")
        assert (raised.value.line, message in raised.value.message, name in raised.value.message) == (line, True, True)
        report = ingest([FIXTURES / "anwei_zhize" / "bad" / name], store)
        assert ([outcome.path.name for outcome in report.failed],
                store.read("MATCH (n) WHERE n:Document OR n:Department RETURN count(n) AS n", {})) == ([name], [{"n": 0}])
    finally:
        store.close()


def test_a_sanding_only_corpus_is_unchanged(tmp_path: Path) -> None:
    # No 安委会 loaded: the owners read as before (tests/queries/test_xinyetai.py has the rest).
    store = _county(tmp_path, None)
    try:
        assert [(*row[:3], row[4].rpartition("》")[2]) for row in _owners(store, "YX3002", "YX2003")] == [
            ("YX3002", "云溪县住房和城乡建设局", "", ""), ("YX3002", "云溪县消防救援大队", "", ""),
            ("YX2003", "云溪县文化和旅游局", "文化、旅游", "第六条(一)"), ("YX2003", "云溪县消防救援大队", "", ""),
            ("YX2003", "云溪县公安局", "", "")]
    finally:
        store.close()
