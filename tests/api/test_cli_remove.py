"""`dutygraph remove` and a corrected list's ingest, as a data steward keeping the graph current runs them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.api.test_cli import EXAMPLES, run

LIST = ("序号,边界事项,牵头部门,配合部门,职责边界\n"
        "1,道路交通事故现场处置,市公安局,市交通运输局,公安局负责事故现场勘查；交通运输局负责抢修。\n")
CORRECTED = ("序号,边界事项,牵头部门,配合部门,职责边界\n"
             "1,道路交通事故现场处置,市交通运输局,市公安局,交通运输局负责抢修；公安局负责事故现场勘查。\n")


def _parties(store: Path) -> list[dict[str, object]]:
    result = run("cypher", "MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) RETURN d.name AS department, "
                 "d.unresolved AS unresolved, type(e) AS role ORDER BY role, department", "--format", "json",
                 store=store)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_remove_a_three_ding_loaded_by_mistake(tmp_path: Path) -> None:
    store = tmp_path / "store"
    listed = tmp_path / "边界清单.csv"
    listed.write_text(LIST, encoding="utf-8")
    sanding = EXAMPLES / "sanding" / "shi_gongan.txt"
    assert run("ingest", str(sanding), str(listed), "--region", "示例市", store=store).returncode == 0
    removed = run("remove", "shi_gongan.txt", store=store)
    assert removed.returncode == 0, removed.stderr
    lines = removed.stdout.splitlines()
    assert lines[:2] + lines[3:4] == [
        "已移除 1 个文件 / removed 1 documents:",
        f"  《示例市公安局职能配置、内设机构和人员编制规定》 {sanding} (示例市, doc:8f6c1fa8d3c1c3d2)",
        "图中 in graph: 区划 regions 1, 部门 departments 2, 内设机构 offices 0, 职责 duties 0, 共同事项 matters 1, "
        "权责事项 power items 0, 监管事项 supervision items 0, 文件 documents 1",
    ]
    # The list named the bureau: read again from its file without the 三定 (ingest.removal._EXPLAINED).
    assert lines[2].startswith(f"清单已重新载入，其所称部门不再按已移除的三定解读 read again without the removed 三定: "
                               f"{listed} (示例市, doc:")
    # The list still names the bureau: it stays as the list's party, as if its 三定 had never been loaded.
    assert _parties(store) == [{"department": "示例市交通运输局", "unresolved": True, "role": "ASSISTS"},
                               {"department": "示例市公安局", "unresolved": True, "role": "LEADS"}]
    missing = run("remove", "shi_gongan.txt", store=store)
    assert missing.returncode == 2
    assert "shi_gongan.txt: no document of the graph is this file" in missing.stderr


def test_one_version_of_a_department_comes_out_alone(tmp_path: Path) -> None:
    store = tmp_path / "store"
    revised = tmp_path / "shi_gongan_2024.txt"
    text = (EXAMPLES / "sanding" / "shi_gongan.txt").read_text(encoding="utf-8")
    revised.write_text(text.replace("2019年3月8日", "2024年3月8日"), encoding="utf-8")
    assert run("ingest", str(EXAMPLES / "sanding" / "shi_gongan.txt"), str(revised), store=store).returncode == 0
    alone = run("remove", str(revised), store=store)
    assert alone.returncode == 0, alone.stderr
    assert "文件 documents 1" in alone.stdout
    rest = run("remove", "shi_gongan.txt", store=store)
    assert rest.returncode == 0, rest.stderr
    assert "文件 documents 0" in rest.stdout


def test_a_corrected_list_says_what_it_replaced(tmp_path: Path) -> None:
    store = tmp_path / "store"
    old, new = tmp_path / "边界清单.csv", tmp_path / "边界清单_v2.csv"
    old.write_text(LIST, encoding="utf-8")
    new.write_text(CORRECTED, encoding="utf-8")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    assert run("ingest", str(old), "--region", "示例市", store=store).returncode == 0
    replaced = run("ingest", str(new), "--region", "示例市", store=store)
    assert replaced.returncode == 0, replaced.stderr
    said = replaced.stdout.splitlines()
    start = said.index("替换的旧版本 replaced earlier versions (1)：同一清单的旧版本不再作为现行清单，已作为历史版本保存"
                       "（各版本的变化见 dutygraph query list_changes）/ the list loaded before is no longer current: "
                       "kept as history")
    assert said[start + 1] == f"  {new} 替换 replaces {old}（文件名标明是修订版本（边界清单.csv → 边界清单_v2.csv）/ its " \
                              "file's name marks a version of the other's (边界清单.csv → 边界清单_v2.csv)）"
    assert _parties(store) == [{"department": "示例市公安局", "unresolved": True, "role": "ASSISTS"},
                               {"department": "示例市交通运输局", "unresolved": True, "role": "LEADS"}]
    # The folder holding both: the newer is loaded, the older is said not to be, and nothing changes.
    again = run("ingest", str(tmp_path / "边界清单.csv"), str(new), "--region", "示例市", store=store)
    assert again.returncode == 0, again.stderr
    assert f"  {old}（现行清单 current：{new}；按读入顺序（各版本的日期未能区分，后读入的为较新版本）/ by the order they were " \
           "read (no date tells them apart: the one read later is the newer)）" in again.stdout.splitlines()
    assert _parties(store) == [{"department": "示例市公安局", "unresolved": True, "role": "ASSISTS"},
                               {"department": "示例市交通运输局", "unresolved": True, "role": "LEADS"}]
