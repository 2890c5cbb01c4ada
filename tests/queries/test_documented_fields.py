"""docs/queries.md spells out the JSON rows of several analyses as `{a, b, c}`: each such shape must be the keys the
analysis returns (a row's, a nested list's or, for tenure_duties, the answer's own), and a key returned beyond the
shape must be named in the same catalog row (`(`x`, `y` in JSON)`), so that a field added or renamed in the code
without the docs fails here. Each analysis is asked on examples/ or on the fixture corpus its own tests use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.registry import ANALYSES, run_analysis
from queries.tenure import tenure_duties

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
DOCS = REPO / "docs" / "queries.md"

# Each corpus with the region it is ingested for; a list's versions one run each, oldest first, as they were issued.
CORPORA: list[tuple[list[Path], tuple[str, ...]]] = [
    ([REPO / "examples"], ("示例市",)),
    ([FIXTURES / "quanze_review" / "qingshan_quanze_2025.csv"], ("示例市", "青山县")),
    ([FIXTURES / "shenpi"], ("鹭江市",)),
    ([FIXTURES / "township"], ("澄州市", "石岭县")),
    ([FIXTURES / "tenure"], ("滨江市",)),
    *[([path], ("临江市",)) for path in sorted((FIXTURES / "list_history").iterdir())],
]

ASKED: dict[str, dict[str, Any]] = {
    "overlaps": {"region": "示例市"},
    "orphan_supervision_items": {"region": "示例市"},
    "host_assist_ambiguities": {"region": "示例市"},
    "counterpart_duties": {"department": "青山县市场监督管理局"},
    "duties_in_force": {"department": "示例市交通运输局", "date": "2021-06-30"},
    "transferred_still_held": {"region": "鹭江市"},
    "township_duties": {"region": "澄州市/石岭县"},
    "list_changes": {"region": "临江市"},
    "power_item_review": {"region": "示例市/青山县"},
}

# A shape of field names only (`{a, b, members: [{c, d}]}`); one listing values (`{direction moved_in|…}`) is prose.
_SHAPE = re.compile(r"\{([a-z_]+(?:, [a-z_]+(?:: \[\{[a-z_, ]+\}\])?)*)\}")


def _catalog_rows() -> dict[str, str]:
    return {match.group(1): line for line in DOCS.read_text(encoding="utf-8").splitlines()
            if (match := re.match(r"\| `(\w+)` \(", line))}


def _shapes(line: str) -> list[set[str]]:
    """Every `{…}` of field names in a catalog row, a nested `[{…}]` as a shape of its own."""
    shapes = []
    for body in _SHAPE.findall(line):
        nested = re.findall(r"\[\{([a-z_, ]+)\}\]", body)
        shapes += [set(inner.split(", ")) for inner in nested]
        shapes.append({field.split(":")[0] for field in re.sub(r"\[\{[a-z_, ]+\}\]", "", body).split(", ")})
    return shapes


def _key_sets(answer: Any) -> list[set[str]]:
    """The keys of the answer itself (a dict) and of every list of objects in it, each list's rows together."""
    found: list[set[str]] = []
    if isinstance(answer, dict):
        found.append(set(answer))
        for value in answer.values():
            found += _key_sets(value)
    elif isinstance(answer, list) and answer and all(isinstance(row, dict) for row in answer):
        found.append(set().union(*answer))
        for row in answer:
            for value in row.values():
                found += _key_sets(value)
    return found


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('documented-fields-store')}")
    for paths, region in CORPORA:
        assert [outcome.error for outcome in ingest(paths, store, region=Region(region)).failed] == []
    yield store
    store.close()


def _answer(store: Store, name: str) -> Any:
    if name == "tenure_duties":
        return tenure_duties(store, "滨江市文化和旅游局", "2021-01-01", "2024-06-30")
    if name in ANALYSES:
        return run_analysis(store, name, ASKED[name])
    return catalog.run(store, name, ASKED[name])


@pytest.mark.parametrize("name", [*ASKED, "tenure_duties"])
def test_each_documented_shape_is_what_the_analysis_returns(loaded: Store, name: str) -> None:
    line = _catalog_rows()[name]
    shapes = _shapes(line)
    assert shapes, f"docs/queries.md's row of {name} spells out no shape"
    returned = [keys for keys in _key_sets(_answer(loaded, name)) if keys]
    for shape in shapes:
        # The returned key set this shape describes: the one holding the most of its fields.
        keys = max(returned, key=lambda found: len(found & shape))
        assert sorted(shape - keys) == [], f"{name}: documented but not returned"
        assert sorted(key for key in keys - shape if f"`{key}`" not in line) == [], \
            f"{name}: returned beside {sorted(shape)} but not named in its docs/queries.md row"
