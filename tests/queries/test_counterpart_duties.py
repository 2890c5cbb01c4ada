"""counterpart_duties on the sample corpus: a county department's duties one by one beside its city counterpart's,
what the county mirrored, stated alone or left out."""

from __future__ import annotations

import pytest

from graph.store import Store
from queries.lookup import UnknownDepartment
from queries.registry import run_analysis
from queries.sources import document_titles, with_readable_sources


def _compact(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(row["county_department"], row["relation"], row["county_ordinal"], row["city_ordinal"], row["score"])
            for row in rows]


def test_a_county_department_beside_its_city_counterpart(corpus: Store) -> None:
    rows = run_analysis(corpus, "counterpart_duties", {"department": "青山县市场监督管理局"})
    county = "青山县市场监督管理局"
    # Each of its duties (12, 交办的其他任务, is boilerplate) with the city's nearest, then the city's no county duty
    # comes near: 广告, 宏观质量, 食品生产许可, 食用农产品市场销售 … (16, the city's 交办的其他任务, left out too).
    assert _compact(rows) == [
        (county, "mirrored", 1, 4, 0.569), (county, "mirrored", 2, 2, 0.991),
        (county, "county_only", 3, 3, 0.234), (county, "mirrored", 4, 8, 0.975),
        (county, "mirrored", 5, 9, 0.936), (county, "mirrored", 6, 7, 0.875),
        (county, "mirrored", 7, 13, 0.953), (county, "mirrored", 8, 14, 0.873),
        (county, "county_only", 9, 15, 0.106), (county, "mirrored", 10, 15, 0.956),
        (county, "county_only", 11, 4, 0.14),
        (county, "city_only", None, 1, None), (county, "city_only", None, 3, None),
        (county, "city_only", None, 5, None), (county, "city_only", None, 6, None),
        (county, "city_only", None, 10, None), (county, "city_only", None, 12, None)]
    assert rows[1] == {
        "county_department": county, "county": "示例市/青山县", "city_department": "示例市市场监督管理局",
        "relation": "mirrored", "county_ordinal": 2,
        "county_duty": "负责全县市场主体登记注册工作。办理企业、农民专业合作社和个体工商户登记注册，归集公示市场主体信用信息。",
        "city_ordinal": 2,
        "city_duty": "负责市场主体统一登记注册。承担全市企业、农民专业合作社、个体工商户等市场主体登记注册的组织指导工作，"
                     "归集并依法公示企业信用信息，实施经营异常名录和严重违法失信名单管理，推进以信用为基础的新型监管。",
        "score": 0.991, "county_source": rows[1]["county_source"], "city_source": rows[1]["city_source"]}
    # People read both sources by their documents' titles; a city_only row has no county side.
    titles = document_titles(corpus)
    cited = [(row["county_source"], row["city_source"]) for row in with_readable_sources([rows[1], rows[-1]], titles)]
    assert cited == [("《青山县市场监督管理局职能配置、内设机构和人员编制规定》第三条(二)",
                      "《示例市市场监督管理局职能配置、内设机构和人员编制规定》第三条(二)"),
                     ("", "《示例市市场监督管理局职能配置、内设机构和人员编制规定》第三条(十二)")]


def test_a_city_department_is_compared_with_each_county_that_mirrors_it(corpus: Store) -> None:
    rows = run_analysis(corpus, "counterpart_duties", {"department": "示例市交通运输局"})
    by_county = {(row["county_department"], row["relation"]) for row in rows}
    assert sorted(by_county) == [
        ("河西区交通运输局", "city_only"), ("河西区交通运输局", "county_only"), ("河西区交通运输局", "mirrored"),
        ("青山县交通运输局", "city_only"), ("青山县交通运输局", "county_only"), ("青山县交通运输局", "mirrored")]
    assert [(row["relation"], row["county_ordinal"], row["city_ordinal"], row["score"]) for row in rows
            if row["county_department"] == "青山县交通运输局"] == [
        ("mirrored", 1, 1, 0.729), ("county_only", 2, 10, 0.384), ("mirrored", 3, 4, 0.517),
        ("mirrored", 4, 7, 0.988), ("mirrored", 5, 8, 0.928), ("mirrored", 6, 6, 0.773),
        ("mirrored", 7, 10, 0.9), ("county_only", 8, 10, 0.159), ("mirrored", 9, 13, 0.981),
        ("county_only", 10, 2, 0.06), ("city_only", None, 3, None), ("city_only", None, 5, None),
        ("city_only", None, 9, None), ("city_only", None, 11, None), ("city_only", None, 12, None)]


def test_the_threshold_decides_what_is_mirrored(corpus: Store) -> None:
    rows = run_analysis(corpus, "counterpart_duties", {"department": "青山县市场监督管理局", "threshold": "0.9"})
    assert [(row["relation"], row["county_ordinal"], row["city_ordinal"]) for row in rows] == [
        ("county_only", 1, 4), ("mirrored", 2, 2), ("county_only", 3, 3), ("mirrored", 4, 8), ("mirrored", 5, 9),
        ("county_only", 6, 7), ("mirrored", 7, 13), ("county_only", 8, 14), ("county_only", 9, 15),
        ("mirrored", 10, 15), ("county_only", 11, 4), ("city_only", None, 1), ("city_only", None, 3),
        ("city_only", None, 4), ("city_only", None, 5), ("city_only", None, 6), ("city_only", None, 7),
        ("city_only", None, 10), ("city_only", None, 11), ("city_only", None, 12), ("city_only", None, 14)]


def test_no_counterpart_no_rows_and_an_unknown_department_is_an_error(corpus: Store) -> None:
    # 示例市公安局 has no county counterpart in the corpus.
    assert run_analysis(corpus, "counterpart_duties", {"department": "示例市公安局"}) == []
    with pytest.raises(UnknownDepartment):
        run_analysis(corpus, "counterpart_duties", {"department": "青山县宇宙局"})
