"""Work a 调整职责机构编制 notice takes from a department (划出 to another department, 取消, 下放), and which of the
department's stated duties it covers: on a date after the notice, those no longer read as the department's duty.

A notice words the work otherwise than the 三定's clause (河道采砂监督管理 for 负责河道采砂的监督管理。), so the clause
is found as check-draft finds it: a transfer as the other department's clause must say the work
(`queries.draft_changes.says_the_work`), cancelled or devolved work as `undecomposed_duties` finds it still carried
(`queries.undecomposed.RetiredWork`). That reading of a clause against moved work (`says_moved_work`, `transfer_covers`)
is the one matcher of work a move took away: `queries.transfers` (does a giver still state work a 三定 or notice moved,
does the receiver?) and who_handles' evidence after a 三定's moves (`queries.notice_evidence`) read it too. A transfer
sentence names several pieces of work (将…承担的建筑工程施工许可、商品房预售许可职责划入…, `work_pieces`): a clause that
says one of them says work moved. A clause that names an approval only as what those it supervises hold
(对取得道路运输经营许可的经营者开展事中事后监管) is its own 事中事后监管 under 审管分离, not the approval
(`queries.approvals`).
A clause that says more than the work moved (负责城市照明设施和城市道路的运行维护 when 城市照明设施运行维护 moves) is
only partly moved out: the rest is still the department's duty. So with work cancelled or handed down: a notice names
the work itself (取消…的林木种苗生产经营许可职责, `ingest.amendment`), so a clause that says it and more besides
(负责林木种苗生产经营许可和林木种苗质量监督) is partly cancelled (devolved), measured as a transfer is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row
from ingest.content import content_of, content_terms
from ingest.similarity import SimilarityModel
from queries.approvals import approval_terms
from queries.sources import source_document
from queries.undecomposed import RetiredWork

RETIRED_STATUSES = ("transferred", "cancelled", "devolved")
# A clause the work taken says, with more besides: the weighted words of the clause that the work's words do not say
# outweigh what a transfer may leave unsaid of the work (1 - TRANSFER_COVERAGE), the same measure both ways.
PARTLY = {"transferred": "partly_transferred", "cancelled": "partly_cancelled", "devolved": "partly_devolved"}
PARTLY_STATUSES = frozenset(PARTLY.values())
# A transfer's list of work: 建筑工程施工许可、商品房预售许可 (以及, 和 are left whole: 住房和城乡建设 is one name).
_PIECES = re.compile(r"[、，,；;]|(?:以及|及)(?=[\u4e00-\u9fff]{2,}(?:许可|审批|核准|备案|登记|认定))")


@dataclass(frozen=True)
class Retirement:
    """One piece of work a notice takes from the department, as the notice states it (a Duty of the department whose
    FROM edge to the notice has a retired status: ingest.records)."""

    status: str  # transferred | cancelled | devolved
    text: str  # the work as the notice words it
    source: str  # the notice's clause
    in_force_from: str  # the notice's 施行日期, else 印发日期
    counterpart: str  # the department a transfer moves it to; '' for cancelled or devolved work

    def covers(self, model: SimilarityModel, text: str, terms: Sequence[str]) -> str | None:
        """What the retirement makes of a stated duty (its text and content terms): its own status where the duty is
        the work taken, partly_… (PARTLY) where it takes part of what the duty says, None otherwise. Cancelled or
        devolved work a clause does not say in the notice's words may still be carried by it as `undecomposed_duties`
        reads a 职能转变 sentence (a clause reading like the sentence that says one of the matters it lists)."""
        from queries.draft_changes import TRANSFER_COVERAGE  # as in says_moved_work

        if self.status == "transferred":
            return transfer_covers(model, self.text, text, terms)
        work = self.work()
        if not says_moved_work(model, work, text, terms):
            retired = RetiredWork.of(self.text)
            return self.status if retired is not None and retired.carried_by(model, "duty", text, terms) else None
        return self.status if model.coverage(approval_terms(text, terms), work) >= TRANSFER_COVERAGE \
            else PARTLY[self.status]

    def work(self) -> list[str]:
        return taken_work(self.status, self.text)


def transfer_covers(model: SimilarityModel, sentence: str, text: str, terms: Sequence[str] | str | None) -> str | None:
    """What a transfer (`sentence`, as a notice or 三定 words it) makes of a clause or list item (its text and content
    terms, as stored or None): `transferred` where the clause is work it moves, `partly_transferred` where it says a
    piece of that work with more besides, None where it says none of its pieces (`work_pieces`)."""
    from queries.draft_changes import TRANSFER_COVERAGE  # as in says_moved_work

    said = [work for piece in work_pieces(sentence)
            if says_moved_work(model, work := content_terms(piece), text, terms)]
    if not said:
        return None
    read = approval_terms(text, terms)
    whole = model.coverage(read, [term for work in said for term in work]) >= TRANSFER_COVERAGE
    return "transferred" if whole else PARTLY["transferred"]


def says_moved_work(model: SimilarityModel, work: Sequence[str], text: str, terms: Sequence[str] | str | None) -> bool:
    """Whether a clause or list item (its text and content terms, as stored or None) says a piece of work moved away
    (its content terms) as a transfer's other department must (`queries.draft_changes.says_the_work`), read without
    the approvals it names only as held by those it supervises (`queries.approvals.approval_terms`)."""
    # Here, not at the top: check-draft's module reads drafts (ingest.draft, the pipeline), which a command line
    # question must not load until it needs it (tests/api/test_cli_startup.py).
    from queries.draft_changes import says_the_work

    return says_the_work(model, work, approval_terms(text, terms))


def work_pieces(sentence: str) -> list[str]:
    """The pieces of work a transfer sentence moves: 将市住建局承担的建筑工程施工许可、商品房预售许可职责划入… →
    建筑工程施工许可, 商品房预售许可."""
    from queries.draft_changes import transferred_work  # as in says_moved_work

    pieces = [piece.strip() for piece in _PIECES.split(transferred_work(sentence))]
    return [piece for piece in pieces if content_terms(piece)]


def taken_work(status: str, text: str) -> list[str]:
    """The content terms of the work a notice takes (`status` a retired one, or partly_… of it), as it words it
    (`text`), without who held it or where it goes."""
    from queries.draft_changes import transferred_work

    return content_terms(transferred_work(text) if status in ("transferred", PARTLY["transferred"]) else text)


def work_left(status: str, change: str, terms: Sequence[str]) -> list[str]:
    """The content terms of a partly retired clause (`status` partly_…, `change` the notice's words) that the work
    taken does not say: what is still the department's (供水设施 of 城市供水设施和城市排水设施 when 排水 moves)."""
    taken = set(taken_work(status, change))
    return [term for term in terms if term not in taken]


@dataclass(frozen=True)
class Covered:
    """A stated duty a retirement covers, and what it makes of it (`Retirement.covers`)."""

    retirement: Retirement
    status: str


def covered_duties(model: SimilarityModel, retirements: Sequence[Retirement], stated: Sequence[Row]
                   ) -> dict[str, Covered]:
    """For each stated duty (`stated_duties` rows, current ones) that a retirement covers, its uid and the earliest
    retirement covering it. A notice retires only what was in force by its own date and another document states:
    work a later notice moves back in is the department's again."""
    covered: dict[str, Covered] = {}
    for retirement in sorted(retirements, key=lambda r: (r.in_force_from, r.source, r.text)):
        notice = source_document(retirement.source)
        for row in stated:
            if (row["uid"] in covered or source_document(row["source"]) == notice
                    or row["in_force_from"] > retirement.in_force_from):
                continue
            status = retirement.covers(model, row["text"], content_of(row["content"], row["text"]))
            if status is not None:
                covered[row["uid"]] = Covered(retirement, status)
    return covered

