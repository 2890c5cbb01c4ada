"""What an ingest, a removal or a re-link says it did: counts, files loaded again or replaced, successions,
unresolved names, warnings and failures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table

from api.cli.common import err, out

if TYPE_CHECKING:
    from ingest.link import LinkReport
    from ingest.pipeline import IngestReport, SuccessionLine

LISTED_SHOWN = 20  # a 政务服务 export names hundreds of unresolved parties; the rest are one query away
WARNINGS_SHOWN = 20  # a corpus of truncated copies warns of each; every warning is kept on its Document


ADDED_LABELS = (("Region", "区划 regions"), ("Department", "部门 departments"), ("Office", "内设机构 offices"),
                ("Duty", "职责 duties"), ("Matter", "共同事项 matters"), ("PowerItem", "权责事项 power items"),
                ("SupervisionItem", "监管事项 supervision items"), ("Document", "文件 documents"))


def print_ingest_summary(report: IngestReport, in_graph: dict[str, int], staff_in_graph: int) -> None:
    loaded = [outcome for outcome in report.outcomes if outcome.ok]
    table = Table(title=f"已载入 {len(loaded)} 个文件 / loaded {len(loaded)} of {len(report.outcomes)} files")
    table.add_column("")
    table.add_column("新增 added", justify="right")
    table.add_column("图中 in graph", justify="right")
    # Added: what this ingest's writes created, so that another process writing meanwhile is not counted.
    for label_name, title in ADDED_LABELS:
        table.add_row(title, str(report.created.get(label_name, 0)), str(in_graph.get(label_name, 0)))
    # The posts the files loaded now state (a file loaded again states its posts again) and the graph's total
    # over departments with a 三定.
    table.add_row("编制 staff posts (本次文件 these files / 图中 graph)", str(report.totals().get("staff posts", 0)),
                  str(staff_in_graph))
    out.print(table)
    _say_if_resegmented(report.resegmented)
    again = [str(outcome.path) for outcome in loaded if not any(outcome.created.values())]
    if again:  # loading a file twice printed 已载入 1 个文件 as if it were new (user test)
        _print_listed(f"已在图中的文件 already in the graph ({len(again)})：内容和区划与图中相同，重新载入后未新增 / "
                      "the same content for the same region: loaded again, nothing added", again)
    if report.replaced:  # a corrected list stood beside the old one, both counted (user test)
        _print_listed(f"替换的旧版本 replaced earlier versions ({len(report.replaced)})：同一清单的旧版本不再作为"
                      f"现行清单，已作为历史版本保存（{_HISTORY_QUERY}）/ the list loaded before is no longer "
                      "current: kept as history",
                      [f"{path} 替换 replaces {earlier}（{why}）" for path, earlier, why in report.replaced])
    if report.beside:  # two 街道's lists both titled 职责边界清单 replaced each other (user test)
        _print_listed(f"同名清单并存 lists of the same name kept side by side ({len(report.beside)})：不是同一清单的"
                      "新旧版本，未替换 / not versions of one list: nothing replaced",
                      [f"{path} 与 beside {other}（{why}）" for path, other, why in report.beside])
    if report.older_skipped:
        _print_listed(f"已作为历史版本保存 older versions kept as history ({len(report.older_skipped)})：本次载入中有"
                      f"同一清单较新的文件，旧版本不作为现行清单载入（{_HISTORY_QUERY}）/ a newer file of the "
                      "same list is in this run: the older is kept as history, not loaded as current",
                      [f"{path}（现行清单 current：{newer}；{why}）" for path, newer, why in report.older_skipped])
    if report.kept_current:  # a 2022 list loaded after the 2024 one made 2022 the current one
        _print_listed(f"已作为历史版本保存 earlier versions kept as history ({len(report.kept_current)})：图中已有同一"
                      f"清单较晚的版本，现行清单不变（{_HISTORY_QUERY}）/ the graph holds a later version of the same "
                      "list, which stays current", [_kept_current_line(*entry) for entry in report.kept_current])
    if report.links is not None:
        links = report.links
        out.print(f"相似职责关联 similarity linking: {links.new} new of {links.duties} duties compared, "
                  f"{links.boilerplate} boilerplate, {links.similar} similar pairs, {links.refines} office→department "
                  f"links, {links.counterparts} counterparts")
        _say_if_relinked(links)
    if report.unresolved:
        names = sorted({_unresolved_line(r.mention, r.name, r.candidates) for r in report.unresolved})
        _print_listed(f"未能确认的部门名称 unresolved department mentions ({len(names)})：图中没有其三定，"
                      "作为未确认的部门载入 / no 三定 of theirs in the graph: kept as unresolved parties", names,
                      rest="dutygraph query unresolved_departments --format csv")
    if report.successions:  # a renamed body left standing beside its successor was counted twice (user test)
        _print_listed(f"机构改革 successions ({len(report.successions)})：三定或调整通知所述更名、合并或划入的机构"
                      "不再计为现行部门 / bodies a 三定 or notice says it renamed or merged are no longer counted as "
                      "current",
                      [_succession_line(line) for line in report.successions])
    if report.reread:  # a notice loaded before the reform kept its totals on the old body (load order)
        _print_listed(f"按机构改革重新载入的调整通知 notices read again ({len(report.reread)})：通知标题所称机构已"
                      "更名或并入其他部门（或所据机构改革已移除），已从原文件重新载入 / titled with a body a reform "
                      "now replaces, or read by a reform since removed: loaded again from their files", report.reread)
    _say_not_reread(report.not_reread)
    if report.relisted:  # loaded before the 撤县设区, both lists stood as current (load order)
        _print_listed(f"按撤县设区重新载入的区清单 district lists read again ({len(report.relisted)})："
                      "与原县的同类清单事项大多相同，已重新载入，县的清单作为其历史版本保存 / loaded before the "
                      "撤县设区 beside the county's list they reissue: loaded again, the county's kept as history",
                      report.relisted)
    if report.not_relisted:
        _print_listed(f"未能重新载入的区清单 district lists not read again ({len(report.not_relisted)})："
                      "原文件已不存在、已改动或未能载入，县、区两份清单仍并存，请重新载入区的清单 / the file is gone, "
                      "changed or did not load: both lists stay current; load the district's list again",
                      report.not_relisted)
    _say_warnings(report)
    if report.failed:
        failed = Table(title=f"失败 {len(report.failed)} 个文件 / failed files", show_lines=True)
        failed.add_column("文件 file", overflow="fold")
        failed.add_column("原因 reason", overflow="fold")
        for outcome in report.failed:
            # The message starts with the file (and line) it is about, as does each bad row's line of a list's
            # message; the table shows the file once.
            reason = outcome.error.replace(f"{outcome.path}:", "").strip()
            if outcome.failure:  # and in Chinese, as the upload's error_zh says it
                reason += "\n" + outcome.failure.message_zh("").strip().lstrip("：")
            failed.add_row(str(outcome.path), reason)
        err.print(failed)


def _say_not_reread(labels: list[str]) -> None:
    """The notices a reform reads otherwise now whose file is gone or changed, or did not load: they stay as loaded."""
    if labels:
        _print_listed(f"未能重新载入的调整通知 notices not read again ({len(labels)})：所据机构改革有变，"
                      "但原文件已不存在、已改动或未能载入，请重新载入 / a reform reads them otherwise now, but the "
                      "file is gone, changed or did not load: load it again", labels)


def _say_warnings(report: IngestReport) -> None:
    """What a loaded file was read with that its user should check (a header cell merged over two columns, a
    copy cut short): said here, and kept as the notes of its Document."""
    # A warning about the file as a whole names it already (`path:line: …`); one about a line of it, not.
    warnings = [warning if warning.startswith(f"{outcome.path}:") else f"{outcome.path}: {warning}"
                for outcome in report.outcomes if outcome.ok for warning in outcome.warnings]
    if not warnings:
        return
    err.print(f"提示 warnings ({len(warnings)}): loaded, with these notes (kept on each Document as notes)")
    for warning in warnings[:WARNINGS_SHOWN]:
        err.print(f"  {warning}", markup=False, highlight=False, soft_wrap=True)  # one line, to grep or copy
    if len(warnings) > WARNINGS_SHOWN:
        err.print(f"  … 另有 {len(warnings) - WARNINGS_SHOWN} 条 / {len(warnings) - WARNINGS_SHOWN} more: dutygraph "
                  "cypher \"MATCH (d:Document) WHERE size(d.notes) > 0 RETURN d.path, d.notes\"", markup=False)


def say_linked(result: LinkReport) -> None:
    out.print(f"{result.new} of {result.duties} duties compared, {result.boilerplate} boilerplate, "
              f"{result.similar} similar pairs, {result.refines} office→department links, "
              f"{result.counterparts} counterparts")
    _say_if_resegmented(result.resegmented)
    _say_if_relinked(result)


# Where a list's versions are compared.
_HISTORY_QUERY = "各版本的变化见 dutygraph query list_changes"


def _kept_current_line(path: Path, current: str, why: str) -> str:
    from ingest.versions import reason_parts

    chinese, english = reason_parts(why)
    return (f"{path}：已作为历史版本保存，现行清单 {current}（{chinese}）；如应以此版本为准，请先 dutygraph remove "
            f"现行清单 / kept as history, the current list is {current} ({english}); to have this one instead, "
            "dutygraph remove that one first")


def _print_listed(heading: str, lines: list[str], rest: str = "") -> None:
    """A heading and its lines, the first LISTED_SHOWN of them, then how many more (and where they are)."""
    out.print(heading)
    for line in lines[:LISTED_SHOWN]:
        out.print(f"  {line}")
    if len(lines) > LISTED_SHOWN:
        more = len(lines) - LISTED_SHOWN
        out.print(f"  … 另有 {more} 个 / {more} more" + (f": {rest}" if rest else ""))


_SUCCESSION_WORDS = {"renamed": "更名为", "merged": "合并组建为", "absorbed": "职责划入"}


def _succession_line(line: SuccessionLine) -> str:
    dated = f"，{line.date}" if line.date else ""
    unloaded = "" if line.loaded else "；图中没有其三定，按名称保留 / no 三定 of its own in the graph: kept by name"
    verb = _SUCCESSION_WORDS.get(line.kind, "")
    return f"{line.predecessor} {verb} {line.successor}（{line.source}{dated}）{unloaded}"


def _unresolved_line(mention: str, name: str, candidates: list[str]) -> str:
    """A mention no department of the graph answers to, with the name it is kept under where that differs (市民政局
    read in 示例市) and the known names near it; in words, not an arrow (user test)."""
    read_as = f"（读作“{name}”）" if name != mention else ""
    # The resolver's near names carry their score (示例市城管局 (91)), which a reader has no use for.
    near = f"（相近的已知部门：{'、'.join(c.rsplit(' (', 1)[0] for c in candidates)}）" if candidates else ""
    return f"{mention}{read_as}{near}"


def _say_if_resegmented(count: int) -> None:
    if count:
        out.print(f"图中原有 {count} 条文本按当前词典重新分词 / {count} stored texts were segmented again: the "
                  "graph's terms came from other dictionaries")


def _say_if_relinked(links: LinkReport) -> None:
    if links.stale:
        out.print("原有关联由另一版本的相似度模型或分词生成，已全部重新计算 / the graph's links were made by another "
                  "version of the similarity model or from other terms: every duty was linked again")
