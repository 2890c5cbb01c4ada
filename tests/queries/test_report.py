"""The assessment report as a 编办 reads it (user test by a deputy director of the sample corpus's report): regions by
their names, each shared matter once, a 主办部门 on every row, overlap groups a reader does not count twice, the
sources of a split conflict, and a department's own matters to coordinate."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.export import to_docx, to_markdown, to_xlsx
from queries.matter_names import same_matter_key
from queries.report import Report, Section, build_report, by_matter, cell_text, region_names

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _section(report: Report, key: str) -> Section:
    return next(section for section in report.sections if section.key == key)


def _shown(section: Section) -> list[list[str]]:
    """The section's table as people read it."""
    return [[cell_text(row, column, section.key) for column in section.columns] for row in section.rows]


def test_tables_name_regions_as_people_do_and_the_json_keeps_their_paths(corpus: Store) -> None:
    report = build_report(corpus)
    departments = _section(report, "departments")
    assert departments.columns[:2] == ["region_name", "department"]
    assert {(row["region"], row["region_name"]) for row in departments.rows} == {
        ("示例市", "示例市"), ("示例市/河西区", "河西区"), ("示例市/青山县", "青山县")}
    split = _section(report, "power_split:示例市")
    assert split.columns == ["domain", "share_label", "matters", "by_region_name"]
    assert _shown(split)[1] == ["交通运输", "县级专有", "2", "河西区 2；青山县 2"]
    assert split.rows[1]["by_region"] == {"示例市/河西区": 2, "示例市/青山县": 2}
    counterparts = _section(report, "counterparts")
    assert counterparts.columns[0] == "county_name" and _shown(counterparts)[0][:2] == ["河西区", "河西区交通运输局"]
    assert "示例市/" not in to_markdown(report)
    county = build_report(corpus, region="示例市/青山县")
    assert county.title == "职责图谱评估报告（青山县）"
    assert [s.title for s in county.sections if s.key.startswith("power_split")] == [
        "市县事权划分（青山县持有的事项）", "事权划分冲突（青山县持有的事项）", "县（区）权责清单未列的事项（青山县）"]


def test_a_region_whose_name_another_bears_is_named_with_its_city(store: Store, tmp_path: Path) -> None:
    # Two cities' 河西区: each is named with its city, written together as Chinese writes it.
    text = (EXAMPLES / "sanding" / "hexi_jiaotong.txt").read_text(encoding="utf-8")
    for city in ("示例市", "临江市"):
        path = tmp_path / f"{city}.txt"
        path.write_text(text.replace("示例市", city), encoding="utf-8")
        assert ingest([path], store, region=Region((city,))).failed == []
    assert region_names(store) == {"临江市": "临江市", "临江市/河西区": "临江市河西区", "示例市": "示例市",
                                   "示例市/河西区": "示例市河西区"}


def test_each_shared_matter_is_listed_once_with_all_its_problems(corpus: Store) -> None:
    """The matters with several leads were a section of their own, and again among the unclear ones (a note said
    not to count them twice): now a row per matter, with its region, its problems, its leads and what each source
    says; the 摘要 counts the 多头管 among them."""
    report = build_report(corpus)
    assert "multi_lead_matters" not in [section.key for section in report.sections]
    section = _section(report, "host_assist_ambiguities")
    assert section.columns == ["region_name", "matter", "reason_label", "host_label", "leads", "assists", "mandate",
                               "claims"]
    assert [(row["region_name"], row["matter"], row["reasons"], row["several_leads"]) for row in section.rows] == [
        ("示例市", "互联网租赁自行车停放管理", ["conflicting_leads"], True),
        ("示例市", "全市安全生产大检查和专项整治", ["lead_and_assist"], False),
        ("示例市", "农业面源污染防治", ["multiple_leads"], True),
        ("示例市", "城市“牛皮癣”小广告清理整治", ["vague_party"], False),
        ("示例市", "建筑垃圾处置监督管理", ["conflicting_leads"], True),
        ("示例市", "拟订全市事业单位人事制度改革政策措施", ["vague_party"], False),
        ("示例市", "旅游市场综合监管", ["vague_party"], False),
        ("青山县", "电动自行车集中充电设施安全管理", ["no_lead"], False),
        ("青山县", "畜禽屠宰监督管理", ["lead_without_mandate"], False),
        # Not 防汛抗旱: 城关镇's 属地 主体责任 is no second lead beside 青山县应急管理局's (examples/README.md §8.4 B).
    ]
    assert [row["count"] for row in report.sections[0].rows
            if row["finding"] in ("主办/协办不清的共同事项", "其中：多个牵头部门的共同事项（多头管）")] == [9, 3]


