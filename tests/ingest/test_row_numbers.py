"""A list's row is cited by the number the list gives it, as people cite it: its 序号, a 监管事项 by its 编码, the
spreadsheet's line after it; the stored `source` stays the row's place (the API's contract)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.sources import document_titles, row_numbers, with_readable_sources
from tests.conftest import one_sheet_workbook

LINCHUAN = Region(("临川市",))
# A catalogue whose 序号 and 编码 columns each miss a cell: the 编码 where there is one, else the 序号, else the line.
_CATALOGUE = ("临川市监管事项目录\n"
              "序号,监管事项编码,监管事项,监管对象,认领部门\n"
              "1,JG990000101,对河道采砂的监督检查,采砂单位,临川市水利局\n"
              "2,,对河道保洁的监督检查,保洁单位,临川市水利局\n"
              ",,对湖泊保洁的监督检查,保洁单位,临川市水利局\n")
# A 权责清单's items are cited by their 序号, though they have codes too; a row without one by its code.
_POWER = ("序号,实施部门,事项编码,事项名称,权力类型\n"
          "1,临川市水利局,LC-XK-001,河道采砂许可,行政许可\n"
          ",临川市水利局,LC-CF-002,对非法采砂的处罚,行政处罚\n")


def _items(store: Store, label: str) -> list[dict[str, str]]:
    return store.read(f"MATCH (n:{label}) RETURN n.name AS name, n.source AS source ORDER BY name")


def test_a_catalogue_s_rows_cite_their_code_else_their_seq_else_their_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "jianguan_linchuan.csv"
    path.write_text(_CATALOGUE, encoding="utf-8")
    assert ingest([path], store, region=LINCHUAN).failed == []
    rows = _items(store, "SupervisionItem")
    [uid] = [row["uid"] for row in catalog.run(store, "documents")]
    # JSON keeps the place: a program joins it with the document as before.
    assert rows == [{"name": "对河道保洁的监督检查", "source": f"{uid}#第4行"},
                    {"name": "对河道采砂的监督检查", "source": f"{uid}#第3行"},
                    {"name": "对湖泊保洁的监督检查", "source": f"{uid}#第5行"}]
    assert with_readable_sources(rows, document_titles(store)) == [
        {"name": "对河道保洁的监督检查", "source": "《临川市监管事项目录》序号2（第4行）"},
        {"name": "对河道采砂的监督检查", "source": "《临川市监管事项目录》编码JG990000101（第3行）"},
        {"name": "对湖泊保洁的监督检查", "source": "《临川市监管事项目录》第5行"}]
    assert row_numbers(store) == [{"uid": uid, "places": ["第3行", "第4行"], "numbers": ["编码JG990000101", "序号2"]}]


def test_a_power_list_s_rows_cite_their_seq_else_their_code(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quanze_linchuan.csv"
    path.write_text(_POWER, encoding="utf-8")
    assert ingest([path], store, region=LINCHUAN).failed == []
    # No title row: what the document is, then its file, as a titled one reads 《title》.
    assert with_readable_sources(_items(store, "PowerItem"), document_titles(store)) == [
        {"name": "对非法采砂的处罚", "source": "权责清单（quanze_linchuan.csv）编码LC-CF-002（第3行）"},
        {"name": "河道采砂许可", "source": "权责清单（quanze_linchuan.csv）序号1（第2行）"}]
    # What the rows are cited by is kept on the list's Document, beside each row's place.
    assert store.read("MATCH (d:Document) RETURN d.row_places AS places, d.row_seqs AS seqs, d.row_codes AS codes") == [
        {"places": ["第2行", "第3行"], "seqs": ["序号1", ""], "codes": ["LC-XK-001", "LC-CF-002"]}]


def test_a_list_numbered_by_another_header_is_cited_by_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bianjie_linchuan.csv"
    path.write_text("临川市部门职责边界清单\n"
                    "编号,管理事项,牵头部门,配合部门\n"
                    "BJ-01,河道采砂管理,临川市水利局,临川市公安局\n"
                    "BJ-02,河道保洁,临川市水利局,\n", encoding="utf-8")
    assert ingest([path], store, region=LINCHUAN).failed == []
    rows = store.read("MATCH (m:Matter) RETURN m.name AS name, m.source AS source ORDER BY name")
    assert with_readable_sources(rows, document_titles(store)) == [
        {"name": "河道保洁", "source": "《临川市部门职责边界清单》编号BJ-02（第4行）"},
        {"name": "河道采砂管理", "source": "《临川市部门职责边界清单》编号BJ-01（第3行）"}]


def test_sub_items_under_one_main_item_s_number_are_cited_as_its_sub_items(store: Store, tmp_path: Path) -> None:
    """序号 12 merged over its 主项's three 子项 rows (as 权责清单 write it): each is 序号12之子项N, by the number
    its 子项 cell writes, else its place; a 主项 without 子项 is 序号13; row 16 numbers its 子项 itself (12.3 style)."""
    path = one_sheet_workbook(tmp_path, [
        ["临川市水利局权责清单"],
        ["序号", "主项名称", "子项名称", "权力类型", "实施部门"],
        [12, "河道管理范围内建设项目审批", "跨县河道", "行政许可", "临川市水利局"],
        [None, None, "县内河道", "行政许可", "临川市水利局"],
        [None, None, "河道采砂", "行政许可", "临川市水利局"],
        [13, "取水许可", None, "行政许可", "临川市水利局"],
        [14, "对水利工程的检查", "1.大中型水库", "行政检查", "临川市水利局"],
        [None, "对水利工程的检查", "2.小型水库", "行政检查", "临川市水利局"],
        ["15.1", "对违法取水的处罚", "未经批准取水", "行政处罚", "临川市水利局"],
        ["15.2", "对违法取水的处罚", "超量取水", "行政处罚", "临川市水利局"],
    ], merged=["A3:A5", "B3:B5"], name="quanze_shuili.xlsx")
    assert ingest([path], store, region=LINCHUAN).failed == []
    titles = document_titles(store)
    rows = store.read("MATCH (p:PowerItem) RETURN p.name AS name, p.source AS source")
    rows.sort(key=lambda row: int(row["source"].rpartition("!")[2]))
    assert [row["source"] for row in with_readable_sources(rows, titles)] == [
        "《临川市水利局权责清单》工作表“清单”序号12之子项1（第3行）",
        "《临川市水利局权责清单》工作表“清单”序号12之子项2（第4行）",
        "《临川市水利局权责清单》工作表“清单”序号12之子项3（第5行）",
        "《临川市水利局权责清单》工作表“清单”序号13（第6行）",
        "《临川市水利局权责清单》工作表“清单”序号14之子项1（第7行）",
        "《临川市水利局权责清单》工作表“清单”序号14之子项2（第8行）",
        "《临川市水利局权责清单》工作表“清单”序号15.1（第9行）",
        "《临川市水利局权责清单》工作表“清单”序号15.2（第10行）"]
