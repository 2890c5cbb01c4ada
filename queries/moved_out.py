"""Work a 调整职责机构编制 notice takes from a department (划出 to another department, 取消, 下放), and which of the
department's stated duties it covers: on a date after the notice, those no longer read as the department's duty.

A notice words the work otherwise than the 三定's clause (河道采砂监督管理 for 负责河道采砂的监督管理。), so the clause
is found as check-draft finds it: a transfer as the other department's clause must say the work
(`queries.draft_changes.says_the_work`), cancelled or devolved work as `undecomposed_duties` finds it still carried
(`queries.undecomposed.RetiredWork`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row
from ingest.content import content_of, content_terms
from ingest.similarity import SimilarityModel
from queries.sources import source_document
from queries.undecomposed import RetiredWork

RETIRED_STATUSES = ("transferred", "cancelled", "devolved")


@dataclass(frozen=True)
class Retirement:
    """One piece of work a notice takes from the department, as the notice states it (a Duty of the department whose
    FROM edge to the notice has a retired status: ingest.records)."""

    status: str  # transferred | cancelled | devolved
    text: str  # the work as the notice words it
    source: str  # the notice's clause
    in_force_from: str  # the notice's 施行日期, else 印发日期
    counterpart: str  # the department a transfer moves it to; '' for cancelled or devolved work

    def covers(self, model: SimilarityModel, text: str, terms: Sequence[str]) -> bool:
        """Whether a stated duty (its text and content terms) is the work taken."""
        if self.status == "transferred":
            # Here, not at the top: check-draft's module reads drafts (ingest.draft, the pipeline), which a command
            # line question must not load until it needs it (tests/api/test_cli_startup.py).
            from queries.draft_changes import says_the_work, transferred_work

            return says_the_work(model, content_terms(transferred_work(self.text)), terms)
        retired = RetiredWork.of(self.text)
        return retired is not None and retired.carried_by(model, "duty", text, terms)


def covered_duties(model: SimilarityModel, retirements: Sequence[Retirement], stated: Sequence[Row]
                   ) -> dict[str, Retirement]:
    """For each stated duty (`stated_duties` rows, current ones) that a retirement covers, its uid and the earliest
    retirement covering it. A notice retires only what was in force by its own date and another document states:
    work a later notice moves back in is the department's again."""
    covered: dict[str, Retirement] = {}
    for retirement in sorted(retirements, key=lambda r: (r.in_force_from, r.source, r.text)):
        notice = source_document(retirement.source)
        for row in stated:
            if (row["uid"] in covered or source_document(row["source"]) == notice
                    or row["in_force_from"] > retirement.in_force_from):
                continue
            if retirement.covers(model, row["text"], content_of(row["content"], row["text"])):
                covered[row["uid"]] = retirement
    return covered