# The examples' two conflicts: the boundary list and 城管's 三定 carry no 印发日期 (城管's only its 施行日期), so which
# document is the newer is not guessed.
UNDATED_NOTE = "文件日期不全（《示例市城市管理和综合执法局职能配置、内设机构和人员编制规定》、《示例市部门职责边界清单》未署印发日期），无法判断先后"
WASTE_NOTE = "文件日期不全（《示例市住房和城乡建设局职能配置、内设机构和人员编制规定》、《示例市城市管理和综合执法局职能配置、内设机构和人员编制规定》、《示例市部门职责边界清单》未署印发日期），无法判断先后"


def test_a_matter_with_several_problems_is_one_row_naming_them_all() -> None:
    # Two findings on one matter (its documents disagree, and one names a department as lead and as assisting
    # party): one row, with both problems, the host of the clause naming several, and every source's claim; the
    # conflict's word on which document is the newer, though another finding on the matter came first.
    def finding(reason: str, sources: list[str], host: str | None = None, note: str = "") -> dict[str, object]:
        return {"matter": "道路保洁", "region": "示例市", "reason": reason, "host": host, "leads": ["甲局", "乙局"],
                "assists": ["乙局"], "mandate": [], "sources": sources,
                "claims": [{"source": source, "matter": "道路保洁", "leads": ["甲局"], "assists": []}
                           for source in sources],
                "newer_lead": {"source": "doc:b#2", "date": "2024", "leads": ["乙局"]} if note else None,
                "newer_note": note}

    rows = by_matter([finding("multiple_leads", ["doc:a#1"], host="甲局"),
                      finding("conflicting_leads", ["doc:a#1", "doc:b#2"], note="较新的《乙》2（2024）定由乙局牵头"),
                      finding("lead_and_assist", ["doc:b#2"])], {("示例市", same_matter_key("道路保洁"))}, set())
    assert [(row["reasons"], row["reason_label"], row["host"], row["sources"], row["several_leads"])
            for row in rows] == [(["multiple_leads", "conflicting_leads", "lead_and_assist"],
                                  "多个牵头部门；文件间牵头部门不一致（较新的《乙》2（2024）定由乙局牵头）；既牵头又配合", "甲局",
                                  ["doc:a#1", "doc:b#2"], True)]
    assert rows[0]["newer_lead"] == {"source": "doc:b#2", "date": "2024", "leads": ["乙局"]}
    assert [claim["source"] for claim in rows[0]["claims"]] == ["doc:a#1", "doc:b#2"]


def test_every_shared_matter_names_its_host_and_which_side_is_vague(corpus: Store) -> None:
    """主办部门 was blank unless several departments led (user test): the one lead, the first-listed of several,
    需协调确定 where documents disagree, 无 where none leads. 有关部门 as the only assisting party of a clear lead read
    责任主体模糊 like a matter 有关部门 leads: each says which side is vague, its reason code staying vague_party."""
    section = _section(build_report(corpus), "host_assist_ambiguities")
    assert [(row["matter"], row["reason_label"], row["host_label"]) for row in section.rows] == [
        ("互联网租赁自行车停放管理", f"文件间牵头部门不一致（{UNDATED_NOTE}）", "需协调确定（各文件所列牵头部门不同）"),
        ("全市安全生产大检查和专项整治", "既牵头又配合", "示例市应急管理局"),
        ("农业面源污染防治", "多个牵头部门", "示例市生态环境局"),
        ("城市“牛皮癣”小广告清理整治", "牵头部门不明确（有关部门）", "无（只写“有关部门”）"),
        ("建筑垃圾处置监督管理", f"文件间牵头部门不一致（{WASTE_NOTE}）", "需协调确定（各文件所列牵头部门不同）"),
        ("拟订全市事业单位人事制度改革政策措施", "配合部门不明确（有关部门）", "示例市人力资源和社会保障局"),
        ("旅游市场综合监管", "配合部门不明确（有关部门）", "示例市文化广电旅游体育局"),
        ("电动自行车集中充电设施安全管理", "无牵头部门", "无"),
        ("畜禽屠宰监督管理", "牵头部门无相应职责", "青山县市场监督管理局"),
    ]
    assert [row["reasons"] for row in section.rows if "不明确" in row["reason_label"]] == [["vague_party"]] * 3
    # The JSON keeps the query's host: the first-listed lead where one clause names several, else none.
    assert [row["host"] for row in section.rows if row["host"]] == ["示例市生态环境局"]


