"""Small pieces of the parser: staffing sentences, lead/assist clauses, numerals, regions, names, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.changes import listed_matters
from ingest.division import parse_divisions
from ingest.errors import IngestError
from ingest.model import Located
from ingest.names import NameResolver, base_of, display_name, read_groups
from ingest.normalize import clean_line, clean_lines
from ingest.numerals import chinese_to_int, find_date
from ingest.pipeline import document_region
from ingest.readers import read_source
from ingest.regions import Region, near_miss, parse_region_option, split_region_prefix
from ingest.staffing import parse_staffing, post_details

HERE = Located(1, "test")
REAL = Path(__file__).resolve().parents[3] / "shared" / "real"


@pytest.mark.parametrize(("text", "quota", "pools", "leaders", "office_posts", "notes"), [
    # FORMATS.md §4, national: the (含…) breakdowns are not added.
    ("机关行政编制805名(含两委人员编制2名、援派机动编制3名、离退休干部工作人员编制15名)。设局长1名,副局长4名,"
     "司局级领导职数120名(含食品安全总监1名、总工程师1名、市场稽查专员4名、机关党委专职副书记1名)。",
     805, {}, {"局长": 1, "副局长": 4}, {"司局级": 120}, []),
    # A city office: posts held concurrently, a rank in brackets, two office-level ranks.
    ("市政府办公室机关行政编制79名。其中:主任1名,副主任3名;市政府应急管理办公室主任兼市政府办公室副主任1名(副处级);"
     "正科级领导职数19名,副科级领导职数9名。",
     79, {}, {"主任": 1, "副主任": 3, "市政府应急管理办公室主任兼市政府办公室副主任": 1}, {"正科级": 19, "副科级": 9}, []),
    # 其中 after an office-level count splits it; 非领导职数 are not leader posts; 另定 has no number.
    ("宣城市人民政府办公室行政编制48名(含正副市长、市政府秘书长);其中:市政府秘书长1名,副秘书长另定;主任1名,副主任5名,"
     "纪检组长1名;科级领导职数18名,其中科长(主任)11名,副科长(副主任)7名;科级非领导职数9名。",
     48, {}, {"市政府秘书长": 1, "主任": 1, "副主任": 5, "纪检组长": 1}, {"科级": 18}, ["副秘书长另定", "科级非领导职数9名"]),
    # Counts in words, in the financial forms too (it loaded as no quota and one leader post).
    ("机关行政编制叁拾名。设局长1名，副局长三名；科级领导职数十二名（含机关党委专职副书记一名）。",
     30, {}, {"局长": 1, "副局长": 3}, {"科级": 12}, []),
])
def test_staffing_sentences(text: str, quota: int, pools: dict[str, int], leaders: dict[str, int],
                            office_posts: dict[str, int], notes: list[str]) -> None:
    staffing = parse_staffing(text, HERE)
    assert staffing is not None
    assert (staffing.admin_quota, staffing.other_pools, staffing.leader_posts, staffing.office_leader_posts,
            staffing.notes) == (quota, pools, leaders, office_posts, notes)


def test_no_staffing_in_a_sentence_without_numbers() -> None:
    assert parse_staffing("人员编制另行核定。", HERE) is None


@pytest.mark.parametrize(("text", "details"), [
    ("机关行政编制40名。设局长1名，副局长3名，总工程师按副处级配备；科级领导职数12名。",
     ["局长 1", "副局长 3", "总工程师 按副处级配备"]),
    # 职数另定 stays with how the post is staffed; 非领导职数 are no leader posts.
    ("机关行政编制30名。设局长1名，安全生产专职副局长职数另定，副局长2名；科级非领导职数3名。",
     ["局长 1", "副局长 2", "安全生产专职副局长 职数另定"]),
    ("机关行政编制12名。其中：主任1名，副主任由县政府办公室副主任兼任。", ["主任 1", "副主任 由县政府办公室副主任兼任"]),
])
def test_posts_without_a_number_are_read_with_how_they_are_staffed(text: str, details: list[str]) -> None:
    staffing = parse_staffing(text, HERE)
    assert staffing is not None and post_details(staffing) == details


@pytest.mark.parametrize(("text", "expected"), [
    ("市城市管理和综合执法局负责城市道路红线范围内设施养护，市交通运输局、市公安局配合。",
     [("城市道路红线范围内设施养护", ["市城市管理和综合执法局"], ["市交通运输局", "市公安局"])]),
    ("城市道路红线范围内设施养护由市城市管理和综合执法局负责，市交通运输局配合。",
     [("城市道路红线范围内设施养护", ["市城市管理和综合执法局"], ["市交通运输局"])]),
    ("市生态环境局牵头负责机动车排气污染防治工作，市公安局、市交通运输局参与。",
     [("机动车排气污染防治", ["市生态环境局"], ["市公安局", "市交通运输局"])]),
    ("市卫生健康委员会会同市市场监督管理局制定、实施全市食品安全风险监测计划。",
     [("制定、实施全市食品安全风险监测计划", ["市卫生健康委员会"], ["市市场监督管理局"])]),
    ("1.制定实施准入清单。完成编制工作。〔市生态环境局牵头,市发展和改革局、工业和信息化局、自然资源局参与,"
     "各县、区人民政府负责落实。〕",
     [("制定实施准入清单", ["市生态环境局"], ["市发展和改革局", "工业和信息化局", "自然资源局"])]),
    ("加强协调配合和工作衔接，形成监管合力。", []),
    # User test: an item's heading names the matter of a clause that names none; the assisting department may come
    # first. A clause that names its own matter keeps it.
    ("私屠滥宰查处。县农业农村局牵头，县市场监督管理局、县公安局配合。",
     [("私屠滥宰查处", ["县农业农村局"], ["县市场监督管理局", "县公安局"])]),
    ("关于私屠滥宰查处，县农业农村局负责，县市场监管局配合。", [("私屠滥宰查处", ["县农业农村局"], ["县市场监管局"])]),
    ("农村危房改造：县住建局负责技术标准审查，县民政局配合。", [("技术标准审查", ["县住建局"], ["县民政局"])]),
    ("县住建局配合县自然资源局做好农房用地审批。", [("农房用地审批", ["县自然资源局"], ["县住建局"])]),
    ("县农业农村局牵头，县公安局配合。", []),  # no heading: no matter to name
])
def test_lead_and_assist_clauses(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    assert [(d.matter, d.leads, d.assists) for d in parse_divisions(text, HERE)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Words that split the work: each lead answers for its own line of work.
    ("市住房和城乡建设局、市交通运输局分别负责本行业安全生产监督管理。",
     [("本行业安全生产监督管理", ["市住房和城乡建设局", "市交通运输局"], [], True)]),
    ("市住房和城乡建设局、市交通运输局按照各自职责负责行业监管，市应急管理局配合。",
     [("行业监管", ["市住房和城乡建设局", "市交通运输局"], ["市应急管理局"], True)]),
    # 审管分离: the supervision after approval stays with each department for what it used to approve.
    ("市行政审批服务局负责划入的行政许可事项的审批；市住房和城乡建设局、市交通运输局负责审批后的事中事后监管。",
     [("划入的行政许可事项的审批", ["市行政审批服务局"], [], False),
      ("审批后的事中事后监管", ["市住房和城乡建设局", "市交通运输局"], [], True)]),
    # Several leads of one piece of work, with nothing that splits it: 多头.
    ("市住房和城乡建设局、市交通运输局负责建筑垃圾管理。", [("建筑垃圾管理", ["市住房和城乡建设局", "市交通运输局"], [], False)]),
    # One lead splits nothing.
    ("市交通运输局负责审批后的事中事后监管。", [("审批后的事中事后监管", ["市交通运输局"], [], False)]),
])
def test_leads_each_for_their_own_line_of_work(text: str, expected: list[tuple[str, list[str], list[str], bool]]
                                               ) -> None:
    assert [(d.matter, d.leads, d.assists, d.sectoral) for d in parse_divisions(text, HERE)] == expected


def test_a_bracket_inside_a_lead_clause_does_not_end_it() -> None:
    text = "开展城乡结合部环境整治（市城市管理和综合执法局牵头，市住房和城乡建设局、各县区人民政府(管委会)配合）。" \
           "市公安局负责整治期间的交通疏导。"
    found = [(d.matter, d.leads, d.assists, d.text) for d in parse_divisions(text, HERE)]
    assert found == [
        # A note in brackets after a name is not a party of its own.
        ("城乡结合部环境整治", ["市城市管理和综合执法局"], ["市住房和城乡建设局", "各县区人民政府"],
         "（市城市管理和综合执法局牵头，市住房和城乡建设局、各县区人民政府(管委会)配合）"),
        # The rest of the text is read without the whole clause (no stray `配合）` left in front of it).
        ("整治期间的交通疏导", ["市公安局"], [], "市公安局负责整治期间的交通疏导。"),
    ]


def test_lead_clauses_of_a_real_task_plan() -> None:
    path = REAL / "chaozhou_lantianbaoweizhan_fangan_qiantou_canyu.txt"
    if not path.exists():
        pytest.skip("real fragments are not present")
    lines = read_source(path).lines
    item = next(line for line in lines if line.startswith("1.制定实施准入清单"))
    found = [(d.matter, d.leads, d.assists) for d in parse_divisions(item, HERE)]
    assert found == [
        ("制定实施准入清单", ["市生态环境局"], ["市发展和改革局", "工业和信息化局", "自然资源局"]),
        # The second bracket follows its own sentence about coal-fired boilers, within the same task.
        ("制定实施准入清单", ["市生态环境局", "市场监管局"], ["市发展和改革局", "工业和信息化局"]),
    ]


def test_one_department_per_item_in_a_real_division_notice() -> None:
    path = REAL / "luan_jinan_anquanshengchan_zhizefengong.txt"
    if not path.exists():
        pytest.skip("real fragments are not present")
    items = [line.split(")", 1)[1] for line in read_source(path).lines if line.startswith("(") and "区" in line[:6]]
    found = [(d.leads, d.matter, d.assists) for item in items for d in parse_divisions(item, HERE)]
    assert found == [
        (["区文旅局"], "指导督促剧本娱乐经营场所履行安全生产和消防安全责任", []),
        (["区公安分局"], "剧本娱乐经营场所治安管理", []),
        (["区住建局"], "剧本娱乐经营场所消防设计审查验收备案", []),
        (["区消防救援大队"], "剧本娱乐经营场所消防监督检查", []),
        (["区市场监管局"], "辖区内电商等平台企业有关监管", []),
        (["区商务局"], "引导电子商务示范基地和基地内企业提升安全生产意识和能力", []),
        (["区城管局"], "互联网租赁自行车停放管理", []),
        (["区交通局"], "(经本局许可的)网约车、网络货运经营等相关平台经济企业的安全监管", []),
        (["区邮政管理局"], "快递行业安全监管", []),
        (["区经信局"], "新能源汽车生产企业及产品的日常监督管理", []),
        (["区发改委"], "本地区充换电基础设施规划", []),  # the copy stops here
    ]


@pytest.mark.parametrize(("sentence", "matters"), [
    ("将县（区）境内普通货物道路运输经营许可、机动车维修经营备案等事项下放至县（区）交通运输主管部门实施。",
     ["县（区）境内普通货物道路运输经营许可", "机动车维修经营备案"]),
    ("取消道路货物运输驾驶员从业资格证年度审验。", ["道路货物运输驾驶员从业资格证年度审验"]),
    ("把小餐饮登记交由乡镇办理。", ["小餐饮登记"]),
    ("加强对交通运输新业态的包容审慎监管。", []),
])
def test_the_matters_a_reform_sentence_lists(sentence: str, matters: list[str]) -> None:
    assert listed_matters(sentence) == matters


@pytest.mark.parametrize(("text", "value"), [("十", 10), ("十一", 11), ("二十一", 21), ("三十六", 36), ("一百零五", 105),
                                             ("7", 7), ("甲", None)])
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_to_int(text) == value


@pytest.mark.parametrize(("text", "date"), [("二○○五年十月二十八日", "2005-10-28"), ("二〇〇九年九月十日", "2009-09-10"),
                                            ("发布时间: 2019-06-25 09:55:05", "2019-06-25"), ("2023年9月24日", "2023-09-24"),
                                            ("2019916日", None)])
def test_dates(text: str, date: str | None) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(("name", "names", "rest"), [
    ("示例市市场监督管理局", ("示例市",), "市场监督管理局"),
    ("揭阳市揭东区工业信息化和科技局", ("揭阳市", "揭东区"), "工业信息化和科技局"),
    ("示例市城市管理和综合执法局", ("示例市",), "城市管理和综合执法局"),
    ("青山县城市管理局", ("青山县",), "城市管理局"),
    ("国家矿山安全监察局", ("全国",), "国家矿山安全监察局"),
    ("民政部", ("全国",), "民政部"),
    ("水利部珠江水利委员会", ("全国",), "水利部珠江水利委员会"),  # a ministry's agency in a province's list
    ("省民政厅", (), "省民政厅"),
    ("区政府办公室", (), "区政府办公室"),
    ("国家市场监督管理总局", ("全国",), "国家市场监督管理总局"),  # not a 国家市
    ("对应市级部门", (), "对应市级部门"),  # not a 对应市
    ("示例市市政设施管理处", ("示例市",), "市政设施管理处"),
    # A county named by one character.
    ("沛县交通运输局", ("沛县",), "交通运输局"),
    ("徐州市沛县市场监督管理局", ("徐州市", "沛县"), "市场监督管理局"),
    # …but not 全县, 各县, 市县: which county, or several.
    ("全县交通运输局", (), "全县交通运输局"),
    ("各县市场监督管理局", (), "各县市场监督管理局"),
    ("市县两级财政", (), "市县两级财政"),
])
def test_region_prefixes(name: str, names: tuple[str, ...], rest: str) -> None:
    assert split_region_prefix(name) == (names, rest)


@pytest.mark.parametrize(("name", "option", "region"), [
    ("青山县水利局", "某市", "某市/青山县"),
    ("明光市明南街道办事处", "某市", "某市/明光市"),  # a bare 市 may be a county-level city
    ("潮州市生态环境局", "某市", "潮州市"),  # the gazetteer knows a prefecture-level city
    ("潮州市生态环境局", "广东省", "广东省/潮州市"),
    ("潮州市生态环境局", "示例市/青山县", "潮州市"),
    ("示例市河西区教育局", "示例市", "示例市/河西区"),
    ("广东省交通运输厅", "某市", "广东省"),  # a province lies in no city
    ("六安市金安区交通运输局", "某市", "六安市/金安区"),  # a city with districts is prefecture-level
    ("揭阳市揭东区工业信息化和科技局", "某市/青山县", "揭阳市/揭东区"),
    ("国家市场监督管理总局", "某市", "全国"),  # national whatever --region says
    ("交通运输局", "某市", "某市"),
    ("沛县交通运输局", "徐州市", "徐州市/沛县"),
])
def test_document_region_under_a_region_option(name: str, option: str, region: str) -> None:
    assert document_region(name, parse_region_option(option), set()).path == region


def test_a_level_marker_places_the_department_at_its_level_of_the_region_option() -> None:
    """市政府办公室 under --region 安庆市/大观区 is the city's (it read 大观区市政府办公室, and under 安庆市,
    安庆市市政府办公室); 区政府办公室 under a city names no single district (it became a city body). User test."""
    assert document_region("市政府办公室", parse_region_option("安庆市/大观区"), set()).path == "安庆市"
    assert document_region("市政府办公室", parse_region_option("安庆市"), set()).path == "安庆市"
    assert base_of("市政府办公室") == "政府办公室" and base_of("市政工程管理处") == "市政工程管理处"
    with pytest.raises(ValueError, match=r"区政府办公室 is a 区's, and --region 常州市 is no single 区"):
        document_region("区政府办公室", parse_region_option("常州市"), set())
    assert document_region("区政府办公室", parse_region_option("常州市/钟楼区"), set()).path == "常州市/钟楼区"


def test_a_department_that_cannot_lie_in_the_region_option_is_placed_where_the_graph_has_its_region() -> None:
    # An upload with region=火星市/火星县 of a list naming 青山县…: a county lies in no county, and the graph's
    # one 青山县 is 示例市's (it made a second, parentless 青山县 with a copy of the department).
    known = {Region(("示例市",)), Region(("示例市", "青山县"))}
    assert document_region("青山县市场监督管理局", parse_region_option("火星市/火星县"), known).path == "示例市/青山县"
    assert document_region("青山县市场监督管理局", parse_region_option("火星市/火星县"), set()).path == "青山县"


def test_name_resolution() -> None:
    resolver = NameResolver()
    city, county = Region(("示例市",)), Region(("示例市", "青山县"))
    housing = resolver.define(city, "示例市住房和城乡建设局", [])
    resolver.define(city, "示例市城市管理和综合执法局", [])
    market = resolver.define(county, "青山县市场监督管理局", ["县知识产权局"])
    # Abbreviations, the level marker seen from a county document, plates.
    assert resolver.resolve("市住建局", city).uid == housing.uid
    assert resolver.resolve("市住建局", county).uid == housing.uid
    assert resolver.resolve("县市场监管局", county).uid == market.uid
    assert resolver.resolve("县知识产权局", county).uid == market.uid
    # A marker written once for a list applies to every name in it.
    listed = resolver.resolve_list(["市城管局", "住房和城乡建设局"], county)
    assert [r.name for r in listed] == ["示例市城市管理和综合执法局", "示例市住房和城乡建设局"]
    # Vague parties stay vague; an unknown department is kept unresolved, never merged.
    assert resolver.resolve("有关部门", city).status == "vague"
    # Lower governments named as a whole are a 属地 party, named as written (brackets are part of the name).
    counties = resolver.resolve("各县(区)人民政府", city)
    assert (counties.status, counties.name, counties.uid) == ("territorial", "各县（区）人民政府",
                                                              "dept:示例市/@各县（区）人民政府")
    assert resolver.resolve("各县、区人民政府", city).status == "territorial"
    assert resolver.resolve("属地政府", county).status == "territorial"
    assert resolver.resolve("各县区", city).status == "vague"  # without 政府 it may mean the counties' departments
    # A county's name before them places them in that county: not a township called 各乡镇.
    written_after = [resolver.resolve(mention, city) for mention in ("青山县各乡镇人民政府", "示例市各县(区)人民政府")]
    assert [(r.status, r.name, r.uid) for r in written_after] == [
        ("territorial", "各乡镇人民政府", "dept:示例市/青山县/@各乡镇人民政府"),
        ("territorial", "各县（区）人民政府", "dept:示例市/@各县（区）人民政府")]
    assert resolver.resolve("相关乡镇", county).status == "vague"  # which townships it means, it does not say
    unknown = resolver.resolve("市民政局", city)
    assert (unknown.status, unknown.name) == ("unresolved", "示例市民政局")
    # An unknown party is named as written, not by the abbreviation table's first form (发展和改革委员会 for a 局:
    # a name no document uses, user test); that form makes its uid, so that 发改局 and 发改委 are one party.
    written, short = resolver.resolve("市发展和改革局", city), resolver.resolve("市发改委", city)
    assert (written.status, written.name, short.name) == ("unresolved", "示例市发展和改革局", "示例市发改委")
    assert written.uid == short.uid


def test_a_users_aliases_file_extends_the_resolver() -> None:
    city = Region(("示例市",))
    aliases = read_groups("# 本地简称\n示例市交通运输局\t市交委\n城市管理和综合执法局\t城管委\n")
    resolver = NameResolver(aliases=aliases)
    transport = resolver.define(city, "示例市交通运输局", [])
    urban = resolver.define(city, "示例市城市管理和综合执法局", [])
    assert resolver.resolve("市交委", city).uid == transport.uid
    assert resolver.resolve("市城管委", city).uid == urban.uid
    assert NameResolver().resolve("市交委", city).status == "unresolved"


def test_two_equal_candidates_are_not_merged() -> None:
    """Two departments of one abbreviation group in a city: the one whose name the mention spells out is meant (城管局,
    城市管理局: 综合行政执法局 is the group's too, but 城管局 abbreviates the other); where it spells out both (文旅局:
    文化和旅游局 and 文化广电旅游体育局), neither is taken."""
    resolver = NameResolver()
    city = Region(("示例市",))
    resolver.define(city, "示例市城市管理局", [])
    resolver.define(city, "示例市综合行政执法局", [])
    result = resolver.resolve("市城管局", city)
    assert (result.status, result.name) == ("resolved", "示例市城市管理局")
    resolver.define(city, "示例市文化和旅游局", [])
    resolver.define(city, "示例市文化广电旅游体育局", [])
    result = resolver.resolve("市文旅局", city)
    assert (result.status, result.candidates) == ("unresolved", ["示例市文化和旅游局", "示例市文化广电旅游体育局"])


def test_noise_of_mirror_copies_is_removed() -> None:
    assert clean_line("國家市場監(jiān)督管理總局") == "國家市場監督管理總局"
    assert clean_line("制定【dìng】本规定，第二【èr】条") == "制定本规定，第二条"
    assert clean_line("《国务院开云网页版-开云(中国)官方在线登录关于机构设置的通知》") == "《国务院关于机构设置的通知》"
    lines, converted = clean_lines(["國家市場監督管理總局職能配置、內設機構和人員編制規定"])
    assert converted and lines == ["国家市场监督管理总局职能配置、内设机构和人员编制规定"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes("示例市交通运输局职能配置、内设机构和人员编制规定\n第一条 为规范职能。".encode(encoding))
    source = read_source(path)
    assert source.lines[0] == "示例市交通运输局职能配置、内设机构和人员编制规定"


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\x00garbage", b"\xff\xfeA", b"\xfe\xff\x00"])
def test_a_broken_utf16_file_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=r"doc.txt: expected UTF-16 text, as its byte-order mark says "
                                          r"\(undecodable bytes at offset \d+\)"):
        read_source(path)


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match=r"doc.pdf: expected a .txt, .html or .docx document \(unsupported file type .pdf\)"):
        read_source(path)


def test_segmentation_by_cached_blocks_is_jiebas_own() -> None:
    """`segment` cuts block by block through a cache; it must give exactly what jieba gives for whole texts."""
    from ingest.terms import segment, tokenizer

    examples = Path(__file__).resolve().parents[2] / "examples" / "sanding"
    real = sorted(REAL.glob("*.txt")) if REAL.is_dir() else []
    lines = [line for path in [*sorted(examples.glob("*.txt")), *real]
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    lines += ["", "  ", "食品安全 (试行) 2023年1月1日起施行; ABC-12.5%", "市场监管局、农业农村局\t配合"]
    # The bundled 三定 alone give some 800 lines; the real documents, where present (skipped otherwise), some 270 more.
    assert len(lines) > (1000 if real else 800)
    jieba_tokenizer = tokenizer()
    for line in lines:
        assert segment(line) == jieba_tokenizer.lcut(line), line
        assert segment(line, for_search=True) == list(jieba_tokenizer.cut_for_search(line)), line


def test_a_name_that_says_whose_it_is_is_not_prefixed_again() -> None:
    province, county = Region(("广东省",)), Region(("示例市", "青山县"))
    assert display_name(province, "交通运输厅") == "广东省交通运输厅"
    assert display_name(county, "应急管理局") == "青山县应急管理局"
    assert display_name(province, "中共广东省委宣传部") == "中共广东省委宣传部"
    assert display_name(province, "中国人民银行广州分行") == "中国人民银行广州分行"
    assert display_name(county, "青山县人民政府办公室") == "青山县人民政府办公室"
    # A province's bodies bear its short name: not 广东省广东广播电视台 (user test).
    assert display_name(province, "广东广播电视台") == "广东广播电视台"
    assert display_name(province, "南方联合产权交易中心") == "广东省南方联合产权交易中心"


def test_cells_people_read_name_codes_and_fields_in_chinese() -> None:
    from queries.report import flat

    assert flat("understaffed") == "编制偏紧" and flat("conflicting_leads") == "文件间牵头部门不一致"
    assert flat("county_exclusive") == "县级专有" and flat("office_duty") == "内设机构职责"
    assert flat({"department": "示例市交通运输局", "office": "", "duty": "负责…", "source": "doc:1#第三条"}) == \
        "（部门：示例市交通运输局；职责：负责…；出处：doc:1#第三条）"
    assert flat(["示例市", "understaffed"]) == "示例市、编制偏紧" and flat("示例市公安局") == "示例市公安局"
    # A text's full stop gives way to the ；after it (`。；` in who_handles' 依据 cells, user test).
    assert flat([{"kind": "duty", "text": "负责道路运输管理。", "score": 0.81}], "who_handles") == \
        "（类型：职责；职责内容：负责道路运输管理；相关度：0.81）"


def test_a_region_one_character_off_a_known_sibling_is_a_near_miss() -> None:
    known = {parse_region_option(path) for path in ("示例市", "示例市/青山县", "示例市/河西区")}
    assert near_miss(parse_region_option("示列市/青山县"), known) == (Region(("示列市",)), Region(("示例市",)))
    assert near_miss(parse_region_option("示例市/青三县"), known) == (Region(("示例市", "青三县")),
                                                                   Region(("示例市", "青山县")))
    assert near_miss(parse_region_option("示例市/河西新区"), known) == (Region(("示例市", "河西新区")),
                                                                    Region(("示例市", "河西区")))
    # Known, new and unlike any sibling, or like a region of another parent: nothing to say.
    assert near_miss(parse_region_option("示例市/青山县"), known) is None
    assert near_miss(parse_region_option("临川市"), known) is None
    assert near_miss(parse_region_option("示例市/青山县/河西镇"), known) is None
    # Two prefecture-level cities of the official list are two cities, however close their names.
    assert near_miss(parse_region_option("淮安市"), {parse_region_option("六安市")}) is None
    assert near_miss(parse_region_option("淮南市/凤台县"), {parse_region_option("淮北市")}) is None
    assert near_miss(parse_region_option("陆安市"), {parse_region_option("六安市")}) == (Region(("陆安市",)),
                                                                                    Region(("六安市",)))
