"""What an ingest reports as new is what its own writes created, not the graph's growth meanwhile.

`new_in_graph` (POST /api/documents) and the CLI's 新增 column were label counts after the ingest minus before,
so nodes another writer added in between (a CLI ingest beside an upload, a second API worker) were counted as
this ingest's. Here a second ingest runs while the first is loading, and each reports only what it created.
"""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.catalog import label_counts

# A city bureau of another city: shares no region or department with the two below.
SHUIWU = """东湖市水务局职能配置、内设机构和人员编制规定
第一条 根据《东湖市机构改革方案》，制定本规定。
第二条 市水务局是市政府工作部门，为正处级。
第三条 市水务局贯彻落实党中央关于水务工作的方针政策。主要职责是：
（一）负责全市城市供水和节约用水的监督管理。
（二）负责全市河道堤防的建设和养护管理。
（三）完成市委、市政府交办的其他任务。
第四条 市水务局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）河道管理处。负责河道堤防的养护管理。
第五条 市水务局机关行政编制12名。设局长1名，副局长2名。
第六条 本规定自2021年3月1日起施行。
"""

# A county bureau whose 职责分工 names a bureau nobody loads (县交通运输局: an unresolved party).
GONGAN = """西河县公安局职能配置、内设机构和人员编制规定
第一条 根据《临江市西河县机构改革方案》，制定本规定。
第二条 县公安局是县政府工作部门，为正科级。
第三条 县公安局贯彻落实党中央关于公安工作的方针政策。主要职责是：
（一）负责全县社会治安秩序的管理。
（二）负责全县道路交通安全管理。
（三）完成县委、县政府交办的其他任务。
第四条 县公安局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）交通管理大队。负责道路交通安全管理。
（三）治安管理大队。负责社会治安秩序管理。
第五条 县公安局机关行政编制20名。设局长1名，副局长3名。
第六条 有关职责分工。
（一）与县交通运输局的有关职责分工。县公安局负责道路交通违法行为的查处，县交通运输局配合。
第七条 本规定自2021年4月1日起施行。
"""

# The same county's 监管事项目录: it mentions the 公安局 the 三定 above defines, so whichever loads first
# creates that department (and the county and its city) and the other finds it there.
JIANGUAN = """监管事项编码,监管事项主项,监管事项子项,监管对象,设定依据,监管层级,认领部门,认领状态
XH0101,对旅馆业治安管理的监督检查,,旅馆经营者,《旅馆业治安管理办法》,县级,县公安局,已认领
XH0102,对危险化学品经营单位的监督检查,,危险化学品经营单位,《危险化学品安全管理条例》,县级,县应急管理局,已认领
"""

COUNTY = Region(("临江市", "西河县"))
REPORTED = ("Department", "Document", "Duty", "Matter", "Office", "Region", "SupervisionItem")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _reported(created: dict[str, int]) -> dict[str, int]:
    """The labels with an exact expectation (Term nodes are many and are checked as a sum)."""
    return {label: count for label, count in created.items() if label in REPORTED}


def test_each_ingest_counts_what_it_created(store: Store, tmp_path: Path) -> None:
    shuiwu = _write(tmp_path / "a", "donghu_shuiwu.txt", SHUIWU)
    gongan = _write(tmp_path / "b", "xihe_gongan.txt", GONGAN)
    first = ingest([shuiwu], store)
    # Three duties of the bureau and one of each office.
    assert _reported(first.created) == {"Department": 1, "Document": 1, "Duty": 5, "Office": 2, "Region": 1}
    second = ingest([gongan], store)
    # Its bureau and the party it names; the county and its city; the matter of its 职责分工.
    assert _reported(second.created) == {"Department": 2, "Document": 1, "Duty": 6, "Matter": 1, "Office": 3,
                                         "Region": 2}
    assert first.created["Term"] + second.created["Term"] == label_counts(store)["Term"]
    # Loaded again, they create nothing.
    assert ingest([shuiwu, gongan], store).created == {}


def test_a_writer_loading_meanwhile_is_not_counted(store: Store, tmp_path: Path) -> None:
    shuiwu = _write(tmp_path / "a", "donghu_shuiwu.txt", SHUIWU)
    gongan = _write(tmp_path / "b", "xihe_gongan.txt", GONGAN)
    jianguan = _write(tmp_path / "c", "xihe_jianguan.csv", JIANGUAN)
    beside: list[dict[str, int]] = []

    def progress(stage: str, path: Path) -> None:
        # Just before the 公安局's 三定 is built and loaded, another ingest loads the county's catalogue: it
        # creates the county, its city, the 公安局 and a party of its own, while the 水务局 may still be loading.
        if stage == "load" and path == gongan:
            beside.append(ingest([jianguan], store, region=COUNTY).created)

    both = ingest([shuiwu, gongan], store, progress=progress)
    assert _reported(beside[0]) == {"Department": 2, "Document": 1, "Region": 2, "SupervisionItem": 2}
    # The 三定 found its county, its city and its department there: only the party it names is its own.
    assert _reported(both.created) == {"Department": 2, "Document": 2, "Duty": 11, "Matter": 1, "Office": 5,
                                       "Region": 1}
    graph = label_counts(store)
    for label in (*REPORTED, "Term"):
        assert both.created.get(label, 0) + beside[0].get(label, 0) == graph.get(label, 0), label
