"""How many rows of a list, or clauses of a 三定, name a party only as a kind of body (有关部门, 相关单位): said per file
in the ingest summary, for the 编办 to have the document name the department.

host_assist_ambiguities reports each such matter as `vague_party` (责任主体模糊), but only once the graph is asked;
the ingest counted them nowhere, so a list of 有关部门 loaded as if every party were named."""

from __future__ import annotations

from collections import Counter

from ingest.names import is_vague_uid
from ingest.records import GraphRows

WHERE_SHOWN = 5  # the rows or clauses a warning names; the count says how many there are


def note_vague_parties(rows: GraphRows) -> list[str]:
    """The warning of a document whose rows or clauses name vague parties (none when none do), also kept among
    its Document's notes."""
    if not rows.vague_mentions:
        return []
    seqs = dict(zip(rows.document.get("row_places", []), rows.document.get("row_seqs", []), strict=True))
    places = list(dict.fromkeys(_readable(source.partition("#")[2], seqs) for source, _mention in rows.vague_mentions))
    # A mention counted once a row: a list's 有关部门 both leading and assisting in one row is one row to correct.
    mentions = Counter(mention for _source, mention in dict.fromkeys(rows.vague_mentions))
    clauses = rows.document.get("kind") in {"sanding", "amendment"}
    unit_en, unit_zh = ("clause", "条") if clauses else ("row", "行")
    shown = "、".join(places[:WHERE_SHOWN]) + ("等" if len(places) > WHERE_SHOWN else "")
    # A 牵头/配合 of a matter is a finding of host_assist_ambiguities; a 实施主体 有关部门 leaves its item unassigned.
    on_matters = any(is_vague_uid(edge["from"]) for rel in ("LEADS", "ASSISTS")
                     for edge in rows.relationships.get((rel, "Department", "Matter"), []))
    english = (f"{len(places)} {unit_en}{'s name' if len(places) > 1 else ' names'} a party only as a kind of body "
               f"({', '.join(f'{mention} ×{count}' for mention, count in mentions.most_common())}: {shown}), "
               "not a department" + (": host_assist_ambiguities lists their matters as vague_party" if on_matters
                                     else ""))
    chinese = (f"{len(places)} {unit_zh}所列部门为笼统表述（"
               f"{'、'.join(f'{mention} {count} 处' for mention, count in mentions.most_common())}：{shown}），"
               f"未明确具体部门{'，将列为“责任主体模糊”' if on_matters else ''}："
               f"请核实后在{'文件' if clauses else '清单'}中写明部门名称")
    warning = f"{english}; {chinese}"
    rows.document["notes"].append(warning)
    return [warning]


def _readable(locator: str, seqs: dict[str, str]) -> str:
    """A list's row as its sources cite it, by its 序号 and line (序号3（第6行）, 工作表“清单”序号3（第6行）); a 三定's
    clause (第六条(一)) as it is."""
    sheet, bang, row = locator.rpartition("!")
    line = f"第{row}行" if bang else locator
    numbered = f"{seqs[locator]}（{line}）" if seqs.get(locator) else line
    return f"工作表“{sheet}”{numbered}" if bang else numbered
