"""The parser on the bundled corpus: every file as examples/README.md describes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.model import SandingDocument
from ingest.readers import read_source
from ingest.sanding import parse_sanding
from tests.ingest.conftest import EXAMPLES

Parse = Callable[[str], SandingDocument]

# file → (duties parsed (职能转变 items excluded, catch-all included), numbered offices, unnumbered units,
#         编制 total, other pools, department leader posts, office-level leader posts)
EXPECTED: dict[str, tuple[int, int, list[str], int, dict[str, int], int, dict[str, int]]] = {
    "shi_shichangjianguan.txt": (16, 13, [], 58, {}, 6, {"科级": 17}),
    "shi_chengguan.txt": (14, 10, ["机关党委", "离退休干部科"], 36, {}, 5, {"科级": 14}),
    "shi_jiaotong.txt": (14, 7, [], 33, {}, 5, {"科级": 10}),
    "shi_gongan.txt": (12, 12, [], 40, {"政法专项编制": 40}, 6, {"内设机构": 24}),
    "shi_shengtaihuanjing.txt": (14, 8, [], 42, {}, 4, {"科级": 13}),
    "shi_zhujian.txt": (14, 10, ["离退休干部科"], 40, {"事业编制": 5}, 5, {"科级": 15}),
    "shi_nongye.txt": (14, 9, ["机关党委"], 52, {}, 5, {"科级": 18}),
    "shi_weijian.docx": (14, 9, ["机关党委", "离退休干部科"], 47, {}, 5, {"科级": 17}),
    "shi_yingji.txt": (14, 8, [], 38, {}, 5, {"科级": 12}),
    "shi_ziranguihua.txt": (14, 10, ["机关党委"], 55, {}, 6, {"正科级": 12, "副科级": 8}),
    "shi_wenlvti.txt": (17, 6, [], 9, {}, 3, {"科级": 6}),
    "shi_renshe.html": (12, 10, [], 45, {}, 4, {"科级": 12}),
    "shi_shuiwu.txt": (13, 8, ["机关党委"], 30, {}, 5, {"正科级": 9, "副科级": 3}),
    "qingshan_shichangjianguan.txt": (12, 9, [], 24, {}, 4, {"股级": 10}),
    "qingshan_chengguan.txt": (10, 5, [], 18, {}, 3, {"股级": 6}),
    "qingshan_jiaotong.txt": (11, 6, [], 16, {"工勤人员事业编制": 2}, 3, {"股级": 6}),
    "qingshan_nongye.txt": (12, 7, [], 22, {}, 4, {"股级": 8}),
    "qingshan_yingji.txt": (10, 5, [], 15, {}, 3, {"股级": 5}),
    "qingshan_zhujian.txt": (11, 6, [], 20, {}, 4, {"股级": 7}),
    "qingshan_shuili.txt": (9, 5, [], 14, {}, 3, {"股级": 5}),
    "hexi_shichangjianguan.txt": (12, 7, [], 26, {}, 4, {"股级": 8}),
    "hexi_chengguan.txt": (10, 5, [], 20, {"行政执法专项编制": 12}, 4, {"股级": 6}),
    "hexi_jiaotong.txt": (10, 5, [], 16, {}, 3, {"股级": 5}),
    "hexi_weijian.txt": (12, 5, [], 18, {}, 3, {"股级": 6}),
    "hexi_jiaoyu.txt": (8, 8, [], 68, {}, 6, {"股级": 14}),
    "hexi_zhujian.txt": (12, 5, [], 21, {}, 3, {"股级": 6}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure_of_each_example(example: Parse, name: str) -> None:
    duties, numbered, unnumbered, staff, pools, leaders, office_posts = EXPECTED[name]
    doc = example(name)
    assert len(doc.duties) == duties
    assert [d.ordinal for d in doc.duties] == list(range(1, duties + 1))
    assert [o.ordinal for o in doc.offices if o.ordinal] == list(range(1, numbered + 1))
    assert [o.name for o in doc.offices if o.ordinal is None] == unnumbered
    staffing = doc.staffing
    assert staffing is not None
    assert (staffing.staff_total, staffing.other_pools, staffing.leader_total, staffing.office_leader_posts) == (
        staff, pools, leaders, office_posts)
    assert not doc.truncated, doc.warnings


def test_function_change_items_are_not_duties(example: Parse) -> None:
    doc = example("shi_shichangjianguan.txt")
    assert doc.duties[-1].text.startswith("完成市委、市政府交办的其他任务")
    kinds = {change.kind for change in doc.changes}
    assert {"cancelled", "devolved"} <= kinds
    assert all(not duty.text.startswith("职能转变") for duty in doc.duties)


def test_offices_without_duties_and_the_largest_office(example: Parse) -> None:
    chengguan = example("shi_chengguan.txt")
    assert [(o.name, len(o.duties)) for o in chengguan.offices if o.ordinal == 7] == [("执法监督科", 0)]
    jiaotong = example("qingshan_jiaotong.txt")  # the whole office list is one run-on paragraph
    assert [(o.ordinal, o.name, len(o.duties)) for o in jiaotong.offices][4:] == [(5, "运政股", 0), (6, "路政执法股", 2)]
    market = example("shi_shichangjianguan.txt")
    assert max((len(o.duties), o.name) for o in market.offices) == (9, "办公室")


def test_bracketed_extra_names_of_offices(example: Parse) -> None:
    zhujian = example("shi_zhujian.txt")
    assert [(o.name, o.aliases) for o in zhujian.offices if o.ordinal == 8] == [("人事科", ["机关党委办公室"])]
    gongan = example("shi_gongan.txt")
    assert (gongan.offices[0].name, gongan.offices[0].aliases) == ("办公室", ["警令部"])
    yingji = example("qingshan_yingji.txt")
    assert (yingji.offices[1].name, yingji.offices[1].aliases) == ("应急指挥股", ["县防汛抗旱指挥部办公室"])


def test_encodings_and_containers(example: Parse) -> None:
    assert example("shi_ziranguihua.txt").department == "示例市自然资源和规划局"  # GB18030
    assert example("shi_weijian.docx").department == "示例市卫生健康委员会"
    renshe = example("shi_renshe.html")
    assert (renshe.department, renshe.issued, renshe.duties[0].where.locator) == (
        "示例市人力资源和社会保障局", "2021-06-18", "第四条(一)")


def test_chapter_style_2009(example: Parse) -> None:
    doc = example("shi_shuiwu.txt")
    assert (doc.department, doc.department_kind, doc.issued, doc.doc_number, doc.offices_stated) == (
        "示例市水务局", "政府工作部门", "2009-10-12", "示政办发〔2009〕52 号", 8)
    assert [(c.kind, c.counterpart) for c in doc.changes if c.kind.startswith("transferred")] == [
        ("transferred_in", "原市建设委员会"), ("transferred_in", "原市建设委员会")]
    assert [c.kind for c in doc.changes if not c.kind.startswith("transferred")] == [
        "cancelled", "cancelled", "strengthened"]
    assert [o.name for o in doc.offices][:2] == ["办公室", "政策法规科"]


def test_a_sanding_without_its_main_duties_says_so(example: Parse, tmp_path: Path) -> None:
    text = (EXAMPLES / "qingshan_shuili.txt").read_text(encoding="utf-8")
    without = tmp_path / "qingshan_shuili.txt"
    without.write_text(text[:text.index("二、主要职责")] + text[text.index("三、内设机构"):], encoding="utf-8")
    doc = parse_sanding(read_source(without))
    assert (len(doc.duties), len(doc.offices)) == (0, 5)
    assert doc.warnings == ["no 主要职责 section was found (二、主要职责 or 第三条 with numbered duties): the department "
                            "holds no duties of its own in the graph, only its offices'; 未找到主要职责部分，图中该部门只有内设机构的职责"]
    assert example("qingshan_shuili.txt").warnings == []


def test_a_staffing_clause_counted_in_words_is_read(tmp_path: Path) -> None:
    # `机关行政编制十二名` was taken for no staffing clause at all: the quota was lost without a word (user test).
    path = tmp_path / "hedao.txt"
    path.write_text("临川市河道管理局职能配置、内设机构和人员编制规定\n第三条 临川市河道管理局负责全市河道管理工作。主要职责是：\n"
                    "（一）负责河道堤防的日常管理和维护。\n第五条 临川市河道管理局机关行政编制十二名。设局长1名，副局长二名。\n",
                    encoding="utf-8")
    staffing = parse_sanding(read_source(path)).staffing
    assert staffing is not None
    assert (staffing.admin_quota, staffing.leader_posts, staffing.where.locator) == (
        12, {"局长": 1, "副局长": 2}, "第五条")
