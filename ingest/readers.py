"""Readers per file format: bytes on disk to a `SourceText` of lines, with the encoding detected."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.os_reasons import os_reason_zh
from ingest.errors import IngestError
from ingest.normalize import clean_lines

if TYPE_CHECKING:  # python-docx loads only when a .docx is read (the command line starts without it)
    from docx.document import Document as DocxDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_LINE = re.compile(r"^#\s*([A-Za-z_]+)\s*:\s*(.*)$")
_WHITESPACE = re.compile(r"\s+")
_PUNCTUATION_RUN = re.compile(r"[\W_]+")


@dataclass
class SourceText:
    path: Path
    lines: list[str]
    sha256: str
    encoding: str
    title: str = ""  # from the container (an HTML <title>), when there is one
    notes: list[str] = field(default_factory=list)
    text_sha256: str = ""  # of its text (`text_digest`): a copy in another encoding has the same

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_source(path: Path) -> SourceText:
    """Read one .txt, .html or .docx file; raises IngestError naming the file and what was expected."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(path, "a .txt, .html or .docx document", detail=f"unsupported file type {suffix or '(none)'}",
                          zh="文件应为 .txt、.html 或 .docx 文件（清单可为 .csv 或 .xlsx）")
    data, digest = read_bytes(path, "a document with text")
    if suffix in DOCX_SUFFIXES:
        lines = _docx_lines(path, data)
        return _finish(SourceText(path, lines, digest, "docx"))
    text, encoding = decode_text(path, data)
    if suffix in HTML_SUFFIXES:
        title, lines = _html_lines(text)
        return _finish(SourceText(path, lines, digest, encoding, title=title))
    return _finish(SourceText(path, text.splitlines(), digest, encoding))


def read_bytes(path: Path, expected_when_empty: str) -> tuple[bytes, str]:
    """A file's bytes and their SHA-256; an unreadable or empty file is an IngestError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, "a readable file", detail=exc.strerror or str(exc),
                          zh=f"文件无法读取（{os_reason_zh(exc)}）") from exc
    if not data.strip():
        raise IngestError(path, expected_when_empty, detail="the file is empty", zh="文件没有正文")
    return data, hashlib.sha256(data).hexdigest()


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return _checked(path, data.decode("utf-16"), "utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise IngestError(path, "UTF-16 text, as its byte-order mark says",
                              detail=f"undecodable bytes at offset {exc.start}",
                              zh="文件开头的字节序标记表明为 UTF-16 编码，但内容无法按 UTF-16 解码") from exc
    if b"\x00" in data:
        raise IngestError(path, "a text document in UTF-8 or GB18030", detail="the file is binary",
                          zh="文件是二进制文件，不是 UTF-8 或 GB18030 编码的文本")
    try:
        return _checked(path, data.decode("utf-8-sig"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(path, data.decode("gb18030"), "gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(path, "text in UTF-8 or GB18030", line=line,
                          detail=f"undecodable bytes at offset {exc.start}",
                          zh="文本应为 UTF-8 或 GB18030 编码，此行有无法解码的字节") from exc


def _checked(path: Path, text: str, encoding: str) -> str:
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 200):
        raise IngestError(path, "a text document in UTF-8 or GB18030", detail="the file is binary",
                          zh="文件是二进制文件，不是 UTF-8 或 GB18030 编码的文本")
    if not _HAN.search(sample):
        raise IngestError(path, "a Chinese government document", detail=f"no Chinese text found ({encoding})",
                          zh="不是中文政府文件（没有中文文字）")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def open_docx(path: Path, data: bytes) -> DocxDocument:
    """The Word document, or an error naming the file when it is none."""
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(path, "a Word .docx document", detail="the file is not a valid .docx",
                          zh="不是有效的 Word .docx 文件") from exc


def _docx_lines(path: Path, data: bytes) -> list[str]:
    document = open_docx(path, data)
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" |".join(cell.text.strip() for cell in row.cells))
    if not any(_HAN.search(line) for line in lines):
        raise IngestError(path, "a Chinese government document", detail="the .docx holds no Chinese text",
                          zh="不是中文政府文件（.docx 中没有中文文字）")
    return lines


_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article")


def _html_lines(text: str) -> tuple[str, list[str]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "head"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    if soup.head:
        soup.head.decompose()
    for cell in soup.find_all(["td", "th"]):
        cell.append(" |")
    lines = [line.strip() for line in soup.get_text("\n").split("\n")]
    return title, [line for line in lines if line]


def _finish(source: SourceText) -> SourceText:
    """Keep a leading block of `# key: value` lines (provenance a curator added) as notes, not text."""
    lines = source.lines
    index = 0
    while index < len(lines) and (match := _META_LINE.match(lines[index])):
        source.notes.append(f"{match.group(1)}: {match.group(2)}")
        index += 1
    # Blank the notes rather than drop them, so that line numbers still point into the file.
    source.lines = [""] * index + lines[index:]
    source.text_sha256 = text_digest(source.lines)
    return source


def text_digest(lines: Iterable[str]) -> str:
    """The SHA-256 of a document's words, line by line: the same for copies of one text that differ only in how they
    are written down (FORMATS.md §8: de-duplicate by normalised text, not by URL). Its encoding, line ends, blank lines
    and spaces (ideographic, ASCII or none: `第一条　根据`, `第一条根据`); full- and half-width forms (NFKC); the
    punctuation between words (〔2019〕 and [2019]); and what `clean_lines` strips (pinyin, spam strings) or converts
    (a traditional mirror) all leave it unchanged. A copy of the same text is loaded in its twin's place, so lines
    broken elsewhere (a whole 三定 on one line), which may parse otherwise, keep a document of their own. Each run of
    punctuation counts as one mark, so a list's cells stay apart."""
    cleaned, _converted = clean_lines([unicodedata.normalize("NFKC", line) for line in lines])
    words = (_PUNCTUATION_RUN.sub("|", _WHITESPACE.sub("", line)) for line in cleaned)
    return hashlib.sha256("\n".join(line for line in words if line).encode()).hexdigest()
