"""Answers written out: tables for people at a terminal, and the files (JSON, CSV, Excel) the API answers."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.table import Table

from api.cli.common import Format, err, misuse, out
from graph.os_reasons import os_reason_zh
from queries.labels import SECTOR_RULE_KIND_LABELS, column_label

if TYPE_CHECKING:
    from queries.asked import Asked
    from queries.report import Section


def answer_file(answer: str, result: Any, format: Format, table: str | None = None,
                columns: list[str] | None = None, asked: Asked | None = None) -> bytes:
    """The CSV or Excel file the API answers for the same answer (api.tabular): the same tables, sheets, columns,
    Chinese titles and cells, and, in Excel, the same 查询条件 (`asked`). `result`'s sources must already read as
    titles."""
    from api.tabular import TABLE_TITLES, file_bytes, file_name, list_section

    if answer in TABLE_TITLES:
        sections = [section for _name, section in named_sections(answer, result, table)]
    else:
        sections = [list_section(answer, result, columns)]
    return file_bytes(format.value, sections, file_name(answer, table), asked=asked)


def named_sections(answer: str, result: Mapping[str, Any], table: str | None) -> list[tuple[str, Section]]:
    """An answer of several tables as its file's tables (all, or the one `table` names), each with its name."""
    from api.tabular import TABLE_TITLES, file_tables, table_sections  # loads FastAPI: not for a list answer

    names = [table] if table else list(TABLE_TITLES[answer])
    return list(zip(names, table_sections(answer, file_tables(answer, result), names), strict=True))


