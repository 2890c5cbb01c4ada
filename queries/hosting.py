"""Who hosts a shared matter (主办部门), said the one way the report, the page, the CLI and the files say it (user
test: the report named the single lead where the page showed the raw `host`, filled only when several lead)."""

from __future__ import annotations

from collections.abc import Collection, Container, Sequence


def host_label(reasons: Collection[str], host: str | None, leads: Sequence[str], vague: Container[str]) -> str:
    """Who hosts the matter (主办部门), for every matter: its one lead; where one clause names several, the first listed
    (部门职责分工协调办法); where documents name different leads, none until they agree; 无 where none leads (user
    test: the column was blank unless several led). `reasons`: every host_assist_ambiguities reason found on the
    matter; `host`: the first-listed lead of a clause naming several; `vague`: the vague parties' names (有关部门),
    which are no lead and no host."""
    if "conflicting_leads" in reasons:
        return "需协调确定（各文件所列牵头部门不同）"
    if host:
        return host
    named = [name for name in leads if name not in vague]
    if len(named) == 1:
        return named[0]
    if named:
        return "需协调确定（多个牵头部门）"
    only_vague = [name for name in leads if name in vague]
    return f"无（只写“{'、'.join(only_vague)}”）" if only_vague else "无"
