"""Every fact an 编办 checks of a department cites the clause it was read from (fields version 22), as its 行政编制
already did (`staffing_source`, test_staffing_clause): its 规格 and its supervisor the 三定's 第二条, its 核定内设机构数
the 第四条 that says 设3个内设机构 (or the 调整 notice's item that sets 内设机构4个), and its offices the 第四条 that
lists them. Before, the profile cited none of them and staffing_load's 核定内设机构数 nothing. The fixtures are
invented: a 林业局 under the 自然资源局 (a 部门管理机构), and a notice of 2023 setting one more office; the real ones
are skipped where ../shared/real is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries.labels import column_label
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.sources import document_titles, with_readable_sources
from queries.staffing import staffing_load
from tests.conftest import real_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fact_clauses"
SANDING_FILE, NOTICE_FILE = "yunxi_linye_2020.txt", "yunxi_linye_notice_2023.txt"
DEPARTMENT = "云溪市林业局"
SANDING = "《云溪市林业局职能配置、内设机构和人员编制规定》"
NOTICE = "《关于调整云溪市林业局职责机构编制的通知》"
CITED = ("rank", "rank_source", "supervisor", "supervisor_source", "staffing_source", "offices_stated",
         "offices_stated_source", "offices_source")


def _loaded(store: Store, *names: str) -> Store:
    assert ingest([FIXTURES / name for name in names], store, region=Region(("云溪市",))).failed == []
    return store


def _facts(store: Store, name: str = DEPARTMENT) -> dict[str, Any]:
    department = department_profile(store, name)["department"]
    readable = with_readable_sources(department, document_titles(store))
    return {key: readable[key] for key in CITED}


def test_the_sanding_s_facts_cite_their_articles(store: Store) -> None:
    assert _facts(_loaded(store, SANDING_FILE)) == {
        "rank": "副处级", "rank_source": f"{SANDING}第二条",
        "supervisor": "云溪市自然资源局", "supervisor_source": f"{SANDING}第二条",
        "staffing_source": f"{SANDING}第五条",
        "offices_stated": 3, "offices_stated_source": f"{SANDING}第四条", "offices_source": f"{SANDING}第四条"}


def test_a_notice_setting_the_offices_cites_its_own_item(store: Store) -> None:
    # The notice's 调整后 totals set 4 offices and 11 posts: both cite its item 二、; the 规格, the supervisor and the
    # offices listed stay the 三定's, which the notice does not state.
    assert _facts(_loaded(store, SANDING_FILE, NOTICE_FILE)) == {
        "rank": "副处级", "rank_source": f"{SANDING}第二条",
        "supervisor": "云溪市自然资源局", "supervisor_source": f"{SANDING}第二条",
        "staffing_source": f"{NOTICE}二、",
        "offices_stated": 4, "offices_stated_source": f"{NOTICE}二、", "offices_source": f"{SANDING}第四条"}


def test_the_notice_loaded_first_keeps_its_clause(store: Store) -> None:
    # Loaded before the older 三定, the notice's facts stand and the 三定 fills those it leaves unsaid.
    _loaded(store, NOTICE_FILE)
    _loaded(store, SANDING_FILE)
    facts = _facts(store)
    assert (facts["offices_stated"], facts["offices_stated_source"], facts["rank_source"]) == (
        4, f"{NOTICE}二、", f"{SANDING}第二条")


def test_taking_the_notice_out_restates_the_sanding_s_clauses(store: Store) -> None:
    _loaded(store, SANDING_FILE, NOTICE_FILE)
    remove(store, find_documents(store, [NOTICE_FILE]))
    facts = _facts(store)
    assert (facts["offices_stated"], facts["offices_stated_source"], facts["staffing_source"]) == (
        3, f"{SANDING}第四条", f"{SANDING}第五条")


def test_the_profile_s_facts_sheet_has_the_clauses_after_the_facts(store: Store) -> None:
    _loaded(store, SANDING_FILE, NOTICE_FILE)
    [row] = profile_tables(department_profile(store, DEPARTMENT))["facts"]
    keys = list(row)
    assert keys[keys.index("rank"):keys.index("rank") + 4] == ["rank", "rank_source", "supervisor",
                                                                "supervisor_source"]
    assert keys[keys.index("offices_stated"):keys.index("offices_stated") + 3] == [
        "offices_stated", "offices_stated_source", "offices_source"]
    assert [column_label(key, "department_profile.facts") for key in CITED] == [
        "规格", "规格所据条款", "主管部门", "主管部门所据条款", "编制数所据条款", "内设机构数（三定所列）",
        "内设机构数所据条款", "内设机构所据条款"]


def test_staffing_load_cites_the_offices_set(store: Store) -> None:
    _loaded(store, SANDING_FILE, NOTICE_FILE)
    rows = with_readable_sources(staffing_load(store), document_titles(store))
    assert [(row["department"], row["offices"], row["offices_stated"], row["offices_stated_source"])
            for row in rows if row["department"] == DEPARTMENT] == [(DEPARTMENT, 3, 4, f"{NOTICE}二、")]


@pytest.mark.parametrize(("name", "department", "expected"), [
    # 第二条 国家矿山安全监察局是应急管理部管理的国家局，为副部级。 The copy ends before its 内设机构.
    ("guojia_kuangshananquanjianchaju_sanding.txt", "国家矿山安全监察局",
     {"rank": "副部级", "rank_source": "第二条", "supervisor": "应急管理部", "supervisor_source": "第二条",
      "staffing_source": None, "offices_stated": None, "offices_stated_source": None, "offices_source": None}),
    # The notice's unnumbered last line: 调整后,国家卫生健康委员会内设机构19个,机关行政编制444名…
    ("guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt", "国家卫生健康委员会",
     {"rank": None, "rank_source": None, "supervisor": None, "supervisor_source": None,
      "staffing_source": "line 11", "offices_stated": 19, "offices_stated_source": "line 11", "offices_source": None}),
])
def test_a_real_document_s_facts_cite_their_clauses(store: Store, name: str, department: str,
                                                     expected: dict[str, Any]) -> None:
    assert ingest([real_document(name)], store).failed == []
    facts = department_profile(store, department)["department"]
    [document] = store.read("MATCH (d:Document) RETURN d.uid AS uid")
    assert {key: facts[key] for key in CITED} == {
        key: f"{document['uid']}#{value}" if key.endswith("_source") and value else value
        for key, value in expected.items()}
