"""Cleaning of real copies: injected pinyin, spam strings, odd spaces, and traditional script."""

from __future__ import annotations

import re
from functools import lru_cache

# `監(jiān)` — pinyin a mirror site printed after a character; `【dìng】` — pinyin injected in brackets.
_PINYIN_AFTER_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_PINYIN_BRACKETS = re.compile(r"【[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+】")
# Gambling-site strings that mirrors splice into official text (`开云网页版-开云(中国)官方在线登录`).
_SPAM = re.compile(r"[\u4e00-\u9fff]{0,2}网页版-[^\s，。,、《》]*?(?:官方|在线)[^\s，。,、《》]*?登录")
# Editors' marks that news copies append: `【编辑:宋宇晟】`.
_EDITOR_MARK = re.compile(r"【(?:编辑|责任编辑|责编|来源)[:：][^】]*】")
_SPACES = str.maketrans({"\u3000": " ", "\u00a0": " ", "\ufeff": "", "\u200b": ""})
# Characters that exist only in traditional script and are frequent in 三定 texts.
_TRADITIONAL_MARKERS = set("國職規內機構編製領導數負責監壓與門關於為調總會務處營衛廣開應災發")


def clean_line(line: str) -> str:
    line = line.translate(_SPACES)
    line = _PINYIN_BRACKETS.sub("", line)
    line = _PINYIN_AFTER_HAN.sub("", line)
    line = _SPAM.sub("", line)
    line = _EDITOR_MARK.sub("", line)
    return line.strip()


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    marked = sum(1 for ch in text if ch in _TRADITIONAL_MARKERS)
    return han > 0 and marked >= max(3, han // 100)


def to_simplified(text: str) -> str:
    return str(_converter().convert(text))


def clean_lines(lines: list[str]) -> tuple[list[str], bool]:
    """Cleaned lines (same count, so line numbers hold) and whether the script was converted."""
    cleaned = [clean_line(line) for line in lines]
    if is_traditional("".join(cleaned)):
        # Cleaned again once converted: the spam patterns are written in simplified script (開雲網頁版 is 开云网页版).
        return [clean_line(to_simplified(line)) for line in cleaned], True
    return cleaned, False
