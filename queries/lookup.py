"""Finding one department by the name or alias a user typed."""

from __future__ import annotations

from graph.store import Row, Store
from queries import catalog


class UnknownDepartment(LookupError):
    def __init__(self, name: str, candidates: list[str] | None = None) -> None:
        self.name, self.candidates = name, candidates or []
        if self.candidates:
            super().__init__(f"{name!r} names {len(self.candidates)} departments: {', '.join(self.candidates)}")
        else:
            super().__init__(f"no department named {name!r}")


def find_department(store: Store, name: str) -> Row:
    """The department named (or aliased) `name`: uid, name, region and its 三定 facts. A bare name without its
    region (市场监督管理局) is accepted when one department bears it; when several do, the error lists them."""
    found = catalog.run(store, "department", {"name": name})
    chosen = [row for row in found if row["exact"]] or found
    names = sorted({row["name"] for row in chosen})
    if len(names) != 1:
        raise UnknownDepartment(name, names)
    return {key: value for key, value in chosen[0].items() if key != "exact"}
