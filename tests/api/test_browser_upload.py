"""上传文件 on the page (headless Chromium, a small corpus of the test's own): a 三定 uploaded from the page shows
what it held and its department appears in the pickers without a reload; a list with bad rows shows every bad
row's message in Chinese; no key, or a wrong one, says in Chinese that a key is needed; the key stays out of the URL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import SHOTS, _open, _wait, browser, submit_form  # noqa: F401  (fixtures)
from tests.ingest.test_region_notice import COUNTY_LIST, DISTRICT_LIST
from tests.ingest.test_region_notice import FIXTURES as NOTICES

KEY = "test-key-upload-page"
_SANDING = """临川市{name}职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市{name}是市政府工作部门，为正处级。
第三条 临川市{name}负责{work}。主要职责是：
（一）负责{work}的监督管理。
（二）完成市委、市政府交办的其他任务。
第四条 临川市{name}设下列内设机构：
（一）办公室。负责机关日常运转。
第五条 临川市{name}机关行政编制{staff}名。
"""


def _store_of_one_bureau(folder: Path) -> Path:
    """An embedded store in `folder` holding one bureau's 三定 (临川市河道管理局), closed for a server to open."""
    data = folder / "store"
    first = folder / "hedao.txt"
    first.write_text(_SANDING.format(name="河道管理局", work="全市河道管理", staff=12), encoding="utf-8")
    store = open_store(f"embedded:{data}")
    assert ingest([first], store).failed == []
    store.close()
    return data


@pytest.fixture(scope="module")
def upload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = _store_of_one_bureau(tmp_path_factory.mktemp("upload-page"))
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{data}", DUTYGRAPH_API_KEYS=KEY)
    with serve(create_app(settings)) as address:
        yield address


def _upload(browser, files: list[Path], key: str, region: str = "",  # type: ignore[no-untyped-def]  # noqa: F811
            new_region: bool = False) -> None:
    browser.execute_script("document.getElementById('upload-files').value = '';")
    browser.execute_script(f"document.getElementById('upload-new-region').checked = {str(new_region).lower()};")
    browser.find_element("id", "upload-files").send_keys("\n".join(str(path) for path in files))
    submit_form(browser, {"upload-key": key, "upload-region": region}, "upload-submit", "uploaded")


def _rows(browser) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script("""return [...document.querySelectorAll('#upload-table tr')].slice(1)
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText));""")


def _options(browser, select: str) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script(f"return [...document.getElementById('{select}').options].map((o) => o.value)")


def test_a_file_uploaded_from_the_page_loads_and_its_department_appears(  # type: ignore[no-untyped-def]
        browser, upload_site: str, tmp_path: Path) -> None:  # noqa: F811
    _open(browser, upload_site, "upload")
    assert _options(browser, "department-select") == ["临川市河道管理局"]
    park = tmp_path / "yuanlin.txt"
    park.write_text(_SANDING.format(name="园林局", work="全市园林绿化", staff=9), encoding="utf-8")
    _upload(browser, [park], "wrong-key")
    assert browser.find_element("id", "upload-message").text == "API 密钥不正确：请核对管理员提供的密钥后重新填写"
    _upload(browser, [park], "")
    assert browser.find_element("id", "upload-message").text == "上传需要 API 密钥：请在“API 密钥”一栏填写管理员提供的密钥"
    _upload(browser, [park], KEY)
    assert browser.find_element("id", "upload-message").is_displayed() is False
    assert _rows(browser) == [["yuanlin.txt", "已载入", "内容：区划 1，部门 1，内设机构 1，职责 3，编制 9"]]
    assert browser.find_element("css selector", "#upload-results p").text.startswith("已载入 1 个文件，未载入 0 个；图中新增：")
    # The new department is in the pickers without a reload; the key is kept for the tab, and never in the URL.
    assert _options(browser, "department-select") == ["临川市园林局", "临川市河道管理局"]
    assert KEY not in browser.current_url
    assert browser.execute_script("return sessionStorage.getItem('dutygraph-api-key')") == KEY
    browser.find_element("css selector", "nav a[data-page='department']").click()
    browser.execute_script("const s = document.getElementById('department-select'); s.value = '临川市园林局';"
                           "s.dispatchEvent(new Event('change'));")
    _wait(browser, "return document.getElementById('department-facts').innerText.includes('9')")
    browser.save_screenshot(str(SHOTS / "upload-department.png"))


def test_an_uploaded_list_s_every_bad_row_is_shown(browser, upload_site: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, upload_site, "upload")
    bad = tmp_path / "shixian_bad.csv"
    bad.write_text("编号,事项名称,领域,划分方式,适用区县\n1,河道采砂许可,水务,市县分担,全部\n2,,水务,县级专有,全部\n",
                   encoding="utf-8-sig")
    _upload(browser, [bad], KEY, region="临川市")
    assert _rows(browser) == [["shixian_bad.csv", "未载入",
                               "shixian_bad.csv：清单有 2 行无法读取，逐行如下（改正后重新导入整个文件）\n"
                               "shixian_bad.csv第 2 行 D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为“市”“县”或“市、县”），"
                               "实为“市县分担”\n"
                               "shixian_bad.csv第 3 行 B 列“事项名称”：事项名称为空"]]
    browser.save_screenshot(str(SHOTS / "upload-bad-list.png"))


