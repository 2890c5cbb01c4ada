"""who_handles and dispatch on a matter of the city's 市县事权划分清单 (tests/fixtures/split_dispatch: 临江市, its
东浦区 and 西岭县, each a 交通运输局, 东浦区's 属地 list naming 江口街道, and the split list): asked within a district,
a 市级专有 matter goes up to the city's department; a 县级专有, 市县共有 or 委托 one stays with the district's; asked
of the city, a 县级专有 or 委托 one goes to the counties' departments, the county where it happened to be found, and a 市级专有
or 市县共有 one stays with the city's ranking, its department's row saying so. Each row says why, citing the list's
row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.who_handles import who_handles
from tests.conftest import corpus_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "split_dispatch"
CITY = "临江市"
DISTRICT = "临江市/东浦区"
LIST = "市县事权划分清单（临江市市县事权划分清单.csv）"
CITY_ONLY = f"申请港口经营许可为市级专有事项，东浦区的部门无此权责事项，由临江市交通运输局办理（{LIST}编号1（第2行））"
COUNTY_ONLY = f"机动车维修经营备案为县级专有事项，由东浦区交通运输局办理（{LIST}编号2（第3行））"
SHARED = (f"公路养护管理为市县共有事项，临江市与东浦区共同承担（分工：市管公路由市级负责，县管公路由县级负责），"
          f"由东浦区交通运输局办理（{LIST}编号3（第4行））")
DELEGATED = f"机动车驾驶员培训机构备案为委托事项，临江市委托东浦区实施，由东浦区交通运输局办理（{LIST}编号4（第5行））"
CITY_ONLY_ASKED_OF_CITY = f"申请港口经营许可为市级专有事项，由临江市交通运输局办理（{LIST}编号1（第2行））"
SHARED_ASKED_OF_CITY = (f"公路养护管理为市县共有事项，临江市与东浦区、西岭县共同承担（分工：市管公路由市级负责，县管公路由县级负责），"
                        f"由临江市交通运输局办理（{LIST}编号3（第4行））")
DELEGATED_ASKED_OF_CITY = (f"机动车驾驶员培训机构备案为委托事项，临江市委托东浦区、西岭县实施，由事发地所在县（区）的部门办理，"
                           f"需确定事发地所在县（区）（{LIST}编号4（第5行））")
COUNTY_ONLY_ASKED_OF_CITY = (f"机动车维修经营备案为县级专有事项，临江市的部门无此权责事项，由事发地所在县（区）的部门办理，"
                             f"需确定事发地所在县（区）（{LIST}编号2（第3行））")


@pytest.fixture(scope="module")
def split_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, CORPUS)


def _ranked(store: Store, text: str, region: str = DISTRICT) -> list[tuple[int, str, str, bool, str]]:
    return [(row["rank"], row["region"], row["department"], row["tie"], row["power_split"])
            for row in who_handles(store, text, region=region, limit=3)]


def _city_rows(store: Store, text: str) -> list[tuple[int, str, str, bool, bool, str]]:
    return [(row["rank"], row["region"], row["department"], row["tie"], row["place_unnamed"], row["power_split"])
            for row in who_handles(store, text, region=CITY, limit=3)]


# 江口街道 stands in the district's answers on its 属地 row (港区周边流动摊贩劝导), met on nothing the text asks.
TOWNSHIP = (f"{DISTRICT}/江口街道", "江口街道办事处", False, "")


def test_a_city_only_matter_asked_in_the_district_goes_to_the_city(split_store: Store) -> None:
    # Before the rule the district's 交通运输局 came first (its 港口 duty, 3.4): the only department ranked.
    assert _ranked(split_store, "申请港口经营许可") == [
        (1, "临江市", "临江市交通运输局", False, CITY_ONLY), (2, DISTRICT, "东浦区交通运输局", False, ""),
        (3, *TOWNSHIP)]


def test_a_matter_is_named_without_its_paperwork_words(split_store: Store) -> None:
    # The list writes 申请港口经营许可; a caller asks for the licence (许可证) without 申请.
    for text in ("港口经营许可证怎么办", "港口经营许可"):
        assert _ranked(split_store, text)[0] == (1, "临江市", "临江市交通运输局", False, CITY_ONLY)
    # Words the matter shares with other work (经营, 许可) name none of them; nor do a matter's words when they are
    # all such words and paperwork (许可证补办, 市级专有): the district's department stays first, no note said.
    for text in ("经营许可证怎么办", "许可证丢了想补办"):
        assert _ranked(split_store, text) == [(1, DISTRICT, "东浦区交通运输局", False, ""), (2, *TOWNSHIP)]


def test_a_county_only_matter_stays_in_the_district(split_store: Store) -> None:
    text = "机动车维修经营备案去哪里办"
    assert _ranked(split_store, text) == [(1, DISTRICT, "东浦区交通运输局", False, COUNTY_ONLY), (2, *TOWNSHIP)]
    # Before the rule dispatch sent it up: the district's department weak (5.2), the city's sure (15.7).
    [row] = dispatch(split_store, [Complaint(line=2, text=text, region="东浦区")], region=None).rows
    assert (row["region"], row["department"], row["note"], row["power_split"]) == (
        DISTRICT, "东浦区交通运输局", "", COUNTY_ONLY)


def test_a_shared_or_delegated_matter_stays_in_the_district_saying_so(split_store: Store) -> None:
    # 公路养护管理 (市县共有): the 备注 divides the work (市管公路…，县管公路…); 管理 is no word of it a caller must say.
    for text in ("公路养护管理不到位", "公路养护不到位"):
        assert _ranked(split_store, text) == [(1, DISTRICT, "东浦区交通运输局", False, SHARED)]
    # 机动车驾驶员培训机构备案: the city 委托 its counties.
    assert _ranked(split_store, "机动车驾驶员培训机构备案要什么材料") == [
        (1, DISTRICT, "东浦区交通运输局", False, DELEGATED)]


def test_a_county_only_matter_asked_of_the_city_needs_the_county(split_store: Store) -> None:
    # Before the rule the city's 交通运输局 came first with no note (its 机动车维修经营备案 duty, weak).
    text = "机动车维修经营备案去哪里办"
    assert _city_rows(split_store, text) == [
        (1, "临江市/西岭县", "西岭县交通运输局", False, True, COUNTY_ONLY_ASKED_OF_CITY),
        (2, DISTRICT, "东浦区交通运输局", False, True, COUNTY_ONLY_ASKED_OF_CITY)]
    # A county named is the one.
    assert _city_rows(split_store, "西岭县" + text) == [
        (1, "临江市/西岭县", "西岭县交通运输局", False, False,
         f"机动车维修经营备案为县级专有事项，临江市的部门无此权责事项，由西岭县交通运输局办理（{LIST}编号2（第3行））")]
    # Dispatch of the city's calls marks it for the county to be found.
    [row] = dispatch(split_store, [Complaint(line=2, text=text, region="")], region=CITY).rows
    assert (row["region"], row["department"], row["place_unnamed"], row["power_split"]) == (
        "临江市/西岭县", "西岭县交通运输局", True, COUNTY_ONLY_ASKED_OF_CITY)


def test_a_delegated_matter_asked_of_the_city_needs_the_county(split_store: Store) -> None:
    """The city 委托 its counties the work: a city dispatcher sends it to the county where it happened, as a
    county-only matter. Before, the city's ranking stood with no note (临江市交通运输局 alone)."""
    text = "机动车驾驶员培训机构备案要什么材料"
    assert _city_rows(split_store, text) == [
        (1, DISTRICT, "东浦区交通运输局", False, True, DELEGATED_ASKED_OF_CITY),
        (2, "临江市/西岭县", "西岭县交通运输局", False, True, DELEGATED_ASKED_OF_CITY)]
    # A county named is the one.
    assert _city_rows(split_store, "西岭县" + text) == [
        (1, "临江市/西岭县", "西岭县交通运输局", False, False,
         f"机动车驾驶员培训机构备案为委托事项，临江市委托西岭县实施，由西岭县交通运输局办理（{LIST}编号4（第5行））")]
    [row] = dispatch(split_store, [Complaint(line=2, text=text, region="")], region=CITY).rows
    assert (row["region"], row["department"], row["place_unnamed"], row["power_split"]) == (
        DISTRICT, "东浦区交通运输局", True, DELEGATED_ASKED_OF_CITY)


