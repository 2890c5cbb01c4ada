"""A department's report carries what a 三定 drafter revises (user test on 青山县市场监督管理局): its main duties with
the offices that carry each out, its offices with their duties, and the shared matters it leads and assists on with
the list row or clause that says so; in Markdown, Word and Excel."""

from __future__ import annotations

import io

import docx
import openpyxl

from graph.store import Store
from queries.export import to_docx, to_markdown, to_xlsx
from queries.labels import column_label
from queries.profile import department_profile
from queries.report import Report, Section, build_report, cell_text

SCJG = "青山县市场监督管理局"
SANDING = "《青山县市场监督管理局职能配置、内设机构和人员编制规定》"
TERRITORIAL = "《青山县乡镇属地管理事项主体责任和配合责任清单》工作表“属地管理事项”"
# The 监管事项 示例市河西区市场监督管理局 claims (examples/lists/jianguan_hexi.xlsx): 事项, 监管对象, 编码, 设定依据.
HEXI_CLAIMED = [
    ["对药品零售企业的监督检查", "药品零售企业", "JG370200200", "《中华人民共和国药品管理法》第九十九条"],
    ["对计量器具的监督检查", "计量器具使用者", "JG370200300", "《中华人民共和国计量法实施细则》第三十六条"],
    ["对食品经营者的监督检查（对农村集体聚餐的指导检查）", "农村集体聚餐举办者和承办者", "JG370200103",
     "《中华人民共和国食品安全法》第三十六条"],
    ["对食品经营者的监督检查（对学校食堂的检查）", "学校、托幼机构食堂", "JG370200102", "《学校食品安全与营养健康管理规定》第五十二条"],
    ["对食品经营者的监督检查（对餐饮服务提供者的检查）", "餐饮服务提供者", "JG370200101",
     "《中华人民共和国食品安全法》第一百一十条"]]
OWN_SECTIONS = ["department_duties", "department_offices", "department_leads", "department_assists",
                "department_power_items", "department_supervision_items"]


def _section(report: Report, key: str) -> Section:
    return next(section for section in report.sections if section.key == key)


def _shown(section: Section) -> list[list[str]]:
    return [[cell_text(row, column, section.key) for column in section.columns] for row in section.rows]


def test_a_department_s_report_lists_its_duties_with_the_offices_that_carry_them(corpus: Store) -> None:
    report = build_report(corpus, department=SCJG)
    # After the 摘要, what to settle with others and the 部门概况: its own tables, before the findings.
    assert [section.key for section in report.sections[:10]] == [
        "summary", "coordination_items", "departments", *OWN_SECTIONS, "overlaps"]
    duties = _section(report, "department_duties")
    assert (duties.title, duties.columns) == ("本部门主要职责", ["ordinal", "category", "text", "carried_by", "source"])
    assert _shown(duties)[0] == [
        "1", "组织实施", "负责全县市场综合监督管理。执行市场监督管理法律法规和上级政策，拟订全县市场监督管理有关措施并组织实施，"
        "维护公平竞争的市场秩序。", "未分解", f"{SANDING}第三条(一)"]
    # In the 三定's order (the profile groups them by category), each with its offices or 未分解.
    assert [(row[0], row[1], row[3], row[4].removeprefix(SANDING)) for row in _shown(duties)] == [
        ("1", "组织实施", "未分解", "第三条(一)"), ("2", "组织实施", "信用监管股、法规股（行政审批股）", "第三条(二)"),
        ("3", "组织实施", "综合执法股", "第三条(三)"), ("4", "组织实施", "特种设备安全监察股", "第三条(四)"),
        ("5", "监督检查", "法规股（行政审批股）、食品安全监管股（县食品安全委员会办公室）", "第三条(五)"),
        ("6", "监督检查", "产品质量与计量标准股、综合执法股", "第三条(六)"), ("7", "监督检查", "药械化妆品监管股", "第三条(七)"),
        ("8", "监督检查", "产品质量与计量标准股", "第三条(八)"), ("9", "组织实施", "消费者权益保护与知识产权股", "第三条(九)"),
        ("10", "组织实施", "消费者权益保护与知识产权股", "第三条(十)"),
        ("11", "组织实施", "消费者权益保护与知识产权股", "第三条(十一)"), ("12", "其他", "未分解", "第三条(十二)")]
    offices = _section(report, "department_offices")
    assert (offices.title, offices.columns) == ("本部门内设机构及其职责", ["office", "ordinal", "text", "source"])
    assert [(row[0], row[1], row[3].removeprefix(SANDING)) for row in _shown(offices)] == [
        ("产品质量与计量标准股", "1", "第四条(七)"), ("信用监管股", "1", "第四条(三)"), ("办公室", "1", "第四条(一)"),
        ("办公室", "2", "第四条(一)"), ("法规股（行政审批股）", "1", "第四条(二)"), ("法规股（行政审批股）", "2", "第四条(二)"),
        ("消费者权益保护与知识产权股", "1", "第四条(九)"), ("消费者权益保护与知识产权股", "2", "第四条(九)"),
        ("消费者权益保护与知识产权股", "3", "第四条(九)"), ("特种设备安全监察股", "1", "第四条(五)"),
        ("综合执法股", "1", "第四条(四)"), ("药械化妆品监管股", "1", "第四条(八)"), ("食品安全监管股（县食品安全委员会办公室）", "1", "第四条(六)"),
        ("食品安全监管股（县食品安全委员会办公室）", "2", "第四条(六)")]
    assert _shown(offices)[0][2] == "负责产品质量监督抽查和计量、标准化、认证认可监督管理。"


