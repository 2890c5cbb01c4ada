"""REFINES: which department duties an office carries out, as the 职责分解 finding reads them."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.undecomposed import undecomposed_duties

# Two county 三定 written for this test. 执法中队 carries the second half of 城管 (四) inside its longer list of
# violations, and 质量股 carries 市场监管 (二) together with (三) in one clause; (五) 夜景亮化 no office mentions.
CHENGGUAN = """\
松溪县城市管理局职能配置、内设机构和人员编制规定
第一条 根据《样例市松溪县机构改革方案》，制定本规定。
第二条 县城市管理局是县政府工作部门，为正科级。
第三条 县城市管理局主要职责是:
(一)负责县城市容和环境卫生管理，组织道路清扫保洁和公共厕所管理。
(二)负责县城户外广告设施和门店招牌设置的管理。
(三)负责城区占道经营和流动摊贩的查处，规范临时摊点设置。
(四)负责县城城市管理综合行政执法，查处违法搭建和毁损城市绿地等违法行为。
(五)负责县城夜景亮化设施的管理和维护。
(六)完成县委、县政府交办的其他任务。
第四条 县城市管理局设下列内设机构:
(一)办公室
负责机关日常运转，承担文电、会务和档案工作。
(二)市容股
负责县城市容和环境卫生管理，组织道路清扫保洁和公共厕所管理；负责户外广告设施和门店招牌设置的管理。
(三)执法中队
负责查处占道经营、流动摊贩、违法搭建和毁损城市绿地等违法行为。
第五条 县城市管理局机关行政编制为8名。其中：局长1名，副局长1名。
"""

SHICHANGJIANGUAN = """\
松溪县市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《样例市松溪县机构改革方案》，制定本规定。
第二条 县市场监督管理局是县政府工作部门，为正科级。
第三条 县市场监督管理局主要职责是:
(一)负责全县市场主体登记注册，办理个体工商户登记。
(二)负责全县工业产品质量安全监管，组织实施工业产品质量抽检。
(三)负责全县计量和标准化的监督管理工作。
(四)负责全县食品经营环节的监督检查。
(五)完成县委、县政府交办的其他任务。
第四条 县市场监督管理局设下列内设机构:
(一)办公室
负责机关日常运转，承担文电、会务和档案工作。
(二)登记股
负责市场主体登记注册和个体工商户登记。
(三)质量股
负责工业产品质量抽检和计量、标准化的监督管理。
(四)食品股
负责食品经营环节的监督检查。
第五条 县市场监督管理局机关行政编制为10名。其中：局长1名，副局长2名。
"""


def test_an_office_clause_carrying_part_of_a_duty_decomposes_it(store: Store, tmp_path: Path) -> None:
    (tmp_path / "chengguan.txt").write_text(CHENGGUAN, encoding="utf-8")
    (tmp_path / "shichangjianguan.txt").write_text(SHICHANGJIANGUAN, encoding="utf-8")
    assert ingest([tmp_path], store, region=Region(("样例市",))).failed == []
    rows = undecomposed_duties(store)
    assert [(r["department"], r["kind"], r["ordinal"]) for r in rows] == [
        ("松溪县城市管理局", "duty_without_office", 5)]
    carried = store.read(
        "MATCH (o:Office)-[:HAS_DUTY]->(a:Duty)-[:REFINES]->(b:Duty) "
        "WHERE o.name IN $offices RETURN o.name AS office, b.ordinal AS ordinal ORDER BY office, ordinal",
        {"offices": ["执法中队", "质量股"]})
    # A clause that bundles two duties' work carries both.
    assert [(r["office"], r["ordinal"]) for r in carried] == [
        ("执法中队", 3), ("执法中队", 4), ("质量股", 2), ("质量股", 3)]


# 文物股's clause joins two pieces of work with 和: the first carries (一), whose headline (革命遗址和文物的保护利用) it does not
# spell out and most of whose text (修缮, 违法行为) it leaves to others; the second carries (二).
WENLV = """\
松溪县文化和旅游局职能配置、内设机构和人员编制规定
第一条 根据《样例市松溪县机构改革方案》，制定本规定。
第二条 县文化和旅游局是县政府工作部门，为正科级。
第三条 县文化和旅游局主要职责是:
(一)负责全县革命遗址和文物的保护利用。组织文物普查，组织不可移动文物的保护修缮，查处破坏文物违法行为。
(二)负责全县公共文化服务体系建设，指导图书馆、文化馆业务工作。
(三)负责全县旅游市场监督管理，查处旅游市场违法经营行为。
(四)完成县委、县政府交办的其他任务。
第四条 县文化和旅游局设下列内设机构:
(一)办公室
负责机关日常运转，承担文电、会务和档案工作。
(二)文物股
负责文物普查和图书馆、文化馆的业务指导。
(三)市场股
负责旅游市场监督管理和违法经营行为查处；负责不可移动文物的保护修缮和破坏文物违法行为查处。
第五条 县文化和旅游局机关行政编制为8名。其中：局长1名，副局长1名。
"""


def test_each_piece_of_an_office_clause_carries_its_own_duty(store: Store, tmp_path: Path) -> None:
    (tmp_path / "wenlv.txt").write_text(WENLV, encoding="utf-8")
    assert ingest([tmp_path], store, region=Region(("样例市",))).failed == []
    carried = store.read(
        "MATCH (o:Office {name: $office})-[:HAS_DUTY]->(a:Duty)-[:REFINES]->(b:Duty) "
        "RETURN DISTINCT b.ordinal AS ordinal ORDER BY ordinal", {"office": "文物股"})
    assert [r["ordinal"] for r in carried] == [1, 2]