def test_the_city_only_note_names_the_district_when_its_township_ranked_first(split_store: Store) -> None:
    # Naming 江口街道, whose 属地 row meets the rest of the text, the township ranks first in the district; the note
    # says the district's departments hold no such power, not the township's region.
    text = "江口街道港区周边流动摊贩乱摆，港口经营许可证怎么办"
    assert _ranked(split_store, text.split("，")[0])[0] == (1, *TOWNSHIP)
    assert _ranked(split_store, text) == [
        (1, "临江市", "临江市交通运输局", False, CITY_ONLY), (2, *TOWNSHIP), (3, DISTRICT, "东浦区交通运输局", False, "")]


def test_dispatch_sends_a_city_only_matter_up_saying_why(split_store: Store) -> None:
    [row] = dispatch(split_store, [Complaint(line=2, text="东浦区码头有人办港口经营许可被拖着不批", region="东浦区")],
                     region=None).rows
    assert (row["region"], row["department"], row["note"], row["power_split"]) == (
        "临江市", "临江市交通运输局", "", CITY_ONLY)


def test_a_city_only_or_shared_matter_asked_of_the_city_is_noted_on_the_city_s_row(split_store: Store) -> None:
    # The city's ranking stands (its 交通运输局 the only department ranked, as before, when no note was said); its
    # row says the city holds the matter alone, or shares it with the counties the list names and how.
    assert _city_rows(split_store, "港口经营许可证怎么办") == [
        (1, "临江市", "临江市交通运输局", False, False, CITY_ONLY_ASKED_OF_CITY)]
    for text in ("公路养护管理不到位", "公路养护不到位"):
        assert _city_rows(split_store, text) == [(1, "临江市", "临江市交通运输局", False, False, SHARED_ASKED_OF_CITY)]
    [row] = dispatch(split_store, [Complaint(line=2, text="公路养护不到位", region="")], region=CITY).rows
    assert (row["region"], row["department"], row["place_unnamed"], row["power_split"]) == (
        "临江市", "临江市交通运输局", False, SHARED_ASKED_OF_CITY)


