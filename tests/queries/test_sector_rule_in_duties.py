"""An 应急管理局 whose 三定 states 管行业必须管安全 for every sector in its 主要职责, not in a 职责分工 article: the
orphan items' owners cite that duty (tests/fixtures/anquan_xinyetai with tests/fixtures/sector_rule's 应急管理局)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from queries.orphans import orphan_supervision_items
from tests.conftest import corpus_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = "北湖市/云溪县"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    corpus = tmp_path_factory.mktemp("duties") / "corpus"
    shutil.copytree(FIXTURES / "anquan_xinyetai" / "corpus", corpus)
    shutil.copy(FIXTURES / "sector_rule" / "yunxi_yingji_zhuyaozhize.txt", corpus / "yunxi_yingji.txt")
    yield from corpus_store(tmp_path_factory, corpus)


def test_an_unclaimed_items_sector_owner_cites_the_rule_in_the_duties(county: Store) -> None:
    rows = {row["code"]: row["suggested_owners"] for row in orphan_supervision_items(county, region=COUNTY)}
    assert [(o["department"], o["sector_rule"], o["sector_rule_source"].partition("#")[2]) for o in rows["YX2003"]] == [
        ("云溪县文化和旅游局", "县直有关行业主管部门负责本行业领域安全生产监督管理", "第三条(二)"),
        ("云溪县消防救援大队", "", ""), ("云溪县公安局", "", "")]
