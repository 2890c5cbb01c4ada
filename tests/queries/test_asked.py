"""The parameters of an exported answer's 查询条件: those given, then the defaults the answer used, marked 默认."""

from __future__ import annotations

from queries.asked import Given, given_values


def test_defaults_follow_the_given_ones_and_only_those_with_a_value() -> None:
    values = given_values([("text", "噪声扰民"), ("region", None), ("limit", "")],
                          defaults=[("text", ""), ("limit", 5), ("threshold", 0.5), ("region", None),
                                    ("parties", False), ("scope", "departments")])
    # `limit` given empty was not given: its default stands; `region`'s default of none is no value it used.
    assert values == (Given("text", "噪声扰民"), Given("limit", "5", default=True),
                      Given("threshold", "0.5", default=True), Given("parties", "否", default=True),
                      Given("scope", "departments", default=True))
    assert [value.text() for value in values] == ["噪声扰民", "5（默认）", "0.5（默认）", "否（默认）",
                                                  "departments（同级部门）（默认）"]
