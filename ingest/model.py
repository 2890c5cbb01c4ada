"""Plain dataclasses that the parsers return; nothing here knows about a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.county_cities import CountyCity


@dataclass(frozen=True)
class Located:
    """Where a piece of text stands in its document: a line number and a human locator such as 第三条(二)."""

    line: int
    locator: str


@dataclass
class DutyClause:
    text: str
    ordinal: int
    where: Located


@dataclass(frozen=True)
class RegionSuccession:
    """撤县设区 (ingest.region_succession): the county (`old`, as written: 青山县) whose ground became the district
    (`new`: 示例市青山区), and the sentence that says so. `kind` "merged": a township abolished into another
    (撤销桃源乡，并入石桥镇), `old` and `new` the two townships; "street": a township made a 街道 (撤销石桥镇，设立石桥街道);
    "renamed" otherwise."""

    old: str
    new: str
    text: str
    where: Located
    kind: str = "renamed"


@dataclass
class OfficeRecord:
    name: str
    ordinal: int | None
    where: Located
    aliases: list[str] = field(default_factory=list)
    duties: list[DutyClause] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The name people read: `综合科（政策法规科）`, its other names after it, as a 三定 gives them."""
        return self.name + (f"（{'、'.join(self.aliases)}）" if self.aliases else "")


@dataclass
class FunctionChange:
    """A 职能转变 / 职责调整 item: cancelled, devolved, transferred or strengthened work."""

    # cancelled | devolved | transferred_in | transferred_out | moved (between two other departments) | strengthened |
    # integrated | reform
    kind: str
    text: str
    where: Located
    counterpart: str | None = None  # the other department of a transfer (of a move: the receiver), as written
    subject: str | None = None  # the work itself, for a transfer: `组织拟订…规划和政策`
    # The lower governments a notice hands devolved work to, as written (各县（区）人民政府, 县级): no department to
    # resolve, so not a counterpart; duties_in_force names them as the work's counterpart.
    devolved_to: str | None = None
    # A move's giver as written, where the document's department is neither side (将A的…职责划入B in C's notice or
    # 三定): the move is A's and B's, none of the department's.
    giver: str | None = None


@dataclass
class Staffing:
    admin_quota: int | None = None
    other_pools: dict[str, int] = field(default_factory=dict)
    leader_posts: dict[str, int] = field(default_factory=dict)  # department-level posts: 局长 → 1
    office_leader_posts: dict[str, int] = field(default_factory=dict)  # 正科级领导职数 → 19
    notes: list[str] = field(default_factory=list)  # posts without a number (另定, 按副县级配备)
    where: Located | None = None
    # `领导职数5名，其中局长1名，副局长3名`: the total the 三定 sets, which its posts may not add up to.
    leader_stated: int | None = None
    # `科级领导职数6名，其中科长4名，副科长4名`: the split of a rank's total (科级 → 科长 → 4), never added to it.
    office_leader_split: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def staff_total(self) -> int | None:
        """The 行政编制 quota; for bodies staffed only from another pool (政法专项编制), that pool."""
        if self.admin_quota is not None:
            return self.admin_quota
        return sum(self.other_pools.values()) if self.other_pools else None

    @property
    def leader_total(self) -> int | None:
        if self.leader_stated is not None:
            return self.leader_stated
        return sum(self.leader_posts.values()) if self.leader_posts else None

    @property
    def office_leader_total(self) -> int | None:
        # 科级领导职数 18, 其中科长 11, 副科长 7: only the headline ranks count, never a breakdown.
        return sum(self.office_leader_posts.values()) if self.office_leader_posts else None


@dataclass
class Division:
    """A 职责分工 clause: who leads and who assists on one shared matter."""

    matter: str
    leads: list[str]
    assists: list[str]
    text: str
    where: Located
    # Several leads each answering for its own line of work (`A、B分别负责M`, or the 事中事后监管 of a 审管分离
    # clause: each department supervises what it used to approve), not several leads of one piece of work.
    sectoral: bool = False


@dataclass
class StaffTransfer:
    """An amendment's change of a department's posts (a delta, not a total): moved to another department, cut
    (`kind` cut: 核减, its source and target both the department) or handed down with work (`kind` devolved: its
    target the lower governments as written, 各县（区）)."""

    source: str
    target: str
    admin_quota: int = 0
    leader_posts: int = 0
    where: Located | None = None
    kind: str = ""  # '' (moved) | cut | devolved
    leader_rank: str = ""  # as written: 副处级, 司局级; '' for 领导职数 with no rank


