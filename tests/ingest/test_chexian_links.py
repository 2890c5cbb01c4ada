"""撤县设区 and the similarity links: a county's departments no notice renamed and the district's renamed ones are one
district's (ingest.link compares duties in the region as it is now), so loading or removing the notice re-links them:
the graph does not depend on when the notice came, and without it is the graph that never had it."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from tests.ingest.conftest import whole_graph, whole_graph_but_contains_source

REPO = Path(__file__).resolve().parents[2]
CITY = Region(("示例市",))
NOTICE = REPO / "tests" / "fixtures" / "chexian_unrenamed" / "quhua_tongzhi.txt"
RENAME = REPO / "tests" / "fixtures" / "chexian_unrenamed" / "gengming_zhujian.txt"
DISTRICT_SANDING = REPO / "tests" / "fixtures" / "chexian_overlap"
# The two 建筑垃圾 duties: the district's renamed 住建局 and the county's 城管局, which no notice renamed.
_DEBRIS_PAIR = ("MATCH (a:Duty)-[:SIMILAR]-(b:Duty) WHERE a.holder = 'dept:示例市/青山区/住房和城乡建设局' "
                "AND b.holder = 'dept:示例市/青山县/城市管理局' AND a.text CONTAINS '建筑垃圾' "
                "AND b.text CONTAINS '建筑垃圾' RETURN a.uid AS a, b.uid AS b")


def _load(store: Store, *batches: list[Path]) -> None:
    for paths in batches:
        report = ingest(paths, store, region=CITY)
        assert report.failed == [], [outcome.error for outcome in report.outcomes if not outcome.ok]


def test_the_notice_loaded_last_links_as_loaded_first(store: Store, other_store: Store) -> None:
    _load(store, [REPO / "examples"], [NOTICE, RENAME], [DISTRICT_SANDING])
    _load(other_store, [REPO / "examples"], [DISTRICT_SANDING], [NOTICE, RENAME])
    assert len(store.read(_DEBRIS_PAIR)) == 1
    assert whole_graph(store) == whole_graph(other_store)


def test_removing_the_notices_drops_the_district_s_links(store: Store, other_store: Store) -> None:
    """Both notices state the 撤县设区 (the 住建局's cites the 批复): without them, 青山区 is a district of its own
    beside 青山县, whose duties are not compared with its."""
    _load(store, [REPO / "examples"], [NOTICE, RENAME], [DISTRICT_SANDING])
    remove(store, find_documents(store, [str(NOTICE), str(RENAME)]))
    _load(other_store, [REPO / "examples"], [DISTRICT_SANDING])
    assert store.read(_DEBRIS_PAIR) == []
    # (A region's CONTAINS edge may keep citing the removed notice, as every removal leaves it: conftest.)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
