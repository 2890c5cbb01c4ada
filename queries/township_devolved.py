"""The items a county gave its townships (a 赋权清单's 承接主体, lower governments as a whole: 各乡镇人民政府) that a
township's own 履行职责事项清单 leaves out: work it now answers for in its own name, missing from the list that tells
its people and the county what it does. Each item is paired with the list's matters as `list_changes` pairs two
versions' rows (`matter_names.paired`: the same name, the same matter in other words, or a close name)."""

from __future__ import annotations

from graph.store import Row, Store
from queries.matter_names import paired
from queries.sources import source_document
from queries.township_given import given_items


def unlisted(store: Store, rows: list[Row]) -> list[Row]:
    """A row first for each given item a township's list (`rows`, township_duties' rows) does not have, in the
    order of the items' 编码."""
    found: list[Row] = []
    lists: dict[str, list[Row]] = {}
    for row in rows:
        lists.setdefault(row["township_region"], []).append(row)
    given: dict[str, list[Row]] = {}  # each county's given items, read once for all its townships
    for region, listed in sorted(lists.items()):
        county = region.rsplit("/", 1)[0]
        if county not in given:
            given[county] = _county_items(store, county)
        _pairs, missing, _rest = paired(given[county], listed, lambda item: item["matter"])
        first = listed[0]
        found += [{**{column: "" for column in first}, "township": first["township"], "township_region": region,
                   "matter": item["matter"], "finding": "devolved_not_listed", "holder": item["holder"],
                   "evidence": f"{item['matter']}（{item['code']}）" if item["code"] else item["matter"],
                   "evidence_source": item["source"], "source": source_document(first["source"]),
                   "department_uid": None}
                  for item in missing]
    return found


def _county_items(store: Store, county: str) -> list[Row]:
    """The items `county` gave its townships as `{holder, matter, code, source}`, in the order of their 编码
    (who_handles' reading of them, `township_given.given_items`, in another order)."""
    items = [{"holder": item["department"], "matter": item["item"], "code": item["code"], "source": item["source"]}
             for item in given_items(store) if item["region"] == county]
    return sorted(items, key=lambda item: (item["code"], item["matter"], item["holder"], item["source"]))