def test_a_vague_party_on_both_sides_is_said_on_each() -> None:
    def row(leads: list[str], assists: list[str]) -> dict[str, object]:
        return {"matter": "道路保洁", "region": "示例市", "reason": "vague_party", "host": None, "leads": leads,
                "assists": assists, "mandate": [], "sources": ["doc:a#1"], "claims": [], "newer_lead": None,
                "newer_note": ""}

    rows = by_matter([row(["相关单位"], ["有关部门", "乙局"])], set(), {"相关单位", "有关部门"})
    # Who hosts it (host_label) is the finding's own, tested in test_hosting.
    assert rows[0]["reason_label"] == "牵头部门不明确（相关单位）；配合部门不明确（有关部门）"


def test_an_office_group_that_repeats_a_department_group_says_so_and_counts_once(corpus: Store) -> None:
    """The offices of two departments in a clash hold its work too: their group is the same clash, said as 同第N组
    (its departments' group), by the same matter or by office duties that carry out (REFINES) the group's duties
    (11: 防汛抗旱指挥部's daily work, whose department group 17 is settled as 水旱灾害应急救援; 21: 青山县's, whose
    department group 14 the county's boundary list settles as 防汛抗旱, 应急管理局 leading)."""
    rows = _section(build_report(corpus), "overlaps").rows
    repeats = {row["group"]: (row["scope"], row["same_as"], row["remark"]) for row in rows if row["same_as"]}
    assert {group: same_as for group, (_, same_as, _) in repeats.items()} == {
        11: 17, 12: 1, 19: 13, 20: 15, 21: 14, 22: 16}
    assert {scope for scope, _, _ in repeats.values()} == {"内设机构"}
    assert repeats[11][2] == "同第17组（同一交叉在内设机构层面，不另计）"
    assert not any(row["same_as"] for row in rows if row["scope"] == "同级部门")
    # A department group's remark is only who leads, where a list or clause settles it.
    assert not any(row["remark"] for row in rows if row["scope"] == "同级部门" and not row["settled"])


def test_a_group_across_levels_gives_the_split_s_matter_and_each_level_s_share(corpus: Store) -> None:
    """A group across levels gave no 事项 and no word on what is wrong (user test): the matter of the city's split
    list its duties say, with the list's division and each level's part, or that the list does not name it."""
    section = _section(build_report(corpus), "overlaps")
    assert [(row["group"], row["matter"], row["department"], row["remark"]) for row in section.rows
            if row["scope"] == "上下级"] == [
        (6, "", "示例市市场监督管理局", "市县事权划分清单未列此事项"),
        (6, "", "河西区市场监督管理局", "市县事权划分清单未列此事项"),
        (6, "", "青山县市场监督管理局", "市县事权划分清单未列此事项"),
        (7, "特种设备使用登记", "示例市市场监督管理局",
         "市县事权划分：委托（委托方）；本级：负责委托事项的监督指导，对受委托单位实施情况进行检查"),
        (7, "特种设备使用登记", "青山县市场监督管理局",
         "市县事权划分：委托（受托方）；本级：以市市场监督管理局名义办理本县行政区域内承压类、机电类特种设备使用登记"),
        (8, "取水许可", "示例市水务局", "市县事权划分：市县共有；本级：按取水量分级审批"),
        (8, "取水许可", "青山县水利局", "市县事权划分：市县共有；本级：按取水量分级审批"),
        (9, "户外广告设施设置审批", "示例市城市管理和综合执法局",
         "市县事权划分：市县共有；本级：负责市区主次干道两侧户外广告设施设置审批"),
        (9, "户外广告设施设置审批", "河西区城市管理和综合执法局",
         "市县事权划分：市县共有；本级：负责县城及区管道路户外广告设施设置审批"),
        (10, "燃气经营许可", "示例市住房和城乡建设局", "市县事权划分：市县共有；本级：负责市区燃气经营许可"),
        (10, "燃气经营许可", "青山县住房和城乡建设局", "市县事权划分：市县共有；本级：负责县城燃气经营许可"),
    ]
    assert "市级指导、县级实施" in section.note


