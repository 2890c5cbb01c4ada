"""A department's profile (queries.profile) as the flat tables people read: the API's and the CLI's files, the
terminal, and the department's report. Kept apart from the profile itself, which loads the analyses, so that writing
a file does not."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.store import Row
from queries.labels import SCOPE_LABELS

# 编制 as the 调整 notices since its own figure left it, the figure as set and the posts moved beside it; last, where
# figures are borrowed from a body a rename by notice replaced, which body and document (编制数据来源). Each fact an
# 编办 checks is followed by the clause it was read from (规格所据条款 …), as a duty is by its own.
FACT_COLUMNS = ["name", "region", "kind", "rank", "rank_source", "supervisor", "supervisor_source", "staff_quota",
                "staff_quota_stated", "staff_moves", "staff_actual", "staff_actual_as_of", "leader_posts",
                "leader_posts_moved", "leader_posts_moved_by_rank", "leader_posts_detail", "office_leader_posts",
                "staffing_source", "offices_stated", "offices_stated_source", "offices_source", "aliases", "issued",
                "reform_date", "succession", "staffing_from"]
NO_OFFICE_DUTY = "（三定未列该内设机构的职责）"
# A duty no office carries out, the undecomposed_duties finding; where the graph holds no office of the department
# (a copy without its 内设机构 section), nothing is known of how its duties are handed down.
UNDECOMPOSED = "未分解"
NO_OFFICES = "（未载入内设机构）"
# A shared matter's `detail` is its basis (a power item's is its type: POWER_COLUMNS' kind; a supervision item's its
# target).
ROLE_DETAILS = {"leads": ("matter", "basis"), "assists": ("matter", "basis")}
# A power item as its 权责清单 row gives it: its type, 编码, 承办科室 (the offices its list names as handling it: who in
# the department does it), 设定依据, and what its holder answers for (责任事项, 追责情形: the files hold these; the
# page's table leaves them out, each runs to paragraphs in a real list).
POWER_COLUMNS = ["item", "kind", "code", "offices", "basis", "responsibilities", "accountability", "source"]
# A claimed 监管事项 as its 目录 row gives it: its 监管对象, 编码 and 设定依据 (what a reviewer checks a claim by).
SUPERVISION_COLUMNS = ["item", "target", "code", "basis", "source"]
STATUS_COLUMNS = ["status", "change", "counterpart"]
# A duty carried from a body a 机构改革 replaced (承继自, 承继依据), as department_duties says it.
CARRIED_COLUMNS = ["carried_from", "ground_source"]
# The columns of the profile's tables that are its own (the others are a catalog answer's rows narrowed to it).
PROFILE_COLUMNS: dict[str, list[str]] = {
    # What a 调整 notice since the 三定 made of each clause (已划出 …, as department_duties says it), before its source.
    "facts": FACT_COLUMNS,
    "duties": ["category", "ordinal", "text", "carried_by", *STATUS_COLUMNS, "source", *CARRIED_COLUMNS],
    "offices": ["office", "ordinal", "text", *STATUS_COLUMNS, "source", *CARRIED_COLUMNS],
    **{key: [name, detail, "source"] for key, (name, detail) in ROLE_DETAILS.items()},
    "power_items": POWER_COLUMNS,
    "supervision_items": SUPERVISION_COLUMNS,
    # Groups numbered in the profile, as the report numbers them: a cluster's id (C624f4ab2) stays in JSON.
    "overlaps": ["scope", "group", "score", "settled", "matter", "department", "office", "duty", "source",
                 "carried_from"],
    "network": ["department", "matter"]}


def profile_tables(profile: Mapping[str, Any]) -> dict[str, list[Row]]:
    """The profile as flat tables, a row per duty, office duty, role, overlap member or shared matter: the JSON
    nests duties under their category, an office's duties under it and an overlap's members under their cluster."""
    def roles(key: str) -> list[Row]:
        name, detail = ROLE_DETAILS[key]
        return [{name: r["name"], detail: r["detail"], "source": r["source"]} for r in profile[key]]

    # A cell the list has no column for (责任事项 in a list without one) reads empty, as an empty cell does.
    power_items = [{"item": r["name"], "kind": r["detail"], "code": r["code"], "offices": "、".join(r["offices"]),
                    "basis": r["basis"], "responsibilities": r["responsibilities"] or "",
                    "accountability": r["accountability"] or "", "source": r["source"]}
                   for r in profile["power_items"]]
    supervision_items = [{"item": r["name"], "target": r["detail"], "code": r["code"], "basis": r["basis"],
                          "source": r["source"]} for r in profile["supervision_items"]]

    undecomposed = UNDECOMPOSED if profile["offices"] else NO_OFFICES
    return {
        "facts": [{key: profile["department"].get(key) for key in FACT_COLUMNS}],
        "duties": [{"category": category, **duty, "carried_by": "、".join(duty["carried_by"]) or undecomposed}
                   for category, duties in profile["duties_by_category"].items() for duty in duties],
        # An office without duties is a row too, saying so, with the clause that sets the office up.
        "offices": [{"office": office["office"], **duty} for office in profile["offices"]
                    for duty in office["duties"] or [{"ordinal": None, "text": NO_OFFICE_DUTY,
                                                      "source": office["source"]}]],
        **{key: roles(key) for key in ROLE_DETAILS},
        "power_items": power_items,
        "supervision_items": supervision_items,
        "overlaps": [{"scope": SCOPE_LABELS[cluster["scope"]], "group": number, "score": cluster["score"],
                      "settled": cluster["settled"], "matter": cluster["matter"], **member}
                     for number, cluster in enumerate(profile["overlaps"], 1) for member in cluster["members"]],
        "ambiguities": profile["ambiguities"],
        "undecomposed": profile["undecomposed"],
        "network": [{"department": n["department"], "matter": matter} for n in profile["network"]
                    for matter in n["matters"]],
    }
