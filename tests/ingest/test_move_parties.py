"""The two names of a move are two bodies (ingest.names.NameResolver.resolve_apart). The abbreviation table reads
体育局 as the 文化和旅游局 (many counties have one 文广旅体局); a 文化和旅游局 notice moving a 体育局's work and posts
into it was read as a move from the department to itself, its own counterpart in staff_moves (user test)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries import catalog

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tenure"
_NOTICE = """关于调整滨江市文化和旅游局职责机构编制的通知
（2022年8月1日）
一、将滨江市体育局的体育赛事活动监督管理职责划入滨江市文化和旅游局，相应划转行政编制1名。
二、将滨江市体育局1名行政编制划入滨江市文化和旅游局。
"""
_PROFILE = "滨江市文化和旅游局职能配置、内设机构和人员编制规定"


def _moves(store: Store) -> list[tuple[str, str, str, int | None]]:
    rows = store.read("MATCH (a:Department)-[t:TRANSFERRED_TO]->(b:Department) "
                      "RETURN a.name AS a, b.name AS b, t.what AS what, t.staff AS staff ORDER BY a, b, what, staff")
    return [(row["a"], row["b"], row["what"], row["staff"]) for row in rows]


def test_a_receivers_notice_moves_work_from_the_body_it_names(store: Store, tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text(_NOTICE, encoding="utf-8")
    assert ingest([FIXTURES / "wenlv_2019.txt", tmp_path / "notice.txt"], store).failed == []
    assert _moves(store) == [("滨江市体育局", "滨江市文化和旅游局", "体育赛事活动监督管理", None),
                             ("滨江市体育局", "滨江市文化和旅游局", "行政编制", 1),
                             ("滨江市体育局", "滨江市文化和旅游局", "行政编制", 1)]
    moves = catalog.run(store, "staff_moves", {"region": "滨江市"})
    assert sorted((row["department"], row["direction"], row["other"], row["staff"]) for row in moves) == [
        ("滨江市体育局", "out", "滨江市文化和旅游局", 1), ("滨江市体育局", "out", "滨江市文化和旅游局", 1),
        ("滨江市文化和旅游局", "in", "滨江市体育局", 1), ("滨江市文化和旅游局", "in", "滨江市体育局", 1)]


def test_a_later_load_does_not_merge_the_giver_into_the_receiver(store: Store, tmp_path: Path) -> None:
    """The 体育局 of a move of posts alone holds no duty: the re-resolution of parties after every load would read it as
    the 文化和旅游局 again, were it not the other side of the move."""
    (tmp_path / "notice.txt").write_text(_NOTICE.replace(
        "一、将滨江市体育局的体育赛事活动监督管理职责划入滨江市文化和旅游局，相应划转行政编制1名。\n", ""), encoding="utf-8")
    assert ingest([FIXTURES / "wenlv_2019.txt", tmp_path / "notice.txt"], store).failed == []
    assert ingest([FIXTURES / "wenlv_2023.txt"], store).failed == []
    assert _moves(store) == [("滨江市体育局", "滨江市文化和旅游局", "行政编制", 1)]
