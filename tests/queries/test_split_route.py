"""who_handles and dispatch within a district on a matter the city's 市县事权划分清单 gives one level alone
(tests/fixtures/split_dispatch: 临江市 and its 东浦区, each a 交通运输局, and the split list): a 市级专有 matter goes
up to the city's department, a 县级专有 one stays with the district's, each citing the list's row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.who_handles import who_handles
from tests.conftest import corpus_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "split_dispatch"
DISTRICT = "临江市/东浦区"
LIST = "市县事权划分清单（临江市市县事权划分清单.csv）"
CITY_ONLY = f"港口经营许可为市级专有事项，东浦区的部门无此权责事项，由临江市交通运输局办理（{LIST}编号1（第2行））"
COUNTY_ONLY = f"机动车维修经营备案为县级专有事项，由东浦区交通运输局办理（{LIST}编号2（第3行））"


@pytest.fixture(scope="module")
def split_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, CORPUS)


def _ranked(store: Store, text: str, region: str = DISTRICT) -> list[tuple[int, str, str, bool, str]]:
    return [(row["rank"], row["region"], row["department"], row["tie"], row["power_split"])
            for row in who_handles(store, text, region=region, limit=3)]


def test_a_city_only_matter_asked_in_the_district_goes_to_the_city(split_store: Store) -> None:
    # Before the rule the district's 交通运输局 came first (its 港口 duty, 3.4): the only department ranked.
    assert _ranked(split_store, "申请港口经营许可") == [
        (1, "临江市", "临江市交通运输局", False, CITY_ONLY), (2, DISTRICT, "东浦区交通运输局", False, "")]


def test_a_county_only_matter_stays_in_the_district(split_store: Store) -> None:
    text = "机动车维修经营备案去哪里办"
    assert _ranked(split_store, text) == [(1, DISTRICT, "东浦区交通运输局", False, COUNTY_ONLY)]
    # Before the rule dispatch sent it up: the district's department weak (5.2), the city's sure (15.7).
    [row] = dispatch(split_store, [Complaint(line=2, text=text, region="东浦区")], region=None).rows
    assert (row["region"], row["department"], row["note"], row["power_split"]) == (
        DISTRICT, "东浦区交通运输局", "", COUNTY_ONLY)


def test_dispatch_sends_a_city_only_matter_up_saying_why(split_store: Store) -> None:
    [row] = dispatch(split_store, [Complaint(line=2, text="东浦区码头有人办港口经营许可被拖着不批", region="东浦区")],
                     region=None).rows
    assert (row["region"], row["department"], row["note"], row["power_split"]) == (
        "临江市", "临江市交通运输局", "", CITY_ONLY)


def test_what_the_rule_leaves_alone(split_store: Store) -> None:
    # The matter's object alone (码头) names no matter; a shared matter (公路养护管理) and the city asked of are the
    # scores' to settle.
    assert _ranked(split_store, "码头上有人乱堆货物")[0][1:] == (DISTRICT, "东浦区交通运输局", False, "")
    assert {row[4] for row in _ranked(split_store, "公路养护管理不到位")} == {""}
    assert _ranked(split_store, "机动车维修经营备案去哪里办", region="临江市")[0][1:] == (
        "临江市", "临江市交通运输局", False, "")
