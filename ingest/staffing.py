"""The 人员编制 sentence: staff quota, other pools, leader posts and office-level leader posts.

Breakdowns never add to a total: anything in brackets (含…) is dropped before counting, and the
posts listed after `…领导职数N名，其中` are a split of that N, not more posts.
"""

from __future__ import annotations

import re

from ingest.model import Located, Staffing
from ingest.numerals import FINANCIAL_NUMERAL, chinese_to_int

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_UNCLOSED = re.compile(r"[（(][^）)]*$")
_SEGMENT_SPLIT = re.compile(r"[；;。]")
_PIECE_SPLIT = re.compile(r"[,，、]")

_ADMIN_QUOTA = re.compile(r"行政编制(?:为|共)?\s*(\d+)\s*名")
_OTHER_POOL = re.compile(r"([\u4e00-\u9fff]{0,12}?(?:事业编制|工勤人员编制|工勤编制|人员编制|专项编制|编制))(?:为|共)?\s*(\d+)\s*名")
_RANKED_POSTS = re.compile(r"([\u4e00-\u9fff]{0,6}?(?:司局级|处级|科级|股级|县级|局级)|内设机构)领导职数(?:为|共)?\s*(\d+)\s*名")
# The department's own total, unranked (`领导职数5名`, `局领导职数5名`): ranked totals are the offices' (above).
_UNRANKED_POSTS = re.compile(r"^(?:设|核定)?(?:局|委|厅|办|院|署|部)?领导职数(?:为|共)?\s*(\d+)\s*名")
_NON_LEADER = re.compile(r"非领导职数")
_TITLED_POST = re.compile(
    r"(?:^|设|其中[:：]?)\s*([\u4e00-\u9fff]{0,30}?(?:局长|厅长|部长|主任|书记|总监|工程师|总师|组长|秘书长|主席|专员|规划师|"
    r"督察|院长|队长|政委|站长|所长|馆长|校长|会长|行长|署长|委员|主任委员|司长|处长|科长|股长|馆长|总会计师|总经济师))"
    r"\s*(\d+)\s*名"
)
_COUNT_IN_WORDS = re.compile(rf"({FINANCIAL_NUMERAL})(?=\s*名)")
_UNNUMBERED_POST = re.compile(r"([\u4e00-\u9fff]{1,14}?)(?:另定|按[\u4e00-\u9fff]{1,6}配备|由[\u4e00-\u9fff]{1,14}兼任)")
# `安全生产专职副总监职数另定`: the post is what precedes 职数, and 职数另定 is how it is staffed.
_POST_AND_TERMS = re.compile(r"^(?:设|其中[:：]?)?([\u4e00-\u9fff]+?)((?:职数)?(?:另定|按[\u4e00-\u9fff]{1,6}配备|"
                             r"由[\u4e00-\u9fff]{1,14}兼任))$")


def parse_staffing(text: str, where: Located) -> Staffing | None:
    """Parse one 人员编制 passage; None when it states neither a quota nor any post."""
    staffing = Staffing(where=where)
    # `行政编制叁拾名`, `副局长三名`: counts written in words are read as the digits the patterns below expect.
    flat = _COUNT_IN_WORDS.sub(_in_digits, _drop_brackets(text))
    for segment in _SEGMENT_SPLIT.split(flat):
        _parse_segment(segment, staffing)
    if staffing.admin_quota is None and staffing.leader_total is None and not staffing.office_leader_posts:
        return None
    return staffing


def post_details(staffing: Staffing) -> list[str]:
    """The department's leader posts as people read them: `局长 1` for a counted post, `总工程师 按副处级配备` for
    one the sentence staffs without a number (kept, though it adds nothing to the count); 非领导职数 are no posts."""
    counted = [f"{title} {count}" for title, count in staffing.leader_posts.items()]
    uncounted = [" ".join(match.groups()) for note in staffing.notes if (match := _POST_AND_TERMS.match(note))]
    return counted + uncounted


