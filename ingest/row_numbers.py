"""What people cite a list's rows by: each row's 序号 and, for an item of a 权责清单 or a 监管事项目录, its 编码, kept
on the list's Document beside the row's locator, so that a source (`doc#sheet!6`) reads as the list's own number
(`序号3（第6行）`, queries.sources) and not only as the spreadsheet's line."""

from __future__ import annotations

from ingest.model import ListRecord, PowerItemRecord, SupervisionRecord


def row_numbers(records: list[ListRecord]) -> dict[str, list[str]]:
    """The Document properties `row_places`, `row_seqs` and `row_codes`: parallel lists (a property holds no map on
    either engine), one entry per row that has a 序号 or a 编码 ('' for the one it lacks)."""
    numbered = [(record.where.locator, record.where.seq, _code(record)) for record in records]
    numbered = [(place, seq, code) for place, seq, code in numbered if seq or code]
    return {"row_places": [place for place, _seq, _code in numbered],
            "row_seqs": [seq for _place, seq, _code in numbered],
            "row_codes": [code for _place, _seq, code in numbered]}


def _code(record: ListRecord) -> str:
    return record.code if isinstance(record, PowerItemRecord | SupervisionRecord) else ""
