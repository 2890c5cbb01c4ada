"""Work a 调整职责机构编制 notice takes from a department (划出 to another department, 取消, 下放), and which of the
department's stated duties it covers: on a date after the notice, those no longer read as the department's duty.

A notice words the work otherwise than the 三定's clause (河道采砂监督管理 for 负责河道采砂的监督管理。), so the clause
is found as check-draft finds it: a transfer as the other department's clause must say the work
(`queries.draft_changes.says_the_work`), cancelled or devolved work as `undecomposed_duties` finds it still carried
(`queries.undecomposed.RetiredWork`).
A clause that says more than the work moved (负责城市照明设施和城市道路的运行维护 when 城市照明设施运行维护 moves) is
only partly moved out: the rest is still the department's duty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row
from ingest.content import content_of, content_terms
from ingest.similarity import SimilarityModel
from queries.sources import source_document
from queries.undecomposed import RetiredWork

RETIRED_STATUSES = ("transferred", "cancelled", "devolved")
# A clause the work moved says, with more besides: the weighted words of the clause that the moved work's words do
# not say outweigh what a transfer may leave unsaid of the work (1 - TRANSFER_COVERAGE), the same measure both ways.
PARTLY_TRANSFERRED = "partly_transferred"


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
        the work taken, partly_transferred where a transfer takes part of what the duty says, None otherwise."""
        if self.status == "transferred":
            # Here, not at the top: check-draft's module reads drafts (ingest.draft, the pipeline), which a command
            # line question must not load until it needs it (tests/api/test_cli_startup.py).
            from queries.draft_changes import TRANSFER_COVERAGE, says_the_work, transferred_work

            work = content_terms(transferred_work(self.text))
            if not says_the_work(model, work, terms):
                return None
            return self.status if model.coverage(terms, work) >= TRANSFER_COVERAGE else PARTLY_TRANSFERRED
        retired = RetiredWork.of(self.text)
        return self.status if retired is not None and retired.carried_by(model, "duty", text, terms) else None


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

