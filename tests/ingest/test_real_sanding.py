"""The parser on real 三定 fragments from ../shared/real: exactly what each one holds, nothing invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.model import SandingDocument
from ingest.readers import read_source
from ingest.sanding import parse_sanding

Parse = Callable[[str], SandingDocument]


def _offices(document: SandingDocument) -> list[tuple[int | None, str, list[str], int]]:
    return [(o.ordinal, o.name, o.aliases, len(o.duties)) for o in document.offices]


def test_mine_safety_bureau_2020(real: Parse) -> None:
    doc = real("guojia_kuangshananquanjianchaju_sanding.txt")
    assert (doc.department, doc.department_kind, doc.rank, doc.supervisor) == (
        "国家矿山安全监察局", "国家局", "副部级", "应急管理部")
    # The duties article is 第四条 here (第三条 is the 基本依据 article); (八)职能转变 is not a duty.
    assert [(d.ordinal, d.where.locator) for d in doc.duties] == [(n, f"第四条({c})") for n, c in
                                                                  zip(range(1, 8), "一二三四五六七", strict=True)]
    assert doc.duties[0].text == "拟订矿山安全生产（含地质勘探，下同）方面的政策、规划、标准，起草相关法律法规草案、部门规章草案并监督实施。"
    assert doc.duties[6].text == "完成党中央、国务院交办的其他任务。"
    assert [c.kind for c in doc.changes] == ["reform", "strengthened", "strengthened", "strengthened", "devolved"]
    assert doc.changes[-1].text == ("将煤矿安全生产许可、建设工程安全设施设计审查和竣工验收核查、检验检测机构认证、"
                                    "相关人员培训等事项移交给地方政府。")
    assert [(v.matter, v.leads, v.assists, v.where.locator) for v in doc.divisions] == [
        ("编制矿山安全生产应急预案", [], ["国家矿山安全监察局"], "第四条(五)"),
        ("非煤矿山事故应急救援", [], ["国家矿山安全监察局"], "第四条(五)"),
        ("指导和监督煤矿生产能力核定", ["国家矿山安全监察局"], ["有关部门"], "第四条(六)"),
    ]
    # The copy stops after the duties article: say so, invent no offices or staffing.
    assert doc.offices == [] and doc.staffing is None
    assert doc.truncated


def test_market_regulation_traditional_spam_copy(real: Parse) -> None:
    doc = real("guojia_shichangjianguanzongju_sanding_fanti.txt")
    assert doc.script_converted
    # The title broken over two lines, the name above its tail: every 出处 names the department (user test).
    assert doc.title == "国家市场监督管理总局职能配置、内设机构和人员编制规定"
    assert (doc.department, doc.department_kind, doc.rank) == ("国家市场监督管理总局", "国务院直属机构", "正部级")
    assert doc.plates == ["国家认证认可监督管理委员会", "国家标准化管理委员会"]
    assert [d.where.locator for d in doc.duties] == ["第三条(一)", "第三条(二)", "第三条(三)", "第三条(四)"]
    # Pinyin injected by the mirror (`監(jiān)督`) is gone; the space after `(三) ` is not part of the duty.
    assert doc.duties[0].text.startswith("负责市场综合监督管理。起草市场监督管理有关法律法规草案,制定有关规章")
    assert doc.duties[2].text.startswith("负责组织和指导市场监管综合执法工作。")
    assert doc.duties[3].text == "负责反垄断统一执法。统筹推进竞争政策实施,指导实施公平竞争审"
    assert doc.truncated
    assert any("ends mid-sentence" in warning for warning in doc.warnings)


def test_jiedong_industry_bureau_2019(real: Parse) -> None:
    doc = real("jieyang_jiedong_gongxinkeji_sanding.txt")
    assert (doc.department, doc.department_kind, doc.rank, doc.plates) == (
        "揭阳市揭东区工业信息化和科技局", "政府工作部门", "正科级", ["区商务局"])
    assert (doc.issued, doc.doc_number, doc.issuer) == ("2019-06-25", "揭东委办发〔2019〕16号", "揭阳市揭东区人民政府办公室")
    assert [d.ordinal for d in doc.duties] == [1, 2, 3, 4, 5]
    assert doc.duties[2].text.endswith("协调解决行业运行发展中的重大问题并提出政策建议。牵头负责企业情况综合工作。")
    assert [(v.matter, v.leads, v.assists) for v in doc.divisions] == [
        ("企业情况综合", ["揭阳市揭东区工业信息化和科技局"], [])]
    assert doc.truncated


def test_region_cited_by_the_first_article(real: Parse) -> None:
    # 《广东省关于市县机构改革的总体意见》 names no county; 《揭阳市揭东区机构改革方案》 names the district, on line 7.
    doc = real("jieyang_jiedong_gongxinkeji_sanding.txt")
    assert (doc.basis_region, doc.basis_region_line) == (("揭阳市", "揭东区"), 7)
    # National 三定 cite 《中共中央关于深化党和国家机构改革的决定》, 《国务院机构改革方案》 or no 方案 at all: no region.
    for name in ("guojia_shichangjianguanzongju_sanding_fanti.txt", "guojia_kuangshananquanjianchaju_sanding.txt"):
        assert (real(name).basis_region, real(name).basis_region_line) == ((), None)
    # A page with no 第一条 cites nothing.
    assert real("changzhou_zhonglou_quzhengfubangongshi_neishejigou.txt").basis_region == ()


def test_zhonglou_district_office_list(real: Parse) -> None:
    doc = real("changzhou_zhonglou_quzhengfubangongshi_neishejigou.txt")
    assert doc.department == "区政府办公室"
    assert doc.offices_stated == 6
    assert _offices(doc) == [
        (1, "秘书科", [], 5), (2, "综合科", [], 4), (3, "督查科", [], 4), (4, "信息调研科", [], 4),
        (5, "应急管理科", [], 1), (6, "电子政务中心", [], 5),
    ]
    assert [d.text for d in doc.offices[0].duties][:2] == ["负责文电办理工作", "负责公文制发、印鉴及介绍信管理、保密、档案、资料工作"]
    # The last clause is cut off in the copy: kept as it stands, and the document says it is incomplete.
    assert doc.offices[5].duties[-1].text == "负责为区委、区政府和区各单位提"
    assert doc.truncated
    assert doc.duties == [] and doc.staffing is None


def test_city_government_office_page_three(real: Parse) -> None:
    doc = real("unknowncity_shizhengfubangongshi_sanding_fsou17226584_p3.txt")
    assert doc.department == "市政府办公室"
    # Offices in brackets are other names of the same office; 纪检监察机构 is set up by other rules.
    assert _offices(doc) == [
        (12, "人事科", ["直属机关党委办公室"], 4), (13, "秘书科", [], 4), (14, "机要通信科", [], 8),
        (15, "车队", [], 1), (None, "离退休干部科", [], 1),
    ]
    # The 纪检监察机构 sentence is named by its own line (11), not by the 车队 entry above it (十五).
    assert doc.warnings[0] == ("line 11: 纪检监察机构按有关规定设置。 (set up by other rules; not an internal office); "
                               "第 11 行“纪检监察机构按有关规定设置。”按有关规定另行设置，不作为内设机构载入")
    assert doc.offices[-1].where.line == 12
    staffing = doc.staffing
    assert staffing is not None
    # 离退休干部工作人员编制6名 in brackets is a breakdown of the 63, and 金融办人员编制3名 a second pool.
    assert (staffing.admin_quota, staffing.other_pools) == (63, {"金融办人员编制": 3})
    assert staffing.leader_posts == {"主任": 1, "副主任": 1, "应急办主任": 1, "政务督查室主任": 1, "金融办主任": 1,
                                     "专职副主任": 1}
    assert (staffing.leader_total, staffing.office_leader_posts) == (6, {"正科级": 19})
    assert doc.truncated


def test_health_commission_amendment_2023(real: Parse) -> None:
    doc = real("guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt")
    assert (doc.kind_of_document, doc.department, doc.issued) == ("amendment", "国家卫生健康委员会", "2023-09-24")
    assert [(c.kind, c.counterpart, c.subject) for c in doc.changes] == [
        ("transferred_in", "科学技术部", "组织拟订科技促进卫生健康发展规划和政策"),
        ("transferred_out", "民政部", "组织拟订并协调落实应对人口老龄化政策措施、承担全国老龄工作委员会的具体工作"),
        ("reform", None, None),
    ]
    # Deltas move posts between departments; they are not the totals.
    assert [(t.source, t.target, t.admin_quota, t.leader_posts) for t in doc.staff_transfers] == [
        ("科学技术部", "国家卫生健康委员会", 4, 1), ("国家卫生健康委员会", "民政部", 3, 0)]
    assert doc.staffing is not None
    assert (doc.offices_stated, doc.staffing.admin_quota, doc.staffing.office_leader_posts) == (
        19, 444, {"司局级": 81})
    assert not doc.truncated  # the body is complete; the editor's mark after it is not text


def test_a_rule_text_is_not_a_sanding(real: Parse) -> None:
    with pytest.raises(IngestError, match="三定"):
        real("guojia_bumen_zhizefengong_xietiao_banfa.txt")


def test_lists_are_not_sanding_provisions(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("序号 |\n事项名称 |\n1 |\n对档案的检查 |\n", encoding="utf-8")
    with pytest.raises(IngestError, match="三定"):
        parse_sanding(read_source(path))


def test_units_after_the_numbered_offices_are_placed_on_their_own_lines() -> None:
    """Our own wording of the form: a deferred unit and an unnumbered office after the numbered ones."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "deferred_units" / "lanxi_guanli.txt"
    doc = parse_sanding(read_source(path))
    assert _offices(doc) == [(1, "综合科", [], 1), (2, "保管利用科", [], 1), (None, "离退休人员服务科", [], 1)]
    assert doc.warnings == ["line 10: 纪检监察机构按有关规定设置。 (set up by other rules; not an internal office); "
                            "第 10 行“纪检监察机构按有关规定设置。”按有关规定另行设置，不作为内设机构载入"]
    assert [(o.name, o.where.line) for o in doc.offices] == [("综合科", 8), ("保管利用科", 9), ("离退休人员服务科", 11)]
