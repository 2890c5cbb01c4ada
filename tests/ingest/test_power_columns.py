"""A 权责清单's 责任事项 and 追责情形 are kept on its items where the list has those columns (a list without one keeps
none: power_item_review flags an empty cell, not a missing column); a column no field reads is said, not dropped."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region

LIST = """序号,事项编码,事项名称,职权类型,实施主体,设定依据,责任事项,办理时限
1,T-CF-001,对擅自占用城市道路的处罚,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,1.立案责任。2.调查取证责任。,30日
2,T-CF-002,对擅自挖掘城市道路的处罚,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,,30日
"""


def test_the_stages_are_kept_where_the_list_has_them(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "样例县权责清单.csv"
    path.write_text(LIST, encoding="utf-8")
    report = ingest([path], store, region=Region(("样例市", "样例县")))
    [outcome] = report.outcomes
    assert outcome.ok
    assert outcome.warnings == ["columns not read: 办理时限; 未读取的列：办理时限"]
    rows = store.read("MATCH (p:PowerItem) RETURN p.code AS code, p.responsibilities AS stages, "
                      "p.accountability AS accountable ORDER BY code")
    assert rows == [{"code": "T-CF-001", "stages": "1.立案责任。2.调查取证责任。", "accountable": None},
                    {"code": "T-CF-002", "stages": "", "accountable": None}]
