"""The rows the read endpoints answer, as pydantic models: they document the answers in /openapi.json (a test holds
them to the live answers) and give an empty answer's CSV its columns. Field names and order are the queries'."""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

Share = Literal["city_exclusive", "county_exclusive", "shared", "delegated"]
Reason = Literal["no_lead", "multiple_leads", "conflicting_leads", "lead_and_assist", "vague_party",
                 "lead_without_mandate"]
EvidenceKind = Literal["duty", "office_duty", "power_item", "supervision_item", "matter_lead", "territorial_lead",
                       "matter_assist"]
# The basis of a row's 行业主管 sectors, as who_handles, dispatch and the orphan owners carry it
# (queries.sector_safety.basis_fields).
SectorRuleSource = Annotated[str, Field(description="出处 of that clause, else ''")]
SectorRuleKind = Annotated[str, Field(description="what sector_rule is (安委会职责 or 三定规定): `safety_committee`, "
                                                  "the department's own paragraph of the "
                                                  "安委会成员单位安全生产工作职责 that names the sectors; `sanding`, "
                                                  "the region's 三定 clause for "
                                                  "every sector; else ''")]

Row = TypeVar("Row", bound=BaseModel)


class Page(BaseModel, Generic[Row]):
    total: int = Field(description="rows in all, of which `items` is the page from `offset`")
    limit: int
    offset: int
    items: list[Row]


def columns(model: type[BaseModel]) -> list[str]:
    """A model's fields in order: the columns of its rows in a CSV or Excel file, an empty answer's too."""
    return list(model.model_fields)


# -- lists -----------------------------------------------------------------------------------------

class DepartmentRow(BaseModel):
    region: str = Field(description="区划路径")
    department: str = Field(description="部门全称")
    aliases: list[str] = Field(description=(
        "别名: its own (牌子, 简称), then those of the bodies its chain of renames replaced, marked as theirs "
        "(青山县城管局（原青山县城市管理局）), as its profile gives them"))
    kind: str | None = Field(description="类型：党委工作部门、政府工作部门、直属事业单位…")
    rank: str | None = Field(description="规格：正处级…")
    staff_quota: int | None = Field(description="行政编制, as the 调整 notices since its own figure leave it")
    staff_quota_stated: int | None = Field(default=None, description=(
        "核定编制（未计通知划转）: the figure its 三定 (or a notice's 调整后 totals) set"))
    leader_posts: int | None = Field(description="领导职数")
    office_leader_posts: int | None = Field(default=None, description="内设机构领导职数")
    offices: int = Field(description="内设机构数: those the graph holds, or the number set where none is listed")
    offices_unlisted: bool = Field(default=False, description=(
        "内设机构未逐一列出: `offices` is the number its 三定 (or a notice's 调整后 totals) set, not a count"))
    duties: int = Field(description="现行职责数")
    issued: str | None = Field(description="三定印发日期 (YYYY-MM-DD)")
    reform_date: str = Field(default="", description=(
        "机构改革日期: for a department no 三定 of its own defines, the date of the 调整 notice's rename or merger "
        "that made it ('' where `issued` is given)"))


class RegionRow(BaseModel):
    path: str = Field(description="区划路径，如 示例市/青山县")
    name: str
    level: str | None = Field(description="province, city, county or township")
    parent: str | None = Field(description="上级区划路径")
    departments: int = Field(description="有三定的部门数")
    status: str = Field("", description="区划状态：撤县设区撤销的县为“已撤销（现为某区）”，"
                                         "并入他乡镇的乡镇为“已撤销（并入某镇）”，其他为空")


class RegionCounts(BaseModel):
    region: str | None = Field(description="the region counted, as the graph writes it; null for the whole graph")
    labels: dict[str, int] = Field(description="nodes by label within the region and the regions below it: Region, "
                                               "Department, Office, Duty, Matter, PowerItem, SupervisionItem, "
                                               "Document (0 where it holds none)")


class MatterRow(BaseModel):
    matter: str
    region: str | None
    domain: str | None = Field(description="领域")
    leads: list[str] = Field(description="牵头部门")
    assists: list[str] = Field(description="配合部门")
    holders: list[str] = Field(description="持有该事权的区划（市县事权划分）")


class DocumentRow(BaseModel):
    uid: str
    title: str | None
    kind: str | None = Field(description="sanding, power, boundary, supervision, split, territorial…")
    region: str | None = Field(description="the region whose document it is (its path)")
    issued: str | None = Field(description="印发日期: the 发布/成文 date its header gives, else its signature date")
    effective: str | None = Field(description="施行日期: its 施行 clause's date (自印发之日起施行: the 印发日期)")
    doc_number: str | None = Field(description="文号")
    path: str | None = Field(description="the file it was read from, as given")
    truncated: bool | None = Field(description="the text read is incomplete")
    notes: int = Field(description="说明条数")
    sheets: list[str] = Field(description="a workbook's sheets whose rows cite a title of their own (one department's "
                                          "list a sheet), beside sheet_titles")
    sheet_titles: list[str] = Field(description="each of those sheets' title, empty where the sheet has none: its "
                                                "rows cite the file (`source` reads `uid#sheet!row`)")


class DocumentRowNumbers(BaseModel):
    uid: str = Field(description="the list's document")
    places: list[str] = Field(description="each numbered row's place: a `source` after its `#` (`职责边界清单!6`)")
    numbers: list[str] = Field(description="what each of those rows is cited by, parallel to places: `序号3`, or a "
                                           "监管事项's `编码JG370000101`")


class Stats(BaseModel):
    labels: dict[str, int] = Field(description="nodes by label")
    relationships: dict[str, int] = Field(description="relationships by type")


# -- the analyses ----------------------------------------------------------------------------------

class OverlapMember(BaseModel):
    department: str
    office: str = Field(description="内设机构，部门自身的职责为空")
    duty: str = Field(description="职责内容")
    source: str = Field(description="出处 (doc:…#第三条(五))")
    carried_from: str = Field(default="", description=(
        "承继自: the body a 机构改革 replaced whose duty (its 三定's: the source) this department carries; '' for its "
        "own duty"))


class OverlapCluster(BaseModel):
    cluster_id: str
    score: float = Field(description="相似度 of the cluster's strongest pair, 0–1")
    settled: bool = Field(description="a boundary list or a 职责分工 clause names one lead for its matter")
    lead: str | None = Field(description="牵头部门: the one lead that settles its matter; null where not settled")
    matter: str | None = Field(description="the shared matter the duties are about, where one is known")
    members: list[OverlapMember]


class SuggestedOwner(BaseModel):
    department: str
    score: float = Field(description="相关度 (BM25)")
    evidence: str = Field(description="the duty or item that says so")
    source: str = Field(description="出处 of the evidence")
    duty: str = Field(description="三定职责: the department's 三定 clause among its evidence when the evidence is a "
                                  "list's row, else ''")
    duty_source: str = Field(description="出处 of that clause, else ''")
    sector_safety: str = Field(description="行业主管: the sectors whose 安全生产 a 三定 clause among its evidence "
                                           "gives the department (管行业必须管安全), joined by 、; else ''")
    sector_rule: str = Field(description="管行业必须管安全: beside sector_safety, the region's 三定 clause that makes "
                                         "every 行业主管部门 answer for its sector's safety; else ''")
    sector_rule_source: SectorRuleSource
    sector_rule_kind: SectorRuleKind
    no_sanding: bool = Field(description="图中无其三定: only a list or a clause names the department")


class OrphanItem(BaseModel):
    region: str | None
    code: str | None = Field(description="监管事项编码")
    item: str
    target: str | None = Field(description="监管对象")
    basis: str | None = Field(description="依据")
    source: str
    suggested_owners: list[SuggestedOwner] = Field(description="the likeliest owners, best first")


class TransferFinding(BaseModel):
    """transferred_still_held: work moved between departments (划转) that the graph shows not yet followed through."""

    region: str = Field(description="the giving department's region")
    giver: str = Field(description="划出部门")
    giver_uid: str
    receiver: str = Field(description="接收部门")
    receiver_uid: str
    work: str = Field(description="one piece of the work moved, as the transfer names it (建筑工程施工许可)")
    finding: Literal["still_listed", "giver_still_holds", "receiver_not_listed", "receiver_lacks"]
    finding_label: str = Field(description="the finding in Chinese, with what to do about it")
    evidence: str = Field(description="the giver's power item or clause that still holds the work; empty for what "
                                      "the receiver lacks")
    evidence_detail: str = Field(description="the power item's type, or the office whose clause it is")
    evidence_source: str = Field(description="where the evidence is (a list's row, a 三定's clause)")
    sources: list[str] = Field(description="the clauses that moved the work (the receiver's 三定, the giver's …)")