def test_a_county_s_report_has_its_groups_across_levels_and_the_city_documents_it_rests_on(corpus: Store) -> None:
    """A county's report left out its departments' clashes with their city counterparts, and its 依据文件 listed the
    county's documents alone, though its 事权划分 sections cite the city's split list and power list (user test)."""
    report = build_report(corpus, region="示例市/青山县")
    assert [(row["scope"], row["group"], row["matter"], row["department"]) for row in _section(report, "overlaps").rows
            ] == [
        ("上下级", 1, "", "示例市市场监督管理局"), ("上下级", 1, "", "青山县市场监督管理局"),
        ("上下级", 2, "特种设备使用登记", "示例市市场监督管理局"), ("上下级", 2, "特种设备使用登记", "青山县市场监督管理局"),
        ("上下级", 3, "取水许可", "示例市水务局"), ("上下级", 3, "取水许可", "青山县水利局"),
        ("上下级", 4, "燃气经营许可", "示例市住房和城乡建设局"), ("上下级", 4, "燃气经营许可", "青山县住房和城乡建设局"),
        ("同级部门", 5, "防汛抗旱", "青山县应急管理局"), ("同级部门", 5, "防汛抗旱", "青山县水利局"),
        ("内设机构", 6, "防汛抗旱", "青山县应急管理局"), ("内设机构", 6, "防汛抗旱", "青山县水利局"),
    ]
    assert _section(report, "summary").rows[0] == {"finding": "职责交叉：未明确牵头的组", "count": 4,
                                                   "action": _section(report, "summary").rows[0]["action"]}
    documents = _section(report, "documents").rows
    assert sorted(row["title"] for row in documents if row["region"] == "示例市") == [
        "shixian_shiquan.csv", "shixian_shiquan.xlsx", "示例市住房和城乡建设局职能配置、内设机构和人员编制规定",
        "示例市城市管理和综合执法局权责清单", "示例市市场监督管理局职能配置、内设机构和人员编制规定",
        "示例市水务局主要职责内设机构和人员编制规定"]
    assert len([row for row in documents if row["region"] == "示例市/青山县"]) == 10


def test_a_settled_group_says_who_leads_and_what_the_others_still_state(store: Store, tmp_path: Path) -> None:
    """A settled group said only 已明确 (user test: a draft gave 县市场监管局 户外广告设施和门店招牌设置的审批, which
    青山县's boundary list gives 县城市管理局, and the drafter read the clash as resolved): each member says whether
    its department leads the matter, and the list row's division, so that the reader can compare."""
    sanding = tmp_path / "青山县市场监督管理局职能配置、内设机构和人员编制规定.txt"
    sanding.write_text((EXAMPLES / "sanding" / "qingshan_shichangjianguan.txt").read_text(encoding="utf-8").replace(
        "（十二）完成县委、县政府交办的其他任务。",
        "（十二）负责户外广告设施和门店招牌设置的审批，依法查处违法设置户外广告设施和门店招牌的行为。\n"
        "（十三）完成县委、县政府交办的其他任务。"), encoding="utf-8")
    paths = [sanding, EXAMPLES / "sanding" / "qingshan_chengguan.txt", EXAMPLES / "lists" / "bianjie_qingshan.csv"]
    assert ingest(paths, store, region=Region(("示例市", "青山县"))).failed == []
    report = build_report(store, department="青山县市场监督管理局")
    division = "县城市管理局负责户外广告设施设置审批和安全监管；县市场监管局负责广告内容监管；县应急管理局配合开展大风天气安全检查。"
    assert [(row["settled"], row["matter"], row["department"], row["remark"])
            for row in _section(report, "overlaps").rows if row["settled"]] == [
        ("已明确", "户外广告设施安全监管", "青山县城市管理局",
         f"牵头：本部门为“户外广告设施安全监管”的牵头部门（职责分工：{division}）"),
        ("已明确", "户外广告设施安全监管", "青山县市场监督管理局",
         f"非牵头：本部门三定仍写有此项工作，而边界清单或职责分工条款明确由青山县城市管理局牵头，列本部门为配合（职责分工："
         f"{division}）；修订三定时核对：删除或改为配合"),
    ]
    coordination = _section(report, "coordination_items").rows[0]
    assert coordination["issue"].startswith("同级部门职责交叉，已明确牵头（非牵头：本部门三定仍写有此项工作")


