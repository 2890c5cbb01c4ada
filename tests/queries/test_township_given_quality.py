"""Whether a complaint naming a township is about work the county gave its townships (queries/township_given.py): on
tests/data/township_given.tsv, 30 complaints naming 青石镇 (which has the office that takes given work on) in the
invented 云岭县 of tests/fixtures/xiangzhen_fuquan/, labelled before the rule was scored on them: 15 about given
items, which 青石镇 handles, and 15 about the county departments' own work that meet a given item on a word or two
(动物防疫 on 畜禽, 宅基地分配 on 宅基地), which stay theirs. 17 were right when any given item met led (every
county case went to 青石镇 but the two that met none), 28 now."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.who_handles import who_handles

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "tests" / "data" / "township_given.tsv"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('township-given')}")
    store.apply_schema()
    corpus = REPO / "tests" / "fixtures" / "xiangzhen_fuquan"
    assert ingest(sorted(corpus.iterdir()), store, region=Region(("澄州市", "云岭县"))).failed == []
    yield store
    store.close()


def test_the_township_leads_only_where_the_text_asks_about_the_given_item(county: Store) -> None:
    with LABELLED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 30 and sum(row["expected"] == "青石镇人民政府" for row in rows) == 15
    wrong = [(row["id"], answer[0]["department"]) for row in rows
             for answer in [who_handles(county, row["text"], region="澄州市/云岭县", limit=3)]
             if answer[0]["department"] != row["expected"]]
    # Still wrong: given items that a broad clause of the department that gave them away outscores (占用桥梁摆摊经营:
    # 执法局's 查处占道经营 12.5, the item 对擅自占用城市道路、桥梁从事经营活动的处罚 7.4; 乱涂乱画张贴小广告: 7.4, 6.0).
    assert wrong == [("tg03", "云岭县综合行政执法局"), ("tg04", "云岭县综合行政执法局")]