# Words for programmers, which a page's user can do nothing with (user test): the API's fields and the CLI's flags.
PROGRAMMERS_WORDS = ("--region", "--column", "new_region", "region 字段", "column", "Bearer", "DUTYGRAPH_", "error")


def _said(browser) -> str:  # type: ignore[no-untyped-def]  # noqa: F811
    """Everything the upload's message and results show."""
    return str(browser.execute_script("return document.getElementById('upload-message').innerText + '\\n'"
                                      " + document.getElementById('upload-results').innerText"))


def test_the_page_says_why_in_its_own_words_and_never_the_api_s(  # type: ignore[no-untyped-def]
        browser, upload_site: str, tmp_path: Path) -> None:  # noqa: F811
    """A county 编办's user test of the page alone: a region that is no region's name said neither why nor which
    regions there are; `--region`, `new_region=true` and English warnings reached the page; a key pasted as
    `Bearer …` (as the placeholder asked) was refused; a file loaded again read as newly loaded."""
    _open(browser, upload_site, "upload")
    assert browser.find_element("id", "upload-key").get_attribute("placeholder") == "管理员提供的密钥"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _upload(browser, [empty], KEY, region="临川")
    assert browser.find_element("id", "upload-message").text == (
        "上传失败：区划“临川”无效：“临川”不是区划名称（区划名称以省、市、州、盟、地区、县、区、旗、乡、镇或街道结尾，"
        "如 示例市/青山县）；图中已有的区划：临川市")
    # A file whose department names no region, with no region given: the page's box is asked for by its title.
    bare = tmp_path / "bare.txt"
    bare.write_text(_SANDING.format(name="档案局", work="全市档案管理", staff=4).replace("临川市", ""), encoding="utf-8")
    _upload(browser, [bare, empty], KEY)
    assert _rows(browser) == [
        ["bare.txt", "未载入", "bare.txt第 1 行：部门名称没有写明区划，第一条也未引用本区划的机构改革方案：请填写区划（如 示例市/青山县）后重新载入"],
        ["empty.txt", "未载入", "empty.txt：文件没有正文"]]
    # The key pasted with its scheme is the key; a warning shows in Chinese alone, with its place; loaded again, the
    # file is said to be in the graph already.
    deferred = tmp_path / "dangan.txt"
    deferred.write_text(_SANDING.format(name="档案局", work="全市档案管理", staff=4).replace(
        "（一）办公室。负责机关日常运转。\n", "（一）办公室。负责机关日常运转。\n纪检监察机构按有关规定设置。\n"), encoding="utf-8")
    warned = "内容：区划 1，部门 1，内设机构 1，职责 3，编制 4\n提示：第 9 行“纪检监察机构按有关规定设置。”按有关规定另行设置，不作为内设机构载入"
    _upload(browser, [deferred], f"Bearer {KEY}")
    assert _rows(browser) == [["dangan.txt", "已载入", warned]]
    _upload(browser, [deferred], KEY)
    assert _rows(browser) == [["dangan.txt", "已在图中（未新增）", warned]]
    assert not [word for word in PROGRAMMERS_WORDS if word in _said(browser)]
    _upload(browser, [empty], KEY, region="临川")
    assert not [word for word in PROGRAMMERS_WORDS if word in _said(browser)]
    browser.save_screenshot(str(SHOTS / "upload-own-words.png"))


def test_a_region_new_to_the_graph_is_created_only_when_ticked(  # type: ignore[no-untyped-def]
        browser, upload_site: str, tmp_path: Path) -> None:  # noqa: F811
    """A mistyped region made a new city, with nothing to take it away (user test): it is refused, saying how to
    create one meant."""
    _open(browser, upload_site, "upload")
    park = tmp_path / "lvhua.txt"
    park.write_text(_SANDING.format(name="绿化局", work="全市绿化", staff=5).replace("临川市", ""), encoding="utf-8")
    _upload(browser, [park], KEY, region="临州市")
    assert browser.find_element("id", "upload-message").text == (
        "上传失败：图中没有区划“临州市”；已有：临川市；如确为新的区划，请勾选“新建区划”后重新上传")
    assert not [word for word in PROGRAMMERS_WORDS if word in _said(browser)]
    _upload(browser, [park], KEY, region="临州市", new_region=True)
    # One character from the graph's 临川市: the page's user is told what they can do (they cannot clear the graph,
    # which the page told them to, but can take the file out).
    assert _rows(browser)[0][:2] == ["lvhua.txt", "已载入"]
    assert _rows(browser)[0][2].splitlines()[1:] == [
        "提示：区划 临州市 在图中不存在，与已有的 临川市 只差一个字：已作为新区划载入；若应为 临川市，请在本页“已载入的文件”中"
        "移除该文件，之后在“区划”中选择已有的 临川市 重新上传"]
    browser.save_screenshot(str(SHOTS / "upload-near-miss.png"))
    assert "临州市" in _options(browser, "upload-regions")


