"""A list's row is cited by the number the list gives it, as people cite it: its 序号, a 监管事项 by its 编码, the
spreadsheet's line after it; the stored `source` stays the row's place (the API's contract)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.sources import document_titles, row_numbers, with_readable_sources

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
        {"places": ["第2行", "第3行"], "seqs": ["1", ""], "codes": ["LC-XK-001", "LC-CF-002"]}]
