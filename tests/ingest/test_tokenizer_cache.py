"""The per-machine cache of the jieba tokenizer: the same segmentation as building it, keyed on the dictionaries'
content, and a damaged cache file rebuilt rather than trusted."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jieba
import pytest

from ingest.readers import decode_text
from ingest.terms import DATA, TOKENIZER_FILES, _read_tokenizer, build_tokenizer, load_tokenizer, tokenizer_cache_key

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example_clauses() -> list[str]:
    """Every non-empty line of the bundled 三定 texts (titles, duty clauses, office and staffing paragraphs)."""
    clauses = []
    for path in sorted((EXAMPLES / "sanding").glob("*.txt")):
        text, _encoding = decode_text(path, path.read_bytes())
        clauses.extend(line.strip() for line in text.splitlines() if line.strip())
    return clauses


def _cuts(instance: jieba.Tokenizer, clauses: list[str]) -> list[list[str]]:
    return [list(instance.cut(clause)) for clause in clauses]


@pytest.fixture(scope="module")
def built() -> jieba.Tokenizer:
    instance, forced_splits = build_tokenizer(DATA)
    assert forced_splits == []  # the shipped dictionary gives no word a frequency of 0
    return instance


def test_the_cached_tokenizer_segments_exactly_as_the_built_one(built: jieba.Tokenizer, tmp_path: Path) -> None:
    clauses = _example_clauses()
    assert len(clauses) > 300
    load_tokenizer(DATA, tmp_path)  # builds, and writes the cache
    cache_file = tmp_path / f"jieba-{tokenizer_cache_key(DATA)}.marshal"
    assert sorted(tmp_path.iterdir()) == [cache_file]  # no staging file left behind
    cached = _read_tokenizer(cache_file)
    assert cached is not None
    assert cached.FREQ == built.FREQ
    assert cached.total == built.total
    assert cached.user_word_tag_tab == built.user_word_tag_tab
    assert _cuts(cached, clauses) == _cuts(built, clauses)
    assert load_tokenizer(DATA, tmp_path).FREQ == built.FREQ  # and load_tokenizer takes it from there


def test_an_edited_dictionary_is_never_served_from_the_old_cache(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in TOKENIZER_FILES:
        shutil.copy(DATA / name, data / name)
    cache = tmp_path / "cache"
    text = "网格员夜间巡查占道烧烤摊点"
    before = list(load_tokenizer(data, cache).cut(text))
    assert "占道烧烤摊点" not in before
    dictionary = data / "domain_dict.txt"
    stat = dictionary.stat()
    dictionary.write_text(dictionary.read_text(encoding="utf-8") + "占道烧烤摊点 5000 n\n", encoding="utf-8")
    # The edit keeps the file's time: a cache trusted while it is newer than the dictionary (jieba's own) would
    # serve the old words.
    os.utime(dictionary, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = list(load_tokenizer(data, cache).cut(text))
    assert after == ["网格员", "夜间", "巡查", "占道烧烤摊点"]
    assert len(list(cache.glob("jieba-*.marshal"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a marshal file", b"\xe9\x00\x00\x00"])
def test_a_damaged_cache_file_is_rebuilt(built: jieba.Tokenizer, tmp_path: Path, damage: bytes) -> None:
    cache_file = tmp_path / f"jieba-{tokenizer_cache_key(DATA)}.marshal"
    cache_file.write_bytes(damage)
    assert _read_tokenizer(cache_file) is None
    assert load_tokenizer(DATA, tmp_path).FREQ == built.FREQ
    repaired = _read_tokenizer(cache_file)
    assert repaired is not None and repaired.FREQ == built.FREQ