@dataclass
class Succession:
    """A 机构改革 sentence of a 三定's opening articles: the body it names went into the document's department.

    `kind`: renamed (更名为), merged (组建…，不再保留…: a new body formed of it and others) or absorbed (将…的职责划入…,
    or 不再保留… with no body formed). 与…合署办公 is no succession: both bodies stay."""

    predecessor: str  # as written: 青山县城市管理局, 县城市管理局
    kind: str  # renamed | merged | absorbed
    text: str  # the sentence that says so
    where: Located


@dataclass
class SandingDocument:
    """One 三定 provision (or an amendment notice adjusting one), as parsed."""

    department: str  # the full name as the document gives it (simplified script)
    kind_of_document: str  # sanding | amendment
    department_line: int | None = None  # the first line that names it (its title, or the sentence it came from)
    # The region its legal basis names (第一条 根据《北湖市东岸县机构改革方案》 → ('北湖市', '东岸县')), and that line.
    basis_region: tuple[str, ...] = ()
    basis_region_line: int | None = None
    title: str = ""
    department_kind: str | None = None
    rank: str | None = None
    plates: list[str] = field(default_factory=list)  # 加挂/保留…牌子: other names of the same body
    supervisor: str | None = None  # 应急管理部管理的国家局 → 应急管理部
    issued: str = ""  # the 印发/发布 date (ISO), '' when the document does not say
    effective: str = ""  # the 施行 date (ISO), '' when the document does not say
    dated: str = ""  # what versions its facts and duties: the header's date, else 施行, else the signature's
    doc_number: str = ""
    issuer: str = ""
    duties: list[DutyClause] = field(default_factory=list)
    changes: list[FunctionChange] = field(default_factory=list)
    offices: list[OfficeRecord] = field(default_factory=list)
    offices_stated: int | None = None
    office_rank: str | None = None
    # Where each fact above was read (`第二条`, a notice's `二、`), cited as a duty's clause is (ingest.records): ''
    # where it is not stated, or stated in a fragment without a heading (the document is cited then).
    rank_locator: str = ""
    supervisor_locator: str = ""
    offices_stated_locator: str = ""
    offices_locator: str = ""  # the clause listing the internal offices (第四条), as a whole
    staffing: Staffing | None = None
    divisions: list[Division] = field(default_factory=list)
    staff_transfers: list[StaffTransfer] = field(default_factory=list)
    successions: list[Succession] = field(default_factory=list)  # bodies its opening articles say it replaced
    # 撤县设区 (ingest.region_succession): the county whose ground its region took over, at most one.
    region_successions: list[RegionSuccession] = field(default_factory=list)
    # 代管 (a 区划调整 notice's 将青松市交由北湖市代管, ingest.county_cities): each 县级市 and the city it lies in.
    administered: list[CountyCity] = field(default_factory=list)
    # 管行业必须管安全 for every sector at once (县直有关行业主管部门负责本行业领域的安全生产监督管理), and where:
    # the first 主要职责 or 职责分工 clause that states it (ingest.sector_rule).
    sector_rule: str = ""
    sector_rule_locator: str = ""
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)
    script_converted: bool = False


# -- duty lists ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """Where a list row stands: sheet and row number as the spreadsheet shows them."""

    sheet: str
    row: int
    sheet_named_by_file: bool = False  # a CSV's one sheet, or a text's, bears the file's name
    seq: str = ""  # the row's 序号 as the list writes it: people cite a row by it, not by the spreadsheet's line
    seq_title: str = "序号"  # the header of that column as the list writes it (编号, 事项编号): a row is cited by it
    # A 子项 row under its 主项's 序号 (the cell merged down over the 主项's rows, or left blank below it): `seq` is
    # the 主项's, and the row is cited as one of its 子项 (ingest.row_numbers).
    continued: bool = False

    @property
    def locator(self) -> str:
        # A locator keys the 牵头/配合 edges a row states: what a copy of the file is called must not change it.
        return f"第{self.row}行" if self.sheet_named_by_file else f"{self.sheet}!{self.row}"


@dataclass
class PowerItemRecord:
    name: str
    main_item: str
    sub_item: str
    type: str
    code: str
    basis: str
    departments: list[str]
    offices: list[str]
    levels: list[str]
    where: Cell
    # The 责任事项 and 追责情形 cells; None where the list has no such column (not one left empty).
    responsibilities: str | None = None
    accountability: str | None = None
    # What its 备注 says of the townships exercising it (ingest.devolution): entrusted, devolved or None.
    devolution: str | None = None