class TownshipDutyRow(BaseModel):
    """township_duties: a row of a township's 乡镇（街道）履行职责事项清单, with what the county department it names
    states (queries.township_duties)."""

    township: str = Field(description="the township's government body (安平镇人民政府)")
    township_region: str
    part: Literal["basic", "assisting", "reclaimed"] = Field(
        description="basic 基本履职事项, assisting 配合履职事项 (the department leads), reclaimed 上级部门收回事项")
    part_label: str
    category: str = Field(description="事项类别 as the list writes it")
    matter: str
    township_text: str = Field(description="what the township does, as the list writes it")
    department: str = Field(description="the county department that leads (配合) or took the work back (收回); "
                                        "empty on a 基本 row")
    department_region: str
    department_text: str = Field(description="what the list says the department does")
    finding: Literal["", "held", "held_by_other", "not_held", "no_duties", "moved_away",
                     "reclaimed_still_listed"] = Field(
        description="whether the department's own 三定 duties or 权责清单 items state the work, as the 调整 notices "
                    "since leave them; not_held on a 配合 row: the township assists a lead with no such duty (甩锅); "
                    "on a 收回 row: nobody holds it now; moved_away: its 三定 states the work but a notice since moved "
                    "it out, cancelled or handed it down; reclaimed_still_listed: a row more of a 收回 row, the "
                    "township's own 权责清单 still lists the matter")
    finding_label: str
    holder: str = Field(description="held_by_other: the county department that states the work; moved_away: the "
                                    "one the notice moved it to; reclaimed_still_listed: the township")
    evidence: str = Field(description="the duty or item that states it (the department's, or the holder's); "
                                      "moved_away: the work as the notice words it; reclaimed_still_listed: the "
                                      "township's item")
    evidence_source: str
    source: str = Field(description="the list's row")
    department_uid: str | None


class Mandate(BaseModel):
    lead: str = Field(description="a lead without the duty for the matter")
    holder: str = Field(description="the department whose duty covers it; empty when no department of the region "
                                    "clearly holds the matter (by who_handles' standard)")
    duty: str = Field(description="that department's duty or item (empty with holder)")
    source: str = Field(description="where the duty is stated (empty with holder)")


class Claim(BaseModel):
    source: str = Field(description="a document's clause or row naming parties of the matter")
    matter: str = Field(description="the matter as that source words it (documents may word one matter differently)")
    leads: list[str] = Field(description="the leads it names, in its listing order")
    territorial_leads: list[str] = Field(description="属地主体责任单位: the townships a 属地 list makes answer for the "
                                                     "matter in their own areas (no department's lead)")
    assists: list[str] = Field(description="the assisting parties it names")


class NewerLead(BaseModel):
    source: str = Field(description="the newer document's first clause or row naming the lead")
    date: str = Field(description="its date of issue (ISO, or a year or month alone)")
    leads: list[str] = Field(description="the leads it names, in listing order")


class Ambiguity(BaseModel):
    matter: str
    region: str | None
    leads: list[str] = Field(description="牵头部门, in listing order (the first hosts); a township's 属地 主体责任 is "
                                         "not among them (see `claims`)")
    assists: list[str]
    host: str | None = Field(description="主办部门 where several lead")
    host_label: str = Field(description="主办部门 as people read it, the report's wording: the one lead, the "
                                        "first-listed of several, 需协调确定 where documents name different leads, 无 "
                                        "where none leads")
    sources: list[str]
    mandate: list[Mandate] = Field(description="for lead_without_mandate: who holds the duty instead")
    claims: list[Claim] = Field(description="what each of the finding's sources says: which document names which "
                                            "lead (conflicting_leads is read by comparing them)")
    formerly: list[str] = Field(description="parties the sources name by a body a 机构改革 renamed or merged since, "
                                            "as `successor（原为old name）`: the leads and assists name the successor")
    no_sanding: list[str] = Field(description="图中无其三定: the leads and assists the graph holds no 三定 of")
    newer_lead: NewerLead | None = Field(default=None, description=(
        "for conflicting_leads: the newer of the documents naming different leads, where all are dated and one is "
        "the newer"))
    newer_note: str = Field(description="for conflicting_leads: the newer document's lead and the older clauses it "
                                        "leaves to amend, or why the order is unknown (文件日期不全…); '' otherwise")
    reason: Reason


class UndecomposedRow(BaseModel):
    department: str
    region: str
    kind: Literal["duty_without_office", "office_without_duty", "cancelled_still_carried", "devolved_still_carried"]
    office: str
    text: str
    ordinal: int | None
    source: str
    evidence: str = Field(description="what still carries a cancelled or devolved duty")
    carried_from: str = Field(default="", description=(
        "承继自: for a duty the department carries from a body a 机构改革 replaced, that body ('' otherwise)"))


class StaffMove(BaseModel):
    direction: Literal["moved_in", "moved_out", "cut", "devolved"] = Field(
        description="moved_in 划入、moved_out 划出、cut 核减（无接收方）、devolved 随职责下放")
    other: str | None = Field(default=None, description=(
        "划出或划入的对方部门；下放时为通知所写的下级政府（各县（区））；核减时为空"))
    staff: int | None = Field(default=None, description="行政编制数；只涉及领导职数时为空")
    leader_posts: int | None = Field(default=None, description="一并划转、核减或下放的领导职数")
    leader_rank: str | None = Field(default=None, description="领导职数的级别，如 `副处级`；通知未写时为空")
    source: str = Field(description="调整通知的条款")


class NoticeDutyChange(BaseModel):
    status: Literal["moved_in", "transferred", "partly_transferred", "cancelled", "partly_cancelled", "devolved",
                    "partly_devolved"] = Field(description=(
        "moved_in 划入的职责，其余为三定条文被调整通知划出、取消或下放（partly_… 为部分，仍计入职责数）"))
    duty: str = Field(description="三定条文，或调整通知所写的划入职责")
    other: str | None = Field(default=None, description="划出、划入的对方部门；下放时为通知所写的下级政府")
    source: str = Field(description="调整通知的条款")


