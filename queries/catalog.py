"""Loads the named `.cypher` files, reads their headers, and runs them with typed parameters.

Header lines (`// key: value`) document each query and drive the runner:
- `name`, `question`: what it is and what it answers (Chinese for the people who read it);
- `param NAME: TYPE = DEFAULT  description`: TYPE is string, int, float, bool, list (of strings, given as
  one comma-separated string on a command line or in a URL), date (2021-06-30 or 2021年6月30日, passed on as
  YYYY-MM-DD: `iso_date`) or department (a string its callers read as one department, Param.is_department), with
  `|null` if optional; a parameter with neither
  a default nor `|null` is required (a department's name: run without one, the query would answer nothing);
- `columns`: the row keys, in order;
- `json_only`: columns a program joins on (uids) that a name or text column of the row already says: kept in
  JSON, left out of the table, CSV and Excel files people read;
- `sort`: columns to sort by after running, for queries (UNION) that Cypher cannot order as a whole;
- `finish`: `module.function(store, rows, params)` that completes the sorted rows with what Cypher cannot compute
  (a similarity judgement: department_duties' statuses), imported when the query runs.
"""

from __future__ import annotations

import datetime
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from graph.store import Row, Store
from ingest.numerals import find_date

_PARAM = re.compile(r"^param\s+(?P<name>\w+)\s*:\s*(?P<type>[\w|]+)\s*(?:=\s*(?P<default>\S+))?\s*(?P<doc>.*)$")


_TYPE_ZH = {"int": "整数", "float": "数字", "bool": "true 或 false", "list": "逗号分隔的列表", "string": "文字",
            "date": "日期（如 2021-06-30 或 2021年6月30日）"}


