"""Why an analysis answers no rows, and what to try: a bare `(0 rows)` read as a failure, and 0 findings where nothing
was loaded read as none found (user test: 三不管 0 for a county with no 监管事项目录 loaded)."""

from __future__ import annotations

from typing import Any

from graph.store import Row, Store
from queries.labels import SCOPE_LABELS

SUPERVISION_NOT_LOADED = "本区划未载入监管事项目录 / no supervision list loaded for the region"


def supervision_loaded(store: Store, region: str | None) -> bool:
    """Whether any 监管事项 of the region (or under it) is in the graph, claimed or not."""
    return bool(store.read("MATCH (s:SupervisionItem) WHERE $region IS NULL OR s.region = $region "
                           "OR s.region STARTS WITH ($region + '/') RETURN s.uid AS uid LIMIT 1", {"region": region}))


def split_loaded(store: Store, region: str | None) -> bool:
    """Whether a 事权划分 list gives the region (or a region under it) any matter."""
    return bool(store.read("MATCH (r:Region)-[:HOLDS]->(:Matter) WHERE $region IS NULL OR r.path = $region "
                           "OR r.path STARTS WITH ($region + '/') RETURN r.path AS path LIMIT 1", {"region": region}))


def split_not_loaded(store: Store, region: str | None) -> str:
    """What the region lacks for its part of its city's 市县事权划分: the list is the city's, issued by the city for
    its counties, so a county loading its own documents has none until the city's is loaded, and is told whose to load
    (user test: 本区划未载入 read as a list the county had to draw up itself). Where the city's list is loaded but
    gives the county no matter, that is said instead. '' where the region holds a matter of it, or lies in no city."""
    from queries.lookup import city_of

    city = city_of(store, region)
    if city is None or split_loaded(store, region):
        return ""
    name = city.rsplit("/", 1)[-1]
    if region == city:
        return f"未载入{name}的市县事权划分清单 / no city–county split list of {name} is loaded"
    if split_loaded(store, city):
        return (f"{name}的市县事权划分清单未列本县（区）的事项 / the split list of {name} gives the region no matter")
    return (f"未载入{name}的市县事权划分清单（该清单由市级制定，请载入{name}的清单） / no city–county split list of "
            f"{name} is loaded (the list is the city's: load {name}'s)")


def city_not_loaded(store: Store, region: str | None) -> str:
    """For a county (or a township), what its city lacks to compare the levels by: no 三定 of the city's own
    departments is loaded, so its departments have no counterpart (上下对口), no clash across levels and no ratio to
    a city counterpart (user test: a county's own documents loaded alone read as a county that mirrors no one). ''
    for the whole graph, a city, or a county whose city has a 三定 loaded."""
    from queries.lookup import city_of, region_levels

    city = city_of(store, region)
    if region is None or city is None or region_levels(store).get(region) not in ("county", "township"):
        return ""
    if store.read("MATCH (d:Department) WHERE d.region = $city AND d.sanding_issued IS NOT NULL "
                  "RETURN d.uid AS uid LIMIT 1", {"city": city}):
        return ""
    name = city.rsplit("/", 1)[-1]
    return (f"图中没有{name}的部门三定（未载入市级文件），上下对口、上下级职责交叉和与市级对口部门的比较均无从得出 / "
            f"no 三定 of {name}'s own departments is loaded: counterparts, clashes across levels and the comparison "
            f"with city counterparts cannot be found")


def levels_not_loaded(store: Store, region: str | None, department: str | None = None) -> str:
    """`city_not_loaded` for overlaps across levels asked of a county, or of a county's department (uid) alone: the
    CLI's hint and the page's note on an empty answer (user test: the page said only to lower the threshold)."""
    return city_not_loaded(store, region if region is not None or department is None else _home(store, department))


def _home(store: Store, department: str) -> str | None:
    """The region of the department `department` (a uid)."""
    rows = store.read("MATCH (d:Department {uid: $uid}) RETURN d.region AS region", {"uid": department})
    return rows[0]["region"] if rows else None


