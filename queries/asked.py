"""What an exported answer was asked, so that a file kept apart from the product (attached to a case file) stands on
its own: the question, each parameter as given and as the graph read it, what the graph held, when and by what.

The routes and the command line fill one `Asked`; the writers (queries.export, queries.word) lay it out as the
查询条件 sheet of a workbook and the 查询条件 block of a report. Its time is `SOURCE_DATE_EPOCH`'s where that is set
(the reproducible-builds convention), so that two exports of one answer are the same bytes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from graph.store import Row, Store
from queries import catalog
from queries.catalog import QueryError
from queries.labels import SCOPE_LABELS, SHARE_LABELS, param_label

if TYPE_CHECKING:
    from queries.report import Section

ASKED_TITLE = "查询条件"
_CODES = {**SCOPE_LABELS, **SHARE_LABELS}  # a parameter's code with the words people know it by


@dataclass(frozen=True)
class Given:
    """One parameter: `value` as typed, and `read_as` what the graph read it as where that differs (市监局 →
    示例市市场监督管理局, 河西区 → 示例市/河西区): the answer is the read one's, which the caller may not have meant."""

    name: str
    value: str
    read_as: str = ""
    default: bool = False  # not given: the value the answer took by default (相似度阈值 0.5（默认）)

    def text(self) -> str:
        shown = f"{self.value}（{_CODES[self.value]}）" if self.value in _CODES else self.value
        if self.default:
            return f"{shown}（默认）"
        return f"{shown}（读作：{self.read_as}）" if self.read_as and self.read_as != self.value else shown


@dataclass(frozen=True)
class Asked:
    answer: str  # the English name: who_handles, report, department_duties …
    title: str  # the answer's Chinese title
    given: tuple[Given, ...]
    held: str  # the graph's documents when it answered
    version: str  # the graph's write counter: two files of one version were answered by the same graph
    at: datetime  # when the file was written (timezone-aware)
    tool: str  # dutygraph and its version
    notes: tuple[tuple[str, str], ...] = ()  # rows of the answer's own (the report: the documents it rests on)

    def rows(self) -> list[Row]:
        """The block's rows, 项目 and 内容, in the order people read them."""
        pairs = [("查询", f"{self.title}（{self.answer}）")]
        pairs += [(param_label(given.name), given.text()) for given in self.given] or [("参数", "未指定（按默认）")]
        pairs += [*self.notes, ("图谱", self.held), ("图谱版本", self.version), ("导出时间", exported_text(self.at)),
                  ("导出工具", self.tool)]
        return [{"asked_item": item, "asked_value": value} for item, value in pairs]

    def section(self) -> Section:
        from queries.report import Section

        return Section("asked", ASKED_TITLE, ["asked_item", "asked_value"], self.rows())


def asked(store: Store, answer: str, title: str, given: Iterable[Given], at: datetime,
          notes: Sequence[tuple[str, str]] = ()) -> Asked:
    """The question of an answer of `store`, with what the graph holds now (call it beside the answer's query)."""
    [state] = catalog.run(store, "graph_state")
    held = f"已载入文件 {state['documents']} 份"
    if state["latest_issued"]:
        held += f"，最新印发日期 {state['latest_issued']}"
    # The graph records no time of its last ingest, only a counter every write bumps, drawn anew with each graph.
    version = f"第 {state['version']} 次写入（图谱编号 {str(state['epoch'])[:8]}）" if state["version"] else "空图谱"
    return Asked(answer, title, tuple(given), held, version, at, f"dutygraph {tool_version()}", tuple(notes))


def given_values(pairs: Iterable[tuple[str, object]], readings: dict[str, str] | None = None,
                 defaults: Iterable[tuple[str, object]] = ()) -> tuple[Given, ...]:
    """Parameters as given (`None` and empty ones were not given), each with its reading from `readings` (by name);
    then each of `defaults` (the answer's parameters with the value each takes when not given) that was not given
    and has a value, marked as a default: a file must say the 相似度阈值 0.5 its answer used, not only what was typed.
    A default of none (no region: every region) is no value the answer used."""
    readings = readings or {}
    given = tuple(Given(name, str(value), readings.get(name, "")) for name, value in pairs
                  if value is not None and str(value).strip())
    named = {item.name for item in given}
    return given + tuple(Given(name, _default_text(value), default=True) for name, value in defaults
                         if name not in named and value is not None and str(value).strip())


def _default_text(value: object) -> str:
    """A default as people read it: a switch as 是 or 否, a number without a float's trailing `.0`."""
    if isinstance(value, bool):
        return "是" if value else "否"
    return f"{value:g}" if isinstance(value, float) else str(value)


def cypher_given(query: str, params: Mapping[str, object], cut_at: int | None = None) -> list[tuple[str, object]]:
    """An ad-hoc query's question: its text, its parameters, and the row limit where it cut the answer (a file of the
    first 1,000 rows must not read as all of them)."""
    written = json.dumps(dict(params), ensure_ascii=False, sort_keys=True) if params else None
    return [("query", query), ("params", written),
            ("row_limit", f"结果超过 {cut_at} 行，只含前 {cut_at} 行" if cut_at is not None else None)]


def query_title(answer: str, question: str) -> str:
    """A named query's question as its title: the Chinese before its English gloss."""
    return question.split(" (")[0] if question else answer


def export_time(source_date_epoch: str | None) -> datetime:
    """`SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as the export's time, else now: the reproducible-builds convention
    that tools stamp their output with the time it names, so that the same input gives the same bytes."""
    if source_date_epoch is None or not source_date_epoch.strip():
        return datetime.now(UTC).replace(microsecond=0)
    try:
        seconds = int(source_date_epoch.strip())
        if seconds < 0:
            raise ValueError(source_date_epoch)
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise QueryError(f"SOURCE_DATE_EPOCH={source_date_epoch!r}: expected whole seconds since 1970-01-01 UTC "
                         "(e.g. 1714521600), or leave it unset for the current time",
                         f"环境变量 SOURCE_DATE_EPOCH={source_date_epoch}：应为自 1970-01-01（UTC）起的整数秒数"
                         "（如 1714521600），或不设置（取当前时间）") from exc


def exported_text(at: datetime) -> str:
    """The time in the machine's own zone with its offset (北京时间 reads +08:00), so that it is never ambiguous."""
    local = at.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S}（UTC{offset[:3]}:{offset[3:]}）"


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dutygraph")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"
