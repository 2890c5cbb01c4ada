"""What people cite a list's rows by: each row's 序号 and, for an item of a 权责清单 or a 监管事项目录, its 编码, kept
on the list's Document beside the row's locator, so that a source (`doc#sheet!6`) reads as the list's own number
(`序号3（第6行）`, queries.sources) and not only as the spreadsheet's line.

The number is kept as it is cited: under its column's own header (`编号3`, `事项编号QX-01`: a list numbered 编号 is
not cited 序号), and a 子项 written under its 主项's number (the 序号 cell merged down over the 主项's rows, or left
blank below it) as that 主项's 子项: `序号12之子项3`, by the number the 子项 cell writes (`3.对…的处罚`, `（3）…`)
or else its place under the 主项. A row numbered `12.3` or `12-3` in the 序号 column is cited as written."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.model import ListRecord, PowerItemRecord, SupervisionRecord

# A 子项 cell that opens with its own number: `3.对…`, `3、…`, `（3）…`, `(3)…`, `子项3：…`.
_SUB_NUMBER = re.compile(r"^\s*(?:子项\s*)?(?:[（(]\s*(\d{1,3})\s*[)）]|(\d{1,3})\s*[.、．:：)）])")


def row_numbers(records: list[ListRecord]) -> dict[str, list[str]]:
    """The Document properties `row_places`, `row_seqs` and `row_codes`: parallel lists (a property holds no map on
    either engine), one entry per row that has a 序号 or a 编码 ('' for the one it lacks); a `row_seqs` entry is the
    number as cited, with its header (`序号3`, `编号3`, `序号12之子项3`)."""
    cited = cited_seqs(records)
    numbered = [(record.where.locator, seq, _code(record)) for record, seq in zip(records, cited, strict=True)]
    numbered = [(place, seq, code) for place, seq, code in numbered if seq or code]
    return {"row_places": [place for place, _seq, _code in numbered],
            "row_seqs": [seq for _place, seq, _code in numbered],
            "row_codes": [code for _place, _seq, code in numbered]}


def cited_seqs(records: Sequence[ListRecord]) -> list[str]:
    """Each record's 序号 as cited ('' for a row without one). A 主项's rows are the row holding its number and the
    `continued` rows after it; where they are several, each of them that names a 子项 is cited as that 子项."""
    cited = [f"{record.where.seq_title}{record.where.seq}" if record.where.seq else "" for record in records]
    start = 0
    while start < len(records):
        end = start + 1
        while end < len(records) and records[end].where.continued and _same_number(records[start], records[end]):
            end += 1
        if end - start > 1:
            subs = [index for index in range(start, end) if _sub_item(records[index])]
            for position, index in enumerate(subs, 1):
                written = _SUB_NUMBER.match(_sub_item(records[index]))
                number = next(group for group in written.groups() if group) if written else str(position)
                cited[index] = f"{cited[index]}之子项{number}"
        start = end
    return cited


def _same_number(first: ListRecord, other: ListRecord) -> bool:
    return other.where.sheet == first.where.sheet and other.where.seq == first.where.seq


def _sub_item(record: ListRecord) -> str:
    return record.sub_item if isinstance(record, PowerItemRecord | SupervisionRecord) else ""


def _code(record: ListRecord) -> str:
    return record.code if isinstance(record, PowerItemRecord | SupervisionRecord) else ""
