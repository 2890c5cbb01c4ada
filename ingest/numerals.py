"""Chinese numerals (一, 十二, 二十一, 一百零五) and Chinese-numeral dates (二〇〇九年九月十日)."""

from __future__ import annotations

import re

_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMERAL = "[一二三四五六七八九十百零〇两]+"
# The financial forms (大写) that a quota is sometimes written in: 叁拾 is 三十.
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰", "一二三四五六七八九十百")
FINANCIAL_NUMERAL = "[一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰]+"


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (叁拾 as 三十), or of an Arabic one; None when it is neither."""
    text = text.strip().translate(_FINANCIAL)
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


def _digit_string(text: str) -> str | None:
    """二〇〇九 → 2009 (a year is read digit by digit)."""
    if all(ch in _DIGITS for ch in text):
        return "".join(str(_DIGITS[ch]) for ch in text)
    return text if text.isdigit() else None


_DATE = re.compile(r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                   r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


# A document number (文号): an issuer's abbreviation, the year in brackets of any kind, the number (示政办发〔2023〕12号).
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")


def find_date(text: str) -> str | None:
    """The first date in the text as YYYY-MM-DD, in Arabic, Chinese-numeral or ISO writing."""
    match = _DATE.search(text)
    if match:
        year = _digit_string(match.group(1))
        month, day = chinese_to_int(match.group(2)), chinese_to_int(match.group(3))
        if year and month and day and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year}-{month:02d}-{day:02d}"
    match = _ISO.search(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None