def test_a_finding_of_nothing_loaded_says_so_instead_of_0(store: Store) -> None:
    """三不管 0 for a county with no 监管事项目录 loaded read as none found (user test): the 摘要 and the section say
    that nothing was loaded, for the supervision list and for the split list."""
    assert ingest([EXAMPLES / "sanding" / "qingshan_shichangjianguan.txt"], store,
                  region=Region(("示例市", "青山县"))).failed == []
    report = build_report(store, region="示例市/青山县")
    counts = {row["finding"]: row["count"] for row in report.sections[0].rows}
    # The split list is the city's to load, and which city's is said (user test: 本区划未载入 read as the county's own).
    not_loaded = "未载入示例市的市县事权划分清单（该清单由市级制定，请载入示例市的清单）"
    assert (counts["无部门认领的监管事项（三不管）"], counts["市县事权划分冲突"]) == ("本区划未载入监管事项目录", not_loaded)
    # Chinese only, where people read it: the English half is for the CLI's stderr and programs.
    assert _section(report, "orphan_supervision_items").note == "本区划未载入监管事项目录"
    assert "本区划未载入监管事项目录" in to_markdown(report) and "no supervision list" not in to_markdown(report)
    assert [section.note for section in report.sections if section.key.startswith("power_split")] == [not_loaded] * 3


def test_a_county_department_s_report_says_its_region_has_no_supervision_list(corpus: Store) -> None:
    """Its report covers its city, whose 目录 is loaded; 青山县's is not, so 三不管 0 read as every item claimed
    (investigator's user test). 河西区, whose 目录 is loaded, counts."""
    def orphans(department: str) -> object:
        summary = build_report(corpus, department=department).sections[0]
        return next(row["count"] for row in summary.rows if row["finding"] == "无部门认领的监管事项（三不管）")

    assert orphans("青山县市场监督管理局") == "本区划未载入监管事项目录"
    assert orphans("河西区市场监督管理局") == 0


def test_a_split_conflict_cites_the_list_rows_it_rests_on(corpus: Store) -> None:
    # The split list's row of the matter, and for a county's matter a city department still exercises, the row of
    # its power list: by title, or by file name and row for a list without one, as every source of the report.
    section = _section(build_report(corpus), "power_split_conflicts:示例市")
    assert [(row["matter"], row["sources"]) for row in section.rows] == [
        ("道路普通货物运输经营许可", ["市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号7（第8行）",
                                      "权责清单（quanze_shi_multi.xlsx）工作表“市交通运输局”编号1（第2行）"]),
        ("城市生活垃圾经营性清扫、收集、运输、处理服务审批", ["市县事权划分清单（shixian_shiquan.csv）编号1（第2行）"]),
        ("城市道路占用、挖掘审批", ["市县事权划分清单（shixian_shiquan.csv）编号2（第3行）"]), ("食品安全抽样检验", ["市县事权划分清单（shixian_shiquan.csv）编号8（第9行）"]),
    ]
    assert _shown(section)[0][-1] == ("市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号7（第8行）、"
                                      "权责清单（quanze_shi_multi.xlsx）工作表“市交通运输局”编号1（第2行）")


def test_a_department_s_report_opens_with_what_it_must_settle_with_others(corpus: Store) -> None:
    """A department's report had no page of what it must coordinate (user test): after the 摘要, each overlap group
    it is in (its offices' repeat of a group named with it), each unclear shared matter with its part in it, and each
    split conflict on its work, with the departments to settle it with (no vague party) and where the report says
    more."""
    report = build_report(corpus, department="示例市城市管理和综合执法局")
    assert [section.key for section in report.sections[:3]] == ["summary", "coordination_items", "departments"]
    section = report.sections[1]
    assert (section.title, section.columns) == ("本部门需协调事项", ["finding", "matter", "issue", "others", "see"])
    assert [list(row.values()) for row in section.rows] == [
        ["职责交叉", "互联网租赁自行车停放管理", "同级部门职责交叉，未明确牵头", ["示例市交通运输局"],
         "职责交叉（多头管）第1组、第4组"],
        ["职责交叉", "建筑垃圾处置监督管理", "同级部门职责交叉，未明确牵头", ["示例市住房和城乡建设局"],
         "职责交叉（多头管）第2组"],
        ["职责交叉", "户外广告设施设置审批",
         "上下级职责交叉（市县事权划分：市县共有；本级：负责市区主次干道两侧户外广告设施设置审批）",
         ["河西区城市管理和综合执法局"], "职责交叉（多头管）第3组"],
        ["共同事项主办/协办不清", "互联网租赁自行车停放管理", f"文件间牵头部门不一致（{UNDATED_NOTE}）；本部门：牵头、配合",
         ["示例市交通运输局", "示例市公安局"], "主办/协办不清的共同事项"],
        ["共同事项主办/协办不清", "建筑垃圾处置监督管理", f"文件间牵头部门不一致（{WASTE_NOTE}）；本部门：牵头、配合",
         ["示例市住房和城乡建设局"], "主办/协办不清的共同事项"],
        ["事权划分冲突", "城市生活垃圾经营性清扫、收集、运输、处理服务审批", "市县共有事项未明确分工",
         ["河西区城市管理和综合执法局", "青山县城市管理局"], "事权划分冲突（示例市）"],
        ["事权划分冲突", "城市道路占用、挖掘审批", "市县共有事项未明确分工",
         ["河西区城市管理和综合执法局", "青山县城市管理局"], "事权划分冲突（示例市）"],
    ]
    # A group without a matter is named by the department's own duty; a vague party is no one to settle with.
    market = build_report(corpus, department="示例市市场监督管理局").sections[1]
    assert market.rows[0]["matter"] == "本部门职责：负责市场主体统一登记注册"
    personnel = build_report(corpus, department="示例市人力资源和社会保障局").sections[1]
    assert [(row["issue"], row["others"]) for row in personnel.rows] == [("配合部门不明确（有关部门）；本部门：牵头", [])]
    assert "coordination_items" not in [s.key for s in build_report(corpus).sections]


