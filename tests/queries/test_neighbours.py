"""The word vectors' cache: the same vectors as the data file, and never in the way when it is damaged or unwritable."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import numpy as np

from queries.neighbours import DIMENSIONS, load_word_vectors


def _data_file(path: Path, words: list[str]) -> Path:
    """A data file shaped like the package's: a gzip of a pickle whose first item is 'word v1 … v200' lines."""
    rng = np.random.default_rng(len(words))
    lines = [word + " " + " ".join(f"{value:.6f}" for value in rng.normal(size=DIMENSIONS)) for word in words]
    with gzip.open(path, "wb") as out:
        pickle.dump([lines, {}, {}], out)
    return path


WORDS = ["电梯", "扶梯", "医生", "大夫", "油烟"]


def test_the_cache_gives_exactly_the_vectors_of_the_data_file(tmp_path: Path) -> None:
    source = _data_file(tmp_path / "test.model", WORDS)
    parsed = load_word_vectors(source, None)
    first = load_word_vectors(source, tmp_path / "cache")  # parses, then writes the cache
    again = load_word_vectors(source, tmp_path / "cache")
    assert isinstance(again.matrix, np.memmap) and not isinstance(first.matrix, np.memmap)  # read from the cache
    assert list(again.row) == list(first.row) == list(parsed.row) == WORDS
    assert again.matrix.dtype == np.float32 and np.array_equal(again.matrix, parsed.matrix)
    assert np.array_equal(again.vector("扶梯"), parsed.vector("扶梯"))


def test_a_damaged_cache_is_read_afresh_and_replaced(tmp_path: Path) -> None:
    source = _data_file(tmp_path / "test.model", WORDS)
    parsed = load_word_vectors(source, None)
    load_word_vectors(source, tmp_path / "cache")
    [folder] = (tmp_path / "cache").iterdir()
    (folder / "matrix.npy").write_bytes(b"\x93NUMPY cut short")
    assert np.array_equal(load_word_vectors(source, tmp_path / "cache").matrix, parsed.matrix)
    repaired = load_word_vectors(source, tmp_path / "cache")
    assert isinstance(repaired.matrix, np.memmap) and np.array_equal(repaired.matrix, parsed.matrix)


def test_a_cache_with_fewer_words_than_rows_is_not_trusted(tmp_path: Path) -> None:
    source = _data_file(tmp_path / "test.model", WORDS)
    load_word_vectors(source, tmp_path / "cache")
    [folder] = (tmp_path / "cache").iterdir()
    (folder / "words.txt").write_text("电梯\n扶梯", encoding="utf-8")
    assert list(load_word_vectors(source, tmp_path / "cache").row) == WORDS


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    source = _data_file(tmp_path / "test.model", WORDS)
    (tmp_path / "a-file").write_text("")
    vectors = load_word_vectors(source, tmp_path / "a-file" / "cache")  # its parent is a file: mkdir fails
    assert list(vectors.row) == WORDS and np.array_equal(vectors.matrix, load_word_vectors(source, None).matrix)


def test_a_new_data_file_is_not_answered_from_the_old_cache(tmp_path: Path) -> None:
    source = _data_file(tmp_path / "test.model", WORDS)
    load_word_vectors(source, tmp_path / "cache")
    _data_file(source, [*WORDS, "井盖"])
    assert list(load_word_vectors(source, tmp_path / "cache").row) == [*WORDS, "井盖"]


def test_installs_of_one_release_share_one_cache_and_stale_caches_are_removed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    stale = cache / "word-vectors-0.1.0-1-42118064-1795288589375439678"  # keyed on an install's file time
    stale.mkdir(parents=True)
    (stale / "matrix.npy").write_bytes(b"old")
    first_install = _data_file(tmp_path / "one.model", WORDS)
    load_word_vectors(first_install, cache)
    [folder] = cache.iterdir()  # the stale folder is gone
    second_install = tmp_path / "two.model"
    second_install.write_bytes(first_install.read_bytes())  # the same release's file, installed later
    again = load_word_vectors(second_install, cache)
    assert isinstance(again.matrix, np.memmap)  # read from the first install's cache, not parsed afresh
    assert list(cache.iterdir()) == [folder]
