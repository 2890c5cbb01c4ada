"""The 三定对应职责 check (no_mandate) measured on a labelled set, tests/data/power_mandate.tsv: one invented county's
三定 (sanding rows) and 48 power items (item rows), each labelled whether its holder's 三定 has the work. Hard cases
both ways: an item worded otherwise than its duty (水域 / 河道, 电鱼 / 渔政), and an item whose words a wrong holder's
duties share (建筑 of 住建 on 河道内建筑物, 卫生 of 卫健委 on 食品生产许可).

The set is judged as the graph's review judges: the items are evidence of their holders too (power_item), as they are
in the graph's search index. Figures (README, 权责审查): before reading items against the 三定's words alone 42 of 48
right; after, 44 (MANDATE_RIGHT): 电鱼 (渔政) and 河流湖泊 (水污染) are read by meaning, while two shared-word
holders (住建 on 河道内建筑物, 应急 on 道路危险货物运输) still pass and 倾倒垃圾 in 江河湖泊 still goes to 城管."""

from __future__ import annotations

from pathlib import Path

import pytest

from queries.power_mandate import PowerMandates
from queries.search import Evidence

SET = Path(__file__).resolve().parents[1] / "data" / "power_mandate.tsv"
REGION = "甲县"
MANDATE_RIGHT = 44  # items of the set judged as labelled; raise it when the check reads better, never lower it


def labelled() -> tuple[list[Evidence], list[tuple[str, str, bool]]]:
    """The set's evidence (duties and items) and its items: (item, holder, whether the holder has the work)."""
    evidence: list[Evidence] = []
    items: list[tuple[str, str, bool]] = []
    for number, line in enumerate(SET.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "sanding":
            department, text = cells
            evidence.append(_piece(f"duty{number}", "duty", department, text))
        else:
            text, department, mandate, _note = cells
            evidence.append(_piece(f"item{number}", "power_item", department, text))
            items.append((text, department, mandate == "yes"))
    return evidence, items


def _piece(key: str, kind: str, department: str, text: str) -> Evidence:
    return Evidence(key=key, kind=kind, text=text, department=department, department_uid=department, region=REGION,
                    department_region=REGION, office="", source="power_mandate.tsv")


def judged() -> list[tuple[str, str, bool, bool]]:
    """Each item with its label and whether the review finds its holder has the work (no no_mandate finding)."""
    evidence, items = labelled()
    mandates = PowerMandates.of_evidence(evidence)
    return [(text, holder, expected,
             mandates.lacking({"unresolved": False, "type": "行政处罚", "department": holder, "region": REGION,
                               "item": text}) is None)
            for text, holder, expected in items]


@pytest.fixture(scope="module")
def results() -> list[tuple[str, str, bool, bool]]:
    return judged()


def test_the_set_is_as_labelled(results: list[tuple[str, str, bool, bool]]) -> None:
    assert len(results) == 48
    assert sum(expected for _text, _holder, expected, _found in results) == 34


def test_the_check_reads_the_set_at_least_as_well_as_measured(results: list[tuple[str, str, bool, bool]]) -> None:
    wrong = sorted((holder, text, "有对应职责" if expected else "无对应职责")
                   for text, holder, expected, found in results if expected != found)
    assert len(results) - len(wrong) >= MANDATE_RIGHT, wrong


if __name__ == "__main__":  # the figures: .venv/bin/python -m tests.queries.test_power_mandate_set
    for text, holder, expected, found in judged():
        print("ok " if expected == found else "BAD", "有" if expected else "无", holder, text)
