"""who_handles' rows take notes (乡镇赋权说明, 管行业必须管安全, 图中无其三定) from the modules that read them; each
goes before the row's evidence, which stays last, as the API's schema orders a row's fields."""

from __future__ import annotations

from graph.store import Row


def before_evidence(row: Row, fields: Row) -> Row:
    """The row with `fields` added (or replaced) before its evidence."""
    return {**{key: value for key, value in row.items() if key != "evidence"}, **fields, "evidence": row["evidence"]}
