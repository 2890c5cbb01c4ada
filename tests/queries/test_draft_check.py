"""check_draft on the sample corpus: a revised 青山县市场监督管理局 三定 (tests/fixtures/drafts) against the one in force,
and what it would create against the county's other departments; the graph is left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.draft import read_draft
from ingest.errors import IngestError
from queries.cache import graph_version
from queries.draft_check import SECTIONS, check_draft, draft_of
from queries.lookup import UnknownDepartment

REPO = Path(__file__).resolve().parents[2]
DRAFT = REPO / "tests" / "fixtures" / "drafts" / "qingshan_shichangjianguan_draft.txt"
IN_FORCE = REPO / "examples" / "sanding" / "qingshan_shichangjianguan.txt"
MARKET = "青山县市场监督管理局"
FARMING = "青山县农业农村局"
MATTER = "食用农产品从种植养殖环节到进入批发、零售市场或者生产加工企业前的质量安全监督管理"
ADDED_DUTY = "负责全县食用农产品质量安全监督管理，组织开展农产品质量安全抽检。"


def _checked(store: Store, path: Path, department: str | None = None) -> dict[str, Any]:
    source, parsed = read_draft(path)
    return check_draft(store, draft_of(store, source, parsed, department), file=path.name)


def _doc(source: str) -> str:
    return source.partition("#")[0]


def test_what_the_sample_draft_changes(corpus: Store) -> None:
    answer = _checked(corpus, DRAFT)
    in_force = answer["in_force"]
    assert answer["draft"] == {"file": DRAFT.name, "title": "青山县市场监督管理局职能配置、内设机构和人员编制规定",
                               "department": MARKET, "region": "示例市/青山县", "dated": "2027-01-01"}
    assert (in_force["department"], in_force["issued"], answer["notes"]) == (MARKET, "2019-03-22", [])
    doc = in_force["documents"][0]
    assert answer["duties"] == [
        {"change": "removed", "old_ordinal": 11, "old_text": "指导乡镇市场监督管理所的业务工作。", "new_ordinal": None,
         "new_text": "", "score": None, "source": f"{doc}#第三条(十一)", "draft_place": ""},
        {"change": "reworded", "old_ordinal": 8,
         "old_text": "负责全县计量、标准化和认证认可的监督管理工作，依法管理强制检定计量器具。", "new_ordinal": 8,
         "new_text": "负责全县计量、标准化、检验检测和认证认可工作的统一监督管理，依法管理强制检定计量器具，组织实施计量标准考核。",
         "score": 0.984, "source": f"{doc}#第三条(八)", "draft_place": "第三条(八)"},
        {"change": "added", "old_ordinal": None, "old_text": "", "new_ordinal": 11, "new_text": ADDED_DUTY,
         "score": None, "source": "", "draft_place": "第三条(十一)"}]
    # Known by its duties, which it keeps.
    assert answer["offices"] == [
        {"change": "renamed", "old_office": "信用监管股", "new_office": "信用监督管理股", "score": 0.98,
         "source": f"{doc}#第四条(三)", "draft_place": "第四条(三)"}]
    # The duties of the offices it keeps: one reworded, one dropped with the department's 第三条(十一). The renamed
    # office's duty, restated word for word, is no change.
    assert answer["office_duties"] == [
        {"office": "产品质量与计量标准股", "change": "reworded", "old_text": "负责产品质量监督抽查和计量、标准化、认证认可监督管理。",
         "new_text": "负责产品质量监督抽查和计量、标准化、检验检测、认证认可监督管理。", "score": 0.99,
         "source": f"{doc}#第四条(七)", "draft_place": "第四条(七)"},
        {"office": "消费者权益保护与知识产权股", "change": "removed", "old_text": "指导乡镇市场监督管理所的业务工作。",
         "new_text": "", "score": None, "source": f"{doc}#第四条(九)", "draft_place": ""}]
    assert [(r["fact"], r["old_value"], r["new_value"], r["change"], r["delta"]) for r in answer["staffing"]] == [
        ("staff_quota", 24, 26, "increased", 2), ("leader_posts", 4, 4, "unchanged", 0),
        ("leader_posts_detail", ["局长 1", "副局长 3"], ["局长 1", "副局长 3"], "unchanged", None),
        ("office_leader_posts", 10, 10, "unchanged", 0), ("office_count", 9, 9, "unchanged", 0)]
    assert answer["divisions"] == [
        {"change": "changed", "matter": MATTER, "old_leads": [FARMING], "old_assists": [MARKET],
         "new_leads": [FARMING], "new_assists": ["各乡镇人民政府", MARKET],
         "old_text": f"县农业农村局负责{MATTER}，县市场监督管理局配合。",
         "new_text": f"县农业农村局负责{MATTER}，县市场监督管理局、各乡镇人民政府配合。",
         "source": f"{doc}#第六条(一)", "draft_place": "第六条(一)"}]
    # The added duty is 农业农村局's work too (its 第三条(六)), a 职责交叉 the 三定 in force does not have; and no
    # office of the draft takes it on. 第三条(一) no office carries now either.
    farming = [(r["other_department"], r["other_ordinal"], r["score"], r["already"], r["draft_place"])
               for r in answer["overlaps"]]
    assert farming == [(FARMING, 6, 0.95, False, "第三条(十一)"), (FARMING, 5, 0.732, False, "第三条(十一)")]
    assert answer["overlaps"][0]["other_text"] == "负责全县农产品质量安全和农业投入品的监督管理。"
    assert [(r["new_ordinal"], r["already"], r["draft_place"]) for r in answer["undecomposed"]] == [
        (1, True, "第三条(一)"), (11, False, "第三条(十一)")]


def test_the_sanding_in_force_checked_as_a_draft_changes_nothing(corpus: Store) -> None:
    answer = _checked(corpus, IN_FORCE)
    assert [answer[section] for section in ("duties", "offices", "office_duties", "divisions", "overlaps")] == [
        [], [], [], [], []]
    assert {row["change"] for row in answer["staffing"]} == {"unchanged"}
    assert [(r["new_ordinal"], r["already"]) for r in answer["undecomposed"]] == [(1, True)]


def test_the_overlaps_a_sanding_in_force_has_are_already_there(corpus: Store) -> None:
    """The 三定 of 示例市交通运输局 checked as its own draft: its two 职责交叉 of the overlaps analysis, each already."""
    answer = _checked(corpus, REPO / "examples" / "sanding" / "shi_jiaotong.txt")
    assert [(r["new_ordinal"], r["other_department"], r["other_ordinal"], r["score"], r["already"])
            for r in answer["overlaps"]] == [(5, "示例市城市管理和综合执法局", 9, 0.841, True),
                                            (10, "示例市应急管理局", 9, 0.552, True)]


def _dump(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = store.read("MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS type, b.uid AS b, properties(r) AS props")
    order = repr
    return sorted(nodes, key=order), sorted(edges, key=order)


def test_a_check_writes_nothing(corpus: Store) -> None:
    before, version = _dump(corpus), graph_version(corpus)
    _checked(corpus, DRAFT)
    assert (_dump(corpus), graph_version(corpus)) == (before, version)


_NEW_DEPARTMENT = """青山县文化和旅游局职能配置、内设机构和人员编制规定
第一条 根据《示例市青山县机构改革方案》，制定本规定。
第二条 县文化和旅游局是县政府工作部门，为正科级。
第三条 县文化和旅游局主要职责是：
（一）负责全县文化和旅游事业发展，拟订全县文化和旅游发展规划并组织实施。
（二）负责全县旅游市场秩序监督管理，受理旅游投诉。
（三）完成县委、县政府交办的其他任务。
第四条 县文化和旅游局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）文化旅游股。负责文化和旅游事业发展规划的拟订和实施。
第五条 县文化和旅游局机关行政编制为10名。设局长1名，副局长2名。
"""


def test_a_department_the_graph_holds_no_sanding_of_reads_as_all_added(corpus: Store, tmp_path: Path) -> None:
    path = tmp_path / "wenlv.txt"
    path.write_text(_NEW_DEPARTMENT, encoding="utf-8")
    answer = _checked(corpus, path)
    assert (answer["draft"]["department"], answer["in_force"]) == ("青山县文化和旅游局", None)
    assert answer["notes"] == ["the graph holds no 三定 of 青山县文化和旅游局: every part of the draft reads as added; "
                               "图中没有青山县文化和旅游局的现行三定：草案各部分均列为新增"]
    assert [(r["change"], r["new_ordinal"]) for r in answer["duties"]] == [("added", 1), ("added", 2), ("added", 3)]
    assert [(r["change"], r["new_office"]) for r in answer["offices"]] == [
        ("established", "办公室"), ("established", "文化旅游股")]
    assert answer["office_duties"] == []  # an office set up is new, duties and all
    assert [(r["fact"], r["old_value"], r["new_value"], r["change"]) for r in answer["staffing"]] == [
        ("staff_quota", None, 10, "added"), ("leader_posts", None, 3, "added"),
        ("leader_posts_detail", None, ["局长 1", "副局长 2"], "added"), ("office_count", None, 2, "added")]
    # 旅游市场秩序 is no other county department's work; no office takes it on.
    assert answer["overlaps"] == []
    assert [(r["new_ordinal"], r["already"]) for r in answer["undecomposed"]] == [(2, False)]


def test_a_draft_titled_by_a_short_name_is_checked_as_the_department_named(corpus: Store, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT.read_text(encoding="utf-8").replace("青山县市场监督管理局职能配置", "青山县市场监管局职能配置"),
                    encoding="utf-8")
    unnamed = _checked(corpus, path)
    assert (unnamed["in_force"], unnamed["notes"]) == (None, [
        "the graph holds no 三定 of 青山县市场监管局: every part of the draft reads as added (did you mean "
        "青山县市场监督管理局? name it (--department)); 图中没有青山县市场监管局的现行三定：草案各部分均列为新增（是否指 "
        "青山县市场监督管理局？请指定部门（--department））"])
    # A short name every county bears is read from the draft's county (not the city's 市场监督管理局).
    named = _checked(corpus, path, "市场监管局")
    assert (named["draft"]["department"], named["in_force"]["department"]) == (MARKET, MARKET)
    assert {section: len(named[section]) for section in SECTIONS} == {
        "duties": 3, "offices": 1, "office_duties": 2, "staffing": 5, "divisions": 1, "overlaps": 2, "undecomposed": 2, "changes": 0}
    with pytest.raises(UnknownDepartment):
        _checked(corpus, path, "青山县宇宙局")


def test_an_office_renamed_to_another_of_its_names_and_a_clause_added_and_removed(corpus: Store,
                                                                                  tmp_path: Path) -> None:
    text = IN_FORCE.read_text(encoding="utf-8").replace("法规股（行政审批股）", "行政审批股（法规股）").replace(
        "（一）与县农业农村局的有关职责分工。县农业农村局负责",
        "（一）城区占道经营整治由县城市管理局负责，县市场监督管理局配合。\n（二）与县农业农村局的有关职责分工。县农业农村局牵头")
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    answer = _checked(corpus, path)
    doc = answer["in_force"]["documents"][0]
    assert answer["offices"] == [{"change": "renamed", "old_office": "法规股", "new_office": "行政审批股", "score": None,
                                  "source": f"{doc}#第四条(二)", "draft_place": "第四条(二)"}]
    assert answer["office_duties"] == []  # restated word for word under its other name
    assert [(r["change"], r["matter"], r["old_leads"], r["new_leads"], r["new_assists"], r["source"][-6:],
             r["draft_place"]) for r in answer["divisions"]] == [
        ("changed", MATTER, [FARMING], [FARMING], [MARKET], "第六条(一)", "第六条(二)"),
        ("added", "城区占道经营整治", [], ["青山县城市管理局"], [MARKET], "", "第六条(一)")]


@pytest.mark.parametrize(("name", "text", "english", "chinese"), [
    ("list.csv", "事项名称,牵头部门\n占道经营,县城市管理局\n", "(a .csv file is a list, not a 三定)",
     "三定草案应为 .txt、.html 或 .docx 文件；.csv、.xlsx 是清单，不是三定"),
    ("notice.txt", "关于做好秋季防火工作的通知\n各乡镇：\n请认真做好秋季防火工作。\n",
     "(no department name found in a title or a sentence)", "标题和正文都没有写明部门名称"),
    ("adjustment.txt", "关于调整青山县水利局职责机构编制的通知\n（2023年5月10日）\n一、将青山县农业农村局的农田水利职责划入青山县"
     "水利局。\n二、调整后，青山县水利局行政编制14名。\n", "(a notice adjusting a 三定 (调整…职责机构编制的通知), not a 三定)",
     "这是调整职责机构编制的通知，不是三定规定（草案）"),
    ("empty.txt", "", "(the file is empty)", "文件没有正文"),
])
def test_what_is_no_draft_is_refused_naming_the_file(tmp_path: Path, name: str, text: str, english: str,
                                                     chinese: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        read_draft(path)
    assert refused.value.message.startswith(str(path)) and refused.value.message.endswith(english)
    assert chinese in refused.value.message_zh(name)


def test_a_draft_whose_department_names_no_region_is_refused_at_its_line(corpus: Store, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(_NEW_DEPARTMENT.replace("青山县文化和旅游局职能", "文化和旅游局职能").replace(
        "《示例市青山县机构改革方案》", "有关规定"), encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        _checked(corpus, path)
    assert refused.value.message_zh("draft.txt") == (
        "draft.txt第 1 行：草案的部门名称“文化和旅游局”没有写明区划，第一条也未引用本区划的机构改革方案：请指定部门（--department）")
    # Named, it is checked as that department's.
    assert _checked(corpus, path, "青山县市场监督管理局")["in_force"]["department"] == MARKET
