"""The store protocol, the same assertions on every engine."""

from __future__ import annotations

import pytest

from graph.store import ReadOnlyViolation, Statement, Store, StoreError, parse_store_uri

MERGE_DEPARTMENTS = "UNWIND $rows AS r MERGE (n:Department {uid: r.uid}) SET n += r.props"
MERGE_DUTIES = "UNWIND $rows AS r MERGE (n:Duty {uid: r.uid}) SET n += r.props"
LINK = ("UNWIND $rows AS r MATCH (a:Department {uid: r.from}) MATCH (b:Duty {uid: r.to}) "
        "MERGE (a)-[e:HAS_DUTY]->(b) SET e.source = r.source")


def test_write_then_read_with_parameters(store: Store) -> None:
    store.write(Statement(MERGE_DEPARTMENTS, [
        {"uid": "d1", "props": {"name": "示例市交通运输局", "aliases": ["市交通运输局", "市交通局"]}},
        {"uid": "d2", "props": {"name": "示例市公安局", "aliases": []}},
    ]))
    rows = store.read("MATCH (d:Department) WHERE d.name STARTS WITH $prefix RETURN d.uid AS uid, d.aliases AS aliases "
                      "ORDER BY uid", {"prefix": "示例市"})
    assert rows == [{"uid": "d1", "aliases": ["市交通运输局", "市交通局"]}, {"uid": "d2", "aliases": []}]


def test_batched_write_covers_every_row(store: Store) -> None:
    rows = [{"uid": f"u{i:04d}", "props": {"text": f"职责{i}"}} for i in range(2501)]
    store.write(Statement(MERGE_DUTIES, rows), batch_size=1000)
    assert store.read("MATCH (n:Duty) RETURN count(n) AS c") == [{"c": 2501}]


def test_atomic_write_creates_nodes_and_the_edges_between_them(store: Store) -> None:
    store.write_atomic([
        Statement(MERGE_DEPARTMENTS, [{"uid": "d1", "props": {"name": "甲局"}}]),
        Statement(MERGE_DUTIES, [{"uid": "u1", "props": {"text": "负责甲"}}, {"uid": "u2", "props": {"text": "负责乙"}}]),
        Statement(LINK, [{"from": "d1", "to": "u1", "source": "doc#1"}, {"from": "d1", "to": "u2", "source": "doc#2"}]),
    ])
    rows = store.read("MATCH (d:Department)-[e:HAS_DUTY]->(u:Duty) RETURN d.uid AS d, u.uid AS u, e.source AS s "
                      "ORDER BY u")
    assert rows == [{"d": "d1", "u": "u1", "s": "doc#1"}, {"d": "d1", "u": "u2", "s": "doc#2"}]


CREATE_MISSING = ("UNWIND $rows AS r OPTIONAL MATCH (n:Duty {uid: r.uid}) WITH r, n WHERE n IS NULL "
                  "CREATE (:Duty {uid: r.uid})")


def test_atomic_write_returns_what_each_statement_collected(store: Store) -> None:
    store.write(Statement(MERGE_DUTIES, [{"uid": "u1", "props": {"text": "负责甲"}}]))
    values = store.write_atomic([
        Statement(CREATE_MISSING, [{"uid": "u1"}, {"uid": "u2"}], collect="r.uid"),
        # A statement that matches nothing, then one without rows: the values collected before them survive.
        Statement("UNWIND $rows AS r MATCH (n:Duty {uid: r.uid}) SET n.text = r.text", [{"uid": "none", "text": "x"}]),
        Statement(CREATE_MISSING, [], collect="r.uid"),
        Statement(MERGE_DEPARTMENTS, [{"uid": "d1", "props": {"name": "甲局"}}]),
        Statement(CREATE_MISSING, [{"uid": "u2"}, {"uid": "u3"}, {"uid": "u4"}], collect="r.uid"),
        Statement(LINK, [{"from": "d1", "to": "u3", "source": "doc#1"}]),
    ])
    # u2 was created by the first statement, so the last one finds it there.
    assert [sorted(value) for value in values] == [["u2"], [], [], [], ["u3", "u4"], []]
    assert store.read("MATCH (n:Duty) RETURN n.uid AS uid ORDER BY uid") == [
        {"uid": "u1"}, {"uid": "u2"}, {"uid": "u3"}, {"uid": "u4"}]
    assert store.read("MATCH (:Department)-[e:HAS_DUTY]->(u:Duty) RETURN u.uid AS u") == [{"u": "u3"}]


def test_atomic_write_is_all_or_nothing(store: Store) -> None:
    store.write(Statement(MERGE_DEPARTMENTS, [{"uid": "kept", "props": {"name": "原有部门"}}]))
    failing = Statement("UNWIND $rows AS r MERGE (n:Duty {uid: r.uid}) SET n.bad = 1 / r.zero", [{"uid": "x", "zero": 0}])
    with pytest.raises(StoreError):
        store.write_atomic([Statement(MERGE_DEPARTMENTS, [{"uid": "new", "props": {"name": "新部门"}}]), failing])
    assert store.read("MATCH (n) RETURN n.uid AS uid ORDER BY uid") == [{"uid": "kept"}]


def test_merge_is_idempotent(store: Store) -> None:
    statement = Statement(MERGE_DEPARTMENTS, [{"uid": "d1", "props": {"name": "甲局"}}])
    store.write_atomic([statement])
    store.write_atomic([statement])
    assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 1}]


