"""Linking one document at a time leaves exactly the links that linking everything at once does.

Term weights are shipped, not fitted on the graph (a pair's score depends on its two texts alone); a duty that
stops being boilerplate is compared as a new one; terms that stop being too common to pair by bring their duties
together again; stored pairs no longer proposed are dropped; and an office's REFINES are chosen again whenever its
department's duties change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.content import content_terms
from ingest.link import LinkDuty, boilerplate_flags, graph_duties, plan_links
from ingest.pipeline import ingest
from ingest.similarity import DutyDoc, candidate_pairs, capped_keys, is_candidate

SANDING = sorted((Path(__file__).resolve().parents[2] / "examples" / "sanding").iterdir())


def _links(store: Store) -> tuple[list[dict[str, Any]], ...]:
    similar = store.read("MATCH (a:Duty)-[e:SIMILAR]->(b:Duty) RETURN a.uid AS a, b.uid AS b, e.score AS score "
                         "ORDER BY a, b")
    refines = store.read("MATCH (a:Duty)-[e:REFINES]->(b:Duty) RETURN a.uid AS a, b.uid AS b, e.score AS score "
                         "ORDER BY a, b")
    flags = store.read("MATCH (u:Duty) WHERE u.status = 'current' RETURN u.uid AS uid, u.boilerplate AS boilerplate "
                       "ORDER BY uid")
    return similar, refines, flags


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_links_do_not_depend_on_the_order_documents_came_in(store: Store, other_store: Store, order: str) -> None:
    assert ingest(SANDING, store).failed == []
    for path in SANDING if order == "as listed" else SANDING[::-1]:
        assert ingest([path], other_store).failed == []
    similar, refines, flags = _links(store)
    assert (len(similar), len(refines), sum(row["boilerplate"] for row in flags)) == (806, 389, 107)
    assert _links(other_store) == (similar, refines, flags)


def test_the_blocking_check_of_one_pair_agrees_with_the_blocking(store: Store) -> None:
    assert ingest(SANDING, store).failed == []
    docs = [duty.doc() for duty in graph_duties(store)][::7]  # a sample: every pair of it is checked
    capped = capped_keys(docs)
    proposed = candidate_pairs(docs)
    checked = {(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))
               if is_candidate(docs[i], docs[j], capped)}
    assert checked == proposed and len(proposed) > 100


def _doc(uid: str, text: str, terms: list[str]) -> DutyDoc:
    return DutyDoc(uid, text, f"dept:{uid}", terms, zone="甲市")


def test_a_term_no_longer_too_common_brings_its_duties_together() -> None:
    # Thirteen departments of one city hold 护林: above the cap of twelve, it pairs nobody.
    docs = [_doc(f"d{n:02}", f"负责护林工作{n}", ["护林", f"事项{n}"]) for n in range(13)]
    assert ("甲市", "护林") in capped_keys(docs) and candidate_pairs(docs) == set()
    # One is replaced: twelve hold it, and the pairs it now makes are those of the reopened key alone.
    fewer = docs[:12]
    assert capped_keys(fewer) == frozenset()
    assert candidate_pairs(fewer, new=set()) == set()
    assert candidate_pairs(fewer, new=set(), reopened=frozenset({("甲市", "护林")})) == {
        (i, j) for i in range(12) for j in range(i + 1, 12)}


def test_a_stored_pair_no_longer_proposed_is_dropped(store: Store) -> None:
    assert ingest(SANDING[:3], store).failed == []
    duties = graph_duties(store)
    stored = [("duty:gone", duties[0].uid)]  # a side that is no longer a current duty
    plan = plan_links(duties, parallel=False, stored=stored)
    assert plan.dropped == stored and plan.new == []


def _duty(region: str, department: str, text: str) -> LinkDuty:
    return LinkDuty(f"duty:{department}:{text}", text, f"dept:{region}/{department}", None, region, False,
                 content_terms(text), department)


def test_a_tail_every_clause_of_a_city_writes_does_not_make_its_duties_boilerplate() -> None:
    # Six departments of a city end every clause with the same two phrases, words the reference corpus never saw.
    # Weighed by the reference alone the tail outweighs the work each clause names, and every duty was flagged.
    tail = "，覆盖辖区范围。推进智慧监管和闭环处置。"
    works = {"甲局": ("渔船检验", "远洋捕捞"), "乙局": ("殡葬设施", "公墓建设"), "丙局": ("气象灾害", "人工影响天气"),
             "丁局": ("档案馆藏", "档案数字化"), "戊局": ("地震监测", "地震台网"), "己局": ("人防工程", "防空警报")}
    duties = [_duty("某市", department, f"负责{work}{tail}") for department, pair in works.items() for work in pair]
    duties.append(_duty("某市", "甲局", f"负责机关日常运转{tail}"))
    duties += [_duty("某市", department, "负责机关日常运转，承担文电、会务、档案和保密工作") for department in works]
    flags = boilerplate_flags(duties)
    assert sorted(duty.text for duty in duties if flags[duty.uid]) == [
        "负责机关日常运转，承担文电、会务、档案和保密工作"] * 6 + [f"负责机关日常运转{tail}"]