@dataclass
class BoundaryRecord:
    matter: str
    leads: list[str]
    assists: list[str]
    text: str
    basis: str
    where: Cell
    # Named in a lead's 职责分工 text (`会同B`, `与B建立…机制`): they assist, unless they lead the matter themselves
    # in another row of the list (市农委 has its own row beside 市食药监局's `与市农委建立追溯机制`).
    partners: list[str] = field(default_factory=list)


@dataclass
class SupervisionRecord:
    name: str
    main_item: str
    sub_item: str
    code: str
    target: str
    basis: str
    level: str
    claimants: list[str]
    where: Cell
    warnings: list[str] = field(default_factory=list)  # what the row says against itself (已认领, nobody named)

    @property
    def claimed(self) -> bool:
        return bool(self.claimants)


@dataclass
class SplitRecord:
    matter: str
    domain: str
    share: str  # exclusive_city | exclusive_county | shared | delegated
    counties: list[str]  # county names the row applies to; [] means all
    city_text: str
    county_text: str
    basis: str
    where: Cell


@dataclass
class TerritorialRecord:
    matter: str
    leads: list[str]
    assists: list[str]
    lead_text: str
    assist_text: str
    where: Cell


@dataclass
class TownshipDutyRecord:
    """A row of a 乡镇（街道）履行职责事项清单 (ingest.township_lists): `part` basic (the township's own work), assisting
    (a county department leads, the township 配合s) or reclaimed (a county department took it back)."""

    part: str
    matter: str
    domain: str
    departments: list[str]  # the county department that leads (配合) or took the work back (收回); none for 基本
    township_text: str  # what the township does (基本: 具体工作内容; 配合: 乡镇（街道）配合职责)
    department_text: str  # what the county department does (县级部门职责)
    notes: str
    where: Cell
    township: str = ""  # the township a county-wide table's row names (乡镇（街道） column); '' for the sheet's own


@dataclass
class CountyTownshipRecord:
    """A row of a 县乡事权划分清单: which level answers for a matter, the county (`county`), its townships each in its
    own area (`township`) or both (`shared`), and what each does."""

    matter: str
    domain: str
    share: str  # county | township | shared
    county_text: str
    township_text: str
    basis: str
    where: Cell


@dataclass
class HeadcountRecord:
    """A row of a 机构编制实名制统计表 / 编制使用情况表 (ingest.headcount): a department's posts set (核定) beside the
    people in post (实有) on the table's 统计时点, and its 领导职数 set and filled by rank (正科级 → 4)."""

    department: str
    staff_type: str  # 行政 | 事业 | 工勤 | '' where the table has no 编制类型 column (its rows are the 行政编制)
    quota: int | None  # 核定编制数
    actual: int | None  # 实有人数
    vacant: int | None  # 空编数, as the table writes it
    over: int | None  # 超编数, as the table writes it
    leader_set: dict[str, int]  # rank → 领导职数核定
    leader_filled: dict[str, int]  # rank → 领导职数实配
    as_of: str  # 统计时点, ISO
    where: Cell

    @property
    def name(self) -> str:
        """What the list's history and versions name the row by: the department, and its 编制类型 where given."""
        return self.department + (f"（{self.staff_type}）" if self.staff_type else "")


@dataclass
class SafetyDutyRecord:
    """A member unit's paragraph (or row) of a 安委会成员单位安全生产工作职责 (ingest.safety_committee)."""

    department: str
    text: str
    where: Cell

    @property
    def name(self) -> str:
        """What the list's history and versions name the row by: its member."""
        return self.department


ListRecord = (PowerItemRecord | BoundaryRecord | SupervisionRecord | SplitRecord | TerritorialRecord | TownshipDutyRecord
              | CountyTownshipRecord | HeadcountRecord | SafetyDutyRecord)


@dataclass
class ListDocument:
    kind: str  # power | boundary | supervision | split | territorial | township | county_township | headcount
    # | safety_committee
    title: str
    records: list[ListRecord] = field(default_factory=list)
    default_departments: dict[str, str] = field(default_factory=dict)  # sheet → department named by title/sheet
    warnings: list[str] = field(default_factory=list)
    # Sheet → the title its rows cite, for the sheets of a workbook that do not cite the document's `title`
    # (a workbook of several departments' lists, one a sheet, each under its own title row); '' for a sheet without
    # one in such a workbook, whose rows cite the file.
    sheet_titles: dict[str, str] = field(default_factory=dict)
    issued: str = ""  # the date its title rows give (印发/更新日期), ISO; '' when none (ingest.list_dates)
    doc_number: str = ""  # the 文号 its title rows give
    header: Cell | None = None  # where its (first sheet's) header row stands: what a refusal of a list cites
