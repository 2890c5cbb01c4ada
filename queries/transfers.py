"""transferred_still_held: work a 三定 or a 调整 notice moved from one department to another (划入, 划出: a
相对集中行政许可权改革 moving 行政许可 to a 行政审批服务局), and where the graph shows the move
not yet followed through:

- the giving department's 权责清单 still lists a power item of the work (`still_listed`: two departments then list one
  许可, a conflict to strike from the giver's list);
- the giving department's 三定 in force, or one of its offices, still states the work (`giver_still_holds`: a 三定
  issued before the move, or the very one stating it, to revise; a 三定 of the giver issued after the move, or the
  same day without stating it, decided anew: 示例市住建局's 2019 三定 holds 城市供水, which a 2009 三定 moved to the
  水务局);
- the receiving department's 权责清单, where one is loaded, lists no item of it (`receiver_not_listed`), or its 三定
  in force does not state it (`receiver_lacks`).

A transfer names several pieces of work in one sentence (将市住建局承担的建筑工程施工许可、商品房预售许可职责划入…):
each is checked alone, as a clause of the giver that states one of them is still the work moved. Clauses and items are
read against the work as duties_in_force and who_handles read them (`queries.moved_out.says_moved_work`): a clause of
the giver that names the work only as what licensees hold (对取得道路运输经营许可的经营者开展事中事后监管, 施工许可后的
现场检查) is its own 事中事后监管 under 审管分离, not the approval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.content import content_terms
from ingest.similarity import SimilarityModel
from queries import catalog
from queries.labels import TRANSFER_FINDING_LABELS
from queries.moved_out import says_moved_work, work_pieces
from queries.overlaps import duty_model

# The columns people read (tables, files, the report): the uids are for programs, the finding's code for JSON.
SHOWN = ("region", "giver", "receiver", "work", "finding_label", "evidence", "evidence_detail", "evidence_source",
         "sources")


@dataclass(frozen=True)
class _Transfer:
    region: str
    giver: str
    giver_uid: str
    receiver: str
    receiver_uid: str
    work: str
    sources: tuple[str, ...]
    # Whether the giver's 三定 in force came before the move (or is the document stating it): its clauses then
    # still hold work moved away; a later one restated its duties after the move.
    giver_predates: bool


def transferred_still_held(store: Store, region: str | None = None) -> list[Row]:
    """A row per finding: the region (the giver's), the two departments, the piece of work moved, the finding (code
    and label), what shows it (a power item's name, a clause's text, or nothing for what is missing), where that is,
    and the clauses that moved the work (`sources`)."""
    transfers = _transfers(store, region)
    if not transfers:
        return []
    model = duty_model(store)
    items: dict[str, list[Row]] = {}
    clauses: dict[str, list[Row] | None] = {}
    rows: list[Row] = []
    for transfer in transfers:
        for uid in (transfer.giver_uid, transfer.receiver_uid):
            if uid not in items:
                items[uid] = [row for row in catalog.run(store, "department_roles", {"uid": uid})
                              if row["relation"] == "EXERCISES"]
                clauses[uid] = _sanding_clauses(store, uid)
        rows += _findings(model, transfer, items, clauses)
    return rows


def _transfers(store: Store, region: str | None) -> list[_Transfer]:
    """Each piece of work moved, once per giver and receiver, with every clause that states the move (the receiver's
    三定 and the giver's may both say it)."""
    found: dict[tuple[str, str, str], tuple[Row, list[str], list[Row]]] = {}
    for row in catalog.run(store, "region_transfers", {"region": region}):
        for work in work_pieces(row["what"]):
            key = (row["giver_uid"], row["receiver_uid"], work)
            _row, sources, stating = found.setdefault(key, (row, [], []))
            if row["source"] not in sources:
                sources.append(row["source"])
                stating.append(row)
    return [_Transfer(row["region"] or "", row["giver"], row["giver_uid"], row["receiver"], row["receiver_uid"],
                      work, tuple(sources), giver_bound(row["giver_issued"], stating))
            for (_giver, _receiver, work), (row, sources, stating) in found.items()]


def giver_bound(giver_issued: str | None, stating: Sequence[Row]) -> bool:
    """Whether a move still binds its giver, by the `region_transfers` rows of the documents stating it: the giver's
    三定 in force (issued `giver_issued`, None with none loaded) came before one of them, or is one of them (a 三定 of
    the giver's own stating the move: `by_giver_sanding`). One issued later decided anew, and so did one issued the
    same day that does not state the move: documents of one day have no order, and the department's 三定 answers for
    itself, as duties_in_force reads a notice of its 三定's day (`queries.in_force`); where it still says the work, the
    two documents of that day disagree, which the overlaps show, rather than a 三定 to revise."""
    return not giver_issued or any(giver_issued < (row["moved_on"] or "")
                                   or (row["by_giver_sanding"] and giver_issued == row["moved_on"]) for row in stating)


def _sanding_clauses(store: Store, department: str) -> list[Row] | None:
    """The department's and its offices' clauses of its 三定 in force; None when the graph holds no 三定 of it."""
    facts = next((row for row in catalog.run(store, "department", {"name": department}) if row["uid"] == department),
                 None)
    if facts is None or not facts["issued"]:
        return None
    return catalog.run(store, "sanding_duties", {"department": department})


def _findings(model: SimilarityModel, transfer: _Transfer, items: dict[str, list[Row]],
              clauses: dict[str, list[Row] | None]) -> list[Row]:
    work = content_terms(transfer.work)
    base = {"region": transfer.region, "giver": transfer.giver, "giver_uid": transfer.giver_uid,
            "receiver": transfer.receiver, "receiver_uid": transfer.receiver_uid, "work": transfer.work}
    sources = list(transfer.sources)
    found: list[Row] = []
    for item in items[transfer.giver_uid]:
        if says_moved_work(model, work, item["name"], None):
            found.append(_row(base, "still_listed", item["name"], item["detail"] or "", item["source"], sources))
    for clause in (clauses[transfer.giver_uid] or []) if transfer.giver_predates else []:
        if not clause["boilerplate"] and says_moved_work(model, work, clause["text"], clause["content"]):
            found.append(_row(base, "giver_still_holds", clause["text"], clause["office"], clause["source"], sources))
    received = items[transfer.receiver_uid]
    if received and not any(says_moved_work(model, work, item["name"], None) for item in received):
        found.append(_row(base, "receiver_not_listed", "", "", "", sources))
    stated = clauses[transfer.receiver_uid]
    if stated is not None and not any(says_moved_work(model, work, clause["text"], clause["content"])
                                      for clause in stated):
        found.append(_row(base, "receiver_lacks", "", "", "", sources))
    return found


def moved_work(row: Row) -> tuple[str, str, str]:
    """A finding's piece of work moved, by who gave it to whom: several findings (a list's row, the 三定's clause, an
    office's) may show one."""
    return row["giver"], row["receiver"], row["work"]


def _row(base: Row, finding: str, evidence: str, detail: str, source: str, sources: list[str]) -> Row:
    return {**base, "finding": finding, "finding_label": TRANSFER_FINDING_LABELS[finding], "evidence": evidence,
            "evidence_detail": detail, "evidence_source": source, "sources": sources}
