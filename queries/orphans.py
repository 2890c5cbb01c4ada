"""orphan_supervision_items: 监管事项 no department claimed (三不管), each with up to three likely owners
from the department duties and power items most like it (BM25, as who_handles), and the text that says so. A
department that who_handles flags weak (a score under WEAK_SCORE or under COVERAGE_SHARE of what the whole item
would score, or reached only through word neighbours) is no suggestion: under the share it matches on words
like 设施 and 监督检查 only (河西区's 排水 item met 户外广告设施的监督检查 at 0.18), and no suggestion says more
honestly that no department of the region holds the work. The planted owners reach 0.9.

An item is read without its catalogue's frame (对…的监督检查): the words most items hold say which kind of list
the item is in, not whose work it is, and every claimed item of a department matches them (对燃气经营企业的监督检查
met 对特种设备使用单位的监督检查 on 监督检查 and reached 10.7, while who_handles called 燃气经营企业 weak)."""

from __future__ import annotations

from collections import Counter

from graph.store import Row, Store
from ingest.content import content_of
from queries import catalog
from queries.cache import cached
from queries.lead_claims import without_sanding
from queries.notice_evidence import handling_index
from queries.sector_safety import about_safety, basis_fields
from queries.who_handles import SANDING_KINDS, rank_departments, sector_reader

SUGGESTIONS = 3
# A term is part of the catalogues' frame when at least this share of the graph's supervision items hold it ...
FRAME_SHARE = 0.5
# ... counted only over this many items or more (two items sharing a word say nothing of a frame).
FRAME_MIN_ITEMS = 4
# The frame of the national 监管事项目录 (对…的监督检查, …单位的检查), for catalogues too short to count.
FRAME_TERMS = frozenset({"监督检查", "检查", "单位"})


def orphan_supervision_items(store: Store, region: str | None = None) -> list[Row]:
    items = catalog.run(store, "unclaimed_supervision_items", {"region": region})
    if not items:
        return []
    index = handling_index(store)
    frame = frame_terms(store)
    unknown = without_sanding(store)
    sectors_of = sector_reader(store)
    rows = []
    for item in items:
        text = f"{item['item']} {item['target'] or ''}"
        ranked = rank_departments(index, text, region=item["region"], limit=SUGGESTIONS, ignore=frame)
        # An item no one claims, about safety (对…安全的监督检查), is a matter no one leads: a department no 三定
        # clause among its evidence gave sectors to is its 三定's and its 安委会 paragraph's 行业主管 (held_sectors).
        unclaimed = about_safety(item["item"])
        owners = []
        for row in ranked:
            if row["weak"]:
                continue
            owners.append(suggestion(row, unknown, *sectors_of(row, unclaimed, item["region"])))
        rows.append({**item, "suggested_owners": owners})
    return rows


def suggestion(row: Row, unknown: frozenset[tuple[str, str]], sectors: frozenset[str], basis: Row | None) -> Row:
    """A who_handles row as a suggested owner: the evidence that says so, where it is written, and, when that is a
    list's row (a 职责边界清单's 牵头, a claimed item), the department's own 三定 clause among its evidence. After an
    accident the question is whether the 三定 gave the department the work as well as the list (user test: a
    剧本杀 venue's item was suggested to 文旅局 on the list's row alone, its 三定's 行业安全 clause unsaid).
    `sector_safety`: the `sectors` whose 安全生产 it answers for (管行业必须管安全: it is their 行业主管部门,
    sector_safety.held_sectors), for a new kind of business the 目录 gives no one; `no_sanding`: the graph holds no 三定
    of it (`unknown`), so only a list or a clause names it for the work (user test: 县消防救援大队 was suggested with no
    word of it). `sector_rule`, `sector_rule_source`, `sector_rule_kind`: what those sectors are cited by (`basis`,
    sector_safety.sector_basis): its 安委会成员单位安全生产工作职责 paragraph that names them (`safety_committee`),
    else the region's 三定 clause that makes every 行业主管部门 answer for its sector's safety (`sanding`:
    县直有关行业主管部门负责本行业领域的安全生产监督管理), which an item no one claimed falls under."""
    # The duty that says so: not the matter a department assists on, which who_handles shows first (unless that is
    # all it has: a matter no one leads, whose assisting departments are all its parties).
    chosen = next((e for e in row["evidence"] if e["kind"] != "matter_assist"), row["evidence"][0])
    # The department's own duty before an office's: the 三定's 主要职责 is what gave the department the work.
    clause = None if chosen["kind"] in SANDING_KINDS else min(
        (e for e in row["evidence"] if e["kind"] in SANDING_KINDS), key=lambda e: e["kind"] != "duty", default=None)
    return {"department": row["department"], "score": row["score"], "evidence": chosen["text"],
            "source": chosen["source"], "duty": clause["text"] if clause else "",
            "duty_source": clause["source"] if clause else "", "sector_safety": "、".join(sorted(sectors)),
            **basis_fields(basis), "no_sanding": (row["department"], row["region"]) in unknown}


def frame_terms(store: Store) -> frozenset[str]:
    """The terms that the supervision items of the graph share by the catalogues' template."""
    return cached(store, ("supervision_frame",), lambda: _frame_terms(store), whole_graph=True)


def _frame_terms(store: Store) -> frozenset[str]:
    return shared_terms([frozenset(content_of(row["content"], row["text"] or ""))
                         for row in catalog.run(store, "supervision_item_terms")])


def shared_terms(items: list[frozenset[str]]) -> frozenset[str]:
    """FRAME_TERMS, and the terms at least FRAME_SHARE of these items' terms hold (when there are enough items)."""
    if len(items) < FRAME_MIN_ITEMS:
        return FRAME_TERMS
    holders = Counter(term for terms in items for term in terms)
    return FRAME_TERMS | {term for term, count in holders.items() if count >= FRAME_SHARE * len(items)}
