"""A county's 安委会成员单位安全生产工作职责 (tests/fixtures/anwei_zhize, over tests/fixtures/anquan_xinyetai's
corpus): each member's paragraph, numbered or a table's row, names the sectors whose safety it leads, and an unclaimed
item's owner or a no-lead complaint's party is cited by it (安委会职责 第N项) where its 三定 or the 三定's rule was."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli.common import Format, out
from api.cli.output import answer_file, print_result
from graph.store import Store, open_store
from ingest.errors import IngestError
from ingest.pipeline import ingest, parse_file
from ingest.regions import parse_region_option
from queries.complaint_files import Complaint
from queries.dispatch import COLUMNS, dispatch
from queries.orphans import orphan_supervision_items
from queries.report import build_report
from queries.sector_safety import committee_sectors, member_sectors
from queries.sources import document_titles, readable_source, with_readable_sources
from queries.who_handles import who_handles
from tests.word_files import csv_rows, word_copy

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = "北湖市/云溪县"
ZHUJIAN = ("负责住房和城乡建设行业安全生产监督管理，指导督促物业服务企业落实住宅小区共用部位和共用设施设备的安全管理责任，"
           "会同县消防救援大队做好住宅小区电动自行车集中充电设施安全管理")
WENLV = "负责文化和旅游行业安全生产监督管理，指导督促剧本娱乐经营场所、密室逃脱类场所落实安全生产主体责任"
# 文旅局's sectors by its paragraph: its 行业安全生产's, and the businesses it 指导督促 to 落实安全生产主体责任.
ALL_WENLV = "剧本娱乐、密室逃脱、文化、旅游"
WENLV_RULE = "负责文化和旅游行业安全生产监督管理，督促文化和旅游系统有关部门负责本行业领域的安全生产工作"


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


def _orphan_cells(store: Store) -> dict[str, str]:
    """The report's 建议责任部门 cell of each unclaimed item, by its code."""
    report = build_report(store, region=COUNTY)
    orphans = next(section for section in report.sections if section.key == "orphan_supervision_items")
    return {row["code"]: row["suggested"] for row in orphans.rows}


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
    assert f"；行业主管：住房、城乡建设行业安全生产（安委会职责：{ZHUJIAN}，{doc}第二项（第5行））" in _orphan_cells(
        paragraphs)["YX3002"]


def test_a_no_lead_complaint_cites_the_committee_and_a_led_one_does_not_take_its_sectors(paragraphs: Store) -> None:
    def sectors(text: str) -> list[tuple[str, str, str, str]]:
        return [(row["department"], row["sector_safety"], row["sector_rule_source"].partition("#")[2],
                 row["sector_rule_kind"]) for row in who_handles(paragraphs, text, region=COUNTY) if row["sector_safety"]]

    # 密室逃脱 no one leads: 文旅局's sectors are its 三定's and its 第三项's (which names 密室逃脱类场所), cited by its
    # 第三项, not 应急管理局's 第六条(一). 商务局's sectors are its 三定's and the 安委会 names it not: the 三定's rule
    # stays its citation. A department met on a clause that names no sector, for a complaint about a matter someone
    # leads, takes no sector from the 安委会.
    assert [sectors("密室逃脱店里的通道太窄还很黑，应急照明都没有"), sectors("商场超市的消防通道被货物堵死了")] == [
        [("云溪县文化和旅游局", ALL_WENLV, "第7行", "safety_committee")],
        [("云溪县商务局", "商贸流通", "第六条(一)", "sanding")]]


def test_the_cli_names_the_basis_before_its_clause(paragraphs: Store) -> None:
    rows = with_readable_sources(who_handles(paragraphs, "密室逃脱店里的通道太窄还很黑，应急照明都没有", region=COUNTY),
                                 document_titles(paragraphs))
    with out.capture() as captured:
        print_result(rows, title="谁来管", columns=[], answer="who_handles", table=None)
    assert [line.strip() for line in captured.get().splitlines() if line.strip().startswith("行业主管")] == [
        f"行业主管（管行业必须管安全）：{ALL_WENLV}（安委会职责：{WENLV}，"
        "《云溪县安全生产委员会成员单位安全生产工作职责》第三项（第7行））"]


