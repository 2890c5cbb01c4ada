"""Department names as an analyst types them resolve as the ingest resolves a mention (user test 5, finding 4):
abbreviations and a region prefix, or an error listing the departments the name may mean."""

from __future__ import annotations

import pytest

from graph.store import Store
from queries.lookup import UnknownDepartment, find_department


@pytest.mark.parametrize(("typed", "department"), [
    ("市市场监管局", "示例市市场监督管理局"),  # an alias a document wrote: worked before
    ("青山县市场监管局", "青山县市场监督管理局"),  # region prefix and abbreviation
    ("示例市市场监管局", "示例市市场监督管理局"),
    ("市监局", "示例市市场监督管理局"),  # 市 as level marker and first character of 市场, as in a city document
    ("示例市城管局", "示例市城市管理和综合执法局"),
    ("河西区住建局", "河西区住房和城乡建设局"),
    ("示例市市场监督管理局", "示例市市场监督管理局"),  # a full name, as before
])
def test_a_short_name_resolves_to_one_department(corpus: Store, typed: str, department: str) -> None:
    assert find_department(corpus, typed)["name"] == department


@pytest.mark.parametrize("typed", ["市场监管局", "住建局", "市场监督管理局"])
def test_a_name_every_region_bears_lists_them(corpus: Store, typed: str) -> None:
    line = {"市场监管局": "市场监督管理局", "住建局": "住房和城乡建设局", "市场监督管理局": "市场监督管理局"}[typed]
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, typed)
    assert error.value.zh == (f"“{typed}”对应 3 个部门：河西区{line}、示例市{line}、青山县{line}，请写全称")


def test_a_region_filter_picks_the_regions_department(corpus: Store) -> None:
    assert find_department(corpus, "住建局", region="示例市/青山县")["name"] == "青山县住房和城乡建设局"
    assert find_department(corpus, "市场监管局", region="示例市")["name"] == "示例市市场监督管理局"
    # A region with no such department does not hide the others: the name is read from every region.
    with pytest.raises(UnknownDepartment, match="names 3 departments"):
        find_department(corpus, "市场监管局", region="示例市/青山县/不存在镇")


def test_an_unknown_name_is_still_unknown(corpus: Store) -> None:
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, "示例市宇宙局")
    assert error.value.zh == "未找到部门：示例市宇宙局"


def test_a_base_name_with_a_region_filter_is_that_regions(corpus: Store) -> None:
    assert find_department(corpus, "交通运输局", region="示例市/青山县")["name"] == "青山县交通运输局"
    # 水务局 is the city's own base name; 青山县水利局 shares only an abbreviation group with it.
    assert find_department(corpus, "水务局")["name"] == "示例市水务局"
