"""A plate (牌子) written with a level marker only takes its department's region, as the department's own name does:
区知识产权局 of 河西区's bureau is 河西区知识产权局 (user test: 揭东区's 区商务局 was stored as written)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from tests.conftest import real_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sanding"
ALIASES = "MATCH (d:Department) WHERE d.name = $name RETURN d.aliases AS aliases"


def test_a_district_plate_takes_the_district_s_name(store: Store) -> None:
    assert ingest([EXAMPLES / "hexi_shichangjianguan.txt"], store).failed == []
    assert store.read(ALIASES, {"name": "河西区市场监督管理局"}) == [{"aliases": ["河西区知识产权局", "示例市河西区市场监督管理局"]}]


def test_the_real_jiedong_plate(store: Store) -> None:
    assert ingest([real_document("jieyang_jiedong_gongxinkeji_sanding.txt")], store).failed == []
    assert store.read(ALIASES, {"name": "揭东区工业信息化和科技局"}) == [
        {"aliases": ["揭东区商务局", "揭阳市揭东区工业信息化和科技局"]}]