def test_a_file_over_the_upload_limit_is_refused_in_chinese(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    """Served by uvicorn, which reads on and drops the rest of a body the app answered before reading it, so the
    browser, still sending, gets the 413 and not a broken connection."""
    data = _store_of_one_bureau(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text(_SANDING.format(name="园林局", work="全市园林绿化" * 40_000, staff=9), encoding="utf-8")
    assert big.stat().st_size > 2**20
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{data}", DUTYGRAPH_API_KEYS=KEY, DUTYGRAPH_MAX_UPLOAD_MB=1)
    limit = "上传内容超过 1 MB 的上限：请分批上传或拆分文件（上限由服务器的 DUTYGRAPH_MAX_UPLOAD_MB 设置）"
    with serve(create_app(settings)) as address:
        _open(browser, address, "upload")
        _upload(browser, [big], KEY)
        assert browser.find_element("id", "upload-message").text == f"上传失败：{limit}"
        _open(browser, address, "dispatch")
        browser.execute_script("document.getElementById('dispatch-file').value = '';")
        browser.find_element("id", "dispatch-file").send_keys(str(big))
        submit_form(browser, {"dispatch-column": ""}, "dispatch-submit", "dispatched")
        assert browser.find_element("id", "dispatch-message").text == f"分派失败：{limit}"
        # The store holds what it held: the big file was not loaded.
        assert _options(browser, "department-select") == ["临川市河道管理局"]


_BOUNDARY = "序号,边界事项,牵头部门,配合部门,职责边界\n1,河道{what},市河道管理局,市园林局,河道管理局负责{what}。\n"


def test_a_corrected_list_says_the_version_it_replaced(  # type: ignore[no-untyped-def]
        browser, upload_site: str, tmp_path: Path) -> None:  # noqa: F811
    """The office saves its correction as a `_v2` copy: uploaded, it takes the place of the list loaded before, and
    the page says which (data steward user test: the old rows vanished from every answer, unsaid)."""
    _open(browser, upload_site, "upload")
    first, corrected = tmp_path / "hedao_bianjie.csv", tmp_path / "hedao_bianjie_v2.csv"
    first.write_text(_BOUNDARY.format(what="保洁"), encoding="utf-8-sig")
    corrected.write_text(_BOUNDARY.format(what="保洁和垃圾清运"), encoding="utf-8-sig")
    _upload(browser, [first], KEY, region="临川市")
    assert [row[:2] for row in _rows(browser)] == [["hedao_bianjie.csv", "已载入"]]
    _upload(browser, [corrected], KEY, region="临川市")
    (row,) = _rows(browser)
    assert row[:2] == ["hedao_bianjie_v2.csv", "已载入"]
    assert [line for line in row[2].splitlines() if line.startswith("替换旧版本")] == ["替换旧版本：hedao_bianjie.csv"]


@pytest.fixture
def county_and_district_site(tmp_path: Path) -> Iterator[tuple[str, Path, str]]:
    """A server over 青山县's lists and its district's reissue of one, both loaded before the 撤县设区 (and so both
    current): its address, the district list's file and uid."""
    district_list = tmp_path / DISTRICT_LIST.name
    shutil.copy(DISTRICT_LIST, district_list)
    store = open_store(f"embedded:{tmp_path / 'store'}")
    assert ingest(COUNTY_LIST, store, region=Region(("示例市",))).failed == []
    assert ingest([district_list], store, region=Region(("示例市", "青山区"))).failed == []
    [row] = store.read("MATCH (d:Document) WHERE d.path = $path RETURN d.uid AS uid", {"path": str(district_list)})
    store.close()
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path / 'store'}", DUTYGRAPH_API_KEYS=KEY)
    with serve(create_app(settings)) as address:
        yield address, district_list, str(row["uid"])


def test_an_uploaded_rename_says_the_district_lists_it_read_again(  # type: ignore[no-untyped-def]
        browser, county_and_district_site: tuple[str, Path, str]) -> None:  # noqa: F811
    """The 撤县设区 批复 uploaded after both lists: the district's is loaded again, the county's kept as its history,
    and the page says which, as `dutygraph ingest` does (按撤县设区重新载入的区清单); before, it said nothing."""
    address, district_list, uid = county_and_district_site
    _open(browser, address, "upload")
    _upload(browser, [NOTICES / "pifu.txt"], KEY, region="示例市")
    assert [row[:2] for row in _rows(browser)] == [["pifu.txt", "已载入"]]
    assert browser.execute_script("return [...document.querySelectorAll('#upload-relisted li')].map((li) => li.innerText)"
                                  ) == [f"按撤县设区重新载入的区清单（县的清单作为其历史版本保存）：{district_list} (示例市/青山区, {uid})"]
