"""Every statement dutygraph sends, checked by Neo4j's own Cypher parser and semantic analysis.

No Neo4j server can run here (no Docker engine), so the suite's Neo4j runs (`NEO4J_URI`) do not happen in CI. This is
the next best check that what the embedded engine runs is also Neo4j 5 Cypher. The statements are recorded while
the product ingests the sample corpus (its lists before its 三定, then all again, then a revised 三定, a corrected list and its removal), derives its
terms again and relinks every duty, answers every analysis, named query and report, and serves the API's reads; the write statements are recorded in the form the Neo4j backend
sends them (`graph.neo4j_store.write_cypher`), with its schema and clearing statements. Each is then handed to
`@neo4j-cypher/language-support` (Neo4j's parser and semantic analysis, compiled to JavaScript: `tests/neo4j_dialect`,
installed by `make setup`) with the names of the parameters it was given and Neo4j 5's built-in functions.

It catches what FalkorDB accepts and Neo4j rejects: syntax, functions Neo4j lacks, variables out of scope,
parameters not given. It cannot show that both engines return the same rows; the Neo4j suite does that.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.falkor_store import FalkorStore
from graph.neo4j_store import CLEAR_STATEMENT, schema_statements, write_cypher
from graph.store import Statement, open_store
from ingest.draft import read_draft
from ingest.link import link
from ingest.load import record_segmentation
from ingest.pipeline import ingest
from ingest.refresh import refresh_segmentation
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from queries.draft_check import check_draft, draft_of
from queries.registry import ANALYSES, run_analysis, warm_caches
from queries.report import build_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LINTER = ROOT / "tests" / "neo4j_dialect"

# Neo4j 5's built-in functions (Cypher manual, "Functions"); a name outside this list is one Neo4j lacks.
NEO4J_FUNCTIONS = (
    "all", "any", "exists", "isEmpty", "none", "single",
    "char_length", "character_length", "coalesce", "elementId", "endNode", "head", "id", "last", "length", "nullIf",
    "properties", "randomUUID", "size", "startNode", "timestamp", "toBoolean", "toBooleanOrNull", "toFloat",
    "toFloatOrNull", "toInteger", "toIntegerOrNull", "type", "valueType",
    "avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc", "stDev", "stDevP", "sum",
    "keys", "labels", "nodes", "range", "reduce", "relationships", "reverse", "tail", "toBooleanList", "toFloatList",
    "toIntegerList", "toStringList",
    "abs", "ceil", "floor", "isNaN", "rand", "round", "sign", "e", "exp", "log", "log10", "sqrt",
    "acos", "asin", "atan", "atan2", "cos", "cot", "degrees", "haversin", "pi", "radians", "sin", "tan",
    "btrim", "left", "lower", "ltrim", "normalize", "replace", "right", "rtrim", "split", "substring", "toLower",
    "toString", "toStringOrNull", "toUpper", "trim", "upper",
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point",
)

CITY, COUNTY = "示例市", "示例市/青山县"
DEPARTMENT = "示例市交通运输局"
# Values for each parameter an analysis or named query can take, where its default would skip a branch.
VALUES: dict[str, Any] = {"region": CITY, "city": CITY, "department": DEPARTMENT, "name": DEPARTMENT,
                          "text": "小区门口共享单车乱停乱放", "matter": "共享单车", "limit": 3,
                          "date": "2021-06-30"}


class Recorder:
    """The distinct statements sent to the embedded store, each with the names of the parameters it was given."""

    def __init__(self) -> None:
        self.statements: dict[str, set[str]] = {}

    def add(self, cypher: str, params: Mapping[str, Any] | None) -> None:
        self.statements.setdefault(cypher, set()).update(params or {})


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recorder]:
    recorder = Recorder()
    patch = pytest.MonkeyPatch()
    read, write, write_atomic = FalkorStore.read, FalkorStore.write, FalkorStore.write_atomic

    def recording_read(self: FalkorStore, cypher: str, params: Mapping[str, Any] | None = None,
                       **kwargs: Any) -> list[dict[str, Any]]:
        recorder.add(cypher, params)
        return read(self, cypher, params, **kwargs)

    def recording_write(self: FalkorStore, statement: Statement, **kwargs: Any) -> None:
        recorder.add(write_cypher(statement), {"rows": None})
        write(self, statement, **kwargs)

    def recording_write_atomic(self: FalkorStore, statements: Sequence[Statement]) -> list[list[Any]]:
        for statement in statements:
            recorder.add(write_cypher(statement), {"rows": None})
        return write_atomic(self, statements)

    patch.setattr(FalkorStore, "read", recording_read)
    patch.setattr(FalkorStore, "write", recording_write)
    patch.setattr(FalkorStore, "write_atomic", recording_write_atomic)
    try:
        _exercise(tmp_path_factory.mktemp("dialect"))
        yield recorder
    finally:
        patch.undo()


def _exercise(data: Path) -> None:
    store = open_store(f"embedded:{data}")
    city = Region((CITY,))
    try:
        # The lists first: the departments they name are parties until their 三定 arrive and merge them.
        assert ingest([EXAMPLES / "lists"], store, region=city).failed == []
        assert ingest([EXAMPLES / "sanding"], store, region=city).failed == []
        assert ingest([EXAMPLES], store, region=city).failed == []  # nothing new: the skipping path
        # A revised 三定 replaces its earlier version, and only its duties are linked again.
        revised = data / "revised" / "qingshan_shuili.txt"
        revised.parent.mkdir()
        text = (EXAMPLES / "sanding" / "qingshan_shuili.txt").read_text(encoding="utf-8")
        revised.write_text(text.replace("监督管理河道采砂", "监督管理河道采砂和堤防巡查"), encoding="utf-8")
        assert ingest([revised], store, region=city).failed == []
        # A corrected list replaces the one loaded before; a document loaded by mistake is taken out again.
        corrected = data / "revised" / "bianjie_qingshan_v2.csv"
        listed = (EXAMPLES / "lists" / "bianjie_qingshan.csv").read_bytes().decode("gb18030")
        corrected.write_text(listed.replace("县城管局", "县住建局", 1), encoding="utf-8")
        assert ingest([corrected], store, region=city).replaced
        remove(store, find_documents(store, [str(corrected)]))
        # A 三定 renaming a department (机构改革): the old bureau's list edges follow it, and go back when it is out.
        reform = ROOT / "tests" / "fixtures" / "succession" / "qingshan_chengguan_zhifa_2024.txt"
        assert ingest([reform], store, region=city).successions
        remove(store, find_documents(store, [str(reform)]))
        # Terms segmented otherwise (a changed dictionary) are derived again, and every link is made again.
        record_segmentation(store, "an older dictionary")
        assert refresh_segmentation(store) > 0
        link(store, relink_all=True)
        warm_caches(store)
        for name, analysis in ANALYSES.items():
            given = {param.name: VALUES[param.name] for param in analysis.params if param.name in VALUES}
            run_analysis(store, name, given)
            if "region" in given:  # a county's, with a department of the county where one is given
                run_analysis(store, name, {**given, "region": COUNTY,
                                           **({"department": "青山县交通运输局"} if "department" in given else {})})
        for scope in ("departments", "offices", "levels"):
            run_analysis(store, "overlaps", {"scope": scope, "region": CITY})
        for query in catalog.catalog().values():
            # A required parameter without a value above (a uid) is given one that matches nothing: the statement
            # is what is checked, not its rows.
            catalog.run(store, query.name, {param.name: VALUES.get(param.name, "?") for param in query.params
                                            if param.name in VALUES or param.required})
        build_report(store)
        build_report(store, region=COUNTY, department="青山县交通运输局")
        # A draft 三定 checked against the graph (read only), its department named by a short name.
        source, parsed = read_draft(ROOT / "tests" / "fixtures" / "drafts" / "qingshan_shichangjianguan_draft.txt")
        check_draft(store, draft_of(store, source, parsed, "市场监管局"), file="draft.txt")
    finally:
        store.close()
    # The API's own reads (health, documents, catalog endpoints) on the same graph.
    with TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as client:
        for path, params in (("/healthz", {}), ("/readyz", {}), ("/api/stats", {}), ("/api/regions", {}),
                             ("/api/departments", {"q": "交通"}), ("/api/matters", {}), ("/api/documents", {}),
                             (f"/api/departments/{DEPARTMENT}", {}),
                             ("/api/queries/power_split/matters",
                              {"city": CITY, "domain": "交通运输", "share": "county_exclusive"})):
            assert client.get(path, params=params).status_code == 200, path


def _lint(statements: list[tuple[str, list[str]]]) -> list[list[dict[str, Any]]]:
    request = {"functions": list(NEO4J_FUNCTIONS),
               "statements": [{"cypher": cypher, "parameters": parameters} for cypher, parameters in statements]}
    done = subprocess.run(["node", str(LINTER / "lint.cjs")], input=json.dumps(request), capture_output=True,
                          text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def linter() -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: Neo4j's Cypher front-end runs on Node.js (make setup installs it)")
    if not (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("tests/neo4j_dialect/node_modules is missing: run `make setup` (it runs npm ci there)")


def test_every_statement_sent_is_neo4j_cypher(linter: None, recorded: Recorder) -> None:
    statements = sorted((cypher, sorted(names)) for cypher, names in recorded.statements.items())
    statements += [(cypher, []) for cypher in schema_statements()] + [(CLEAR_STATEMENT, ["batch"])]
    # Enough to have gone through ingest, linking and every query; a broken recorder would see a handful.
    assert len(statements) > 100
    problems = [f"{diagnostic['message']}\n    in: {' '.join(cypher.split())[:300]}"
                for (cypher, _names), diagnostics in zip(statements, _lint(statements), strict=True)
                for diagnostic in diagnostics]
    assert problems == []


def test_the_check_rejects_what_neo4j_rejects(linter: None) -> None:
    """The linter is live: FalkorDB's own syntax and functions, and a parameter not given, are reported."""
    diagnostics = _lint([("MATCH (n:Duty) RETURN size((n)--()) AS degree", []),
                         ("MATCH (n:Duty) RETURN toJSON(n) AS text", []),
                         ("MATCH (n:Duty {uid: $uid}) RETURN n.text AS text", []),
                         ("MATCH (n:Duty {uid: $uid}) RETURN n.text AS text", ["uid"])])
    assert [len(found) for found in diagnostics] == [1, 1, 1, 0]
    assert "Function toJSON is not present" in diagnostics[1][0]["message"]
    assert diagnostics[2][0]["message"] == "Parameter $uid is not defined."