def write_output(data: bytes, output: Path | None) -> None:
    """To the file, or as bytes to stdout (a CSV's BOM and line ends as the file has them)."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        misuse(f"cannot write {output}: {exc.strerror}", f"无法写入 {output}：{os_reason_zh(exc)}")
    err.print(f"wrote {output}")


def write_json(value: Any, output: Path | None) -> None:
    write_output((json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode(), output)


def print_result(result: Any, *, title: str, columns: list[str], answer: str, table: str | None) -> None:
    """An answer for people at a terminal: a list as one table; an answer of several tables as its file's tables
    (the same rows, columns and Chinese titles), each titled with the name `--table` takes, an empty one (无)."""
    if isinstance(result, list):
        if not result:
            out.print(title)
        if answer == "who_handles" and result:
            _print_ranking(result, title=title)
            return
        print_rows(result, columns or columns_of(result), title=title, answer=answer)
        return
    out.rule(title)
    for name, section in named_sections(answer, result, table):
        if len(section.rows) == 1 and section.key in _STACKED:
            _print_stacked(section.rows[0], section.columns, title=f"{section.title} {name}", answer=section.key)
        elif section.rows:
            print_rows(section.rows, section.columns, title=f"{section.title} {name}", answer=section.key)
        else:
            out.print(f"{section.title} {name}：（无）")


# One row of many columns, printed a column a line (项目, 内容): department_profile's 20 facts side by side folded
# into columns two characters wide at an 80-column terminal, each cell a tall stack of single characters.
_STACKED = {"department_profile.facts"}


def _print_stacked(row: dict[str, Any], columns: list[str], *, title: str, answer: str) -> None:
    from queries.report import cell_text

    table = Table(title=title, show_lines=False)
    table.add_column("项目", no_wrap=True)
    table.add_column("内容", overflow="fold")
    for column in columns:
        table.add_row(column_label(column, answer), cell_text(row, column, answer))
    out.print(table)


def _print_ranking(rows: list[dict[str, Any]], *, title: str) -> None:
    """who_handles at a terminal: the ranking in one table, then each candidate's evidence a line each under it
    (user test: the evidence, wrapped in a column 25 characters wide, made the table unreadable)."""
    from queries.dispatch import NOTE_COLUMNS
    from queries.report import flat

    # A matter whose lead the documents leave unsettled is named in the table by its reason; what each document
    # says is listed under the candidate's evidence, as the evidence is, and so is a 行业主管's sector and the clause
    # of 管行业必须管安全 (a clause in a column made the table too wide for a terminal).
    # `township_unnamed` is what the 乡镇赋权说明 printed under the row says (由事发地乡镇（街道）…).
    # The overlap cluster's 编号 is in the note printed under the row.
    below = {"evidence", "township_unnamed", "place_unnamed", "overlap_cluster", "overlap_note", *NOTE_COLUMNS}
    print_rows([{key: flat(value["reason"]) if key == "lead_dispute" and value else value
                 for key, value in row.items() if key not in below} for row in rows],
               [column for column in columns_of(rows) if column not in below], title=title, answer="who_handles")
    for row in rows:
        out.print(f"{row['rank']}. {row['department']} {column_label('evidence', 'who_handles')}：", highlight=False)
        for evidence in row["evidence"]:
            where = f"（{evidence['office']}）" if evidence.get("office") else ""
            out.print(f"   · {flat(evidence['kind'])}{where}：{evidence['text'].rstrip('。')}。"
                      f"{evidence['source']}；{column_label('score', 'who_handles')}：{evidence['score']}",
                      highlight=False, soft_wrap=True)
        if row.get("lead_dispute"):
            dispute = row["lead_dispute"]
            out.print(f"   {flat(dispute['reason'])}：{dispute['matter']}", highlight=False)
            for claim in dispute["claims"]:
                out.print(f"   · {claim['source']}：牵头 {'、'.join(claim['leads']) or '（无）'}"
                          + (f"；属地主体责任 {'、'.join(claim['territorial_leads'])}"
                             if claim.get("territorial_leads") else "")
                          + (f"；配合 {'、'.join(claim['assists'])}" if claim["assists"] else ""),
                          highlight=False, soft_wrap=True)
            if dispute.get("newer_note"):  # which document is the newer, or why that is unknown
                out.print(f"   {dispute['newer_note']}", highlight=False, soft_wrap=True)
        if row.get("overlap_note"):  # the first two departments' duties in one overlaps cluster
            out.print(f"   {row['overlap_note']}", highlight=False, soft_wrap=True)
        if row.get("sector_safety"):
            rule = (f"（{SECTOR_RULE_KIND_LABELS[row['sector_rule_kind']]}：{row['sector_rule']}，"
                    f"{row['sector_rule_source']}）" if row["sector_rule"] else "")
            out.print(f"   {column_label('sector_safety', 'who_handles')}：{row['sector_safety']}{rule}",
                      highlight=False, soft_wrap=True)
        if row.get("no_sanding"):
            out.print(f"   {column_label('no_sanding', 'who_handles')}：仅见于清单或条款，请人工核对其职责",
                      highlight=False)
        if row.get("power_split"):
            out.print(f"   {column_label('power_split', 'who_handles')}：{row['power_split']}", highlight=False,
                      soft_wrap=True)
        if row.get("devolved"):
            out.print(f"   {column_label('devolved', 'who_handles')}：{row['devolved']}", highlight=False,
                      soft_wrap=True)
        if row.get("place_unnamed"):
            label = column_label("place_unnamed", "who_handles")
            out.print(f"   {label}：诉求未写明事发地，可能承办的各地同类部门一并排序", highlight=False)


def columns_of(rows: list[dict[str, Any]]) -> list[str]:
    return list(rows[0]) if rows else []


def print_rows(rows: list[dict[str, Any]], columns: list[str], *, title: str = "", answer: str = "",
               readable: bool = True) -> None:
    """A table for people at a terminal. `answer` names the query the rows answer, for the columns whose title
    depends on it (column_label); `readable=False` keeps an ad-hoc query's own columns and values, as its files do."""
    from queries.export import raw
    from queries.report import cell_text

    table = Table(title=title or None, show_lines=False)
    for column in columns:
        table.add_column(column_label(column, answer) if readable else column, overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(row, column, answer) if readable else raw(row.get(column)) for column in columns))
    out.print(table)
    out.print(f"({len(rows)} rows)")