def test_a_routed_complaint_says_which_basis_it_cites(paragraphs: Store) -> None:
    # A 批量分派 row carries the kind of its clause as who_handles' does, and the file says it in words (安委会职责;
    # tests/queries/test_dispatch_notes.py has the 三定规定 of a county without a 安委会 loaded). A blocked fire exit
    # goes to 公安局, met on its own clause: no sector.
    complaints = [Complaint(1, "密室逃脱店里的通道太窄还很黑，应急照明都没有", "", {}),
                  Complaint(2, "商场超市的消防通道被货物堵死了", "", {})]
    rows = dispatch(paragraphs, complaints, region=COUNTY).rows
    assert [(row["department"], row["sector_safety"], row["sector_rule_kind"]) for row in rows] == [
        ("云溪县文化和旅游局", ALL_WENLV, "safety_committee"), ("云溪县公安局", "", "")]
    table = list(csv.reader(io.StringIO(answer_file("dispatch", rows, Format.csv, columns=COLUMNS).decode("utf-8-sig"))))
    kind = table[0].index("条款来源类别")
    assert [row[kind] for row in table[1:]] == ["安委会职责", ""]


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
        assert _orphan_cells(store)["YX2003"].split("；云溪县消防救援大队")[0].endswith(
            "；行业主管：三定负责文化、旅游行业安全生产（管行业必须管安全：县直有关行业主管部门负责本行业领域的安全生产监督管理，"
            "《云溪县应急管理局职能配置、内设机构和人员编制规定》第六条(一)））")
    finally:
        store.close()


@pytest.mark.parametrize(("sentence", "sectors"), [
    # The objects of a 负责 whose work is their safety's supervision, with the work done in them (施工, 生产经营) cut.
    ("负责房屋建筑、市政工程施工安全监督管理", ["市政工程", "房屋建筑"]),
    ("负责道路运输、水路运输安全监管", ["水路运输", "道路运输"]),
    ("负责快递行业安全监管", ["快递"]),
    ("负责特种设备安全监察", ["特种设备"]),
    ("负责全县危险化学品生产经营安全监督管理", ["危险化学品"]),
    ("负责网约车、网络货运经营等相关平台经济企业的安全监管", ["网约车", "网络货运"]),
    ("负责高等学校安全监督管理", ["高等学校"]),
    ("负责住房和城乡建设行业安全生产监督管理", ["住房", "城乡建设"]),
    # Its 质量 and its 施工 are the sector's work; a 安全生产工作 of a sector (not its own house); the businesses it
    # 指导督促 to 落实安全生产主体责任, with the place or body doing the work cut.
    ("负责建设工程质量和施工安全监督管理", ["建设工程"]),
    ("负责房屋建筑和市政基础设施工程质量安全监督管理", ["市政基础设施工程", "房屋建筑"]),
    ("负责教育系统安全生产工作", ["教育"]), ("负责农业机械安全生产工作", ["农业机械"]),
    ("指导督促剧本娱乐经营场所、密室逃脱类场所落实安全生产主体责任", ["剧本娱乐", "密室逃脱"]),
    ("负责燃气安全监管，配合督促建筑施工企业落实安全生产主体责任", ["燃气"]),
    ("负责指导督促游乐场所履行安全生产和消防安全责任", ["游乐"]),
    # Not read: no sector (综合监督管理, the whole county), another safety than 安全生产 (食品, 网络, 消防), a
    # department helping another's work (配合), a place, its own house (机关, 本单位), no supervision (安全管理责任).
    ("负责全县安全生产综合监督管理", []), ("负责全县安全生产监督管理", []), ("负责食品安全监督管理", []),
    ("负责网络安全监管", []), ("负责消防安全监督管理", []), ("配合做好建筑施工安全监督管理", []),
    ("负责配合县住建局做好燃气安全监管", []), ("负责指导乡镇安全监管", []), ("负责机关安全管理", []),
    ("负责本单位安全生产工作", []), ("指导督促物业服务企业落实住宅小区共用部位的安全管理责任", []),
    ("依法开展消防监督检查", []),
    # No one sector (生产经营单位, 相关企业, its own 系统, the whole county, 机关), helping another's (配合 before the
    # verb), a place's 属地 duty, and a 安全 duty that is no 安全生产 (电梯使用单位's 安全主体责任).
    ("督促生产经营单位落实安全生产主体责任", []), ("督促相关企业落实安全生产主体责任", []),
    ("指导督促本系统落实安全生产主体责任", []), ("负责全县安全生产工作", []), ("负责机关安全生产工作", []),
    ("配合督促建筑施工企业落实安全生产主体责任", []), ("督促各乡镇落实安全生产属地管理责任", []),
    ("负责食品安全工作", []),
    # 安全 without 生产: a sector only where its object is a field a safety law of its own governs (安全生产法 第二条:
    # 特种设备安全法), or a kind of one broader.txt files under it (电梯, 乘客电梯, 起重机械 → 特种设备); the body
    # using it (使用单位) is cut as a business's is. A unit of every kind, a house's or a place's own safety is none.
    ("督促电梯使用单位落实安全主体责任", ["特种设备"]), ("督促乘客电梯使用单位落实安全责任", ["特种设备"]),
    ("指导电梯、锅炉使用单位安全管理", ["特种设备"]), ("督促起重机械使用单位落实安全管理责任", ["特种设备"]),
    ("督促特种设备使用单位落实安全生产主体责任", ["特种设备"]),
    ("督促各单位落实安全责任", []), ("督促生产经营单位落实安全责任", []), ("指导学校安全管理", []),
    ("督促商场超市落实安全主体责任", []), ("配合督促电梯使用单位落实安全主体责任", []),
    # Or the enterprises of an industry (an enterprise's 安全 is its 安全生产): the industry, as 道路运输行业安全生产
    # names it; not the 物业服务企业 (the houses' safety), 相关企业 (no one industry) nor a 配合.
    ("督促道路运输企业落实安全主体责任", ["道路运输"]), ("督促道路运输、水路运输企业落实安全管理责任", ["水路运输", "道路运输"]),
    ("督促物业服务企业落实安全主体责任", []), ("督促相关企业落实安全责任", []),
    ("配合督促道路运输企业落实安全主体责任", []),
    # The words of how the work is done before its objects are none of them (review: 依法对特种设备 was a sector).
    ("负责依法对特种设备安全监察", ["特种设备"]), ("负责对在建工程安全监督管理", ["在建工程"]),
    ("负责协调道路交通安全监管", ["道路交通"]), ("负责组织开展校园安全监管", ["校园"]),
    ("负责水利工程建设和运行安全监督管理", ["水利工程建设"]),
    ("负责城市燃气、供水等公用事业安全监督管理", ["供水", "城市燃气"])])