def test_the_word_contents_give_each_section_s_page(corpus: Store) -> None:
    """The contents gave row counts and no pages (user test): each line's page is a field Word and LibreOffice
    compute, shown until then as the layout guesses it (`queries.word._estimated_pages`). The guess is pinned here; on
    2026-11-24 LibreOffice 7.4 laid the examples' report out one to two pages earlier from 主办/协办 on (15, 17, 18,
    19, 19, 20, …, 22, 24, 25, 25, 26, 27), its long 职责交叉 tables taking less room than guessed. The
    编号 column (cluster_id) since made 职责交叉 two pages longer by the guess, and the newer document's sentence in
    主办/协办's 问题 one more."""
    document = docx.Document(io.BytesIO(to_docx(build_report(corpus))))
    lines = document.paragraphs[2:18]
    assert [line.text.split("（")[0] for line in lines][:3] == ["摘要", "部门概况", "职责交叉"]
    assert [int("".join(t.text for t in field.iter(qn("w:t")))) for line in lines
            for field in line._p.iter(qn("w:fldSimple"))] == [1, 2, 3, 19, 22, 22, 23, 23, 24, 25, 26, 29, 30, 30,
                                                                 31, 32]


def test_each_group_shows_the_number_the_page_cites_it_by(corpus: Store) -> None:
    """The report numbered groups 第N组, a number that changes as groups are settled, and never showed the 编号
    (C095709c6) the page and the API use (boundary-dispute user test): a memo can now cite what the page shows."""
    import openpyxl

    report = build_report(corpus)
    section = _section(report, "overlaps")
    assert section.columns[:4] == ["scope", "group", "cluster_id", "score"]
    assert sorted({(row["group"], row["cluster_id"]) for row in section.rows if row["scope"] == "同级部门"}) == [
        (1, "C624f4ab2"), (2, "C5c9e0f67"), (3, "Ced9022cf"), (4, "C095709c6"), (5, "C4d2ba19a"), (13, "Cdeabcb67"),
        (14, "C46991943"), (15, "Ce11e122f"), (16, "C7f3377ef"), (17, "Ccf82f29b"), (18, "C1e299806")]
    lines = to_markdown(report).splitlines()
    assert "| 范围 | 组 | 编号 | 相似度 | 已明确牵头 | 事项 | 部门 | 内设机构 | 职责 | 出处 | 说明 |" in lines
    assert sum(line.startswith("| 同级部门 | 4 | C095709c6 | 0.549 |") for line in lines) == 2
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(report)))["职责交叉（多头管）"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(row for row in rows if row[:3] == ("范围", "组", "编号"))
    assert [row[:3] for row in rows[rows.index(header) + 1:] if row[1] == 4] == [("同级部门", 4, "C095709c6")] * 2
    table = next(table for table in docx.Document(io.BytesIO(to_docx(report))).tables
                 if [cell.text for cell in table.rows[0].cells][:3] == ["范围", "组", "编号"])
    assert [[cell.text for cell in row.cells][:3] for row in table.rows if row.cells[1].text == "4"] == \
        [["同级部门", "4", "C095709c6"]] * 2