def test_a_department_s_report_lists_the_matters_it_leads_and_assists_with_their_source(corpus: Store) -> None:
    report = build_report(corpus, department=SCJG)
    leads, assists = _section(report, "department_leads"), _section(report, "department_assists")
    assert (leads.title, assists.title, leads.columns) == (
        "本部门牵头的共同事项", "本部门配合的共同事项", ["matter", "basis", "source"])
    assert _shown(leads) == [
        ["电梯安全监管", "《中华人民共和国特种设备安全法》", "职责边界清单（bianjie_qingshan.csv）编号7（第8行）"],
        ["畜禽屠宰监督管理", "“三定”规定", "职责边界清单（bianjie_qingshan.csv）编号13（第14行）"],
        ["食品小作坊、小餐饮日常巡查", "青山县乡镇属地管理事项主体责任和配合责任清单", f"{TERRITORIAL}序号6（第8行）"]]
    assert _shown(assists) == [
        ["户外广告设施安全监管", "《城市市容和环境卫生管理条例》", "职责边界清单（bianjie_qingshan.csv）编号10（第11行）"],
        ["烟花爆竹安全监管", "《烟花爆竹安全管理条例》", "职责边界清单（bianjie_qingshan.csv）编号12（第13行）"],
        ["烟花爆竹非法经营巡查", "青山县乡镇属地管理事项主体责任和配合责任清单", f"{TERRITORIAL}序号8（第10行）"],
        ["电动自行车集中充电设施安全管理", "《中华人民共和国消防法》", "职责边界清单（bianjie_qingshan.csv）编号6（第7行）"],
        ["食用农产品产地准出与市场准入衔接", "“三定”规定", "职责边界清单（bianjie_qingshan.csv）编号1（第2行）"],
        ["食用农产品从种植养殖环节到进入批发、零售市场或者生产加工企业前的质量安全监督管理",
         "青山县市场监督管理局职能配置、内设机构和人员编制规定", f"{SANDING}第六条(一)"]]


