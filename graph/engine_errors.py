"""What a graph engine's error means, in Chinese, for the people who read it: FalkorDB and Neo4j answer a bad
query in English, each in its own words. The engine's own message is kept beside the explanation (it names the
exact token), so an unrecognised one still reads as 图数据库报错 with the original after it."""

from __future__ import annotations

import re

# (pattern over the engine's message, Chinese explanation); the first that matches wins. Named groups fill the
# explanation's {fields}. Patterns cover both engines' wording: FalkorDB's `errMsg: Invalid input … line: 1,
# column: 10` and Neo4j's `Invalid input … (line 1, column 10 (offset: 9))`.
_PATTERNS = (
    (r"timed? ?out|TransactionTimedOut", "查询超过时间限制，已中止"),
    # FalkorDB reads identifiers as ASCII: a Chinese alias or variable stops it at its first byte, which it echoes
    # as U+FFFD. Neo4j takes them as they are; backticks serve on both.
    (r"Invalid input '\ufffd'.*?line:? (?P<line>\d+), column:? (?P<column>\d+)",
     "Cypher 语法有误（第 {line} 行第 {column} 列附近）：中文的别名或变量名须用反引号括起，如 AS `部门`"),
    (r"Invalid input .*?line:? (?P<line>\d+), column:? (?P<column>\d+)",
     "Cypher 语法有误（第 {line} 行第 {column} 列附近）"),
    (r"Unknown function '?`?(?P<name>[\w.]+)", "没有名为 {name} 的函数"),
    (r"Variable `(?P<name>\w+)` not defined|'(?P<name2>\w+)' not defined", "变量 {name} 未定义"),
    (r"Missing parameters?|ParameterMissing|Expected parameter\(s\): (?P<name>[\w, ]+)", "缺少查询参数{name}"),
    (r"Received \d+ arguments? to function '(?P<name>\w+)'", "函数 {name} 的参数个数不对"),
    (r"Type ?mismatch|TypeError", "值的类型不符"),
    (r"Division by zero|ArithmeticError|/ by zero", "除数为零"),
    (r"Unknown (?:label|relationship type|property)|UnknownLabel|UnknownPropertyKey",
     "图中没有这个标签、关系类型或属性"),
    (r"SyntaxError|Invalid input|syntax error", "Cypher 语法有误"),
    (r"memory|mem consumption", "查询所需内存超过图数据库的限制"),
)
_KINDS = tuple((re.compile(pattern, re.IGNORECASE | re.DOTALL), zh) for pattern, zh in _PATTERNS)


def english_hint(message: str) -> str:
    """What to do about an error, in English, where the engine's own words do not say it; else nothing."""
    if "Invalid input '\ufffd'" in message:
        return " (a name in Chinese must be in backticks: AS `部门`)"
    return ""


def explain(message: str) -> str:
    """`message`'s kind in Chinese, followed by the engine's own words."""
    for pattern, zh in _KINDS:
        found = pattern.search(message)
        if found:
            fields = {key: value for key, value in found.groupdict().items() if value}
            if "name2" in fields:
                fields["name"] = fields.pop("name2")
            if "name" in fields and zh.startswith("缺少"):
                fields["name"] = f"：{fields['name']}"
            return f"{zh.format_map(_Blank(fields))}（图数据库原文：{message}）"
    return f"图数据库报错（原文：{message}）"


class _Blank(dict[str, str]):
    """A field the message did not give is left out of the explanation."""

    def __missing__(self, key: str) -> str:
        return ""