def empty_hint(store: Store, name: str, params: dict[str, Any]) -> str:
    """One line, Chinese then English, on an empty answer of analysis `name` run with `params`."""
    if name == "overlaps":
        from queries.overlaps import SCOPES, overlaps

        others = [(scope, len(overlaps(store, threshold=params["threshold"], scope=scope, region=params["region"],
                                       department=params["department"])))
                  for scope in SCOPES if scope != params["scope"]]
        zh = "、".join(f"{SCOPE_LABELS[scope]}（--param scope={scope}）{count} 组" for scope, count in others)
        en = ", ".join(f"scope={scope}: {count}" for scope, count in others)
        if params["scope"] == "levels" and (unloaded := levels_not_loaded(store, params["region"],
                                                                          params["department"])):
            return unloaded
        return (f"范围 {SCOPE_LABELS[params['scope']]}（{params['scope']}）无职责交叉聚类；同一条件下其他范围：{zh} / "
                f"no clusters at scope={params['scope']}; the other scopes for the same filter: {en}")
    if name in ("orphan_supervision_items", "unclaimed_supervision_items"):
        if not supervision_loaded(store, params["region"]):
            return SUPERVISION_NOT_LOADED
        return "本区划的监管事项均已有部门认领 / every supervision item of the region is claimed"
    if name == "power_split":
        return split_not_loaded(store, params["region"] or params["city"]) or (
            "本区划在市县事权划分清单中没有事项 / the region holds no matter of the city's split")
    if name == "who_handles":
        # `(0 rows)` alone read as a failure to a dispatcher (user test): it is an answer.
        return "图中没有与这段文字相关的职责或事项 / no duty or item in the graph says any word of the text"
    if name == "counterpart_duties":
        if unloaded := city_not_loaded(store, _home(store, params["department"])):
            return unloaded
        # No rows only when no counterpart ties it (a county department mirrors the city's of its line of work).
        return ("该部门没有上下对口部门（县（区）部门与本市同类部门对口），可用 dutygraph query counterparts 查看 / "
                "the department mirrors no city department and none mirrors it: see dutygraph query counterparts")
    if name == "duties_in_force":
        from queries.in_force import in_force

        # Before the department's first 三定 (or with none loaded): said, not an empty table read as no duties.
        note = in_force(store, params["department"], params["date"]).note_zh
        return f"{note} / no 三定 of the department was in force on {params['date']}"
    return "无结果：可去掉或放宽 --param 条件再试 / no rows: try without a filter, or a wider one"


def region_needed(store: Store, region: str | None, rows: list[Row] | None = None) -> str:
    """For who_handles asked of no region, or of a province, in a graph of several cities: its ranking sets one city's
    departments beside another's of the same kind, and the first is the one whose wording scores higher, not the
    complaint's city (user test of two cities). '' where the region asked holds one city or none, or, asked of a
    province, where the answer's `rows` are not `place_unnamed`: a place the text names, or the province's own
    work, settled whose departments rank (queries.province_places)."""
    from queries.lookup import check_region, cities_within
    from queries.province_places import is_province

    held = cities_within(store, region)
    if len(held) < 2:
        return ""
    if rows is not None and is_province(store, check_region(store, region)) and not any(
            row["place_unnamed"] for row in rows):
        return ""
    # Cities by name, as a person writes them: 南屿市, not 东海省/南屿市 under a province.
    named = [path.rsplit("/", 1)[-1] for path in held]
    zh, en = "、".join(named), ", ".join(named)
    ranked = ("各市同类部门一并排序，排在前面的未必是诉求所在市的部门",
              "their departments are ranked together, and the first need not be of the complaint's city")
    if region is None:
        return (f"图中有多个市（{zh}），未指定区划：{ranked[0]}，请指定区划 / the graph holds several cities "
                f"({en}) and no region was given: {ranked[1]}; give the region")
    province = region.rsplit("/", 1)[-1]
    return (f"{province}有多个市（{zh}），未指定市：{ranked[0]}，请指定市 / {province} holds several cities ({en}) and "
            f"no city was given: {ranked[1]}; give the city")
