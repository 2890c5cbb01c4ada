"""The staff changes a 调整职责机构编制 notice states: 行政编制 and 领导职数 moved to another department (将…2名行政编制、
1名副处级领导职数划入…, 相应划转行政编制2名 after a duty moved), cut with no receiver (核减行政编制1名, 核减副处级领导职数1名)
or handed down with work (相应编制2名下放至各县（区）); and the sentences that speak of posts in words none of these read.

Each is a delta, never a total (the 调整后 totals are `ingest.amendment`'s). A notice's sentence that speaks of posts and
is not read would change nothing silently: it is a warning naming the line and what was expected."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Located, StaffTransfer
from ingest.numerals import CHINESE_NUMERAL, chinese_to_int

DEPARTMENT = r"[\u4e00-\u9fff]{2,30}?(?:委员会|办公室|总局|局|部|委|署|院|办)"
_COUNT = rf"(?:\d+|{CHINESE_NUMERAL})"
# 副处级, 司局级, 正科级, or none (领导职数1名).
_RANK = r"[\u4e00-\u9fff]{0,6}?"
# `2名行政编制`, `行政编制2名`, `编制二名`, then the leader posts that go with them (`、1名副处级领导职数`,
# `、副处级领导职数1名`); or leader posts alone.
_STAFF = rf"(?:(?P<staff>{_COUNT})名(?:机关)?(?:行政)?编制|(?:机关)?(?:行政)?编制(?P<staff_after>{_COUNT})名)"
_POSTS = (rf"(?:(?P<posts>{_COUNT})名(?P<rank>{_RANK})领导职数"
          rf"|(?P<rank_after>{_RANK})领导职数(?P<posts_after>{_COUNT})名)")
# Either part may be missing, not both (`_transfer` reads no change from a match with neither).
_AMOUNT = rf"(?:{_STAFF})?(?:(?:\s*[、，,和及]\s*)?{_POSTS})?"
_TO = r"(?:划入|划转至|划转到|划转给|划给|划归)"
# The receiver's name runs to the clause's end: a shorter reading (国家卫生健康委 of 国家卫生健康委员会) is no name.
_MOVE = re.compile(rf"将(?P<src>{DEPARTMENT})(?:的)?{_AMOUNT}{_TO}(?P<dst>{DEPARTMENT})(?=[。；;，,\s]|$)")
# Said after a duty moved (将…职责划入…，相应划转行政编制2名): posts between the duty's giver and receiver; not those
# handed down (`_DEVOLVED`).
_WITH_DUTY = re.compile(rf"[，,]\s*(?:并|同时)?相应(?:划转|划出|调整)?(?:的)?{_AMOUNT}(?!\s*(?:一并|同时)?下放)")
# 相应编制2名下放至各县（区）, 将市林业局2名行政编制下放至各县（区）: to the lower governments as written.
_DEVOLVED = re.compile(rf"(?:[，,]\s*)?(?:并|同时)?(?:相应(?:的)?|将(?P<src>{DEPARTMENT})(?:的)?){_AMOUNT}"
                       r"\s*(?:一并|同时)?下放(?:至|到|给)(?P<to>[^，,。；;]+)")
# 核减行政编制1名, 核减市林业局副处级领导职数1名: posts that leave the department for no other.
_CUT = re.compile(rf"(?:[，,]\s*)?(?:并|同时)?(?:相应)?核减(?:(?P<dept>{DEPARTMENT})(?:的)?)?{_AMOUNT}")
# A sentence that speaks of posts: counted posts (行政编制, 领导职数, N名编制) or posts adjusted 相应; not a title's or
# a preamble's 职责、机构、编制调整事项.
_SPEAKS_OF_POSTS = re.compile(rf"行政编制|领导职数|(?:{_COUNT}|若干)名[\u4e00-\u9fff]{{0,4}}编制|编制(?:{_COUNT}|若干)名"
                              r"|编制(?:作|予以|也)?相应|相应(?:划转|核减|调整|下放)?(?:的)?编制")
_SENTENCES = re.compile(r"[^。；;]+[。；;]?")
EXPECTED = ("将…N名行政编制（、N名…领导职数）划入…, 相应划转行政编制N名, 核减（…）行政编制N名, 核减…领导职数N名, "
            "相应编制N名下放至…, 调整后，…行政编制N名")
EXPECTED_ZH = ("将…N名行政编制（、N名…领导职数）划入…、相应划转行政编制N名、核减行政编制N名、核减…领导职数N名、"
               "相应编制N名下放至…或“调整后，…行政编制N名”")


@dataclass(frozen=True)
class StaffRead:
    """A staff change read, and where its words stand in the line (so that the rest is read for work alone)."""

    transfer: StaffTransfer
    span: tuple[int, int]


def staff_with_duty(text: str, end: int, giver: str, receiver: str, where: Located) -> StaffRead | None:
    """The posts said right after a duty moved (`end`: where the move's words end), between its giver and receiver."""
    found = _WITH_DUTY.match(text, end)
    return None if found is None or not _counted(found) else StaffRead(_transfer(found, giver, receiver, where), found.span())


def read_staff(text: str, department: str, where: Located) -> list[StaffRead]:
    """The staff changes of a line of the notice of `department` (the giver of posts a sentence does not name) that
    name their own giver: moves (将…划入…), cuts and posts handed down."""
    found = [StaffRead(_transfer(move, move.group("src"), move.group("dst"), where), move.span())
             for move in _MOVE.finditer(text) if _counted(move)]
    found += [StaffRead(_transfer(move, move.group("src") or department, move.group("to").strip(), where, "devolved"),
                        move.span()) for move in _DEVOLVED.finditer(text) if _counted(move)]
    found += [StaffRead(_transfer(cut, cut.group("dept") or department, cut.group("dept") or department, where, "cut"),
                        cut.span()) for cut in _CUT.finditer(text) if _counted(cut)]
    return sorted(found, key=lambda read: read.span)


def unread_staff(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The sentences of `text` that speak of posts while no staff change was read in them (`spans`: the words read,
    the 调整后 totals among them)."""
    unread = []
    for sentence in _SENTENCES.finditer(text):
        start, end = sentence.span()
        if _SPEAKS_OF_POSTS.search(sentence.group()) and not any(a < end and b > start for a, b in spans):
            unread.append(sentence.group().strip())
    return unread


def unread_warning(line: int, sentence: str) -> str:
    """A warning for a sentence `unread_staff` found, in English and Chinese: the line, the words, what was expected."""
    return (f"line {line}: staff sentence not read, no posts counted: “{sentence}”; expected {EXPECTED}; "
            f"第{line}行的编制表述未能读取，未计入编制：应写作{EXPECTED_ZH}")


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the words of `spans` taken out: the rest says the work a notice moves, cancels or hands down."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(text[at:max(at, start)])
        at = max(at, end)
    return "".join(kept) + text[at:]


def _transfer(found: re.Match[str], giver: str, receiver: str, where: Located, kind: str = "") -> StaffTransfer:
    staff = found.group("staff") or found.group("staff_after")
    posts = found.group("posts") or found.group("posts_after")
    return StaffTransfer(source=giver, target=receiver, admin_quota=_count(staff), leader_posts=_count(posts),
                         where=where, kind=kind, leader_rank=found.group("rank") or found.group("rank_after") or "")


def _counted(found: re.Match[str]) -> bool:
    """Whether a match says a number of posts (`_AMOUNT` matches nothing too: 将A划入B)."""
    return any(found.group(name) for name in ("staff", "staff_after", "posts", "posts_after"))


def _count(written: str | None) -> int:
    return 0 if written is None else (chinese_to_int(written) or 0)