class StaffingRow(BaseModel):
    region: str
    department: str
    staff_quota: int | None = Field(description=(
        "行政编制：三定（或其后调整通知“调整后”）所定的编制数，加减其后调整通知划转的编制（staff_moves）；"
        "人均职责数据此计算"))
    staff_quota_stated: int | None = Field(default=None,
                                           description="三定或调整通知“调整后”所定的编制数，未计其后的划转")
    staff_moves: list[StaffMove] = Field(default_factory=list, description=(
        "其后调整通知划入（moved_in）、划出（moved_out）、核减（cut）或随职责下放（devolved）的编制和领导职数，"
        "各注明调整通知的条款"))
    staff_actual: int | None = Field(default=None, description=(
        "实有人数（行政编制）：已载入的机构编制实名制统计表中该部门最新统计时点的数；未列入统计表时为空"))
    staff_actual_as_of: str | None = Field(default=None, description="实有人数的统计时点")
    other_staff: int | None = Field(description="行政编制之外的编制（事业编制等），不计入人均职责数")
    leader_posts: int | None
    leader_posts_moved: int | None = Field(default=None, description=(
        "其后调整通知增减的领导职数（划入为正，划出、核减、下放为负；各项见 staff_moves）；未涉及时为空。"
        "leader_posts 仍为三定所定的数"))
    leader_posts_moved_by_rank: list[str] = Field(default_factory=list, description=(
        "其后调整通知增减的领导职数，按级别：`副处级 +1`、`正科级 -1`（通知未写级别的为“未写级别”）"))
    leader_posts_detail: list[str] | None = Field(description="领导职数明细：`局长 1`；未定职数的写明配备方式，"
                                                              "如 `总工程师 按副处级配备`")
    offices: int
    offices_stated: int | None = Field(default=None, description="核定内设机构数：三定所定，或其后调整通知“调整后”所定")
    offices_stated_source: str | None = Field(default=None, description=(
        "核定内设机构数所据条款：三定的条款（`doc:…#第四条`）或调整通知“调整后”所在的项（`doc:…#二、`）；"
        "字段版本 22 之前载入的文件未记条款时为空"))
    office_leader_posts: int | None = Field(default=None, description="内设机构领导职数（各级合计）")
    office_leader_posts_detail: list[str] | None = Field(
        default=None, description="内设机构领导职数明细：`科级 6`；三定列出其中各职务的，"
                                  "`科级 6（其中科长 4、副科长 4）`")
    duties_stated: int | None = Field(default=None, description=(
        "三定所列职责数（不含共性职责）：承继机构改革前部门职责的，含其三定所列的承继职责；"
        "图中没有该部门及其承继部门的三定时为空"))
    duty_changes: list[NoticeDutyChange] = Field(default_factory=list, description=(
        "三定之后的调整通知所致职责变动，各注明通知的条款"))
    duties: int = Field(description="现行职责数，不含共性职责：三定所列，减去其后调整通知整条划出、取消、下放的，"
                                    "加上划入的")
    power_items: int
    duties_per_post: float | None = Field(description="职责数 / 行政编制；图中没有该部门职责时为空")
    robust_z: float | None = Field(description="robust z-score within the department's region (over several cities, a "
                                             "county department's: within its `peers`)")
    outlier: Literal["understaffed", "overstaffed", ""]
    too_few: bool = Field(description="同一区划（图中有多个市时县（区）部门为同一比较组）可比部门少于 3 个："
                                      "稳健 z 分数无法判断，robust_z 为空")
    peers: str = Field(default="", description=(
        "比较组：图中有多个市（未指定区划或指定省级区划）时，县（区）部门与各市所有县（区）的同类部门（按上下对口的"
        "职能归类）比较，如“县（区）级交通运输局”；为空时与本区划各部门比较"))
    counterpart: str = Field(description="县（区）部门上下对口的市级部门（多个以、分隔）；市级部门为空")
    counterpart_duties_per_post: float | None = Field(default=None,
                                                      description="市级对口部门的人均职责数（多个时合计）")
    counterpart_ratio: float | None = Field(default=None, description="本部门人均职责数为市级对口部门的倍数")
    staffing_from: str = Field(default="", description=(
        "编制数据来源：沿用机构改革前部门的编制、领导职数、规格、内设机构等数据时，各承继自哪个部门的哪份文件"
        "（经调整通知更名而无本部门三定的部门）；未沿用时为空"))
    checks: list[str] = Field(description="核查发现：编号列出的内设机构多于核定数、领导职数与所列职务合计不符、"
                                          "人均职责数为市级对口部门的 2.5 倍以上或不到 1/2.5、图中没有主要职责；"
                                          "载入实名制统计表的：超编、空编较多、超职数配备、数据不一致、"
                                          "统计时点早于调整通知")
    notices_only: bool = Field(default=False, description=(
        "图中没有该部门的三定或其本部门的调整通知，仅据其他部门的调整通知划入的职责和编制列出（不计算人均职责数）"))


class Evidence(BaseModel):
    kind: EvidenceKind
    text: str
    office: str
    source: str
    score: float = Field(description="相关度 (BM25)")


class LeadDispute(BaseModel):
    matter: str = Field(description="the matter, by its shortest wording")
    reason: Literal["no_lead", "conflicting_leads"] = Field(
        description="no_lead: a list names only assisting departments (each of them is a party); conflicting_leads: "
                    "documents name different leads (each lead is a party)")
    claims: list[Claim] = Field(description="what each source says: which document names which lead")
    newer_lead: NewerLead | None = Field(default=None,
                                         description="as the conflicting_leads finding's (null for no_lead)")
    newer_note: str = Field(description="as the conflicting_leads finding's ('' for no_lead)")


class Candidate(BaseModel):
    rank: int
    department: str
    region: str
    office: str = Field(description="the office whose duty matches best, where one does")
    score: float = Field(description="相关度 (BM25)")
    tie: bool = Field(description="too close to the next to tell apart")
    weak: bool = Field(description="too little in the text or the duties to go on")
    holds_no_duties: bool = Field(description="known only as a party of a clause or list: no duties of its own in "
                                              "the graph (no 三定 loaded), so a person must check the route")
    assisting: bool = Field(description="配合: assists on the matter the text is about, whose lead (named by a "
                                        "职责分工 clause or boundary list) ranks above it whatever the scores; that "
                                        "matter is its first piece of evidence (kind matter_assist)")
    lead_dispute: LeadDispute | None = Field(description="the matter the text is about whose lead the documents "
                                                         "leave unsettled, when this department is a party to it "
                                                         "(as host_assist_ambiguities reports it): the row is a tie, "
                                                         "and its evidence cites its own piece on the matter")
    sector_safety: str = Field(description="行业主管（管行业必须管安全）: when the text is about safety, the sectors "
                                           "whose 安全生产 a 三定 clause among its evidence gives the department "
                                           "(for a party to a matter no one leads, its 三定's), joined by 、; else ''")
    sector_rule: str = Field(description="beside sector_safety, the department's 安委会 paragraph that names those "
                                         "sectors, else the region's 三定 clause that makes every 行业主管部门 answer "
                                         "for its sector's safety; else ''")
    sector_rule_source: SectorRuleSource
    sector_rule_kind: SectorRuleKind
    devolved: str = Field(description="乡镇赋权说明: on the first row and lower governments as a whole's, when the "
                                      "text meets an item a 赋权清单 gave the townships (queries.township_given): "
                                      "the named township handles it (its row first), or it cannot (no office to "
                                      "take it on), or the power lies with the townships where it happened; read "
                                      "from the first 10 departments ranked whatever the limit; else ''")
    township_unnamed: bool = Field(description="需确定事发地乡镇（街道）: `devolved` says the power lies with the "
                                               "township where it happened, the text naming none or several (the "
                                               "rows that say it); dispatch leaves such a route to a person")
    no_sanding: bool = Field(description="图中无其三定: the graph holds no 三定 of the department (only a list or a "
                                         "clause names it), so a person checks what it is sent")
    place_unnamed: bool = Field(description="需确定事发地（市、县）: asked of a province, the text names no place "
                                            "below it (a city, county, township or street) and the province's "
                                            "department is not sure of it alone (its own licensing): the cities' and "
                                            "counties' departments are ranked together, whichever city it happened "
                                            "in; asked of a city, a 县级专有 or 委托 matter of its 市县事权划分清单 "
                                            "that several counties hold and the text names none of: their departments "
                                            "are the rows, whichever county it happened in (`power_split` says so)")
    power_split: str = Field(description="市县事权划分说明 (queries.split_route), when the text names a matter of "
                                         "the city's 市县事权划分清单: asked within a county, on the first row, the "
                                         "department of the level the list gives it (市级专有: the city's; 县级专有, "
                                         "市县共有 with the division of work it states, 委托: the county's), first, "
                                         "and the list's row; asked of the city, a 县级专有 or 委托 matter, on "
                                         "each holding county's department, the rows; a 市级专有 or 市县共有 one "
                                         "(with the counties sharing it and the division of work), on the city's "
                                         "department "
                                         "the list names, where the city's ranking has it, the order unchanged; "
                                         "else ''")
    overlap_cluster: str = Field(description="编号 of the overlaps' cluster (departments scope) holding both the first "
                                             "and second rows' best evidence, on those two rows; else ''")
    overlap_note: str = Field(description="职责交叉说明 beside overlap_cluster: 两部门三定职责交叉且未明确牵头"
                                          "（编号C…）, or the lead of a settled cluster; else ''")
    evidence: list[Evidence]


class PowerSplitCell(BaseModel):
    domain: str
    share: Share
    matters: int
    by_region: dict[str, int] = Field(description="matters held, by region path")
    names: list[str] = Field(description="the matters")


