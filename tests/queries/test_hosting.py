"""主办部门 said one way everywhere an investigator reads it (boundary-dispute user test: the page, the CLI and the
files showed host_assist_ambiguities' raw `host`, blank unless one clause named several leads, where the report named
the one lead or said 需协调确定)."""

from __future__ import annotations

from graph.store import Store
from queries.ambiguities import host_assist_ambiguities
from queries.hosting import host_label
from queries.overlaps import overlaps


def test_every_finding_carries_its_matters_host_as_the_report_says_it(corpus: Store) -> None:
    assert [(row["matter"], row["reason"], row["host"], row["host_label"])
            for row in host_assist_ambiguities(corpus)] == [
        ("互联网租赁自行车停放管理", "conflicting_leads", None, "需协调确定（各文件所列牵头部门不同）"),
        ("全市安全生产大检查和专项整治", "lead_and_assist", None, "示例市应急管理局"),
        ("农业面源污染防治", "multiple_leads", "示例市生态环境局", "示例市生态环境局"),
        ("城市“牛皮癣”小广告清理整治", "vague_party", None, "无（只写“有关部门”）"),
        ("建筑垃圾处置监督管理", "conflicting_leads", None, "需协调确定（各文件所列牵头部门不同）"),
        ("拟订全市事业单位人事制度改革政策措施", "vague_party", None, "示例市人力资源和社会保障局"),
        ("旅游市场综合监管", "vague_party", None, "示例市文化广电旅游体育局"),
        ("电动自行车集中充电设施安全管理", "no_lead", None, "无"),
        ("畜禽屠宰监督管理", "lead_without_mandate", None, "青山县市场监督管理局"),
    ]


def test_documents_that_disagree_name_no_host_until_they_agree() -> None:
    # A clause naming several leads has a first-listed host, but another document names a different lead.
    assert host_label(["multiple_leads", "conflicting_leads", "lead_and_assist"], "甲局", ["甲局", "乙局"], set()) == \
        "需协调确定（各文件所列牵头部门不同）"
    assert host_label(["multiple_leads"], "甲局", ["甲局", "乙局"], set()) == "甲局"


def test_a_vague_lead_hosts_nothing_and_two_clauses_each_naming_one_lead_need_deciding() -> None:
    assert host_label(["vague_party"], None, ["相关单位"], {"相关单位", "有关部门"}) == "无（只写“相关单位”）"
    # Two leads in two clauses of one document, each naming one: no first-listed host to name.
    assert host_label(["vague_party"], None, ["甲局", "乙局"], {"有关部门"}) == "需协调确定（多个牵头部门）"
    assert host_label(["vague_party"], None, ["有关部门", "乙局"], {"有关部门"}) == "乙局"
    assert host_label(["no_lead"], None, [], set()) == "无"


def test_a_settled_overlap_names_its_lead_from_the_reading_that_settles_it(corpus: Store) -> None:
    """The page's 职责交叉 said 已明确 without saying who leads (only the report's 说明 did)."""
    assert [(cluster["cluster_id"], cluster["settled"], cluster["lead"], cluster["matter"])
            for cluster in overlaps(corpus, scope="departments")] == [
        ("Cdeabcb67", True, "示例市市场监督管理局", "食用农产品进入批发、零售市场后的质量安全监管"),
        ("C46991943", True, "青山县应急管理局", "防汛抗旱"),
        ("Ce11e122f", True, "示例市住房和城乡建设局", "房屋建筑和市政基础设施工程施工安全监督管理"),
        ("C7f3377ef", True, "示例市卫生健康委员会", "制定、实施全市食品安全风险监测计划"),
        ("C624f4ab2", False, None, "互联网租赁自行车停放管理"),
        ("C5c9e0f67", False, None, None),
        ("Ccf82f29b", True, "示例市应急管理局", "水旱灾害应急救援"),
        ("Ced9022cf", False, None, "农业面源污染防治"),  # two leads: not settled, no lead named
        ("C1e299806", True, "示例市应急管理局", "全市安全生产大检查和专项整治"),
        ("C095709c6", False, None, None),
        ("C4d2ba19a", False, None, "建筑垃圾处置监督管理"),
    ]
