"""Staffing as the 三定 states it: posts without a number and a second pool are kept and shown, and a region
with too few departments to compare says so instead of scoring them."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.profile import department_profile
from queries.report import build_report
from queries.staffing import staffing_load

# Two bureaus of an invented county, the second with a post staffed by rank alone and a 事业编制 pool.
_BUREAUS = {
    "yt_shuiwu.txt": ("水务局", "负责全县水资源管理。负责全县供水和节约用水工作。负责全县河道管理。负责水土保持工作。",
                      "县水务局机关行政编制8名。设局长1名，副局长2名，总工程师按副科级配备；股级领导职数4名。"),
    "yt_linye.txt": ("林业局", "负责全县森林资源保护。负责林木采伐管理。",
                     "县林业局机关行政编制20名、事业编制9名。设局长1名，副局长2名，森林防火专职副局长职数另定；"
                     "股级领导职数5名。"),
}


def _sanding(folder: Path) -> Path:
    for file, (bureau, duties, staffing) in _BUREAUS.items():
        numbered = "\n".join(f"（{'一二三四'[i]}）{duty}。" for i, duty in enumerate(duties.rstrip("。").split("。")))
        (folder / file).write_text(
            f"岚州市云台县{bureau}职能配置、内设机构和人员编制规定\n"
            f"第一条 根据《岚州市云台县机构改革方案》，制定本规定。\n"
            f"第二条 县{bureau}是县政府工作部门，为正科级。\n"
            f"第三条 县{bureau}的主要职责是：\n{numbered}\n"
            f"第四条 县{bureau}设下列内设机构：（一）办公室。负责机关日常运转。\n"
            f"第五条 {staffing}\n"
            f"第六条 本规定自2019年4月1日起施行。\n", encoding="utf-8")
    return folder


def _loaded(store: Store, tmp_path: Path) -> Store:
    report = ingest([_sanding(tmp_path)], store, region=Region(("岚州市", "云台县")))
    assert report.failed == []
    return store


def test_posts_without_a_number_and_a_second_pool_are_kept(store: Store, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    water = department_profile(store, "云台县水务局")["department"]
    forest = department_profile(store, "云台县林业局")["department"]
    assert (water["staff_quota"], water["other_staff"], water["leader_posts"], water["leader_posts_detail"]) == (
        8, None, 3, ["局长 1", "副局长 2", "总工程师 按副科级配备"])
    assert (forest["staff_quota"], forest["other_staff"], forest["leader_posts"], forest["leader_posts_detail"]) == (
        20, 9, 3, ["局长 1", "副局长 2", "森林防火专职副局长 职数另定"])


def test_two_departments_are_too_few_for_a_robust_score(store: Store, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    rows = [{key: row[key] for key in ("department", "staff_quota", "other_staff", "leader_posts_detail", "duties",
                                       "duties_per_post", "robust_z", "outlier", "too_few")}
            for row in staffing_load(store, "岚州市/云台县")]
    # Four duties on 8 posts against two on 20 (five times as many per post) would score z = ±0.67 with two.
    assert rows == [
        {"department": "云台县林业局", "staff_quota": 20, "other_staff": 9,
         "leader_posts_detail": ["局长 1", "副局长 2", "森林防火专职副局长 职数另定"], "duties": 2,
         "duties_per_post": 0.1, "robust_z": None, "outlier": "", "too_few": True},
        {"department": "云台县水务局", "staff_quota": 8, "other_staff": None,
         "leader_posts_detail": ["局长 1", "副局长 2", "总工程师 按副科级配备"], "duties": 4,
         "duties_per_post": 0.5, "robust_z": None, "outlier": "", "too_few": True},
    ]
    section = next(s for s in build_report(store, region="岚州市/云台县").sections if s.key == "staffing_load")
    assert section.note.endswith("以下区划可比部门少于 3 个，稳健z分数无法判断异常（两个部门时总是 ±0.67），"
                                 "不给出分数：云台县。")  # named as people name it, as the report's tables do
    assert [(r["department"], r["other_staff"], r["too_few"]) for r in section.rows] == [
        ("云台县林业局", 9, True), ("云台县水务局", None, True)]