def test_unique_uid_constraint_is_enforced(store: Store) -> None:
    store.write(Statement("UNWIND $rows AS r CREATE (n:Department {uid: r.uid})", [{"uid": "dup"}]))
    with pytest.raises(StoreError):
        store.write(Statement("UNWIND $rows AS r CREATE (n:Department {uid: r.uid})", [{"uid": "dup"}]))


def test_apply_schema_twice_is_harmless(store: Store) -> None:
    store.apply_schema()
    store.apply_schema()
    assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def test_read_refuses_writes_by_the_engine(store: Store) -> None:
    with pytest.raises(ReadOnlyViolation):
        store.read("CREATE (:Department {uid: 'sneaky'})")
    with pytest.raises(ReadOnlyViolation):
        store.read("MATCH (n) DETACH DELETE n")
    assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def test_bad_cypher_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.read("MATCH (n RETURN n")


@pytest.mark.parametrize(("cypher", "kind"), [
    ("MATCH (n RETURN n", "Cypher 语法有误（第 1 行第 10 列附近）"),
    ("MATCH (n) RETURN foo(n)", "没有名为 foo 的函数"),
    ("MATCH (n) RETURN m", "变量 m 未定义"),
    ("RETURN $x AS x", "缺少查询参数"),
])
def test_a_failed_query_is_explained_in_chinese(store: Store, cypher: str, kind: str) -> None:
    with pytest.raises(StoreError) as caught:
        store.read(cypher)
    engine_words = str(caught.value).removeprefix("query failed: ")
    assert caught.value.zh.startswith(f"查询失败：{kind}（图数据库原文：")
    assert engine_words in caught.value.zh


def test_falkordb_s_refusal_of_a_chinese_alias_says_to_use_backticks(embedded_store: Store) -> None:
    # FalkorDB stops at the alias's first byte, shown as U+FFFD, and said nothing more (user test); Neo4j takes
    # `AS 数量` as it is, and backticks serve on both.
    with pytest.raises(StoreError) as caught:
        embedded_store.read("RETURN 1 AS 数量")
    assert str(caught.value).endswith("errCtxOffset: 12 (a name in Chinese must be in backticks: AS `部门`)")
    assert caught.value.zh.startswith("查询失败：Cypher 语法有误（第 1 行第 13 列附近）：中文的别名或变量名须用反引号括起，"
                                      "如 AS `部门`（图数据库原文：errMsg: Invalid input '\ufffd'")
    assert embedded_store.read("RETURN 1 AS `数量`") == [{"数量": 1}]


def test_clear_removes_everything(store: Store) -> None:
    store.write(Statement(MERGE_DEPARTMENTS, [{"uid": "d1", "props": {"name": "甲局"}}]))
    store.clear()
    assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def test_nodes_come_back_as_property_maps(store: Store) -> None:
    store.write(Statement(MERGE_DEPARTMENTS, [{"uid": "d1", "props": {"name": "甲局"}}]))
    assert store.read("MATCH (d:Department) RETURN d") == [{"d": {"_labels": ["Department"], "uid": "d1", "name": "甲局"}}]


@pytest.mark.parametrize(("uri", "scheme", "detail"), [
    ("embedded:./data", "embedded", "data"),
    ("falkordb://db.local:6380/g", "falkordb", "db.local:6380/g"),
    ("neo4j://neo4j:secret@localhost:7687", "neo4j", "neo4j://localhost:7687"),
    ("bolt://localhost", "neo4j", "bolt://localhost"),
])
def test_store_uris(uri: str, scheme: str, detail: str) -> None:
    spec = parse_store_uri(uri)
    assert spec.scheme == scheme
    rendered = {"embedded": str(spec.path), "falkordb": f"{spec.host}:{spec.port}/{spec.graph}", "neo4j": spec.url}
    assert rendered[scheme] == detail


def test_unknown_store_uri_is_explained() -> None:
    with pytest.raises(StoreError, match="not understood") as refused:
        parse_store_uri("mysql://x")
    # Said in Chinese as what it is, not as a database error quoting the English.
    assert refused.value.zh == "无法识别图数据库地址 mysql://x：应为 embedded:文件夹、falkordb://主机:端口 或 neo4j://用户:密码@主机:端口"


# Values whose writing as parameters is easy to get wrong: quotes, backslashes (also before n and u), line
# breaks, control characters, characters outside the BMP, a string that looks like a map key, nested maps.
AWKWARD_VALUES = [
    "他说：\"负责\"\\监管", "end\\", "\\n is not a line break", "\\u0041 is not A", "第一行\n第二行\t\r",
    "ctl\x01\x1f\x7f", "\u2028\U0001f600", "", ',"k":', "`tick` and 'apostrophe'", "{\"uid\":1}",
]


def test_awkward_values_come_back_as_written(store: Store) -> None:
    value = {"texts": AWKWARD_VALUES, "nested": {"score": 1.5e-05, "flag": True, "none": None, "count": -3,
                                                  "list": [[], ["a"], {"k": "v"}]}}
    assert store.read("RETURN $value AS value", {"value": value}) == [{"value": value}]
    store.write(Statement(MERGE_DUTIES, [{"uid": f"u{i}", "props": {"text": text}}
                                         for i, text in enumerate(AWKWARD_VALUES)]))
    rows = store.read("MATCH (n:Duty) RETURN n.uid AS uid, n.text AS text ORDER BY uid")
    assert rows == sorted(({"uid": f"u{i}", "text": text} for i, text in enumerate(AWKWARD_VALUES)),
                          key=lambda row: row["uid"])