def office_post_details(staffing: Staffing) -> list[str]:
    """The offices' leader posts by rank as people read them: `科级 6`, with the split the sentence gives
    (`科级 6（其中科长 4、副科长 4）`), which `post_mismatches` checks against the total."""
    details = []
    for rank, count in staffing.office_leader_posts.items():
        split = staffing.office_leader_split.get(rank)
        listed = f"（其中{'、'.join(f'{title} {n}' for title, n in split.items())}）" if split else ""
        details.append(f"{rank} {count}{listed}")
    return details


_OFFICE_DETAIL = re.compile(r"^(?P<rank>\S+) (?P<count>\d+)（其中(?P<split>.+)）$")
_COUNTED_POST = re.compile(r"^(?P<title>\S+) (?P<count>\d+)$")


def post_mismatches(leader_posts: int | None, leader_details: list[str] | None,
                    office_details: list[str] | None) -> list[str]:
    """Where a 三定's leader posts do not add up to the total it sets (an 编办 checks 领导职数 against the posts
    it lists, in Chinese): the department's total against its counted posts, each office rank's total against
    its split. Posts staffed without a number (`总工程师 按副处级配备`) may or may not be within the total, so a
    department listing one is not judged."""
    found = []
    counted = [_COUNTED_POST.match(detail) for detail in leader_details or []]
    if leader_posts is not None and counted and all(counted):
        listed = sum(int(match.group("count")) for match in counted if match)
        if listed != leader_posts:
            found.append(f"领导职数{leader_posts}名，所列职务合计{listed}名（{'、'.join(leader_details or [])}）")
    for detail in office_details or []:
        if (match := _OFFICE_DETAIL.match(detail)) is None:
            continue
        parts = match.group("split").split("、")
        listed = sum(int(part.rpartition(" ")[2]) for part in parts)
        if listed != int(match.group("count")):
            rank = match.group("rank")
            found.append(f"{'' if rank.endswith('领导职数') else rank}领导职数{match.group('count')}名，"
                         f"其中所列合计{listed}名（{match.group('split')}）")
    return found


def _in_digits(match: re.Match[str]) -> str:
    value = chinese_to_int(match.group(1))
    return match.group(1) if value is None else str(value)


def _drop_brackets(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub("", text)
    # A copy cut off inside a bracket leaves it open: what follows is breakdown too.
    return _UNCLOSED.sub("", text)


def _parse_segment(segment: str, staffing: Staffing) -> None:
    in_breakdown = False
    rank = ""
    for piece in _PIECE_SPLIT.split(segment):
        piece = piece.strip()
        if not piece:
            continue
        if _NON_LEADER.search(piece):
            staffing.notes.append(piece)
            continue
        if match := _ADMIN_QUOTA.search(piece):
            if staffing.admin_quota is None:
                staffing.admin_quota = int(match.group(1))
            continue
        if match := _RANKED_POSTS.search(piece):
            rank = match.group(1).removeprefix("其中").removeprefix("设") or "领导职数"
            staffing.office_leader_posts[rank] = staffing.office_leader_posts.get(rank, 0) + int(match.group(2))
            # `科级领导职数18名，其中科长11名，副科长7名`: what follows splits the 18.
            in_breakdown = True
            continue
        if in_breakdown:
            if match := _TITLED_POST.search(piece):
                title = re.sub(r"^(?:设|其中[:：]?)", "", match.group(1))
                split = staffing.office_leader_split.setdefault(rank, {})
                split[title] = split.get(title, 0) + int(match.group(2))
            continue
        if match := _UNRANKED_POSTS.search(piece):
            if staffing.leader_stated is None:
                staffing.leader_stated = int(match.group(1))
            continue
        if match := _OTHER_POOL.search(piece):
            # `市公安局机关政法专项编制40名`: the pool is what follows 机关.
            name = match.group(1).removeprefix("其中").rpartition("机关")[2]
            staffing.other_pools[name] = staffing.other_pools.get(name, 0) + int(match.group(2))
            continue
        if match := _TITLED_POST.search(piece):
            title = re.sub(r"^(?:设|其中[:：]?)", "", match.group(1))
            staffing.leader_posts[title] = staffing.leader_posts.get(title, 0) + int(match.group(2))
            continue
        if _UNNUMBERED_POST.search(piece):
            staffing.notes.append(piece.removeprefix("其中:").removeprefix("其中："))