class PowerSplitConflict(BaseModel):
    matter: str
    kind: Literal["county_exclusive_exercised_by_city", "shared_without_division"]
    department: str
    source: str
    holders: list[str]
    concerned: list[str] = Field(default_factory=list, description=(
        "涉及部门: the department the conflict names, and in each holding region the department doing the matter's "
        "work (it exercises a power item of that name, or is the region's one department of the domain)"))
    sources: list[str] = Field(default_factory=list, description=(
        "出处, every row the conflict rests on: the split list's rows of the matter for the regions it lies between, "
        "then `source` where it is not one of them (the city's power item still carrying a county-only matter)"))


class PowerSplitUnlisted(BaseModel):
    matter: str
    share: Share = Field(description="the matter's share in the city's split")
    region: str = Field(description="the county holding it")
    department: str = Field(description="the county department whose domain the matter is in (no power item of "
                                        "that name tells who does it)")
    listed_items: int = Field(description="the power items that department's loaded 权责清单 lists: the list is "
                                          "there, and leaves the matter out")
    source: str = Field(description="出处: the 事权划分 list row")


class PowerSplitCounties(BaseModel):
    domain: str
    share: Share
    by_county: dict[str, int] = Field(description="matters each county of the split holds in this cell, by region "
                                                  "path, 0 where it holds none")
    differs: bool = Field(description="各县（区）不同: the counties do not all hold the same matters in this cell "
                                      "(alike counts may still be different matters)")


class PowerSplitDifference(BaseModel):
    region: str = Field(description="the county that differs from the others")
    kind: Literal["held_alone", "lacked_alone"] = Field(
        description="held_alone: it holds the matter and no other county does; lacked_alone: every other county "
                    "holds it and it does not (said only of a city of three counties or more: of two, the one "
                    "holding it is the row)")
    domain: str
    share: Share = Field(description="the matter's share in the city's split")
    matter: str
    sources: list[str] = Field(description="出处: the 事权划分 list rows giving the matter to the county, or, for one "
                                           "it lacks, to the others")


class PowerSplit(BaseModel):
    cells: list[PowerSplitCell]
    conflicts: list[PowerSplitConflict]
    unlisted: list[PowerSplitUnlisted] = Field(
        description="matters a county holds that its department of the domain lists no power item for, though its "
                    "权责清单 is loaded (县级权责清单未列)")
    counties: list[PowerSplitCounties] = Field(
        description="各县（区）对比: the cells any county holds a matter of, with every county's count side by side "
                    "(every county's, whatever `region`)")
    differences: list[PowerSplitDifference] = Field(
        description="县（区）间差异: the matters one county holds and no other does, or lacks where every other holds "
                    "them; with `region`, that county's only; none for a city of one county")


class PowerSplitHolding(BaseModel):
    matter: str
    region: str = Field(description="the region holding it")
    level: str = Field(description="the holding region's level: city or county (a district is a county)")
    share: Literal["exclusive", "shared", "delegated"] = Field(description="how this region holds it")
    role: str = Field(description="holder; for a delegated matter principal (委托方) or agent (受托方)")
    text: str = Field(description="what the list says this region does, if anything")
    source: str = Field(description="出处: the 事权划分 list row")
    department: str = Field(description="the region's department doing the work; empty when none is known")
    department_basis: Literal["power_item", "domain", ""] = Field(
        description="power_item: it exercises a power item of that name; domain: the region's one department "
                    "named for the matter's domain (inferred)")
    item: str = Field(description="the power item, where department_basis is power_item")
    item_source: str = Field(description="the power item's 出处")


class PowerSplitCellMatters(BaseModel):
    domain: str
    share: Share
    region: str | None = Field(description="the region asked about; null for the whole city")
    matters: list[str]
    holdings: list[PowerSplitHolding] = Field(description="a row per matter and holding region")


class NetworkNode(BaseModel):
    department: str
    degree: int = Field(description="departments it shares a matter with")
    betweenness: float
    matters: int = Field(description="matters it shares")


class NetworkEdge(BaseModel):
    a: str
    b: str
    weight: int = Field(description="matters the two share")
    matters: list[str]


class Counterpart(BaseModel):
    county_department: str
    county: str
    city_department: str
    one_to_many: bool


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    counterparts: list[Counterpart]


class CounterpartDuty(BaseModel):
    """counterpart_duties: a county department's duty beside its city counterpart's nearest, or a city duty no
    county duty comes near."""

    county_department: str
    county: str = Field(description="the county department's region path")
    city_department: str
    relation: Literal["mirrored", "county_only", "city_only"] = Field(
        description="mirrored: the county duty reads as the city duty (score from the threshold on); county_only: no "
                    "city duty reads as it (the nearest is given, with its score); city_only: a city duty no county "
                    "duty reads as")
    county_ordinal: int | None
    county_duty: str = Field(description="'' on a city_only row")
    city_ordinal: int | None
    city_duty: str = Field(description="the city duty nearest the county duty; '' when the city states none")
    score: float | None = Field(description="相似度 of the two, 0–1 (ingest.similarity); null on a city_only row")
    county_source: str
    city_source: str


class SandingVersion(BaseModel):
    """A 三定 or 调整 notice of one department (sanding_versions): what it states, and when."""

    document: str = Field(description="the Document's uid")
    kind: Literal["sanding", "amendment"] = Field(description="sanding: a 三定; amendment: a 调整职责机构编制 notice")
    title: str | None
    doc_number: str | None = Field(description="文号")
    issued: str | None = Field(description="印发日期")
    effective: str | None = Field(description="施行日期 ('' when the document gives none)")
    in_force_from: str = Field(description="施行日期, else 印发日期: the day it came into force ('' when undated)")
    duties: int = Field(description="the department duties it states (its offices' not counted)")
    offices: list[str] = Field(description="the offices it lists, in its order")
    text_sha256: str | None = Field(description="the digest of its words: two copies of one text share it")


class DutyInForce(BaseModel):
    """duties_in_force: a duty of the department or of one of its offices, as the documents in force on the date state
    it."""

    department: str
    office: str = Field(description="'' for a department duty")
    ordinal: int | None = Field(description="its number in that document (none for a duty a notice moved in)")
    category: str | None = Field(description="职责类别")
    text: str
    carried_by: list[str] = Field(description="a department duty: the offices whose duties of the same documents carry "
                                              "it out (REFINES); empty for an office's own duty")
    in_force_from: str = Field(description="the 施行日期 of the document stating it (a duty carried from a body a "
                                           "机构改革 replaced: of the notice grounding the carrying)")
    source: str = Field(description="the clause of the document in force that states it")
    status: Literal["current", "transferred", "cancelled", "devolved"] = Field(
        description="current: the department's duty on the date; transferred, cancelled, devolved: a 调整 notice "
                    "in force by then moved the work out (划出), cancelled it (取消) or handed it down (下放), so it "
                    "was no longer the department's (the row stays, to say so and why)")
    change: str = Field(description="the work as the notice words it ('' for a current duty)")
    counterpart: str = Field(description="the department the notice moved the work to; for work a notice moved in, "
                                         "the department it came from; '' otherwise")
    change_source: str = Field(description="the notice's clause that took the work ('' for a current duty)")
    changed_on: str = Field(description="the day that notice came into force ('' for a current duty)")


class DutiesInForcePage(Page[DutyInForce]):
    """The duties in force on a date, paged, with the 三定 they are read from."""

    date: str = Field(description="the date asked about, as YYYY-MM-DD")
    documents: list[SandingVersion] = Field(description="the documents in force on the date that the rows cite: the "
                                                        "三定 first, then those of bodies a 机构改革 replaced that "
                                                        "carried rows cite, then the 调整 notices since it; none "
                                                        "before the department's first 三定")
    note_zh: str | None = Field(default=None,
                                description="why there are no rows (无 D 时施行的三定…); null when there are")
    warning_zh: str | None = Field(default=None, description=(
        "two different texts of the 三定 of one date (a corrected reissue): which one the rows are read from; null "
        "when there is one"))


# -- one department --------------------------------------------------------------------------------