def test_a_members_sentence_names_the_sectors_it_supervises(sentence: str, sectors: list[str]) -> None:
    assert sorted(member_sectors(sentence)) == sectors


def test_a_paragraph_naming_its_sectors_without_hangye_anquan_shengchan_cites_them(tmp_path: Path) -> None:
    # 住建局's paragraph says 房屋建筑、市政工程施工安全监督管理: those are its sectors, cited by its 第二项. 市场监管局's
    # 特种设备 is read and its 食品安全 is not; 消防救援大队's 消防安全 and its 配合, 商务局's 配合 and 机关 give none.
    store = _county(tmp_path, "yunxi_anwei_shigong.txt")
    try:
        assert {key: (sorted(row["sectors"]), row["text"], row["kind"])
                for key, row in committee_sectors(store).items()} == {
            ("云溪县住房和城乡建设局", COUNTY): (["市政工程", "房屋建筑"], "负责房屋建筑、市政工程施工安全监督管理，"
                                                 "指导督促物业服务企业落实住宅小区共用部位的安全管理责任", "safety_committee"),
            ("云溪县市场监督管理局", COUNTY): (["特种设备"], "负责特种设备安全监察，督促电梯使用单位落实安全主体责任",
                                               "safety_committee"),
            ("云溪县文化和旅游局", COUNTY): (["文化", "旅游"], WENLV_RULE, "safety_committee")}
        doc = "《云溪县安全生产委员会成员单位安全生产工作职责（修订）》"
        assert _owners(store, "YX3002") == [
            ("YX3002", "云溪县住房和城乡建设局", "市政工程、房屋建筑",
             "负责房屋建筑、市政工程施工安全监督管理，指导督促物业服务企业落实住宅小区共用部位的安全管理责任",
             f"{doc}第二项（第5行）"),
            ("YX3002", "云溪县消防救援大队", "", "", "")]
        # 文旅局's paragraph words the rule for every sector as a 三定 does (有关部门负责本行业领域的安全生产): it is
        # still its 安委会 paragraph that the report cites, by the basis chosen (sector_rule_kind), not by its words.
        assert _orphan_cells(store)["YX2003"].split("；云溪县消防救援大队")[0].endswith(
            f"；行业主管：文化、旅游行业安全生产（安委会职责：{WENLV_RULE}，{doc}第六项（第9行）））")
    finally:
        store.close()