def test_a_department_s_report_lists_its_power_items_with_their_offices_and_its_supervision_items(
        corpus: Store) -> None:
    """Who in the bureau does what its 权责清单 lists (承办科室), and the 监管事项 it claims (new head's user test: the
    report named neither); each table says why it is empty, where it is."""
    report = build_report(corpus, department=SCJG)
    power, supervision = _section(report, "department_power_items"), _section(report, "department_supervision_items")
    assert (power.title, power.columns) == ("本部门权责事项", ["item", "kind", "code", "offices", "basis", "source"])
    assert [column_label(column, power.key) for column in power.columns] == [
        "事项", "事项类型", "编码", "承办科室", "设定依据（实施依据）", "出处"]
    quanze = "权责清单（quanze_qingshan.csv）"
    assert _shown(power) == [
        ["对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚", "行政处罚", "QS01-CF-004", "综合执法股",
         "《中华人民共和国产品质量法》第四十九条", f"{quanze}序号4（第5行）"],
        ["对电梯等特种设备的安全检查", "行政检查", "QS01-JC-003", "特种设备安全监察股",
         "《中华人民共和国特种设备安全法》第五十七条", f"{quanze}序号3（第4行）"],
        ["消费者权益争议调解", "其他行政权力", "QS01-QT-006", "消费者权益保护与知识产权股",
         "《中华人民共和国消费者权益保护法》第三十九条", f"{quanze}序号6（第7行）"],
        ["特种设备使用登记", "行政许可", "QS01-XK-002", "特种设备安全监察股", "《中华人民共和国特种设备安全法》第三十三条",
         f"{quanze}序号2（第3行）"],
        ["食品小作坊、小餐饮登记", "其他行政权力", "QS01-QT-005", "食品安全监管股（县食品安全委员会办公室）",
         "《中华人民共和国食品安全法》第三十六条", f"{quanze}序号5（第6行）"],
        ["食品经营许可", "行政许可", "QS01-XK-001", "法规股（行政审批股）", "《中华人民共和国食品安全法》第三十五条",
         f"{quanze}序号1（第2行）"]]
    # The examples' list has no 责任事项 or 追责情形 column: none is known (null), not an empty cell.
    assert {(r["responsibilities"], r["accountability"]) for r in department_profile(corpus, SCJG)["power_items"]} == {
        (None, None)}
    assert power.note == ("权责清单列本部门为实施主体的事项，“编码”“设定依据（实施依据）”和“承办科室”为清单所列；"
                          "各事项的责任事项、追责情形见部门画像的“权责事项”表。")
    # 青山县 has no 监管事项目录 loaded; 河西区's lists five items its 市场监督管理局 claims.
    assert (supervision.title, supervision.rows) == ("本部门认领的监管事项", [])
    assert supervision.note == "图中没有本部门认领的监管事项（未载入本区划的监管事项目录，或目录未列本部门）。"
    hexi = build_report(corpus, department="示例市河西区市场监督管理局")
    claimed = _section(hexi, "department_supervision_items")
    # Each with its 监管事项编码 and 设定依据 as the 目录 writes them, what a reviewer checks a claim by.
    assert [column_label(column, claimed.key) for column in claimed.columns] == [
        "事项", "监管对象", "编码", "设定依据", "出处"]
    assert [row[:4] for row in _shown(claimed)] == HEXI_CLAIMED
    assert claimed.note == ("监管事项目录中由本部门认领的事项，“监管对象”“编码”“设定依据”为目录所列；"
                            "本区划无人认领的见“无部门认领的监管事项（三不管）”一节。")
    assert _section(hexi, "department_power_items").note == (
        "图中没有以本部门为实施主体的权责清单事项（未载入本部门的权责清单，或清单未列本部门）。")


def test_the_report_s_own_tables_and_its_undecomposed_duties_are_the_profile_s(corpus: Store) -> None:
    """Read from the profile (one computation, cached), not queried again: the same rows."""
    report = build_report(corpus, department=SCJG)
    profile = department_profile(corpus, SCJG)
    assert [row["matter"] for row in _section(report, "department_leads").rows] == [r["name"] for r in profile["leads"]]
    # The report adds the finding in words and names sources and regions as people read them.
    added = ("kind_label", "source", "region_name")
    assert [{k: v for k, v in row.items() if k not in added} for row in _section(report, "undecomposed_duties").rows] \
        == [{k: v for k, v in row.items() if k != "source"} for row in profile["undecomposed"]]
    assert [(row["kind_label"], row["ordinal"]) for row in _section(report, "undecomposed_duties").rows] == [
        ("未分解到内设机构的职责", 1)]
    # A region's or the whole graph's report has no department of its own.
    assert not {section.key for section in build_report(corpus, region="示例市/青山县").sections} & set(OWN_SECTIONS)


def test_the_department_s_tables_read_in_markdown_word_and_excel(corpus: Store) -> None:
    report = build_report(corpus, department=SCJG)
    markdown = to_markdown(report)
    assert "## 本部门主要职责\n" in markdown
    assert "| 序号 | 职责类别 | 职责内容 | 承接的内设机构 | 出处 |" in markdown
    assert "| 事项 | 依据 | 出处 |" in markdown.split("## 本部门牵头的共同事项")[1]
    # Word: each table under its heading, with Chinese titles.
    document = docx.Document(io.BytesIO(to_docx(report)))
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["序号", "职责类别", "职责内容", "承接的内设机构", "出处"] in headers
    assert ["内设机构", "序号", "职责内容", "出处"] in headers
    own = document.tables[headers.index(["序号", "职责类别", "职责内容", "承接的内设机构", "出处"])]
    assert [cell.text for cell in own.rows[12].cells][:4] == ["12", "其他", "完成县委、县政府交办的其他任务。", "未分解"]
    # Excel: a sheet each, titled, its note above its column titles.
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(report, as_report=True)))
    assert workbook.sheetnames[3:7] == ["本部门主要职责", "本部门内设机构及其职责", "本部门牵头的共同事项", "本部门配合的共同事项"]
    sheet = list(workbook["本部门配合的共同事项"].iter_rows(values_only=True))
    assert str(sheet[0][0]).startswith("本部门配合的共同事项\n")
    assert sheet[1:3] == [("事项", "依据", "出处"), ("户外广告设施安全监管", "《城市市容和环境卫生管理条例》",
                                                  "职责边界清单（bianjie_qingshan.csv）编号10（第11行）")]
    assert len(sheet) == 2 + 6
