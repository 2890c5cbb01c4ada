"""The ingest says, per file, how many list rows or 三定 clauses name a party only as a kind of body (有关部门, 相关部门):
before, it counted them nowhere, and host_assist_ambiguities' vague_party was the first an 编办 heard of them. The
fixtures (tests/fixtures/vague_parties): a boundary list, a power list whose 实施主体 is 有关部门 and a 三定 whose
职责分工 clause has 有关部门配合."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.ambiguities import host_assist_ambiguities

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vague_parties"


def test_each_file_says_how_many_rows_or_clauses_name_a_vague_party(store: Store) -> None:
    report = ingest([FIXTURES], store, region=Region(("示例市",)))
    assert report.failed == []
    said = {outcome.path.name: outcome.warnings for outcome in report.outcomes}
    assert said == {
        "bianjie_youguan.csv": [
            "3 rows name a party only as a kind of body (有关部门 ×2, 相关部门 ×1, 相关单位 ×1: 序号1（第2行）、序号3（第4行）、"
            "序号4（第5行）), not a department: host_assist_ambiguities lists their matters as vague_party; 3 行所列部门为"
            "笼统表述（有关部门 2 处、相关部门 1 处、相关单位 1 处：序号1（第2行）、序号3（第4行）、序号4（第5行）），未明确具体"
            "部门，将列为“责任主体模糊”：请核实后在清单中写明部门名称"],
        "chengguan.txt": [
            "1 clause names a party only as a kind of body (有关部门 ×1: 第六条(一)), not a department: "
            "host_assist_ambiguities lists their matters as vague_party; 1 条所列部门为笼统表述（有关部门 1 处：第六条(一)），"
            "未明确具体部门，将列为“责任主体模糊”：请核实后在文件中写明部门名称"],
        # A 实施主体 有关部门 exercises nothing: no matter, no finding.
        "quanze_youguan.csv": [
            "1 row names a party only as a kind of body (有关部门 ×1: 序号2（第3行）), not a department; 1 行所列部门为笼统"
            "表述（有关部门 1 处：序号2（第3行）），未明确具体部门：请核实后在清单中写明部门名称"],
    }
    # The Documents keep them among their notes; the matters they count are host_assist's vague_party findings.
    notes = store.read("MATCH (d:Document) UNWIND d.notes AS note WITH note WHERE note CONTAINS '笼统表述' "
                       "RETURN count(note) AS notes")
    assert notes == [{"notes": 3}]
    assert sorted(row["matter"] for row in host_assist_ambiguities(store, "示例市") if row["reason"] == "vague_party") == [
        "共享单车停放管理", "占道经营管理", "城市户外广告设置监管", "户外广告设置监管"]
