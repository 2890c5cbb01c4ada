"""The same list loaded for two regions (a county copying another's template, 县水利局 and all) is a document in
each: before, the second load took the first's uid and replaced its 牵头/配合 edges, leaving the first county's
matters without parties and nothing said (user test). Loading a file again for its own region still replaces it."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog

TEMPLATE = ("序号,事项名称,主体责任单位,配合责任单位,主体责任,配合责任\n"
            "1,农村饮用水安全巡查,县水利局,县卫生健康局,负责农村饮水工程巡查。,负责水质卫生监测。\n")


# Each county's own bureaus, named as the list writes them (no 三定 defines either here).
BOTH = [("示例市/白石县", ["白石县水利局"], ["白石县卫生健康局"]),
        ("示例市/青山县", ["青山县水利局"], ["青山县卫生健康局"])]


def _parties(store: Store) -> list[tuple[str, list[str], list[str]]]:
    return [(row["region"], row["leads"], row["assists"]) for row in catalog.run(store, "matters")]


def test_a_list_copied_for_another_county_keeps_both(store: Store, tmp_path: Path) -> None:
    for county in ("青山县", "白石县"):
        (tmp_path / county).mkdir()
        (tmp_path / county / f"{county}属地清单.csv").write_text(TEMPLATE, encoding="utf-8")
    first = ingest([tmp_path / "青山县"], store, region=Region(("示例市", "青山县")))
    second = ingest([tmp_path / "白石县"], store, region=Region(("示例市", "白石县")))
    assert (first.failed, second.failed) == ([], [])
    assert _parties(store) == BOTH
    documents = store.read("MATCH (d:Document) RETURN d.region AS region, d.sha256 AS sha256 ORDER BY region")
    assert [d["region"] for d in documents] == ["示例市/白石县", "示例市/青山县"]
    assert documents[0]["sha256"] == documents[1]["sha256"]  # one content, two documents
    # Loaded again for its own county, a copy replaces its document: nothing is added twice.
    again = ingest([tmp_path / "青山县"], store, region=Region(("示例市", "青山县")))
    assert again.failed == []
    assert _parties(store) == BOTH
    assert len(store.read("MATCH (d:Document) RETURN d.uid AS uid")) == 2


def test_a_copy_in_another_encoding_is_the_same_document(store: Store, tmp_path: Path) -> None:
    """FORMATS.md §8: copies of one document differ in their bytes (a GBK copy of a UTF-8 file, CRLF line ends, a
    workbook saved again); de-duplicated by their text, each was a second Document of the same duties."""
    sanding = (Path(__file__).resolve().parents[2] / "examples" / "sanding" / "hexi_jiaotong.txt").read_text("utf-8")
    (tmp_path / "utf8").mkdir()
    (tmp_path / "gbk").mkdir()
    (tmp_path / "utf8" / "河西区交通运输局三定.txt").write_text(sanding, encoding="utf-8")
    (tmp_path / "utf8" / "青山县属地清单.csv").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "gbk" / "三定（GBK）.txt").write_bytes(sanding.replace("\n", "\r\n").encode("gb18030"))
    (tmp_path / "gbk" / "属地清单 副本.csv").write_bytes(TEMPLATE.replace("\n", " \r\n").encode("gb18030"))
    first = ingest([tmp_path / "utf8"], store, region=Region(("示例市", "青山县")))
    second = ingest([tmp_path / "gbk"], store, region=Region(("示例市", "青山县")))
    assert (first.failed, second.failed) == ([], [])
    assert [any(outcome.created.values()) for outcome in second.outcomes] == [False, False]
    documents = store.read("MATCH (d:Document) RETURN d.uid AS uid, d.text_sha256 AS text ORDER BY uid")
    assert len(documents) == 2 and len({d["text"] for d in documents}) == 2
    # The same text for another region is still a document of its own there (the template copy above).
    third = ingest([tmp_path / "gbk" / "属地清单 副本.csv"], store, region=Region(("示例市", "白石县")))
    assert third.failed == [] and len(store.read("MATCH (d:Document) RETURN d.uid AS uid")) == 3


def test_a_mirror_copy_in_traditional_script_with_other_punctuation_is_the_same_document(store: Store,
                                                                                        tmp_path: Path) -> None:
    """FORMATS.md §8: mirrors of one 三定 differ by more than their encoding (a traditional-script mirror with pinyin
    after characters, half-width brackets, an ideographic space after 第一条, a spam string spliced in). Each
    loaded as a second Document of the same duties, so every duty overlapped its twin."""
    import opencc

    sanding = (Path(__file__).resolve().parents[2] / "examples" / "sanding" / "hexi_jiaotong.txt").read_text("utf-8")
    mirror = opencc.OpenCC("s2t").convert(sanding).replace("（", "(").replace("）", ")").replace("第一條 ", "第一條\u3000")
    mirror = mirror.replace("職能配置", "職(zhi)能配置").replace("規定", "開雲網頁版-開雲(中國)官方在線登錄規定", 1)
    (tmp_path / "original.txt").write_text(sanding, encoding="utf-8")
    (tmp_path / "mirror.txt").write_text(mirror, encoding="utf-8")
    first = ingest([tmp_path / "original.txt"], store, region=Region(("示例市", "河西区")))
    second = ingest([tmp_path / "mirror.txt"], store, region=Region(("示例市", "河西区")))
    assert (first.failed, second.failed) == ([], [])
    assert [any(outcome.created.values()) for outcome in second.outcomes] == [False]
    assert len(store.read("MATCH (d:Document) RETURN d.uid AS uid")) == 1
    # Another word is another text: a copy cut short is a document of its own.
    (tmp_path / "cut.txt").write_text(sanding[: sanding.rindex("第")], encoding="utf-8")
    assert ingest([tmp_path / "cut.txt"], store, region=Region(("示例市", "河西区"))).failed == []
    assert len(store.read("MATCH (d:Document) RETURN d.uid AS uid")) == 2