class DepartmentFacts(BaseModel):
    uid: str
    name: str
    region: str | None
    kind: str | None
    rank: str | None
    rank_source: str | None = Field(default=None, description=(
        "规格所据条款：`doc:…#第二条`；图谱在字段版本 22 之前载入的文件未记条款时为空"))
    supervisor: str | None = Field(default=None, description="主管部门：三定所写“由…管理的”部门（部门管理机构）")
    supervisor_source: str | None = Field(default=None, description="主管部门所据条款：`doc:…#第二条`")
    staff_quota: int | None = Field(description="行政编制，计入其后调整通知划转的编制（见 staff_moves）")
    staff_quota_stated: int | None = Field(default=None,
                                           description="三定或调整通知“调整后”所定的编制数，未计其后的划转")
    staff_moves: list[StaffMove] = Field(default_factory=list,
                                         description="其后调整通知划入、划出、核减或随职责下放的编制及其条款")
    staff_actual: int | None = Field(default=None, description=(
        "实有人数（行政编制）：已载入的机构编制实名制统计表中最新统计时点的数；未列入统计表时为空"))
    staff_actual_as_of: str | None = Field(default=None, description="实有人数的统计时点")
    other_staff: int | None = Field(description="行政编制之外的编制（事业编制等）")
    leader_posts: int | None
    leader_posts_moved: int | None = Field(default=None, description=(
        "其后调整通知增减的领导职数（划入为正，划出、核减、下放为负）；未涉及时为空"))
    leader_posts_moved_by_rank: list[str] = Field(default_factory=list, description=(
        "其后调整通知增减的领导职数，按级别：`副处级 +1`、`正科级 -1`"))
    leader_posts_detail: list[str] | None = Field(description="领导职数明细，含未定职数的职位（总工程师 按副处级配备）")
    office_leader_posts: int | None
    staffing_source: str | None = Field(default=None, description=(
        "编制数所据条款：行政编制和领导职数所出的三定条款（`doc:…#第五条`）或调整通知“调整后”所在的项（`doc:…#二、`）"))
    offices_stated: int | None
    offices_stated_source: str | None = Field(default=None, description=(
        "内设机构数所据条款：三定“设N个内设机构”所在条款（`doc:…#第四条`），或其后调整通知“调整后”所在的项"))
    offices_source: str | None = Field(default=None, description=(
        "内设机构所据条款：三定列出内设机构的条款（`doc:…#第四条`）"))
    aliases: list[str] | None
    issued: str | None
    reform_date: str = Field(default="", description=(
        "机构改革日期: for a department no 三定 of its own defines, the date of the 调整 notice's rename or merger "
        "that made it ('' where `issued`, its 三定's date, is given)"))
    staffing_from: str = Field(default="", description=(
        "编制数据来源：沿用机构改革前部门的数据时，各项承继自哪个部门的哪份文件；未沿用时为空"))
    # Absent (null) for a department no 机构改革 touched; /openapi.json drops an example's nulls, so not required.
    succession: str | None = Field(default=None, description="机构沿革：已更名为… / 已并入…（已不是现行部门），"
                                   "或 由…更名而来 / 由…等合并组建 / 划入…的职责，各附日期")


class ProfileDuty(BaseModel):
    ordinal: int | None
    text: str
    source: str
    status: str = Field(default="current", description=(
        "as department_duties': current, or what a 调整 notice since the 三定 made of the clause (transferred, "
        "partly_transferred, cancelled, partly_cancelled, devolved, partly_devolved)"))
    change: str = Field(default="", description="the notice's words for the work it took ('' for a current duty)")
    counterpart: str = Field(default="", description=(
        "who took the work (the department, or the lower governments devolved work goes to); for work a notice "
        "moved in, who gave it"))
    carried_from: str = Field(default="", description=(
        "a duty of the body a 调整 notice alone renamed or merged into this one, as that body's 三定 states it (the "
        "source): that body's name; '' for the department's own duty"))
    ground_source: str = Field(default="", description=(
        "the notice's clause that carries it ('' for the department's own duty)"))


class DepartmentDuty(ProfileDuty):
    carried_by: list[str] = Field(description="the offices whose duties carry it out (REFINES); empty: no office does "
                                              "(未分解), or the graph holds none of the department's offices")


class ProfileOverlap(OverlapCluster):
    scope: Literal["departments", "offices", "levels"] = Field(
        description="where the cluster was found: departments 同级部门, offices 内设机构, levels 上下级")


class ProfileOffice(BaseModel):
    office: str
    duties: list[ProfileDuty] = Field(description="empty for an office the 三定 gives no duty")
    source: str | None = Field(description="for an office without duties, the clause that sets it up")


class Role(BaseModel):
    relation: Literal["LEADS", "ASSISTS", "EXERCISES", "CLAIMS"]
    name: str
    detail: str | None = Field(description="LEADS/ASSISTS: basis; EXERCISES: the item's type; CLAIMS: its target")
    offices: list[str] = Field(description="EXERCISES: the item's 承办科室, the department's offices its list names "
                                           "as handling it, each as its 三定 writes it (法规股（行政审批股）); "
                                           "empty otherwise")
    # What a 司法局 reviewer reads of a power item beside its name (department_roles.cypher).
    code: str | None = Field(default=None, description="EXERCISES, CLAIMS: the item's 编码 ('' if its list gives "
                                                       "none); null otherwise")
    basis: str | None = Field(default=None, description="EXERCISES, CLAIMS: the item's 设定依据 as its list writes "
                                                        "it; null otherwise")
    responsibilities: str | None = Field(default=None, description="EXERCISES: the item's 责任事项, '' for an empty "
                                                                   "cell; null where its list has no such column")
    accountability: str | None = Field(default=None, description="EXERCISES: the item's 追责情形, '' for an empty "
                                                                 "cell; null where its list has no such column")
    source: str | None


class Neighbour(BaseModel):
    department: str
    matters: list[str]


class Profile(BaseModel):
    department: DepartmentFacts
    duties_by_category: dict[str, list[DepartmentDuty]]
    offices: list[ProfileOffice]
    leads: list[Role]
    assists: list[Role]
    power_items: list[Role]
    supervision_items: list[Role]
    overlaps: list[ProfileOverlap]
    ambiguities: list[Ambiguity]
    undecomposed: list[UndecomposedRow]
    network: list[Neighbour]
    read_as_zh: str | None = Field(description="how the name asked for was read where it is not the department's full "
                                               "name, alias or uid (“市监局”读作：示例市市场监督管理局); else null")


class UploadedFile(BaseModel):
    file: str
    counts: dict[str, int] = Field(description="what the file holds, by kind")
    warnings: list[str] = Field(description="what was read with a doubt, each `English; 中文`")
    warnings_zh: list[str] = Field(description="the same warnings, in Chinese only (the web page shows these)")
    already_in_graph: bool = Field(description="the same content for the same region was in the graph: loaded "
                                               "again, nothing created")
    replaced: list[str] = Field(default=[], description="the earlier versions of this list it replaced, taken out "
                                                       "of the graph (each 《title》 and the path it was loaded from)")
    beside: list[str] = Field(default=[], description="loaded lists of the same name it is not a version of, which "
                                                     "stay beside it: each 《title》 and path, with why in brackets "
                                                     "(few matters in common, in the same year or not)")


class FailedFile(BaseModel):
    file: str
    error: str
    error_zh: str


class NewInGraph(BaseModel):
    regions: int
    departments: int
    offices: int
    duties: int
    matters: int
    power_items: int
    supervision_items: int
    documents: int


class UploadAnswer(BaseModel):
    """POST /api/documents: per file what was added or why not, and the nodes the upload's own writes created."""

    added: list[UploadedFile]
    failed: list[FailedFile]
    new_in_graph: NewInGraph
    relisted: list[str] = Field(default=[], description="按撤县设区重新载入的区清单: district lists loaded before a "
                                                       "撤县设区 this upload loads, loaded again from their files, the "
                                                       "county's list kept as their history (each 《title》 path "
                                                       "(region, uid))")
    not_relisted: list[str] = Field(default=[], description="未能重新载入的区清单: those whose file is gone, "
                                                           "changed or did not load (then why): both stay current")


class RemovedDocument(BaseModel):
    uid: str
    path: str = Field(description="the path it was loaded from (an upload: its name as uploaded)")
    title: str
    kind: str
    region: str


class StrandedDocument(RemovedDocument):
    history: bool = Field(description="kept as a list's history version (the county's list), not a current one")
    failure: str = Field(description="why it did not load again though its file is unchanged; empty where the file "
                                     "is gone or changed")
    failure_zh: str = Field(default="", description="the same in Chinese, one sentence naming the document, its file "
                                                    "and line and what was expected (failure may be an exception's "
                                                    "English); empty where failure is")


