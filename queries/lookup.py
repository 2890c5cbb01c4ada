"""Finding what a user typed: one department by its name or alias, a region by its path."""

from __future__ import annotations

from typing import Any

from graph.store import Row, Store
from queries import catalog
from queries.cache import cached


class UnknownDepartment(LookupError):
    def __init__(self, name: str, candidates: list[str] | None = None) -> None:
        self.name, self.candidates = name, candidates or []
        if self.candidates:
            super().__init__(f"{name!r} names {len(self.candidates)} departments: {', '.join(self.candidates)}")
        else:
            super().__init__(f"no department named {name!r}")

    @property
    def zh(self) -> str:
        if self.candidates:
            return f"“{self.name}”对应 {len(self.candidates)} 个部门：{'、'.join(self.candidates)}，请写全称"
        return f"未找到部门：{self.name}"


def find_department(store: Store, name: str) -> Row:
    """The department named (or aliased) `name`: uid, name, region and its 三定 facts. A bare name without its
    region (市场监督管理局) is accepted when one department bears it; when several do, the error lists them."""
    found = catalog.run(store, "department", {"name": name})
    chosen = [row for row in found if row["exact"]] or found
    names = sorted({row["name"] for row in chosen})
    if len(names) != 1:
        raise UnknownDepartment(name, names)
    return {key: value for key, value in chosen[0].items() if key != "exact"}


class UnknownRegion(LookupError):
    """A region (or city) filter that names none of the graph's; `known` lists those above the townships."""

    def __init__(self, path: str, known: list[str], wanted: str = "区划") -> None:
        super().__init__(f"no {'city' if wanted == '市' else 'region'} {path!r} in the graph; it has: "
                         f"{', '.join(known) or 'none'}")
        self.path, self.known, self.wanted = path, known, wanted

    @property
    def zh(self) -> str:
        return f"图中没有{self.wanted}“{self.path}”；已有：{'、'.join(self.known) or '（图中尚无区划）'}"


def check_region(store: Store, path: str | None, *, city: bool = False) -> str | None:
    """The region path as the graph holds it (None for no filter); a typo is an error naming what is there,
    not an empty answer that reads as 'nothing found'."""
    if path is None or not path.strip():
        return None
    # Kept per graph version: the regions query counts every region's departments, too much for each request.
    levels = cached(store, ("region_levels",),
                    lambda: {row["path"]: row["level"] for row in catalog.run(store, "regions")}, whole_graph=True)
    wanted = path.strip()
    fits = [p for p, level in levels.items() if not city or level == "city"]
    if wanted in fits:
        return wanted
    # A bare name (石门县) means the one region of the graph it ends a path of (青岩市/石门县), as at ingest.
    named = [p for p in fits if p.rsplit("/", 1)[-1] == wanted]
    if len(named) == 1:
        return named[0]
    # Townships are many and rarely what a filter means; the message names the regions above them.
    shown = named or [p for p, level in levels.items() if (level == "city" if city else level != "township")]
    raise UnknownRegion(wanted, shown, "市" if city else "区划")


def checked_filters(store: Store, params: dict[str, Any]) -> dict[str, Any]:
    """`params` with its region, city and department filters checked and written as the graph writes them."""
    checked = dict(params)
    if isinstance(checked.get("region"), str):
        checked["region"] = check_region(store, checked["region"])
    if isinstance(checked.get("city"), str) and checked["city"].strip():
        checked["city"] = check_region(store, checked["city"], city=True)
    if isinstance(checked.get("department"), str):
        name = checked["department"].strip()
        checked["department"] = find_department(store, name)["name"] if name else None
    return checked