def test_what_the_rule_leaves_alone(split_store: Store) -> None:
    # The matter's object alone (码头) names no matter.
    assert _ranked(split_store, "码头上有人乱堆货物")[0][1:] == (DISTRICT, "东浦区交通运输局", False, "")
    # Words only of the kinds of work and paperwork (许可证补办, 市级专有) name no matter there either.
    assert _city_rows(split_store, "许可证丢了想补办") == [(1, "临江市", "临江市交通运输局", False, False, "")]


def test_a_complaint_about_conduct_names_no_approval_matter(split_store: Store) -> None:
    # 审管分离: checking how a licence is kept to, or a licensee's conduct, is not the licence's approval, whose
    # 市级专有 level would send an inspection up to the city (it did, once the paperwork words were dropped).
    for text in ("港口经营许可证执行情况的检查", "取得港口经营许可的企业在码头违规堆放货物"):
        assert [row[:3] for row in _ranked(split_store, text)] == [
            (1, DISTRICT, "东浦区交通运输局"), (2, *TOWNSHIP[:2])], text
        assert all(row[4] == "" for row in _ranked(split_store, text)), text


@pytest.fixture(scope="module")
def unloaded_county_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The corpus with 西岭县's 教育局 in place of its 交通运输局: the split's 全部 rows give 西岭县 the county-only
    matter, but no department of the county is known to do it."""
    from ingest.pipeline import ingest

    files = [path for path in sorted(CORPUS.iterdir()) if path.name != "xiling_jiaotong.txt"]
    store = open_store(f"embedded:{tmp_path_factory.mktemp('split-unloaded-store')}")
    assert ingest([*files, CORPUS.parent / "split_county_unloaded" / "xiling_jiaoyu.txt"], store).failed == []
    yield store
    store.close()


def test_a_county_holding_the_matter_without_a_known_department_still_needs_the_place(
        unloaded_county_store: Store) -> None:
    # 西岭县 holds 机动车维修经营备案 by the list, though its 交通运输局 is not loaded: a call of the city may be
    # 西岭县's, so 东浦区's department is no sure answer (it came back with place_unnamed False, 由东浦区交通运输局办理).
    text = "机动车维修经营备案去哪里办"
    assert _city_rows(unloaded_county_store, text) == [
        (1, DISTRICT, "东浦区交通运输局", False, True, COUNTY_ONLY_ASKED_OF_CITY)]
    # Naming 西岭县, the complaint is never sent to 东浦区's department: the city's ranking stands, no note said.
    first = _city_rows(unloaded_county_store, "西岭县" + text)[0]
    assert first[1:3] + first[4:] == ("临江市", "临江市交通运输局", False, "")


def test_a_county_named_that_does_not_hold_the_matter_is_not_sent_to_another(split_store: Store) -> None:
    # 港口岸线巡查 is 县级专有 for 东浦区 alone (row 6): a complaint in 西岭县, which the list does not give it, is not
    # 东浦区's (it was routed there, 由东浦区交通运输局办理); the city's ranking stands, no note said.
    first = _city_rows(split_store, "西岭县港口岸线巡查不到位")[0]
    assert first[1:3] + first[4:] == ("临江市", "临江市交通运输局", False, "")
    # Named no county, 东浦区's department is the one holding it.
    assert _city_rows(split_store, "港口岸线巡查不到位")[0] == (
        1, DISTRICT, "东浦区交通运输局", False, False,
        f"港口岸线巡查为县级专有事项，临江市的部门无此权责事项，由东浦区交通运输局办理（{LIST}编号6（第7行））")
