"""The Chinese reading of engine errors in the wording the embedded engine does not use: Neo4j's (the embedded
FalkorDB's own wording is checked against the engine itself in test_store.py)."""

from __future__ import annotations

import pytest

from graph.engine_errors import explain


@pytest.mark.parametrize(("message", "kind"), [
    ("Neo.ClientError.Statement.SyntaxError Invalid input 'RETURN': expected \"(\" or \")\" (line 1, column 10 "
     "(offset: 9))\n\"MATCH (n RETURN n\"\n          ^", "Cypher 语法有误（第 1 行第 10 列附近）"),
    ("Neo.ClientError.Statement.SyntaxError Variable `m` not defined (line 1, column 18 (offset: 17))",
     "变量 m 未定义"),
    ("Neo.ClientError.Statement.SyntaxError Unknown function 'foo' (line 1, column 18 (offset: 17))",
     "没有名为 foo 的函数"),
    ("Neo.ClientError.Statement.ParameterMissing Expected parameter(s): x", "缺少查询参数"),
    ("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration The transaction has been terminated.",
     "查询超过时间限制，已中止"),
    ("Neo.ClientError.Statement.ArithmeticError / by zero", "除数为零"),
])
def test_neo4j_wording_is_explained(message: str, kind: str) -> None:
    assert explain(message) == f"{kind}（图数据库原文：{message}）"


def test_an_unknown_message_is_still_shown() -> None:
    assert explain("something new") == "图数据库报错（原文：something new）"
