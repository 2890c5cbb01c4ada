"""A list refused for naming no region cites the line to look at: the first row naming a department (市住建局, its
region not written), or the header row where no column names one (user test: the real 淮安 and 档案 lists were
refused naming no line)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from tests.conftest import real_document

EXPECTED = ("expected a list whose title or department names carry a region (a 事权划分清单: whose 适用区县 lie in one "
            "city of the graph), or --region (neither the title nor any department name in the list names a region)")
ZH = "清单的标题和部门名称都没有写明区划（市县事权划分清单的适用区县也未指向图中唯一的市）：请填写区划（如 示例市/青山县）后重新载入"


def _refusal(store: Store, path: Path) -> tuple[str, str]:
    [outcome] = ingest([path], store).outcomes
    assert not outcome.ok and outcome.failure is not None
    return outcome.error, outcome.failure.message_zh(path.name)


def test_the_first_department_named_without_its_region(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bianjie.csv"
    path.write_text("城区违法建设治理职责边界清单\n序号,事项名称,牵头部门,配合部门\n"
                    "1,城区违法建设查处,市城管局,市住建局\n", encoding="utf-8")
    assert _refusal(store, path) == (f"{path}:3: {EXPECTED}", f"bianjie.csv第 3 行：{ZH}")


def test_the_header_where_no_row_names_a_department(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quanze.csv"
    path.write_text("档案局权责清单\n\n序号,事项名称,权力类型,行使层级\n1,档案安全检查,行政检查,市、县\n", encoding="utf-8")
    assert _refusal(store, path) == (f"{path}:3: {EXPECTED}", f"quanze.csv第 3 行：{ZH}")


def test_the_real_lists_refusals_name_their_lines(store: Store) -> None:
    # 淮安's first row (第9行, its 序号 1; 市食药监局 two lines below), the 档案 list's header (第5行).
    for name, line in (("huaian_zhizebianjie_shipinanquan.txt", 9),
                       ("unknowncity_dangan_quanzeqingdan_shixian_xingshicengji.txt", 5)):
        path = real_document(name)
        assert _refusal(store, path) == (f"{path}:{line}: {EXPECTED}", f"{name}第 {line} 行：{ZH}")