class RemovalAnswer(BaseModel):
    """DELETE /api/documents/{uid}: the document taken out, and what the graph holds after."""

    removed: list[RemovedDocument]
    in_graph: NewInGraph = Field(description="the nodes the graph holds after the removal")
    restored: list[RemovedDocument] = Field(default=[], description="历史版本恢复为现行清单: a removed current list's "
                                                                   "newest history version, or the history version "
                                                                   "the versions that stay rank above the current one "
                                                                   "once a version is removed, loaded again as "
                                                                   "current")
    stranded: list[StrandedDocument] = Field(default=[], description="a history version whose file is gone, changed "
                                                                    "or did not load: the list has no current version "
                                                                    "(or keeps the one it had)")
    unpaired: list[RemovedDocument] = Field(default=[], description="撤县设区已移除: the county's and the district's "
                                                                   "lists the removed 撤县设区 paired, loaded again "
                                                                   "from their files, each current")
    not_unpaired: list[StrandedDocument] = Field(default=[], description="those whose file is gone, changed or did not "
                                                                        "load: the two lists stay paired")
    reread: list[RemovedDocument] = Field(default=[], description="调整通知已按原机构重新载入: 调整 notices titled "
                                                                 "with a body's old name that the removed reform had "
                                                                 "read as its successor's, loaded again from their "
                                                                 "files as the old body's")
    not_reread: list[StrandedDocument] = Field(default=[], description="those whose file is gone, changed or did not "
                                                                      "load: they stay as loaded")
    parties_reread: list[RemovedDocument] = Field(default=[], description="清单已重新载入，其所称部门不再按已移除的三定"
                                                                         "解读: the lists (and tables) that named a "
                                                                         "department the removed 三定 or 调整 notice "
                                                                         "defines, by a name it explained (a plate, an "
                                                                         "office in brackets) or its own, loaded again "
                                                                         "from their files: as loading them without it")
    parties_not_reread: list[StrandedDocument] = Field(default=[], description="those whose file is gone, changed or "
                                                                              "did not load: they stay as loaded, "
                                                                              "their parties read by the removed "
                                                                              "document")


class CypherAnswer(BaseModel):
    """POST /api/cypher as JSON."""

    columns: list[str] = Field(description="the query's own columns")
    rows: list[dict[str, Any]] = Field(description="up to the row limit (DUTYGRAPH_CYPHER_ROW_LIMIT), each "
                                                   "column: value")
    truncated: bool = Field(description="the row limit cut the answer")


class ComplaintIn(BaseModel):
    """One complaint to route. A field it does not take is refused, as the request's own are: a misspelt `regoin`
    was dropped, and the complaint routed within the request's region as if none were given (user test)."""

    model_config = {"extra": "forbid"}

    text: str = Field(max_length=2000, description="the complaint as the citizen put it (empty: not routed, said)",
                      examples=["小区楼下烧烤摊油烟太大，晚上窗户都不敢开"])
    id: str | None = Field(default=None, max_length=100, description="the caller's own key (工单编号), given back",
                           examples=["GD20261122001"])
    region: str | None = Field(default=None, max_length=100, description="the region it comes from (示例市/河西区 or "
                               "河西区); else the request's region", examples=["河西区"])


class DispatchRequest(BaseModel):
    model_config = {"extra": "forbid"}

    complaints: list[ComplaintIn] = Field(min_length=1, max_length=1000, description="up to 1,000 complaints")
    region: str | None = Field(default=None, max_length=100, description="the region of complaints that name none "
                               "(default: the graph's one city, when it has one)", examples=["示例市"])


class DispatchRow(BaseModel):
    line: int = Field(description="the complaint's place in the request, from 1")
    id: str | None = Field(default=None, description="the caller's key, when it gave one")
    text_in: str
    region: str = Field(description="the region it was routed within (its city's, when sent up: see note)")
    department: str = Field(description="'' when nothing matched or the complaint is empty")
    office: str
    score: float | None
    tie: bool
    weak: bool
    holds_no_duties: bool
    no_match: bool
    township_unnamed: bool = Field(description="需确定事发地乡镇（街道）: work a 赋权清单 gave the townships "
                                               "(`devolved`), the complaint naming none or several: a person "
                                               "finds the township where it happened")
    place_unnamed: bool = Field(description="需确定事发地（市、县）: asked of a province, the complaint names no "
                                            "place below it and the province reserves no such work: routed to the "
                                            "best of its cities' and counties' departments, which city's a person "
                                            "finds; asked of a city, a 县级专有 or 委托 matter several counties "
                                            "hold: routed to the best of their departments, which county's a "
                                            "person finds (who_handles' `place_unnamed`)")
    runner_up: str
    runner_up_score: float | None
    matched: str = Field(description="the complaint's words the evidence says, weightiest first; ≈ marks a "
                                     "dictionary's reading of them (没人管 → ≈警务督察), which a person may check")
    evidence: str
    source: str
    note: str = Field(description="a county complaint sent up to its city's department, or an empty complaint")
    power_split: str = Field(description="市县事权划分说明: who_handles' `power_split` on the department routed to "
                                         "(a 市级专有 matter sent to the city's department; a 县级专有, 市县共有 "
                                         "or 委托 one to the county's); else ''")
    devolved: str = Field(description="乡镇赋权说明: who_handles' `devolved` on the department routed to (work a "
                                      "赋权清单 gave the townships: the named township takes it, or the one where it "
                                      "happened does, or the county still must); else ''")
    sector_safety: str = Field(description="行业主管（管行业必须管安全）: who_handles' `sector_safety` on the "
                                           "department routed to, when the complaint is about safety; else ''")
    sector_rule: str = Field(description="beside sector_safety, the clause that makes the department answer for its "
                                         "sectors' safety; else ''")
    sector_rule_source: SectorRuleSource
    sector_rule_kind: SectorRuleKind
    no_sanding: bool = Field(description="图中无其三定: who_handles' `no_sanding` on the department routed to")
    overlap_cluster: str = Field(description="职责交叉编号: who_handles' `overlap_cluster`, the overlaps' cluster "
                                             "(departments scope) holding the best evidence of both the department "
                                             "routed to and the runner-up; else ''")
    overlap_note: str = Field(description="职责交叉说明 beside overlap_cluster, as who_handles says it: 两部门三定职责"
                                          "交叉且未明确牵头（编号C…）, or the lead of a settled cluster; else ''")
    need_person_zh: str = Field(description="why a person must settle the row, in Chinese, as the CLI's and the web "
                                            "page's 需人工确定 say it (难以区分；依据不足, 诉求为空, sent up to the "
                                            "city…); '' when none")


class DispatchAnswer(BaseModel):
    """POST /api/dispatch as JSON."""

    rows: list[DispatchRow]
    need_person: int = Field(description="rows a person must settle: a tie, a weak match, a department with no "
                                         "duties in the graph, no match, given work with no township named, sent up "
                                         "to the city, or empty")
    routed_within: str | None = Field(description="the region of complaints that named none (None: every region)")
    warnings: list[str] = Field(description="a complaint's region the graph does not hold, routed within the "
                                            "request's (English; Chinese)")


class DispatchFileAnswer(BaseModel):
    """POST /api/dispatch/file as JSON: the file's rows with its own columns (工单编号 …) beside the answer's."""

    file: str = Field(description="the file's name, as uploaded")
    columns: list[str] = Field(description="the rows' keys in order: line, the file's own columns, then the "
                                           "answer's (those of DispatchRow but id, need_person_zh last)")
    rows: list[dict[str, str | int | float | bool | None]] = Field(
        description="a row each complaint: DispatchRow's fields but id, and the file's own columns as text")
    need_person: int = Field(description="rows a person must settle, as in POST /api/dispatch")
    routed_within: str | None = Field(description="the region of complaints that named none (None: every region)")
    warnings: list[str] = Field(description="what was read with a doubt (an empty complaint cell, a cell over "
                                            "several lines) and regions the graph does not hold (English; Chinese)")


# -- a draft 三定 checked against the graph ----------------------------------------------------------

class DraftFacts(BaseModel):
    file: str = Field(description="the draft's file name, as given")
    title: str
    department: str = Field(description="the department it was checked as: its title's, or the one named")
    region: str
    dated: str = Field(description="its date (header, else 施行, else signature), '' when it states none")


