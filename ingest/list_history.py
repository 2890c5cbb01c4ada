"""A list's earlier versions kept as history (清单动态调整), not as current evidence.

A 权责清单, 职责边界清单 or 监管事项目录 is adjusted over time: a new version replaces the one loaded
(`ingest.versions`), and an older-dated version loaded after a newer one does not replace it. Neither is lost: each
version's rows are kept in a compact form, one JSON string a row (`version_rows`: its place, name, leads and
assists, or claimants and claim, a 履行职责事项清单's part and township), so that `queries.list_changes` can say what each adjustment changed.

The current version is a Document (its edges are the evidence every analysis reads) that carries its own
`version_rows` and the key of the list it is a version of (`list_key`). A version that is no longer current is a
`ListVersion` node with the same properties and the Document's uid, and no edge: no analysis matches it. Its
properties are the ones its Document had or would have had, built from the same rows (`history_row`), so the graph
is the same whichever order the versions were loaded in: loaded first, a version's Document is copied into its
ListVersion when the newer one replaces it (`superseded_statements`); loaded after, its ListVersion is written from
its own rows and it is not loaded. `dutygraph remove` of a history version deletes its ListVersion; of the current
one, loads the newest history version again from its file (`ingest.removal`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from graph.store import Statement
from ingest.model import (
    BoundaryRecord,
    ListDocument,
    ListRecord,
    PowerItemRecord,
    SupervisionRecord,
    TerritorialRecord,
    TownshipDutyRecord,
)
from ingest.row_numbers import cited_seqs
from ingest.versions import ListIdentity

# The Document's properties a ListVersion keeps: what the history of a list cites a version by, and its rows.
KEPT = ("uid", "title", "kind", "region", "issued", "doc_number", "path", "sha256", "sheet_names", "sheet_titles",
        "list_key", "version_rows", "loaded")


def list_key(identity: ListIdentity) -> str:
    """The list a version belongs to, as one string: its kind, region and title (with its sheets' titles), or its
    file's name without a version mark (`ingest.versions.ListIdentity.key`)."""
    return "|".join(identity.key())


def version_rows(parsed: ListDocument) -> list[str]:
    """Each row of a list as a JSON string (a property holds no map on either engine): where it stands (`at`, as the
    list cites it: 序号3（第5行）), its item's name, the departments that lead it (a 权责清单's 实施部门, a 监管事项's
    认领部门) and those that assist, and for a 监管事项 whether it is claimed; its `detail`, as `department_roles`
    reads a current version's (a 权责清单 item's 职权类型, a boundary row's 职责分工, a 监管事项's 监管对象: a tenure
    cites a replaced version's items with it). Names as the list writes them: a version is compared with the next as
    written."""
    return [json.dumps(_row(record, seq, parsed.default_departments), ensure_ascii=False, sort_keys=True)
            for record, seq in zip(parsed.records, cited_seqs(parsed.records), strict=True)]


def _row(record: ListRecord, seq: str, townships: dict[str, str]) -> dict[str, Any]:
    """A 履行职责事项清单's row also keeps its part (基本, 配合, 收回: a matter moves between them) and its township
    (the sheet's, or its 乡镇（街道） column's: a county's one table lists each matter once a township)."""
    where = record.where
    line = f"第{where.row}行"
    at = f"{seq}（{line}）" if seq else line
    if not where.sheet_named_by_file:
        at = f"工作表“{where.sheet}”{at}"
    row: dict[str, Any] = {"at": at, "name": getattr(record, "matter", None) or getattr(record, "name", ""),
                           "leads": [], "assists": []}
    if isinstance(record, BoundaryRecord):
        row |= {"leads": list(record.leads), "assists": _unique([*record.assists, *record.partners]),
                "detail": record.basis}
    elif isinstance(record, TerritorialRecord):
        row |= {"leads": list(record.leads), "assists": list(record.assists)}
    elif isinstance(record, PowerItemRecord):
        row |= {"leads": list(record.departments), "detail": record.type}
    elif isinstance(record, TownshipDutyRecord):
        row |= {"leads": list(record.departments), "part": record.part,
                "township": record.township or townships.get(where.sheet, "")}
    elif isinstance(record, SupervisionRecord):
        row |= {"leads": list(record.claimants), "claimed": record.claimed, "detail": record.target}
    return row


def _unique(names: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(names))


def history_row(document: dict[str, Any], key: str) -> dict[str, Any]:
    """The ListVersion row of a version not loaded, from the Document row its load would have written."""
    return {"uid": document["uid"], "props": {prop: document.get(prop) for prop in KEPT if prop != "uid"}
            | {"list_key": key}}


_WRITE_HISTORY = "UNWIND $rows AS r MERGE (v:ListVersion {uid: r.uid}) SET v += r.props"
# Later versions of a list named by another key (a file loaded from the same path under a new title) follow it.
_RENAME_KEYS = "UNWIND $rows AS r MATCH (v:ListVersion) WHERE v.list_key IN r.old_keys SET v.list_key = r.key"


def history_statements(rows: Sequence[dict[str, Any]], key: str, old_keys: Sequence[str] = ()) -> list[Statement]:
    """Write versions not loaded as the history of the list `key`."""
    return [*_renamed(key, old_keys), Statement(_WRITE_HISTORY, list(rows))]


def superseded_statements(uids: Sequence[str], key: str, old_keys: Sequence[str]) -> list[Statement]:
    """Before the Documents `uids` are taken out for their new version: keep each as a ListVersion of `key`."""
    copied = ", ".join(f"v.{prop} = d.{prop}" for prop in KEPT if prop not in ("uid", "list_key"))
    return [*_renamed(key, old_keys),
            Statement(f"UNWIND $rows AS r MATCH (d:Document) WHERE d.uid IN r.uids MERGE (v:ListVersion {{uid: d.uid}}) "
                      f"SET {copied}, v.list_key = r.key", [{"uids": sorted(uids), "key": key}])]


def _renamed(key: str, old_keys: Sequence[str]) -> list[Statement]:
    others = sorted(set(old_keys) - {key})
    return [Statement(_RENAME_KEYS, [{"key": key, "old_keys": others}])] if others else []


def current_statement(uid: str) -> Statement:
    """A version loaded as the current one is no history (`dutygraph remove` of its successor loads it again)."""
    return Statement("UNWIND $rows AS r MATCH (v:ListVersion {uid: r.uid}) DELETE v", [{"uid": uid}])
