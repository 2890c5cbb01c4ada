"""GET /api/queries/township_duties and `dutygraph query township_duties` on the township fixture county
(tests/fixtures/township): a township's 党政办 asks by the township's bare name, and gets the file her 党委 reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.serving import serving
from tests.api.test_cli import run, run_bytes
from tests.api.test_http import CHECKED_ELSEWHERE, _conforms
from tests.ingest.test_township_lists import FIXTURES

PATH = "/api/queries/township_duties"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("township-store")
    assert run("ingest", str(FIXTURES), "--region", "澄州市/石岭县", store=store).returncode == 0
    return store


@pytest.fixture(scope="module")
def client(county: Path) -> Iterator[TestClient]:
    yield from serving(county)


def test_a_township_s_list_over_http(client: TestClient) -> None:
    response = client.get(PATH, params={"township": "安平镇", "limit": 100})
    answer = response.json()
    spec = client.get("/openapi.json").json()
    assert PATH in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, PATH) == []
    assert answer["total"] == 14
    assert [(row["matter"], row["finding"]) for row in answer["items"] if row["finding"] not in ("", "held")] == [
        ("农村危房改造", "held_by_other"), ("电动自行车进楼入户整治", "not_held"), ("特困人员供养", "no_duties"),
        ("城镇污水排入排水管网许可", "held_by_other"), ("犬只登记管理", "not_held")]
    # By the township's bare name (an alias of its government: no reading to say), or its county's own writing.
    assert client.get(PATH, params={"township": "石岭县安平镇", "limit": 100}).json() == answer
    assert client.get(PATH, params={"township": "白沙镇"}).status_code == 404


def test_the_file_her_party_committee_reads(client: TestClient) -> None:
    response = client.get(PATH, params={"township": "安平镇", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["乡镇（街道）", "清单部分", "事项类别", "事项", "乡镇（街道）职责", "县级部门（牵头或收回）",
                       "县级部门职责（清单所列）", "核对结果", "写有此项的其他部门", "三定条文或权责事项", "其出处",
                       "清单出处"]
    assert rows[9] == ["安平镇人民政府", "配合履职事项", "安全生产", "电动自行车进楼入户整治", "配合开展入户宣传和楼道巡查。",
                       "石岭县应急管理局", "县应急管理局负责电动自行车进楼入户整治。",
                       "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）", "", "", "",
                       "《石岭县安平镇履行职责事项清单》配合履职事项序号4（第14行）"]
    assert rows[13][7:11] == [
        "收回部门三定、权责清单未写有此项，另一部门写有：需核定由谁承接", "石岭县住房和城乡建设局",
        "负责全县城镇排水与污水处理设施的运行监管，核发城镇污水排入排水管网许可。",
        "《澄州市石岭县住房和城乡建设局职能配置、内设机构和人员编制规定》第三条(三)"]


def test_the_command_line_prints_the_same_csv(county: Path, client: TestClient) -> None:
    result = run_bytes("query", "township_duties", "--param", "township=安平镇", "--format", "csv", store=county)
    assert result.returncode == 0
    over_http = client.get(PATH, params={"township": "安平镇", "format": "csv"})
    assert result.stdout == over_http.content