class InForce(BaseModel):
    department: str
    region: str
    issued: str = Field(description="the 三定 in force's date (三定日期)")
    documents: list[str] = Field(description="the documents its duties are stated by (doc:…)")


class DutyChange(BaseModel):
    change: Literal["added", "removed", "reworded"]
    old_ordinal: int | None
    old_text: str = Field(description="the duty in force; '' for one added")
    new_ordinal: int | None
    new_text: str = Field(description="the draft's duty; '' for one removed")
    score: float | None = Field(description="相似度 of a reworded duty to the one in force, 0–1")
    source: str = Field(description="出处 of the duty in force (doc:…#第三条(八))")
    draft_place: str = Field(description="where the draft states it (第三条(八))")


class OfficeChange(BaseModel):
    change: Literal["established", "abolished", "renamed"]
    old_office: str
    new_office: str
    score: float | None = Field(description="an office renamed as its duties say: how alike they read; null where a "
                                            "name of one is a name of the other")
    source: str
    draft_place: str


class OfficeDutyChange(BaseModel):
    """A duty of an office the draft continues (by name, another of its names, or its duties) that the draft removes,
    rewords or adds."""

    office: str = Field(description="the office, as the draft names it")
    change: Literal["added", "removed", "reworded"]
    old_text: str = Field(description="the office's duty in force; '' for one added")
    new_text: str = Field(description="the draft's; '' for one removed")
    score: float | None = Field(description="相似度 of a reworded duty to the one in force, 0–1")
    source: str = Field(description="出处 of the office's clause in force (doc:…#第四条(七))")
    draft_place: str = Field(description="where the draft states it (第四条(七))")


class StaffingChange(BaseModel):
    fact: Literal["staff_quota", "other_staff", "leader_posts", "leader_posts_detail", "office_leader_posts",
                  "office_count"]
    old_value: int | list[str] | None
    new_value: int | list[str] | None
    change: Literal["added", "removed", "unchanged", "increased", "decreased", "changed"]
    delta: int | None = Field(description="new less old, for a count")


class DivisionChange(BaseModel):
    change: Literal["added", "removed", "changed"]
    matter: str
    old_leads: list[str] = Field(description="in listing order: the first hosts")
    old_assists: list[str]
    new_leads: list[str]
    new_assists: list[str]
    old_text: str
    new_text: str
    source: str
    draft_place: str


class DraftOverlap(BaseModel):
    new_ordinal: int | None
    new_text: str
    other_department: str
    other_ordinal: int | None
    other_text: str
    score: float
    already: bool = Field(description="the duty in force it restates or rewords overlaps that duty already")
    other_source: str
    draft_place: str


class DraftUndecomposed(BaseModel):
    new_ordinal: int | None
    new_text: str
    already: bool = Field(description="no office carries the duty in force it restates or rewords either")
    draft_place: str


class DraftFunctionChange(BaseModel):
    """A piece of work the draft's 职能转变 cancels, hands down or transfers, and what checking it found (a row per
    finding; `none` when nothing was)."""

    kind: Literal["cancelled", "devolved", "transferred_out", "transferred_in", "moved"]
    text: str = Field(description="the 职能转变 sentence")
    counterpart: str = Field(description="the other department of a transfer (a move's receiver), '' for the others")
    giver: str = Field(description="the giver of a move between two other departments (moved), '' for the others")
    already: bool = Field(description="the 三定 in force already states a change of this kind that reads alike")
    draft_place: str
    finding: Literal["still_in_draft", "still_listed", "giver_still_holds", "receiver_lacks", "counterpart_unknown",
                     "none"]
    unknown_side: Literal["", "giver", "receiver", "both"] = Field(
        description="of a counterpart_unknown row, the side of the transfer the graph holds no 三定 in force of (both: "
                    "neither side of a move, one row); '' for the other findings")
    evidence: str = Field(description="the draft's clause, the power item or the other department's duty found")
    evidence_place: str = Field(description="where a clause of the draft found stands (第四条(十二))")
    evidence_source: str = Field(description="the graph's source of a power item or another department's duty")


class DraftCheck(BaseModel):
    """POST /api/drafts/check as JSON: what was compared, then a table each."""

    draft: DraftFacts
    in_force: InForce | None = Field(description="null: the graph holds no 三定 of the department")
    notes: list[str] = Field(description="English; Chinese")
    duties: list[DutyChange]
    offices: list[OfficeChange]
    office_duties: list[OfficeDutyChange] = Field(description="the duties of the offices the draft continues, "
                                                                "removed, reworded or added")
    staffing: list[StaffingChange]
    divisions: list[DivisionChange]
    overlaps: list[DraftOverlap] = Field(description="draft duties that read as another department's of the region")
    undecomposed: list[DraftUndecomposed] = Field(description="draft duties no office of the draft carries out")
    changes: list[DraftFunctionChange] = Field(description="the draft's 职能转变 checked against itself and the graph")


class ReadableTable(BaseModel):
    name: str = Field(description="the table's key in the JSON answer (duties, offices, …)")
    title: str
    columns: list[str] = Field(description="the columns' Chinese titles")
    rows: list[list[str]] = Field(description="each row's cells as the Excel file shows them")


class ReadableDocument(BaseModel):
    """A document an answer is read from, as people cite it."""

    kind: str = Field(description="三定规定 or 调整职责机构编制通知")
    title: str = Field(description="《title》, with its year where two documents share a title")
    doc_number: str = Field(description="文号 ('' when not given)")
    issued: str = Field(description="印发日期 ('' when not given)")
    in_force_from: str = Field(description="施行日期, else 印发日期")


class ReadableDutiesInForce(BaseModel):
    """GET /api/queries/duties_in_force/readable: the documents in force on the date, then the duties as the Excel
    file shows them."""

    department: str
    date: str = Field(description="the date asked about, as YYYY-MM-DD")
    documents: list[ReadableDocument] = Field(description="the 三定 in force, then the 调整 notices since it")
    note_zh: str | None = Field(default=None,
                                description="why there are no rows (无 D 时施行的三定…); null when there are")
    warning_zh: str | None = Field(default=None, description="as duties_in_force's")
    table: ReadableTable
    statuses: list[str] = Field(description="each row's status code (current, transferred, cancelled, devolved), "
                                            "for the page to set the rows no longer the department's apart")


class ReadableDraftCheck(BaseModel):
    """POST /api/drafts/check/readable: what was compared, then each table as people read it."""

    draft: DraftFacts
    in_force: InForce | None
    notes: list[str]
    tables: list[ReadableTable]


class ListChangeRow(BaseModel):
    """list_changes: one change between two versions of a list (清单动态调整, queries.list_changes)."""

    list_title: str = Field(description="the list's title (its file's name when it has none)")
    region: str
    from_version: str = Field(description="the earlier version: its date and file")
    to_version: str = Field(description="the later version: its date and file, （现行） when current")
    change: Literal["added", "deleted", "renamed", "lead_changed", "assist_changed", "claim_changed",
                    "department_changed"]
    change_label: str
    matter: str = Field(description="the item's name (the later version's where both have it)")
    before: str = Field(description="the earlier version's leads, assists, claim or name")
    after: str = Field(description="the later version's")
    from_source: str = Field(description="the earlier version's file and row (序号3（第5行）)")
    to_source: str = Field(description="the later version's file and row")
    list_key: str = Field(description="the list the versions belong to")
    from_uid: str
    to_uid: str


class CityDepartmentsRow(BaseModel):
    """city_departments: one line of work two cities set up differently (各市部门设置对照, queries.department_sets)."""

    work: str = Field(description="the line of work: the longest of its departments' names")
    city_departments: str = Field(description="each city's departments of the line, 南屿市：体育局、文化广电和旅游局")
    finding: Literal["merged", "lacking", "named_otherwise"]
    finding_label: str
    lacking: str = Field(description="the cities the graph holds no department of the line in (、-separated)")
    merged_in: str = Field(description="the cities one department of which does the work of several of another's")


