"""Whether a complaint naming a township is about work the county gave its townships (queries/township_given.py): on
tests/data/township_given.tsv, 30 complaints naming 青石镇 (which has the office that takes given work on) in the
invented 云岭县 of tests/fixtures/xiangzhen_fuquan/, labelled before the rule was scored on them: 15 about given
items, which 青石镇 handles, and 15 about the county departments' own work that meet a given item on a word or two
(动物防疫 on 畜禽, 宅基地分配 on 宅基地), which stay theirs. 17 were right when any given item met led (every
county case went to 青石镇 but the two that met none), 28 with the tie margin, 30 now that a 三定 clause saying no word
of the text the given item does not say is not weighed against it. tests/data/township_given_blind.tsv (22 more,
written before that rule was scored on them): 20 at the first scoring, 21 since its tb13 guided a fix, so no longer
blind."""

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
FRESH = REPO / "tests" / "data" / "township_given_blind.tsv"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('township-given')}")
    store.apply_schema()
    corpus = REPO / "tests" / "fixtures" / "xiangzhen_fuquan"
    assert ingest(sorted(corpus.iterdir()), store, region=Region(("澄州市", "云岭县"))).failed == []
    yield store
    store.close()


def _wrong(county: Store, path: Path) -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """The set's rows and the (id, first answer) of those answered wrong."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    return rows, [(row["id"], answer[0]["department"]) for row in rows
                  for answer in [who_handles(county, row["text"], region="澄州市/云岭县", limit=3)]
                  if answer[0]["department"] != row["expected"]]


def test_the_township_leads_only_where_the_text_asks_about_the_given_item(county: Store) -> None:
    rows, wrong = _wrong(county, LABELLED)
    assert len(rows) == 30 and sum(row["expected"] == "青石镇人民政府" for row in rows) == 15
    # tg03 (占用桥梁摆摊经营) and tg04 (乱涂乱画张贴小广告) went to 执法局 while its broad 查处占道经营 clause, met on
    # the 占道经营 and 市容 the dictionaries read into them, was weighed against the given items (12.5 to 7.4, 7.4 to 6.0).
    assert wrong == []


def test_the_fresh_set(county: Store) -> None:
    rows, wrong = _wrong(county, FRESH)
    assert len(rows) == 22 and sum(row["expected"] == "青石镇人民政府" for row in rows) == 12
    # 21 of 22. Still wrong: 门头挂了巨大的广告招牌 meets 执法局's 户外广告 clauses (11.0), not the given item
    # 对未经批准擅自设置户外广告的处罚, which the townships' row does not cite (their 食品摊贩 items, 6.9, on 饭店).
    assert wrong == [("tb03", "云岭县综合行政执法局")]
