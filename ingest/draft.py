"""A draft 三定 read, placed and turned into the graph rows ingest would write for it, without writing anything:
what `dutygraph check-draft` compares with the 三定 in force."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.store import Store
from ingest.errors import IngestError
from ingest.model import SandingDocument
from ingest.names import KnownDepartment, NameResolver, base_of, department_uid
from ingest.pipeline import basis_region, document_region, known_departments, known_regions
from ingest.readers import SourceText, read_source
from ingest.records import DocumentContext, GraphRows, document_uid, sanding_rows
from ingest.regions import Region
from ingest.sanding import parse_sanding
from ingest.sheets import SHEET_SUFFIXES

_EXPECTED = "a draft 三定 provision (…职能配置、内设机构和人员编制规定) as .txt, .html or .docx"


@dataclass
class Draft:
    """A draft as ingest would load it: its parse, its department (the one it defines, or the one asked for) and
    the rows (`ingest.records.sanding_rows`), parties of its 职责分工 clauses resolved against the graph."""

    source: SourceText
    parsed: SandingDocument
    department: KnownDepartment
    rows: GraphRows

    @property
    def region(self) -> Region:
        return self.department.region


def read_draft(path: Path) -> tuple[SourceText, SandingDocument]:
    """The draft's text and parse, by the ingest's own reader and 三定 parser; an IngestError (file, line, what was
    expected) for a list, an unreadable file, a text that is no 三定, or a notice adjusting one."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        raise IngestError(path, _EXPECTED, detail=f"a {path.suffix.lower()} file is a list, not a 三定",
                          zh="三定草案应为 .txt、.html 或 .docx 文件；.csv、.xlsx 是清单，不是三定")
    source = read_source(path)
    parsed = parse_sanding(source)
    if parsed.kind_of_document != "sanding":
        # An amendment states changes and totals, not the whole 三定: every duty it leaves unsaid would read as
        # removed.
        raise IngestError(path, _EXPECTED, line=parsed.department_line,
                          detail="a notice adjusting a 三定 (调整…职责机构编制的通知), not a 三定",
                          zh="这是调整职责机构编制的通知，不是三定规定（草案）：请核对三定规定全文")
    return source, parsed


def draft_region(store: Store, parsed: SandingDocument) -> Region | None:
    """The region ingest would place the draft in (its department name's prefix, else the region its 第一条 cites),
    or None when neither says one."""
    regions = set(known_regions(store))
    try:
        return document_region(parsed.department, basis_region(parsed, regions), regions)
    except ValueError:
        return None


def placed_draft(store: Store, source: SourceText, parsed: SandingDocument, department: str | None = None) -> Draft:
    """The draft's rows as ingest would build them for the department `department` (a uid of the graph's) or, without
    it, for the department its title names, in the region `draft_region` places it. Nothing is written."""
    known = known_departments(store)
    resolver = NameResolver(known)
    if department is not None:
        holder = next(d for d in known if d.uid == department)
    else:
        region = draft_region(store, parsed)
        if region is None:
            raise IngestError(source.path, "a department name with its region, or a 第一条 citing the region's "
                              "机构改革方案; or name its department (--department)", line=parsed.department_line,
                              detail=f"the department name {parsed.department} names no region",
                              zh=f"草案的部门名称“{parsed.department}”没有写明区划，第一条也未引用本区划的机构改革方案："
                                 "请指定部门（--department）")
        # The department a 三定 of this name defines when it loads (NameResolver.define: its region and base name).
        uid = department_uid(region, base_of(parsed.department))
        holder = next((d for d in known if d.uid == uid), None) or resolver.define(region, parsed.department,
                                                                                   parsed.plates)
    context = DocumentContext(source, parsed, holder.region, holder, document_uid(source.sha256))
    return Draft(source, parsed, holder, sanding_rows(context, resolver))