class QueryError(ValueError):
    """A named query that does not exist, or a parameter it does not take or cannot parse; `zh` says it in Chinese."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    default: Any
    doc: str
    # The least and the greatest value a number may take: threshold=1.5 or limit=-3 answered no rows, as if
    # nothing were found.
    bounds: tuple[float, float] | None = None

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    @property
    def is_department(self) -> bool:
        """A department, by its name, alias, abbreviation or uid, which the CLI and the API read as `find_department`
        does and pass on as its uid (lookup.checked_filters): a `department` filter, or a parameter declared of type
        department (the `department` query's `name`). So `市监局` answers in every query, not only in some."""
        return self.type == "department" or self.name == "department"

    def coerce(self, raw: Any) -> Any:
        value = self._convert(raw)
        if self.bounds is not None and value is not None and not self.bounds[0] <= value <= self.bounds[1]:
            low, high = (f"{bound:g}" for bound in self.bounds)
            raise QueryError(f"parameter {self.name}: expected a value from {low} to {high}, got {value}",
                             f"参数 {self.name} 应在 {low} 到 {high} 之间，而不是 {value}")
        return value

    def _convert(self, raw: Any) -> Any:
        if raw is None or (isinstance(raw, str) and raw.lower() == "null" and self.optional):
            if not self.optional:
                raise QueryError(f"parameter {self.name} needs a value", f"参数 {self.name} 需要取值")
            return None
        if not isinstance(raw, str):
            return raw
        if self.type == "list":
            return [part.strip() for part in raw.split(",") if part.strip()]
        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if raw.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                    raise ValueError(raw)
                return raw.lower() in {"true", "1", "yes"}
            if self.type == "date":
                return iso_date(raw)
        except ValueError as exc:
            raise QueryError(f"parameter {self.name}: expected {self.type}, got {raw!r}",
                             f"参数 {self.name} 应为{_TYPE_ZH.get(self.type, self.type)}，而不是 {raw!r}") from exc
        return raw


def iso_date(text: str) -> str:
    """A date as YYYY-MM-DD, written so (2021-06-30, 2021/6/30) or as documents write it (2021年6月30日); ValueError
    for anything else, a day that does not exist (2021-02-30) among them: read as another date, it would answer for
    a day nobody asked about."""
    written = text.strip()
    found = find_date(written)
    if found is None or not _WHOLE_DATE.fullmatch(written):
        raise ValueError(text)
    datetime.date.fromisoformat(found)
    return found


# A parameter that is a date and nothing more (find_date takes the first date in any text).
_WHOLE_DATE = re.compile(r"\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    cypher: str
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    sort: tuple[str, ...] = field(default=())
    json_only: tuple[str, ...] = field(default=())
    finish: str = ""  # module.function that completes the rows ('' for none)

    @property
    def shown(self) -> tuple[str, ...]:
        """The columns of the table people read: every column but those for programs alone."""
        return tuple(column for column in self.columns if column not in self.json_only)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        return bind_params(self.name, self.params, given)


def bind_params(name: str, params: tuple[Param, ...], given: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of query `name` with its value, coerced from `given` or its default; an unknown one is
    an error."""
    known = {param.name: param for param in params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise QueryError(f"query {name} takes no parameter {', '.join(unknown)}; "
                         f"it takes: {', '.join(known) or 'none'}",
                         f"查询 {name} 没有参数 {'、'.join(unknown)}；可用参数：{'、'.join(known) or '无'}")
    missing = [key for key, param in known.items() if param.required and key not in given]
    if missing:
        raise QueryError(f"query {name} needs the parameter {', '.join(missing)}",
                         f"查询 {name} 需要参数 {'、'.join(missing)}")
    return {key: param.coerce(given[key]) if key in given else param.default for key, param in known.items()}


def _parse(name: str, text: str) -> NamedQuery:
    header: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("//"):
            continue
        body = line[2:].strip()
        match = _PARAM.match(body)
        if match:
            kind = match.group("type")
            default = json.loads(match.group("default")) if match.group("default") else None
            params.append(Param(match.group("name"), kind.split("|")[0], "null" in kind, default,
                                match.group("doc").strip()))
        elif ":" in body:
            key, value = body.split(":", 1)
            header[key.strip()] = value.strip()
    split = lambda value: tuple(part.strip() for part in value.split(",") if part.strip())  # noqa: E731
    return NamedQuery(name=name, question=header.get("question", ""), cypher=text, params=tuple(params),
                      columns=split(header.get("columns", "")), sort=split(header.get("sort", "")),
                      json_only=split(header.get("json_only", "")), finish=header.get("finish", ""))


@lru_cache(maxsize=1)
def catalog() -> dict[str, NamedQuery]:
    folder = resources.files("queries")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            found[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def named(name: str) -> NamedQuery:
    try:
        return catalog()[name]
    except KeyError:
        raise QueryError(f"no named query {name!r}; known: {', '.join(catalog())}",
                         f"没有名为 {name} 的查询；可用：{'、'.join(catalog())}") from None


def run(store: Store, name: str, params: dict[str, Any] | None = None, *, finished: bool = True) -> list[Row]:
    """The named query's rows, sorted and finished. `finished=False` leaves out the finish, for a caller that reads
    only columns the Cypher gives (a finish may run other queries: `departments`' runs `staff_moves`)."""
    query = named(name)
    bound = _with_region_paths(store, query, query.bind(params or {}))
    rows = store.read(query.cypher, bound)
    if query.sort:
        rows.sort(key=lambda row: tuple(_sort_key(row.get(column)) for column in query.sort))
    if query.finish and finished:
        rows = _finisher(query.finish)(store, rows, bound)
    return rows


def _with_region_paths(store: Store, query: NamedQuery, bound: dict[str, Any]) -> dict[str, Any]:
    """The bound parameters with `region_paths`, every path the region asked is known by now
    (`queries.lookup.region_paths`), for a query whose region filter reads it: a county a 撤县设区 made a district
    answers by either path with the same rows; and with `renames`, each 撤县设区's [county, district]
    (`queries.lookup.region_successors`), for a query that reads a row's region as it is now. Mapped here, before
    the Cypher runs, once for every such query."""
    from queries.lookup import region_paths, region_successors  # lookup runs named queries: imported when needed

    if "$region_paths" in query.cypher:
        region = bound.get("region")
        bound = {**bound, "region_paths": region_paths(store, region) if region is not None else None}
    if "$renames" in query.cypher:
        bound = {**bound, "renames": [[old, new] for old, new in sorted(region_successors(store).items())]}
    return bound


def _finisher(path: str) -> Callable[[Store, list[Row], dict[str, Any]], list[Row]]:
    """A `finish` header's function, imported on first use: the modules that judge rows (the similarity model's)
    must not load with the catalog."""
    module, _, function = path.rpartition(".")
    finish: Callable[[Store, list[Row], dict[str, Any]], list[Row]] = getattr(importlib.import_module(module),
                                                                               function)
    return finish


def _sort_key(value: Any) -> tuple[int, Any]:
    # None first, then numbers, then text: a total order whatever the column holds.
    if value is None:
        return (0, "")
    if isinstance(value, bool | int | float):
        return (1, value)
    return (2, str(value))


def label_counts(store: Store) -> dict[str, int]:
    """Nodes in the graph by label."""
    return {row["label"]: row["count"] for row in run(store, "label_counts")}
