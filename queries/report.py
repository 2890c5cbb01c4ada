"""The findings report: what the catalog can answer, gathered in one structure for any renderer."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.store import Row, Store
from queries import catalog
from queries.ambiguities import REASON_LABELS, host_assist_ambiguities


@dataclass
class Section:
    key: str
    title: str  # Chinese, for the people who read the report
    columns: list[str]
    rows: list[Row]
    note: str = ""


@dataclass
class Report:
    title: str
    sections: list[Section] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"title": self.title,
                "sections": [{"key": s.key, "title": s.title, "columns": s.columns, "rows": s.rows, "note": s.note}
                             for s in self.sections]}


def stats(store: Store) -> tuple[list[Row], list[Row]]:
    return catalog.run(store, "label_counts"), catalog.run(store, "relationship_counts")


def build_report(store: Store, *, region: str | None = None) -> Report:
    labels, relationships = stats(store)
    report = Report(title="职责图谱发现报告" + (f"（{region}）" if region else ""))
    report.sections.append(Section("labels", "图谱规模：节点", ["label", "count"], labels))
    report.sections.append(Section("relationships", "图谱规模：关系", ["type", "count"], relationships))
    departments = catalog.run(store, "departments", {"region": region})
    report.sections.append(Section(
        "departments", "部门概况（三定）",
        ["region", "department", "kind", "rank", "staff_quota", "leader_posts", "offices", "duties"], departments,
    ))
    unclaimed = catalog.run(store, "unclaimed_supervision_items", {"region": region})
    report.sections.append(Section("unclaimed_supervision_items", "无部门认领的监管事项（三不管）",
                                   ["region", "code", "item", "target"], unclaimed))
    ambiguities = host_assist_ambiguities(store, region)
    for row in ambiguities:
        row["reason_label"] = REASON_LABELS[row["reason"]]
    report.sections.append(Section(
        "host_assist_ambiguities", "主办/协办不清的共同事项",
        ["matter", "reason_label", "host", "leads", "assists"], ambiguities,
        note="依据《部门职责分工协调办法》：多个牵头部门时，排在第一位的为主办部门（host）。",
    ))
    return report
