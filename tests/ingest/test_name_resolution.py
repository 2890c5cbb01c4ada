"""Department-name resolution measured on a labelled set (tests/data/name_mentions.tsv).

A wrong merge is worse than a miss: the resolver must never join a mention to the wrong department
(precision 1.0), and must resolve at least 95% of the mentions that do name one of the departments.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingest.names import NameResolver
from ingest.readers import read_source
from ingest.regions import Region
from ingest.sanding import parse_sanding

REPO = Path(__file__).resolve().parents[2]
MENTIONS = REPO / "tests" / "data" / "name_mentions.tsv"


def _resolver() -> NameResolver:
    resolver = NameResolver()
    for path in sorted((REPO / "examples" / "sanding").iterdir()):
        parsed = parse_sanding(read_source(path))
        from ingest.pipeline import document_region

        region = document_region(parsed.department, Region(("示例市",)))
        resolver.define(region, parsed.department, parsed.plates)
    return resolver


def test_labelled_mentions_precision_and_recall(capsys) -> None:  # type: ignore[no-untyped-def]
    resolver = _resolver()
    with MENTIONS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 150
    merged = wrong = resolvable = found = vague_expected = vague_found = territorial_expected = territorial_found = 0
    mistakes = []
    for row in rows:
        home = Region(tuple(row["home"].split("/")))
        result = resolver.resolve(row["mention"], home)
        expected = row["expected"]
        if result.status in {"resolved", "self"}:
            merged += 1
            if result.name != expected:
                wrong += 1
                mistakes.append(f"WRONG {row['mention']} @{row['home']}: {result.name} (expected {expected})")
        if expected not in {"VAGUE", "UNRESOLVED", "TERRITORIAL"}:
            resolvable += 1
            if result.status in {"resolved", "self"} and result.name == expected:
                found += 1
            else:
                mistakes.append(f"MISSED {row['mention']} @{row['home']}: {result.status} (expected {expected})")
        if expected == "VAGUE":
            vague_expected += 1
            vague_found += result.status == "vague"
            if result.status != "vague":
                mistakes.append(f"NOT VAGUE {row['mention']} @{row['home']}: {result.status} {result.name}")
        if expected == "TERRITORIAL":  # 各县（区）人民政府: a 属地 party named whole, neither vague nor resolved
            territorial_expected += 1
            territorial_found += (result.status, result.name) == ("territorial", row["mention"])
            if (result.status, result.name) != ("territorial", row["mention"]):
                mistakes.append(f"NOT 属地 {row['mention']} @{row['home']}: {result.status} {result.name}")
    precision = (merged - wrong) / merged
    recall = found / resolvable
    with capsys.disabled():
        print(f"\nname resolution on {len(rows)} labelled mentions: precision {precision:.3f} "
              f"({merged - wrong}/{merged} merges right), recall {recall:.3f} ({found}/{resolvable}), "
              f"vague parties recognised {vague_found}/{vague_expected}, "
              f"属地 parties {territorial_found}/{territorial_expected}")
        for line in mistakes:
            print("  " + line)
    assert wrong == 0, mistakes
    assert recall >= 0.95
    assert vague_found == vague_expected
    assert territorial_found == territorial_expected


@pytest.mark.parametrize(("mention", "home", "expected"), [
    # A region prefix, then an abbreviation that starts with 市: the prefix names the region, so 市 is the
    # abbreviation's (市监局 = 市场监督管理局), not the city level (user test: 青山县市监局 was no department).
    ("青山县市监局", "示例市", ("resolved", "青山县市场监督管理局")),
    ("示例市青山县市监局", "示例市/河西区", ("resolved", "青山县市场监督管理局")),
    ("示例市市监局", "示例市/青山县", ("resolved", "示例市市场监督管理局")),
    ("市监局", "示例市", ("resolved", "示例市市场监督管理局")),
    # Without a prefix, a county document's 市监局 is the city's bureau or its own: neither is taken.
    ("市监局", "示例市/青山县", ("unresolved", "示例市监局")),
])
def test_a_prefix_then_an_abbreviation_starting_with_shi(mention: str, home: str, expected: tuple[str, str]) -> None:
    result = _resolver().resolve(mention, Region(tuple(home.split("/"))))
    assert (result.status, result.name) == expected


@pytest.mark.parametrize(("mention", "expected"), [
    ("文旅局", ("resolved", "滨江市文化和旅游局")), ("市文旅局", ("resolved", "滨江市文化和旅游局")),
    ("旅游局", ("resolved", "滨江市文化和旅游局")), ("体育局", ("resolved", "滨江市体育局")),
    # 文广新局 spells out neither: still one of two, and not taken.
    ("文广新局", ("unresolved", "滨江市文广新局")),
])
def test_an_abbreviation_of_a_merged_bureau_reads_as_the_one_it_spells(mention: str, expected: tuple[str, str]) -> None:
    """The table groups the bodies a 机构改革 merged (文旅局, 体育局, 文化局…): in a city keeping a 文化和旅游局 and a
    体育局 apart, 文旅局 named both and neither was taken (user test of an 审计局 auditor: `tenure --department 文旅局`
    was refused). The one whose name the abbreviation spells out is meant."""
    resolver = NameResolver()
    city = Region(("滨江市",))
    for name in ("滨江市文化和旅游局", "滨江市体育局"):
        resolver.define(city, name, [])
    result = resolver.resolve(mention, city)
    assert (result.status, result.name) == expected