def test_a_safety_duty_without_shengchan_gives_a_sector_only_through_its_objects_field(tmp_path: Path) -> None:
    # 市场监管局's only sector is its 电梯使用单位's field, 特种设备 (its 食品安全 is another safety); 交通运输局's
    # 道路运输企业 name their industry (before, none); 应急管理局's 各单位, 住建局's 物业服务企业's 共用部位, 商务局's
    # 生产经营单位 and its 机关 name none: no row of theirs.
    store = _county(tmp_path, "yunxi_anwei_dianti.txt")
    try:
        assert {key: (sorted(row["sectors"]), row["text"], readable_source(row["source"], document_titles(store)))
                for key, row in committee_sectors(store).items()} == {
            ("云溪县市场监督管理局", COUNTY): (["特种设备"], "督促电梯使用单位落实安全主体责任",
                                               "《云溪县安全生产委员会成员单位安全生产工作职责》第三项（第6行）"),
            ("云溪县交通运输局", COUNTY): (["道路运输"], "督促道路运输企业落实安全主体责任",
                                           "《云溪县安全生产委员会成员单位安全生产工作职责》第五项（第8行）")}
    finally:
        store.close()


def test_a_members_sectors_are_its_own_regions_not_a_namesakes(tmp_path: Path) -> None:
    # 南湖市's 云溪县 has a 安委会 of its own, naming its 县住房和城乡建设局 as 北湖市's names theirs: the same display
    # name, another body. 北湖市's 住建局 is cited by its own 第二项, with its own sectors only.
    store = _county(tmp_path, "yunxi_anwei_zhize.txt")
    try:
        other = tmp_path / "nanhu"
        other.mkdir()
        shutil.copy(FIXTURES / "anwei_zhize" / "yunxi_anwei_shigong.txt", other)
        assert ingest([other], store, region=parse_region_option("南湖市/云溪县")).failed == []
        held = committee_sectors(store)
        assert [(key, sorted(held[key]["sectors"])) for key in sorted(held) if key[0] == "云溪县住房和城乡建设局"] == [
            (("云溪县住房和城乡建设局", "北湖市/云溪县"), ["住房", "城乡建设"]),
            (("云溪县住房和城乡建设局", "南湖市/云溪县"), ["市政工程", "房屋建筑"])]
        doc = "《云溪县安全生产委员会成员单位安全生产工作职责》"
        assert _owners(store, "YX3002")[0] == ("YX3002", "云溪县住房和城乡建设局", "住房、城乡建设", ZHUJIAN,
                                               f"{doc}第二项（第5行）")
    finally:
        store.close()


def _records(path: Path, kind: str = "auto") -> list[tuple[str, str, int, str]]:
    [(_workbook, parsed)] = parse_file(path, kind)[1]
    return [(r.department, r.text, r.where.row, r.where.seq) for r in parsed.records]


def test_a_word_table_of_members_reads_as_its_csv(tmp_path: Path) -> None:
    # The title a paragraph, the members a table (序号 | 成员单位 | 安全生产工作职责), as a county's Word file writes it.
    csv_path = FIXTURES / "anwei_zhize" / "yunxi_anwei_zhize_biao.csv"
    word = word_copy(csv_rows(csv_path), tmp_path / "yunxi_anwei_zhize_biao.docx")
    assert _records(word) == _records(word, "safety_committee") == _records(csv_path)
    assert [row[:3] for row in _records(word)] == [
        ("县住房和城乡建设局", ZHUJIAN.split("，会同")[0] + "。", 3), ("县文化和旅游局", WENLV + "。", 4),
        ("县消防救援大队", "依法开展消防监督检查，指导公众聚集场所落实消防安全责任。", 5)]


def test_a_word_tables_member_without_duties_refuses_the_file(tmp_path: Path) -> None:
    word = word_copy(csv_rows(FIXTURES / "anwei_zhize" / "bad" / "yunxi_anwei_queshi.csv"), tmp_path / "queshi.docx")
    with pytest.raises(IngestError) as raised:
        parse_file(word, "auto")
    assert (raised.value.line, "expected the member's safety duties (安全生产工作职责)" in raised.value.message,
            "queshi.docx" in raised.value.message) == (4, True, True)
