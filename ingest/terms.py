"""jieba set-up with the shipped domain dictionary, and the terms, verbs and objects of a duty text."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ingest.category import ADMIN_VERBS, GENERIC_VERBS, categorise

# jieba's import loads pkg_resources (0.1 s, most of jieba's import) only to open its own model files, and opens
# them by path when that import fails: it is made to fail for jieba's import alone, and is importable again after.
_PKG_RESOURCES_HIDDEN = "pkg_resources" not in sys.modules
if _PKG_RESOURCES_HIDDEN:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
try:
    import jieba
    import jieba.finalseg
finally:
    if _PKG_RESOURCES_HIDDEN:
        del sys.modules["pkg_resources"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_HEADLINE = re.compile(r"[。；;]")
MAX_TERMS = 12
MAX_VERBS = 5
MAX_OBJECTS = 5


# Variant → canonical tables: the domain's own synonyms, the everyday words of complaints (colloquial.txt), and
# official full names, abbreviations and former names (official_variants.txt). The last are exact terms: a
# complaint's text is matched loosely against the first two only (`loose_synonyms`).
LOOSE_SYNONYM_FILES = ("synonyms.txt", "colloquial.txt")
SYNONYM_FILES = (*LOOSE_SYNONYM_FILES, "official_variants.txt")


DATA = resources.files("ingest") / "data"
# The files the tokenizer is built from (its cache is keyed on their bytes).
TOKENIZER_FILES = ("domain_dict.txt", *SYNONYM_FILES, "broader.txt")


@cache
def _data_lines(name: str) -> tuple[str, ...]:
    """The lines of a shipped data file, read once: the tables built from one file (synonyms, loose_synonyms,
    named_compounds) each read it."""
    return _file_lines(DATA / name)


def _file_lines(resource: Traversable) -> tuple[str, ...]:
    """The non-empty lines of a data file; lines starting with # are comments."""
    if not resource.is_file():
        return ()
    lines = (line.strip() for line in resource.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _synonym_lines(files: tuple[str, ...] = SYNONYM_FILES) -> list[str]:
    return [line for name in files for line in _data_lines(name)]


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer (not the global one) with the domain dictionary and every admin verb, through the
    per-machine cache: building it costs a second or more, every process that segments a text (a CLI question,
    the API's start) would pay it, and loading the cache takes a fraction of that."""
    try:
        root: Path | None = cache_root()
    except RuntimeError:  # no home folder to be found: segment without the cache
        root = None
    return load_tokenizer(DATA, root)


# The tokenizer cache ----------------------------------------------------------------------------------------
#
# jieba's own cache (`Tokenizer.cache_file`, `tmp_dir`) keeps only the prefix dictionary of the *file* given to
# `initialize`, and trusts it while the cache file is newer than that file; the ~10,000 words added here one by
# one with `add_word` (each a `suggest_freq` that segments the word) are never in it. So the finished state is
# cached instead: the prefix dictionary with every word added, its total and the words' tags, keyed on the bytes
# of the dictionaries, of the admin verbs, of this module and of jieba's own dictionary: an edited dictionary gets
# a new key and is never served stale.
_TOKENIZER_CACHE_FORMAT = 1
_TOKENIZER_CACHES_KEPT = 4  # caches of other dictionaries (another checkout, an edit) kept beside the current one


def cache_root() -> Path:
    """`$XDG_CACHE_HOME/dutygraph`, or `~/.cache/dutygraph` (the XDG default): the folder of this cache and of the
    word vectors' (queries.neighbours)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dutygraph"


def load_tokenizer(data: Traversable, root: Path | None) -> jieba.Tokenizer:
    """The tokenizer of the dictionaries in `data`, from the cache under `root` when it holds them (None: no cache).
    A cache that cannot be read or written is ignored: it only ever saves time."""
    path = root / f"jieba-{tokenizer_cache_key(data)}.marshal" if root is not None else None
    if path is not None and (cached := _read_tokenizer(path)) is not None:
        return cached
    instance, forced_splits = build_tokenizer(data)
    if path is not None:
        _write_tokenizer(path, instance, forced_splits)
    return instance


def build_tokenizer(data: Traversable) -> tuple[jieba.Tokenizer, list[str]]:
    """The tokenizer built word by word, and the words given a frequency of 0 (jieba splits them by force)."""
    jieba.setLogLevel(logging.WARNING)
    instance = jieba.Tokenizer()
    instance.initialize()
    forced_splits: list[str] = []
    domain = _file_lines(data / "domain_dict.txt")
    for line in domain:
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        instance.add_word(word, freq, tag)
        if freq == 0:
            forced_splits.append(word)
    for verb in ADMIN_VERBS:
        instance.add_word(verb, 3000, "v")
    # Every word of the synonym table must come out of segmentation whole, or it could never be folded;
    # words the domain dictionary already weighs keep their weight.
    known = {line.split()[0] for line in domain}
    lines = [line for name in (*SYNONYM_FILES, "broader.txt") for line in _file_lines(data / name)]
    for line in lines:
        for word in line.split("\t"):
            if word and word not in known:
                instance.add_word(word)
    return instance, forced_splits


def tokenizer_cache_key(data: Traversable) -> str:
    """A digest of everything the built tokenizer depends on."""
    digest = hashlib.sha256(f"{_TOKENIZER_CACHE_FORMAT}\0{jieba.__version__}\0".encode())
    for name in TOKENIZER_FILES:
        resource = data / name
        digest.update(name.encode() + b"\0" + (resource.read_bytes() if resource.is_file() else b"") + b"\0")
    digest.update("\n".join(sorted(ADMIN_VERBS)).encode() + b"\0")
    digest.update(Path(__file__).read_bytes() + b"\0")
    digest.update((Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).read_bytes())
    return digest.hexdigest()[:32]


def _read_tokenizer(path: Path) -> jieba.Tokenizer | None:
    """Read whole, then unmarshalled: `marshal.load` on a file reads it a piece at a time and is three times slower."""
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(state, tuple) and len(state) == 4 and isinstance(state[0], dict)
            and isinstance(state[1], int) and isinstance(state[2], dict) and isinstance(state[3], list)):
        return None  # written by something else
    freq, total, tags, forced_splits = state
    instance = jieba.Tokenizer()
    instance.FREQ, instance.total = freq, total
    instance.user_word_tag_tab.update(tags)
    instance.initialized = True
    for word in forced_splits:  # what add_word(word, 0) does besides the dictionary (jieba keeps it globally)
        jieba.finalseg.add_force_split(word)
    return instance


def _write_tokenizer(path: Path, instance: jieba.Tokenizer, forced_splits: list[str]) -> None:
    """Into a temporary file renamed into place, so that a process reading it, or two writing it at once, never see
    half a file; then the oldest caches of other dictionaries beyond a few are removed."""
    state = (instance.FREQ, instance.total, instance.user_word_tag_tab, forced_splits)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(prefix=".jieba-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                marshal.dump(state, file)
            os.replace(staging, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(staging)  # gone already once renamed; left behind by a failure
        _prune_tokenizer_caches(path)


def _prune_tokenizer_caches(current: Path) -> None:
    others = sorted((entry for entry in current.parent.glob("jieba-*.marshal") if entry != current),
                    key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in others[_TOKENIZER_CACHES_KEPT - 1:]:
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The words of the shipped domain dictionary."""
    return frozenset(line.split()[0] for line in _data_lines("domain_dict.txt"))


@lru_cache(maxsize=1)
def broader_terms() -> dict[str, tuple[str, ...]]:
    """Every specific term (餐饮油烟) → the broader terms duties write instead (大气污染), from broader.txt."""
    table: dict[str, list[str]] = {}
    for line in _data_lines("broader.txt"):
        broader, *narrower = [word for word in line.split("\t") if word]
        for word in narrower:
            table.setdefault(word, []).append(broader)
    return {word: tuple(terms) for word, terms in table.items()}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_data_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Every variant (共享单车) → its canonical term (互联网租赁自行车)."""
    return _variant_table(SYNONYM_FILES)


@lru_cache(maxsize=1)
def loose_synonyms() -> dict[str, str]:
    """The same from the tables whose phrases may be found in a text loosely (not the official variants)."""
    return _variant_table(LOOSE_SYNONYM_FILES)


def _variant_table(files: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _synonym_lines(files):
        words = [word for word in line.split("\t") if word]
        for word in words[1:]:
            table[word] = words[0]
    return table


# jieba segments each run of these characters on its own and passes what lies between them through
# character by character, so a text's segmentation is the concatenation of its blocks' (jieba.cut).
_JIEBA_BLOCK = jieba.re_han_default
BLOCK_CACHE_SIZE = 1 << 17


def segment(text: str, *, for_search: bool = False, as_query: bool = False) -> list[str]:
    """jieba's `lcut` (or `cut_for_search`) of `text`, block by block through a cache: duty lists say the
    same clauses over and over (every county restates its city's 三定), and jieba is most of ingest's time.
    `as_query`: the pieces of a text searched for (`_search_pieces`)."""
    words: list[str] = []
    for block in _JIEBA_BLOCK.split(text):
        if block:
            words.extend(_segment_block(block))
    if for_search:
        return [piece for word in words for piece in _search_pieces(word, as_query)]
    return words


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _segment_block(block: str) -> tuple[str, ...]:
    return tuple(tokenizer().cut(block))


def tokens(text: str) -> list[str]:
    return [token for token in segment(text) if token.strip()]


def index_terms(text: str, *, with_parts: bool = False, as_query: bool = False) -> list[str]:
    """The words worth indexing: Chinese, two characters or more, not stop words, synonyms folded.

    `with_parts` adds the shorter words inside a compound (农产品质量安全 → 农产品, 质量安全 …), so that
    two texts that chose different compounds for the same thing still meet. The pieces of an official
    compound the dictionaries name are read literally, not folded: the 饭店 in 星级饭店 is a hotel, not a
    restaurant.

    `as_query`: the text is what a search looks for (a complaint, a matter's name), read more strictly than the
    evidence it is matched against: no piece cuts into a term kept whole (`_search_pieces`), and no piece of a
    variant is read as another kind of a head that an official compound of the word names (`_heads_of_official`).
    The evidence keeps those pieces: they are what the linker's weights were fitted on (ingest.train_similarity),
    and a complaint that does not say them never meets them.
    """
    stop = stopwords()
    folded = synonyms()
    out = []
    for word in tokens(text):
        # A variant's pieces are everyday words too (黑诊所 → 诊所): those are still folded.
        literal_pieces = with_parts and word in named_compounds() and word not in folded
        heads = _heads_of_official(word) if with_parts and as_query and not literal_pieces else {}
        for piece in _search_pieces(word, as_query) if with_parts else (word,):
            if len(piece) < 2 or not _HAN.search(piece) or piece in stop:
                continue
            literal = (literal_pieces and piece != word) or _names_another(piece, folded.get(piece, piece),
                                                                             heads.get(piece))
            canonical = piece if literal else folded.get(piece, piece)
            out.append(canonical)
            if with_parts and canonical != piece:
                # 缺斤少两 → 计量作弊, and its parts 计量, 作弊: an everyday word meets the official one.
                out.extend(part for part in _parts(canonical, as_query) if part != canonical)
    return out


@lru_cache(maxsize=1 << 16)
def _search_pieces(word: str, as_query: bool = False) -> tuple[str, ...]:
    """What jieba's `cut_for_search` yields for one word of `cut`: its dictionary 2- and 3-grams, then the
    word itself (the same loop as jieba's, kept per word so a compound's pieces know their compound); and each
    term kept whole (`whole_terms`) that the word holds, so that 电动自行车 finds 电动自行车集中充电设施. Read
    `as_query`, a term kept whole has no pieces, and no gram cuts into one: 电动自行车充电 gives 电动自行车 and
    充电, not 自行车 (a bicycle, which meets 互联网租赁自行车) or the 动车 (a train) of 电动车."""
    if as_query and word in whole_terms():
        return (word,)
    kept = whole_spans(word) if len(word) > 2 else []
    known = tokenizer().FREQ
    pieces = []
    for size in (2, 3):
        if len(word) > size:
            pieces.extend(word[i:i + size] for i in range(len(word) - size + 1) if known.get(word[i:i + size])
                          and not (as_query and any(i < end and start < i + size for start, end in kept)))
    pieces.extend(piece for start, end in kept if (piece := word[start:end]) != word and piece not in pieces)
    pieces.append(word)
    return tuple(pieces)


def whole_spans(text: str) -> list[tuple[int, int]]:
    """Where the terms kept whole (`whole_terms`) occur in a text, in order; of two that overlap, the longer
    (低速电动车 over its 电动车)."""
    found = sorted(((match.start(), match.start() + len(term)) for term in whole_terms() if term in text
                    for match in re.finditer(re.escape(term), text)), key=lambda span: (span[0] - span[1], span[0]))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if not any(start < other_end and other_start < end for other_start, other_end in spans):
            spans.append((start, end))
    return sorted(spans)


@lru_cache(maxsize=1)
def whole_terms() -> frozenset[str]:
    """The terms read whole (whole_terms.txt) and the words the synonym tables fold into them (电动车, 电瓶车): their
    parts, read alone, name other things (the 自行车 of 电动自行车 meets 互联网租赁自行车, its 动车 is a train)."""
    kept = frozenset(_data_lines("whole_terms.txt"))
    return kept | {variant for variant, canonical in synonyms().items() if canonical in kept}


@lru_cache(maxsize=1 << 16)
def _heads_of_official(word: str) -> dict[str, frozenset[str]]:
    """The official compounds the dictionaries name (`named_compounds`, not a variant) inside a longer word, by
    their head: the piece they end with (倾倒建筑垃圾 holds 建筑垃圾, whose head is 垃圾). A Chinese compound names a
    kind of its head, so the word's 垃圾 is that kind, not the one the synonym table reads a bare 垃圾 as."""
    named, folded = named_compounds(), synonyms()
    heads: dict[str, set[str]] = {}
    for start in range(len(word)):
        for end in range(start + 3, len(word) + (0 if start == 0 else 1)):
            term = word[start:end]
            if term in named and term not in folded:
                for size in (2, 3):
                    if len(term) > size:
                        heads.setdefault(term[-size:], set()).add(term)
    return {head: frozenset(terms) for head, terms in heads.items()}


def _names_another(piece: str, reading: str, compounds: frozenset[str] | None) -> bool:
    """Whether a piece's reading (垃圾 → 生活垃圾) is another compound of the head it is in the word (建筑垃圾)."""
    return bool(compounds) and reading != piece and reading.endswith(piece) and reading not in (compounds or ())


@lru_cache(maxsize=1)
def named_compounds() -> frozenset[str]:
    """The words of the domain dictionary and of the synonym tables longer than two characters."""
    words = set(domain_words())
    words.update(word for line in _synonym_lines() for word in line.split("\t") if word)
    return frozenset(word for word in words if len(word) > 2)


@lru_cache(maxsize=4096)
def _parts(term: str, as_query: bool = False) -> tuple[str, ...]:
    stop = stopwords()
    return tuple(part for part in segment(term, for_search=True, as_query=as_query)
                 if len(part) >= 2 and _HAN.search(part) and part not in stop)


@dataclass(frozen=True)
class DutyAnalysis:
    terms: dict[str, int]  # term → count, the MENTIONS weights
    verbs: list[str]
    objects: list[str]
    category: str


def headline(text: str) -> str:
    """A duty's first sentence (up to the first 。；): the work itself; what follows lists its tasks."""
    return _HEADLINE.split(text, maxsplit=1)[0]


def analyse_duty(text: str) -> DutyAnalysis:
    """Terms of the whole text; verbs, objects and category from its headline."""
    headline_text = headline(text)
    counts = Counter(index_terms(text))
    top = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS])
    headline_tokens = tokens(headline_text)
    verbs = _unique(token for token in headline_tokens if token in ADMIN_VERBS)[:MAX_VERBS]
    stop = stopwords()
    objects = _unique(
        token for token in headline_tokens
        if len(token) >= 2 and _HAN.search(token) and token not in ADMIN_VERBS and token not in stop
        and token not in GENERIC_VERBS
    )[:MAX_OBJECTS]
    return DutyAnalysis(terms=top, verbs=verbs, objects=objects, category=categorise(text, headline_tokens))


def _unique(items: object) -> list[str]:
    seen: list[str] = []
    for item in items:  # type: ignore[attr-defined]
        if item not in seen:
            seen.append(item)
    return seen
