"""`dutygraph remove` and the documents it loads again: a history version to make current again whose file, unchanged,
no longer loads refuses the removal before anything is written, and a list loaded with `--kind` is loaded again as
that kind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.store import Statement, Store, opened
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import RemovalError, find_documents, remove
from tests.api.test_cli import run
from tests.ingest.conftest import whole_graph
from tests.ingest.test_succession_notice import CITY as NOTICE_CITY
from tests.ingest.test_succession_notice import OLD_NAME_NOTICE, RENAME, WENLV

CITY = Region(("临水市",))
# A 职责边界清单 titled as a township's 履行职责事项清单 would be: read by its headers alone (no `--kind`) it is a
# township list; its steward loaded it with `--kind boundary`.
_HEAD = "临水市某镇履行职责事项清单\n更新日期：{date}\n序号,事项名称,牵头部门,配合部门,职责分工\n"
MARCH = _HEAD.format(date="2024年3月1日") + (
    "1,校外培训机构监管,市教育局,市市场监督管理局,市教育局负责审批和日常监管，市市场监督管理局负责收费监管。\n"
    "2,燃气安全监管,市住房和城乡建设局,市应急管理局,市住房和城乡建设局负责燃气安全监管，市应急管理局负责综合监督。\n"
    "3,城市内涝防治,市水务局,市住房和城乡建设局,市水务局负责城市排涝统筹，市住房和城乡建设局负责排水设施建设。\n")
SEPT = _HEAD.format(date="2024年9月15日") + (
    "1,校外培训机构监管,市市场监督管理局,市教育局,市市场监督管理局负责日常监管，市教育局负责审批。\n"
    "2,燃气安全监管,市住房和城乡建设局,市应急管理局,市住房和城乡建设局负责燃气安全监管，市应急管理局负责综合监督。\n"
    "3,城市内涝防治,市水务局,市住房和城乡建设局,市水务局负责城市排涝统筹，市住房和城乡建设局负责排水设施建设。\n")


def _files(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(exist_ok=True)
    march, sept = folder / "bianjie_03.csv", folder / "bianjie_09.csv"
    march.write_text(MARCH, encoding="utf-8")
    sept.write_text(SEPT, encoding="utf-8")
    return march, sept


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        report = ingest([path], store, region=CITY, kind="boundary")
        assert [outcome.error for outcome in report.outcomes if not outcome.ok] == []


def test_a_list_loaded_with_its_kind_is_loaded_again_as_that_kind(store: Store, other_store: Store,
                                                                     tmp_path: Path) -> None:
    march, sept = _files(tmp_path)
    _load(store, march, sept)
    removal = remove(store, find_documents(store, [str(sept)]))
    assert ([document.path for document in removal.restored], removal.stranded) == ([str(march)], [])
    _load(other_store, march)
    assert whole_graph(store) == whole_graph(other_store)
    assert store.read("MATCH (d:Document) RETURN d.kind AS kind") == [{"kind": "boundary"}]


def test_a_reload_that_fails_leaves_the_graph_as_it_was(store: Store, tmp_path: Path) -> None:
    march, sept = _files(tmp_path)
    _load(store, march, sept)
    # The history version as a dutygraph that read it otherwise recorded it: its file, unchanged, now reads as no
    # 市县事权划分清单 (as after a parser's change), so loading it again fails.
    store.write_atomic([Statement("UNWIND $rows AS r MATCH (v:ListVersion {path: r.path}) SET v.kind = 'split'",
                                  [{"path": str(march)}])])
    before = whole_graph(store)
    with pytest.raises(RemovalError) as raised:
        remove(store, find_documents(store, [str(sept)]))
    assert str(raised.value).startswith(f"nothing was removed, the graph is as it was: taking these documents out "
                                        f"loads 《临水市某镇履行职责事项清单》 {march} (临水市, ")
    assert f"{march}:3: expected a 划分方式 or 行使层级 column" in str(raised.value)
    assert raised.value.zh.startswith("未移除任何文件，图谱保持原样")
    assert whole_graph(store) == before


def test_the_command_names_the_file_that_did_not_load_and_exits_non_zero(tmp_path: Path) -> None:
    march, sept = _files(tmp_path)
    graph = tmp_path / "store"
    for path in (march, sept):
        assert run("ingest", str(path), "--region", "临水市", "--kind", "boundary", store=graph).returncode == 0
    with opened(f"embedded:{graph}") as store:
        store.write_atomic([Statement("UNWIND $rows AS r MATCH (v:ListVersion) SET v.kind = r.kind",
                                      [{"kind": "split"}])])
        before = whole_graph(store)
    removed = run("remove", str(sept), store=graph)
    assert removed.returncode == 2
    said = " ".join(removed.stderr.split())
    assert f"{march}:3: expected a 划分方式 or 行使层级 column" in said
    assert "未移除任何文件，图谱保持原样" in said
    with opened(f"embedded:{graph}") as store:
        assert whole_graph(store) == before


def test_a_notice_that_no_longer_parses_stays_as_loaded(store: Store, tmp_path: Path) -> None:
    notice = tmp_path / OLD_NAME_NOTICE.name
    notice.write_bytes(OLD_NAME_NOTICE.read_bytes())
    for path in (WENLV, RENAME, notice):  # the notice titled with the old name reads as the successor's
        assert ingest([path], store, region=NOTICE_CITY).failed == []
    kept = store.read("MATCH (d:Document {path: $path})-[e]-() RETURN d.uid AS uid, count(e) AS edges",
                      {"path": str(notice)})
    # Its file as a parser that has changed since reads it: not a notice any more (its digest the graph's, so that
    # only the reading differs).
    notice.write_text("白河县文化和旅游局\n（无正文）\n", encoding="utf-8")
    store.write_atomic([Statement("UNWIND $rows AS r MATCH (d:Document {path: r.path}) SET d.sha256 = r.sha256",
                                  [{"path": str(notice), "sha256": hashlib.sha256(notice.read_bytes()).hexdigest()}])])
    removal = remove(store, find_documents(store, [str(RENAME)]))
    # The reform gone, the notice would be read again as the old body's; it cannot be, so it stays as it was.
    [stranded] = removal.not_reread
    assert (removal.reread, stranded.path) == ([], str(notice))
    assert stranded.said().startswith(f"{stranded.label()}：未能载入 did not load: {notice}")
    assert store.read("MATCH (d:Document {path: $path})-[e]-() RETURN d.uid AS uid, count(e) AS edges",
                      {"path": str(notice)}) == kept
