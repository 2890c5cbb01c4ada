"""The assessment report as a 编办 reads it (user test by a deputy director of the sample corpus's report): regions by
their names, each shared matter once, a 主办部门 on every row, overlap groups a reader does not count twice, the
sources of a split conflict, and a department's own matters to coordinate."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.export import to_markdown
from queries.report import Report, Section, build_report, cell_text, region_names

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
        "市县事权划分（青山县持有的事项）", "事权划分冲突（青山县持有的事项）"]


def test_a_region_whose_name_another_bears_is_named_with_its_city(store: Store, tmp_path: Path) -> None:
    # Two cities' 河西区: each is named with its city, written together as Chinese writes it.
    text = (EXAMPLES / "sanding" / "hexi_jiaotong.txt").read_text(encoding="utf-8")
    for city in ("示例市", "临江市"):
        path = tmp_path / f"{city}.txt"
        path.write_text(text.replace("示例市", city), encoding="utf-8")
        assert ingest([path], store, region=Region((city,))).failed == []
    assert region_names(store) == {"临江市": "临江市", "临江市/河西区": "临江市河西区", "示例市": "示例市",
                                   "示例市/河西区": "示例市河西区"}
