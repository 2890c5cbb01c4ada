"""Duties of two sides paired by the ingest's similarity score (`ingest.similarity`): a draft 三定's against the
one in force, a county department's against its city counterpart's. Every pair of the two sides is scored (a
department states a few dozen duties), where linking scores only the pairs its blocking proposes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ingest.content import content_of
from ingest.similarity import DutyDoc, reference_model


@dataclass(frozen=True)
class Clause:
    """One duty as the scorer reads it: its text, content terms and its department's base name (the line of work
    a clause may name: 交通运输 of 交通运输局)."""

    uid: str
    text: str
    ordinal: int | None
    source: str
    terms: tuple[str, ...]
    holder: str

    def doc(self) -> DutyDoc:
        return DutyDoc(self.uid, self.text, self.uid, list(self.terms), holder=self.holder)


def clause_of(row: Mapping[str, Any], holder: str | None = None) -> Clause:
    """A duty row (uid, text, ordinal, source, content: `sanding_duties`, `region_duties`, a draft's rows)."""
    return Clause(row["uid"], row["text"], row["ordinal"], row["source"],
                  tuple(content_of(row["content"], row["text"])), holder if holder is not None else row["holder"])


def scored(left: Sequence[Clause], right: Sequence[Clause]) -> list[list[float]]:
    """The score of every pair: `scored(l, r)[i][j]` is left[i] against right[j]."""
    model = reference_model()
    right_docs = [clause.doc() for clause in right]
    return [[model.score_docs(doc, other) for other in right_docs] for doc in (clause.doc() for clause in left)]


@dataclass
class Pairing:
    """Two sides paired one to one, the likeliest pairs first: `pairs` (left, right, score) at or above the
    threshold, then what is left of each side, in their own order."""

    pairs: list[tuple[Clause, Clause, float]]
    left_only: list[Clause]
    right_only: list[Clause]


def paired(left: Sequence[Clause], right: Sequence[Clause], threshold: float) -> Pairing:
    """One to one: the best-scoring pair first, each clause in at most one pair (a duty split in two by a revision
    pairs with the closer half; the other half reads as added)."""
    scores = scored(left, right)
    candidates = sorted((-scores[i][j], i, j) for i in range(len(left)) for j in range(len(right))
                        if scores[i][j] >= threshold)
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[Clause, Clause, float]] = []
    for negative, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j], -negative))
    return Pairing(pairs, [c for i, c in enumerate(left) if i not in used_left],
                   [c for j, c in enumerate(right) if j not in used_right])
