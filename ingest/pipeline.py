"""Ingest a set of files: find them, parse each, resolve departments across all of them, load each atomically.

Parsing happens for every file before anything is written, so that a name in one document can resolve
to a department that another document in the same run defines. A file that fails is reported with
its reason and the others still load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import Store, StoreError
from ingest.errors import IngestError
from ingest.load import load_rows
from ingest.names import KnownDepartment, NameResolver, Resolution
from ingest.readers import SUPPORTED_SUFFIXES, read_source
from ingest.records import DocumentContext, sanding_rows
from ingest.regions import NATIONAL, Region, split_region_prefix
from ingest.sanding import parse_sanding

KINDS = ("auto", "sanding")


@dataclass
class FileOutcome:
    path: Path
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    unresolved: list[Resolution] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for outcome in self.outcomes:
            for key, value in outcome.counts.items():
                totals[key] = totals.get(key, 0) + value
        return totals


Progress = Callable[[str, Path], None]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the supported files under folders named (sorted, hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
            )
        else:
            found.append(path)
    return found


def known_departments(store: Store) -> list[KnownDepartment]:
    rows = store.read(
        "MATCH (d:Department) WHERE NOT coalesce(d.vague, false) AND NOT coalesce(d.unresolved, false) "
        "RETURN d.uid AS uid, d.name AS name, d.base_name AS base_name, d.region AS region, d.aliases AS aliases "
        "ORDER BY uid"
    )
    known = []
    for row in rows:
        if not row["region"] or not row["base_name"]:
            continue
        region = Region(tuple(row["region"].split("/")))
        known.append(KnownDepartment(row["uid"], row["name"], row["base_name"], region,
                                     {row["base_name"], row["name"], *(row["aliases"] or [])}))
    return known


def known_regions(store: Store) -> list[Region]:
    rows = store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")
    return [Region(tuple(row["path"].split("/"))) for row in rows if row["path"]]


def document_region(department_name: str, option: Region | None, known: list[Region] = ()) -> Region:  # type: ignore[assignment]
    """The region of a document's department: its name's prefix, fitted under --region or a known region."""
    names, _rest = split_region_prefix(department_name)
    if names == (NATIONAL,):
        return option or Region(names)
    if names and option is not None:
        for ancestor in option.lineage():
            if ancestor.name == names[0]:
                return Region(ancestor.names + names[1:])
        return Region((*option.names, *names))
    if names:
        # `青山县城市管理局` when 示例市/青山县 is known: the county is the one already in the graph.
        placed = {region for region in known if region.names[-1] == names[0] and len(region.names) > 1}
        if len(placed) == 1:
            return Region(placed.pop().names + names[1:])
        return Region(names)
    if option is not None:
        return option
    raise ValueError(f"the department name {department_name} names no region")


def ingest(paths: Iterable[Path], store: Store, *, region: Region | None = None, kind: str = "auto",
           progress: Progress | None = None) -> IngestReport:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    report = IngestReport()
    store.apply_schema()
    resolver = NameResolver(known_departments(store))
    parsed_documents = []
    for path in discover(paths):
        if progress:
            progress("parse", path)
        try:
            source = read_source(path)
            parsed_documents.append((source, parse_sanding(source)))
        except IngestError as exc:
            report.outcomes.append(FileOutcome(path, ok=False, error=exc.message))
    # Regions written in full in one document (示例市青山县…) place the bare ones of another (青山县…).
    regions = known_regions(store)
    for _source, parsed in parsed_documents:
        names, _rest = split_region_prefix(parsed.department)
        if len(names) > 1 or (region is not None and names and names[0] != region.names[0]):
            regions.append(document_region(parsed.department, region))
    contexts: list[DocumentContext] = []
    for source, parsed in parsed_documents:
        try:
            doc_region = document_region(parsed.department, region, regions)
        except ValueError as exc:
            error = IngestError(source.path, "a department name with its region, or --region "
                                "(e.g. --region 示例市/青山县)", detail=str(exc))
            report.outcomes.append(FileOutcome(source.path, ok=False, error=error.message))
            continue
        department = resolver.define(doc_region, parsed.department, parsed.plates)
        contexts.append(DocumentContext(source, parsed, doc_region, department))
    for context in contexts:
        if progress:
            progress("load", context.source.path)
        try:
            rows = sanding_rows(context, resolver)
            load_rows(store, rows)
        except StoreError as exc:
            report.outcomes.append(FileOutcome(context.source.path, ok=False, error=f"{context.source.path}: {exc}"))
            continue
        report.unresolved.extend(rows.unresolved)
        report.outcomes.append(FileOutcome(context.source.path, ok=True, counts=rows.counts(),
                                           warnings=context.parsed.warnings))
    report.outcomes.sort(key=lambda outcome: str(outcome.path))
    return report