class PowerItemFinding(BaseModel):
    """power_item_review: one finding on a 权责清单's power item (合法性审查, queries.power_review)."""

    region: str
    department: str = Field(description="the 实施主体 the list names, as the graph holds it")
    item: str
    type: str = Field(description="the 职权类型 as the list writes it (行政处罚, 行政许可 …)")
    code: str = Field(description="the item's 编码, '' where the list has none")
    finding_label: str
    basis: str = Field(description="the 设定依据 (实施依据) as the list writes it")
    detail: str = Field(description="basis_cannot_set: the 规范性文件 cited and the article forbidding it; "
                                    "several_departments: the other departments; devolved_still_listed and "
                                    "devolved_entrusted: the townships it was devolved to (承接主体); "
                                    "no_taking_office (one row a township, `item` the count and each item given "
                                    "it, 共20项：…；…): the 承接主体 and the office the township's 三定 lacks; "
                                    "repeated: the other items; "
                                    "holder_unknown: the departments the name may mean; no_mandate: the holder's "
                                    "nearest 三定 duty and the department whose duty is nearer, with their scores; "
                                    "no_responsibility: which of 责任事项, 追责情形 is empty; stages_not_loaded: the "
                                    "list's fields version and how many of its items could not be checked; "
                                    "list_no_basis, list_holders_unknown: the list and how many items it has")
    source: str = Field(description="the item's list and row")
    finding: Literal["no_basis", "list_no_basis", "no_law_named", "basis_cannot_set", "holder_unknown",
                     "list_holders_unknown", "no_mandate",
                     "no_responsibility", "stages_not_loaded", "several_departments", "devolved_still_listed",
                     "no_taking_office", "devolved_entrusted", "repeated"]
    department_uid: str
    item_uid: str


# -- a yearly work plan checked (queries.plan_check) ----------------------------------------------------

class PlanFacts(BaseModel):
    file: str
    title: str = Field(description="the plan's title (its file's name for a table without one)")
    department: str
    region: str
    year: int | None = Field(description="the plan's year (--year, else its title's); null when neither says one")
    in_force_on: str = Field(description="the date its duties are read for (YYYY-12-31); '' for today's")
    goals: int = Field(description="how many goals were read")


class PlanSummaryRow(BaseModel):
    kind: Literal["goals", "served", "retired", "other_department", "unmatched", "not_planned", "periodic"]
    meaning: str = Field(description="what is counted, in Chinese")
    count: int
    table: str = Field(description="the table its rows are in ('' for the goals read)")


class PlanServed(BaseModel):
    """A goal and a duty in force it serves (the department's or one of its offices')."""

    line: int = Field(description="the plan's line (text) or row (table) the goal is read from")
    goal: str
    office: str = Field(description="the goal's 责任处室 as the plan gives it ('' when it gives none)")
    duty_holder: str = Field(description="本部门, or the office whose duty it is")
    ordinal: int | None
    duty: str
    score: float = Field(description="相符程度 0–1: the mean of the goal's share in the duty and the duty's in it")
    carried_by: list[str] = Field(description="the offices that carry out the duty")
    office_note: str = Field(description="what is amiss with the goal's 责任处室 ('' when nothing)")
    source: str = Field(description="the duty's clause (doc:…#二、(三))")


class PlanRetired(BaseModel):
    """A goal doing work a 职能转变 or a 调整 notice took from the department."""

    line: int
    goal: str
    office: str
    status: Literal["transferred", "cancelled", "devolved", "partly_transferred", "partly_cancelled",
                    "partly_devolved"]
    work: str = Field(description="the work as the document taking it words it")
    counterpart: str = Field(description="who took it: the department a transfer names, the lower governments")
    source: str = Field(description="the clause that took it")


class PlanOutside(BaseModel):
    """A goal that serves no duty of the department: another department's work, or nobody's the graph knows."""

    line: int
    goal: str
    office: str
    finding: Literal["other_department", "unmatched"]
    other_department: str
    other_text: str
    score: float | None = Field(description="相符程度 of the goal and that duty, as served's (null when unmatched)")
    other_source: str


class PlanUnplanned(BaseModel):
    """A duty in force of the department that no goal serves."""

    ordinal: int | None
    duty: str
    carried_by: list[str]
    finding: Literal["not_planned", "periodic"] = Field(description="periodic: drafting a plan, policy or standard")
    source: str


class PlanCheck(BaseModel):
    """POST /api/plans/check as JSON: what was checked, then a table each."""

    plan: PlanFacts
    notes: list[str] = Field(description="English; Chinese")
    summary: list[PlanSummaryRow]
    served: list[PlanServed]
    retired: list[PlanRetired]
    outside: list[PlanOutside]
    unplanned: list[PlanUnplanned]


class ReadablePlanCheck(BaseModel):
    """POST /api/plans/check/readable: what was checked, then each table as people read it (the page's 年度计划审核)."""

    plan: PlanFacts
    notes: list[str] = Field(description="English; Chinese")
    tables: list[ReadableTable]


class TenureItem(BaseModel):
    """A line of the 任期职责情况说明: what it says (项目) and its content."""

    item: str
    value: str


class TenureChange(BaseModel):
    """A change of the department's duties or posts inside the tenure (queries.tenure)."""

    date: str = Field(description="the day the document making it came into force")
    kind: str = Field(description="新三定施行：新增|删除|改写, 划入, 划出, 部分划出, 取消, 部分取消, 下放, 部分下放, "
                                  "机构改革承继, 编制划入, 编制划出, 编制核减, 编制下放, 领导职数调整, 核定编制调整, "
                                  "新三定施行：核定编制调整")
    duty: str = Field(description="the duty as its clause words it; '' for posts")
    office: str = Field(description="the offices that carried it, joined with 、")
    other: str = Field(description="the department it went to or came from (the lower governments), or the clause a "
                                   "new 三定 rewords")
    staff: int | None = Field(description="行政编制 moved, cut or handed down; for 核定编制调整 the change a notice's "
                                          "调整后 figure makes beyond the moves, for 新三定施行：核定编制调整 a new "
                                          "三定's figure's against the one before, signed")
    leader_posts: str = Field(description="领导职数 changed, by rank: 副处级 -1")
    source: str = Field(description="the clause of the document making the change")


class TenureDuty(BaseModel):
    """A period a department duty was held inside the tenure (a duty moved out and back has a row a period)."""

    duty: str
    held_from: str
    held_to: str
    status_at_end: str = Field(description="at held_to: current, partly_…, transferred, cancelled, devolved, "
                                           "reworded, not_restated")
    status_label: str
    offices: list[str]
    sources: list[str]


class TenureStaffing(BaseModel):
    """The 行政编制 and 领导职数 on the tenure's first or last day."""

    point: str = Field(description="任期开始 or 任期结束")
    date: str
    staff_quota: int | None
    staff_quota_stated: int | None
    leader_posts: int | None
    leader_posts_stated: int | None
    source: str = Field(description="the clause whose figure the notices' moves are added to (`doc:…#第五条`; the "
                                    "document alone where a graph loaded before fields version 21 keeps no clause)")
    leader_posts_source: str = Field(description="the clause whose 领导职数 the notices' changes are added to (an "
                                                 "older document's than `source` where a notice set the 行政编制 "
                                                 "alone)")


class TenureListItem(BaseModel):
    """An item naming the department of a list version in force on some day of the tenure."""

    list_kind: str
    relation: str = Field(description="牵头, 配合, 实施 or 认领")
    item: str
    detail: str
    issued: str = Field(description="the list version's date, or 未署日期")
    in_force_to: str = Field(description="the day before the list's next version's date (a replaced version), or 现行")
    issued_in_window: bool
    source: str


class ReadableTenure(BaseModel):
    """GET /api/tenure/readable: the department and the window, then each table as people read it (the page's
    任期审计)."""

    department: str
    from_: str = Field(alias="from")
    to: str
    note_zh: str = Field(description="why the start has no 三定 in force; '' otherwise")
    tables: list[ReadableTable]


class Tenure(BaseModel):
    """GET /api/tenure as JSON: the department, the window, a note, then a table each."""

    department: str
    department_uid: str
    from_: str = Field(alias="from")
    to: str
    note_zh: str = Field(description="why the start has no 三定 in force; '' otherwise")
    summary: list[TenureItem]
    changes: list[TenureChange]
    duties: list[TenureDuty]
    staffing: list[TenureStaffing]
    lists: list[TenureListItem]
