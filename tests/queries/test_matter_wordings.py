"""One shared matter worded differently by two documents (私屠滥宰查处 / 查处私屠滥宰行为) is one matter: when the
documents name different leads, that is a conflict (user test: each wording stood alone, and nothing was flagged)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries.ambiguities import host_assist_ambiguities
from queries.matter_names import paired, same_matter_key

# The item's heading names the matter; its clause names none of its own.
NONGYE = """西河县农业农村局职能配置、内设机构和人员编制规定
第一条 根据《临江市西河县机构改革方案》，制定本规定。
第二条 县农业农村局是县政府工作部门，为正科级。
第三条 县农业农村局贯彻落实党中央关于三农工作的方针政策。主要职责是：
（一）负责全县畜禽屠宰行业监督管理，查处私屠滥宰行为。
（二）负责全县食用农产品从种植养殖环节到进入批发、零售市场前的质量安全监督管理。
第四条 县农业农村局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）畜牧兽医股。负责畜禽屠宰行业监督管理，查处私屠滥宰行为。
（三）农产品质量安全股。负责食用农产品进入批发、零售市场前的质量安全监督管理。
第五条 县农业农村局机关行政编制9名。设局长1名，副局长2名。
第六条 有关职责分工。
（一）私屠滥宰查处。县农业农村局牵头，县市场监督管理局配合。
（二）食用农产品进入市场前的质量安全监督管理。县农业农村局负责，县市场监督管理局配合。
第七条 本规定自2021年5月1日起施行。
"""

# Its own words for the same matter, with itself as lead; and the stage after the market gate, a matter of its own.
SHICHANG = """西河县市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《临江市西河县机构改革方案》，制定本规定。
第二条 县市场监督管理局是县政府工作部门，为正科级。
第三条 县市场监督管理局贯彻落实党中央关于市场监督管理工作的方针政策。主要职责是：
（一）负责全县食品安全监督管理。
（二）负责食用农产品进入批发、零售市场后的质量安全监督管理。
第四条 县市场监督管理局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）食品安全股。负责食品安全监督管理和食用农产品进入市场后的质量安全监督管理。
第五条 县市场监督管理局机关行政编制12名。设局长1名，副局长2名。
第六条 有关职责分工。
（一）与县农业农村局的有关职责分工。县市场监督管理局负责查处私屠滥宰行为，县农业农村局配合。
（二）食用农产品进入市场后的质量安全监督管理由县市场监督管理局负责，县农业农村局配合。
第七条 本规定自2021年6月1日起施行。
"""


def test_two_wordings_of_one_matter_are_one_matter() -> None:
    assert same_matter_key("私屠滥宰查处") == same_matter_key("查处私屠滥宰行为")
    assert same_matter_key("建筑垃圾处置监督管理") == same_matter_key("建筑垃圾处置的监督管理工作")
    # One character apart is another matter: the stage before the market gate is not the stage after it.
    assert same_matter_key("食用农产品进入市场前的质量安全监督管理") != same_matter_key("食用农产品进入市场后的质量安全监督管理")


def test_two_lists_names_are_paired_once_each_by_name_then_wording_then_closeness() -> None:
    township = ["犬只登记管理", "违法用地查处", "农村环境卫生日常保洁", "农村村民宅基地审批", "耕地保护"]
    county = ["城镇环境卫生日常保洁", "违法用地行为查处", "犬只登记和管理", "农村宅基地审批管理", "耕地保护"]
    assert paired(township, county, lambda name: name) == (
        [("耕地保护", "耕地保护"), ("违法用地查处", "违法用地行为查处"), ("犬只登记管理", "犬只登记和管理")],
        # 80 and 78: another matter (农村 / 城镇), and a rewording closer to a new name than to a word more.
        ["农村环境卫生日常保洁", "农村村民宅基地审批"], ["城镇环境卫生日常保洁", "农村宅基地审批管理"])


def test_documents_that_word_a_matter_differently_and_name_different_leads_conflict(store: Store,
                                                                                 tmp_path: Path) -> None:
    paths = []
    for name, text in (("xihe_nongye.txt", NONGYE), ("xihe_shichang.txt", SHICHANG)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    assert ingest(paths, store).failed == []
    findings = host_assist_ambiguities(store, "临江市/西河县")
    assert [(f["reason"], f["matter"], f["leads"], f["assists"]) for f in findings] == [
        ("conflicting_leads", "私屠滥宰查处", ["西河县农业农村局", "西河县市场监督管理局"],
         ["西河县农业农村局", "西河县市场监督管理局"]),
        ("lead_without_mandate", "私屠滥宰查处", ["西河县农业农村局", "西河县市场监督管理局"],
         ["西河县农业农村局", "西河县市场监督管理局"]),
    ]
    assert [m["lead"] for m in findings[1]["mandate"]] == ["西河县市场监督管理局"]
    # Each source's claim keeps its own wording, so that a reader finds the clause.
    assert [(c["matter"], c["leads"], c["assists"]) for c in findings[0]["claims"]] == [
        ("私屠滥宰查处", ["西河县农业农村局"], ["西河县市场监督管理局"]),
        ("查处私屠滥宰行为", ["西河县市场监督管理局"], ["西河县农业农村局"]),
    ]
