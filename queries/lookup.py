"""Finding one department by the name or alias a user typed."""

from __future__ import annotations

from graph.store import Row, Store
from queries import catalog


class UnknownDepartment(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"no department named {name!r}")
        self.name = name


def find_department(store: Store, name: str) -> Row:
    """The department named (or aliased) `name`: uid, name, region and its 三定 facts."""
    found = catalog.run(store, "department", {"name": name})
    if not found:
        raise UnknownDepartment(name)
    return found[0]
