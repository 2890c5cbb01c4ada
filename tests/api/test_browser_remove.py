"""上传文件's 已载入的文件 (headless Chromium against the real service and an embedded store): a file uploaded by mistake
is taken out again with its row's 移除, after a confirmation naming it, and the answer is said as `dutygraph remove`
says it; a wrong key, or a document gone meanwhile, is said in Chinese and removes nothing; a 撤县设区 taken out says
the lists it unpairs. Before, the page could only add."""

from __future__ import annotations

import hashlib
import json
import shutil
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import Statement, Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import SHOTS, _open, _wait, browser  # noqa: F401  (fixtures)
from tests.api.test_browser_upload import _SANDING, KEY, _store_of_one_bureau, _upload
from tests.api.test_documents_http import HISTORY
from tests.ingest.test_explained_parties import CITY as EXPLAINED_CITY
from tests.ingest.test_explained_parties import LIST as EXPLAINED_LIST
from tests.ingest.test_explained_parties import SANDING as EXPLAINED_SANDING
from tests.ingest.test_region_notice import COUNTY_LIST, DISTRICT_LIST
from tests.ingest.test_region_notice import FIXTURES as NOTICES
from tests.ingest.test_succession_notice import CITY as NOTICE_CITY
from tests.ingest.test_succession_notice import OLD_NAME_NOTICE, RENAME, WENLV

PARK_TITLE = "临川市园林局职能配置、内设机构和人员编制规定"
ARCHIVES_TITLE = "临川市档案局职能配置、内设机构和人员编制规定"
BUREAU_TITLE = "临川市河道管理局职能配置、内设机构和人员编制规定"
RENAME_TITLE = "关于将白河县文化和旅游局更名为白河县文化广电和旅游局的通知"
NOTICE_TITLE = "关于调整白河县文化和旅游局职责的通知"
EXPLAINED_TITLE = "青禾市市场监督管理局职能配置、内设机构和人员编制规定"


@pytest.fixture
def bureau_site(tmp_path: Path) -> Iterator[str]:
    data = _store_of_one_bureau(tmp_path)
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}", DUTYGRAPH_API_KEYS=KEY))) as address:
        yield address


def _held(address: str) -> dict[str, str]:
    """GET /api/documents: each document's uid by its file's name."""
    with urllib.request.urlopen(f"{address}/api/documents?limit=1000") as answer:
        return {Path(row["path"]).name: row["uid"] for row in json.load(answer)["items"]}


def _table(browser) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The loaded documents' rows as shown, each uid cell as its title (the whole uid) then its text."""
    return browser.execute_script("""return [...document.querySelectorAll('#upload-docs tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].flatMap((td) => td.querySelector('[title]') && !td.querySelector('button')
          ? [td.querySelector('[title]').title, td.innerText] : [td.innerText]));""")


def _remove(browser, title: str, key: str, accept: bool = True) -> str:  # type: ignore[no-untyped-def]  # noqa: F811
    """The row of the document titled `title` taken out with `key`: its confirmation's words, once the answer is in."""
    box = browser.find_element("id", "upload-key")
    box.clear()
    box.send_keys(key)
    browser.execute_script("window.dutygraph.ready.removed = false;")
    browser.find_element("css selector", f"#upload-docs button[aria-label='移除《{title}》']").click()
    alert = browser.switch_to.alert
    asked = str(alert.text)
    if not accept:
        alert.dismiss()
        return asked
    alert.accept()
    _wait(browser, "return window.dutygraph.ready.removed === true")
    return asked


def _message(browser) -> str:  # type: ignore[no-untyped-def]  # noqa: F811
    box = browser.find_element("id", "remove-message")
    return str(box.text) if box.is_displayed() else ""


def _lines(browser) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return list(browser.execute_script(
        "return [...document.querySelectorAll('#remove-lines li')].map((li) => li.innerText)"))


def test_a_file_uploaded_by_mistake_is_taken_out_with_its_button(  # type: ignore[no-untyped-def]
        browser, bureau_site: str, tmp_path: Path) -> None:  # noqa: F811
    park, archives = tmp_path / "yuanlin.txt", tmp_path / "dangan.txt"
    park.write_text(_SANDING.format(name="园林局", work="全市园林绿化", staff=9), encoding="utf-8")
    archives.write_text(_SANDING.format(name="档案局", work="全市档案管理", staff=4), encoding="utf-8")
    _open(browser, bureau_site, "upload")
    assert browser.find_element("id", "upload-docs-count").text == "图中共 1 个文件"
    _upload(browser, [park, archives], KEY)
    held = _held(bureau_site)
    assert sorted(held) == ["dangan.txt", "hedao.txt", "yuanlin.txt"]
    # In the API's order (none is dated: by title, 园 before 档 before 河), the uid shortened, the whole one its title.
    assert [row[:4] for row in _table(browser)] == [
        [PARK_TITLE, "三定规定", "临川市", "yuanlin.txt"], [ARCHIVES_TITLE, "三定规定", "临川市", "dangan.txt"],
        [BUREAU_TITLE, "三定规定", "临川市", str(tmp_path / "hedao.txt")]]
    assert [row[4:] for row in _table(browser)] == [
        [held[name], f"{held[name][:12]}…", "移除"] for name in ("yuanlin.txt", "dangan.txt", "hedao.txt")]
    filter_box = browser.find_element("id", "upload-docs-filter")
    park_button = f"#upload-docs button[aria-label='移除《{PARK_TITLE}》']"
    browser.execute_script(f"document.querySelector(\"{park_button}\").dataset.probe = 'kept';")
    filter_box.send_keys("园林")
    assert [row[0] for row in _table(browser)] == [PARK_TITLE]
    # Each keystroke filters the rows built when the documents were read: the row's button is the one drawn before.
    assert browser.execute_script(f"return document.querySelector(\"{park_button}\").dataset.probe") == "kept"
    assert browser.find_element("id", "upload-docs-count").text == "图中共 3 个文件，筛选出 1 个"

    # Asked first, naming the document; dismissed, nothing is sent.
    asked = _remove(browser, PARK_TITLE, KEY, accept=False)
    assert asked == (f"确定从图中移除《{PARK_TITLE}》（临川市，yuanlin.txt）吗？只由该文件载入的部门、职责和事项将一并删去。")
    assert len(_held(bureau_site)) == 3
    # A wrong key is said as the upload says it, and removes nothing.
    _remove(browser, PARK_TITLE, "wrong-key")
    assert _message(browser) == "API 密钥不正确：请核对管理员提供的密钥后重新填写"
    assert _lines(browser) == [] and len(_held(bureau_site)) == 3
    _remove(browser, PARK_TITLE, "")
    assert _message(browser) == "移除需要 API 密钥：请在“API 密钥”一栏填写管理员提供的密钥"
    assert len(_held(bureau_site)) == 3

    _remove(browser, PARK_TITLE, KEY)
    assert _message(browser) == ""
    assert browser.find_element("css selector", "#remove-results p").text == "已移除 1 个文件"
    assert _lines(browser) == [
        f"已移除：《{PARK_TITLE}》 yuanlin.txt (临川市, {held['yuanlin.txt']})",
        "图中：区划 1，部门 2，内设机构 2，职责 6，共同事项 0，权责事项 0，监管事项 0，文件 2"]
    assert _held(bureau_site) == {name: held[name] for name in ("dangan.txt", "hedao.txt")}
    # The table and the pickers no longer hold it (the filter still applies).
    assert _table(browser) == []
    assert browser.find_element("id", "upload-docs-count").text == "图中共 2 个文件，筛选出 0 个"
    assert browser.execute_script("return [...document.getElementById('department-select').options]"
                                  ".map((o) => o.value)") == ["临川市档案局", "临川市河道管理局"]
    filter_box.clear()
    filter_box.send_keys("档案")
    browser.save_screenshot(str(SHOTS / "remove-document.png"))

    # Taken out meanwhile by someone else: said, and the table refreshed.
    request = urllib.request.Request(f"{bureau_site}/api/documents/{held['dangan.txt']}", method="DELETE",
                                     headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200
    _remove(browser, ARCHIVES_TITLE, KEY)
    assert _message(browser) == f"《{ARCHIVES_TITLE}》已不在图中（可能已被他人移除），已刷新文件列表"
    assert _lines(browser) == [] and _table(browser) == []
    assert browser.find_element("id", "upload-docs-count").text == "图中共 1 个文件，筛选出 0 个"


@pytest.fixture
def renamed_county_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server over 青山县's lists, the 撤县设区 批复 and its district's reissue of one list, loaded in that order (the
    district's list paired with the county's): its address and the district list's file."""
    store = open_store(f"embedded:{tmp_path / 'store'}")
    assert ingest(COUNTY_LIST, store, region=Region(("示例市",))).failed == []
    assert ingest([NOTICES / "pifu.txt"], store, region=Region(("示例市",))).failed == []
    assert ingest([DISTRICT_LIST], store, region=Region(("示例市", "青山区"))).failed == []
    store.close()
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path / 'store'}", DUTYGRAPH_API_KEYS=KEY)
    with serve(create_app(settings)) as address:
        yield address, DISTRICT_LIST


def test_a_removed_rename_says_the_lists_it_unpairs(  # type: ignore[no-untyped-def]
        browser, renamed_county_site: tuple[str, Path]) -> None:  # noqa: F811
    address, district_list = renamed_county_site
    county_list = COUNTY_LIST[-1]
    held = _held(address)
    pifu = held["pifu.txt"]
    _open(browser, address, "upload")
    title = next(row[0] for row in _table(browser) if row[3].endswith("pifu.txt"))
    assert next(row[1] for row in _table(browser) if row[3].endswith("pifu.txt")) == "区划调整通知"
    _remove(browser, title, KEY)
    assert _message(browser) == ""
    lines = _lines(browser)
    assert lines[:-1] == [
        f"已移除：《{title}》 {NOTICES / 'pifu.txt'} (示例市, {pifu})",
        f"撤县设区已移除，县、区两份清单已重新载入，各为现行清单：{county_list} (示例市/青山县, {_held(address)[county_list.name]})",
        f"撤县设区已移除，县、区两份清单已重新载入，各为现行清单：{district_list} (示例市/青山区, "
        f"{_held(address)[district_list.name]})"]
    assert lines[-1].startswith("图中：区划 ")
    assert "pifu.txt" not in _held(address)
    browser.save_screenshot(str(SHOTS / "remove-rename.png"))


@contextmanager
def _site_over(folder: Path, region: Region, *paths: Path,
               then: Callable[[Store], None] = lambda _store: None) -> Iterator[str]:
    """A server over a store in `folder` holding `paths`, each loaded for `region` in turn, `then` done to it: its
    address."""
    store = open_store(f"embedded:{folder / 'store'}")
    for path in paths:
        assert ingest([path], store, region=region).failed == []
    then(store)
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{folder / 'store'}", DUTYGRAPH_API_KEYS=KEY))) as address:
        yield address


def test_removing_a_list_s_current_version_says_the_version_restored(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    march, september = tmp_path / "bianjie_2024_03.csv", tmp_path / "bianjie_2024_09.xlsx"
    shutil.copy(HISTORY / march.name, march)
    shutil.copy(HISTORY / september.name, september)
    with _site_over(tmp_path, Region(("临江市",)), march, september) as address:
        september_uid = _held(address)[september.name]
        _open(browser, address, "upload")
        _remove(browser, "临江市部门职责边界清单", KEY)
        # March's version was history (no document of GET /api/documents): current again, its own uid.
        march_uid = _held(address)[march.name]
    assert _message(browser) == ""
    assert _lines(browser)[:2] == [f"已移除：《临江市部门职责边界清单》 {september} (临江市, {september_uid})",
                                   f"历史版本恢复为现行清单：《临江市部门职责边界清单》 {march} (临江市, {march_uid})"]
    assert len(_lines(browser)) == 3 and _lines(browser)[-1].startswith("图中：区划 ")


def test_removing_a_reform_says_the_notice_read_again_as_the_old_body_s(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    held, lines = _removed_over(browser, tmp_path, RENAME_TITLE, NOTICE_CITY, WENLV, OLD_NAME_NOTICE, RENAME)
    assert lines[:2] == [
        f"已移除：《{RENAME_TITLE}》 {RENAME} (示例市/白河县, {held[RENAME.name]})",
        f"调整通知已按原机构重新载入：《{NOTICE_TITLE}》 {OLD_NAME_NOTICE} (示例市/白河县, {held[OLD_NAME_NOTICE.name]})"]
    assert len(lines) == 3


def test_removing_a_sanding_says_the_list_read_again_without_it(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    held, lines = _removed_over(browser, tmp_path, EXPLAINED_TITLE, EXPLAINED_CITY, EXPLAINED_SANDING, EXPLAINED_LIST)
    assert lines[:2] == [
        f"已移除：《{EXPLAINED_TITLE}》 {EXPLAINED_SANDING} (青禾市, {held[EXPLAINED_SANDING.name]})",
        f"清单已重新载入，其所称部门不再按已移除的三定解读：《青禾市部门职责边界清单（知识产权和信用监管）》 "
        f"{EXPLAINED_LIST} (青禾市, {held[EXPLAINED_LIST.name]})"]
    assert len(lines) == 3


def _removed_over(browser, tmp_path: Path, title: str, region: Region,  # type: ignore[no-untyped-def]  # noqa: F811
                  *paths: Path) -> tuple[dict[str, str], list[str]]:
    """The page over a store of `paths`, the document titled `title` taken out with its 移除: the documents' uids
    before, and the answer's lines (said without a message)."""
    with _site_over(tmp_path, region, *paths) as address:
        held = _held(address)
        _open(browser, address, "upload")
        _remove(browser, title, KEY)
    assert _message(browser) == ""
    return held, _lines(browser)


def test_a_notice_that_does_not_load_again_is_said_in_chinese(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    notice = tmp_path / OLD_NAME_NOTICE.name
    shutil.copy(OLD_NAME_NOTICE, notice)

    def misread(store: Store) -> None:
        """The notice's file as a parser changed since reads it: no notice (the graph's digest its own, so that only
        the reading differs)."""
        notice.write_text("白河县文化和旅游局\n（无正文）\n", encoding="utf-8")
        store.write_atomic([Statement("UNWIND $rows AS r MATCH (d:Document {path: r.path}) SET d.sha256 = r.sha256",
                                      [{"path": str(notice), "sha256": hashlib.sha256(notice.read_bytes()).hexdigest()}])])

    with _site_over(tmp_path, NOTICE_CITY, WENLV, RENAME, notice, then=misread) as address:
        held = _held(address)
        _open(browser, address, "upload")
        _remove(browser, RENAME_TITLE, KEY)
        browser.save_screenshot(str(SHOTS / "remove-notice-not-reread.png"))
    # The API's Chinese sentence names the document and its file: said once, not after the document's label too.
    assert _lines(browser)[1] == (
        f"调整通知的文件已不存在、已改动或未能载入，未能重新载入，请重新载入：《{NOTICE_TITLE}》未能从原文件重新载入：{notice}："
        "不是三定规定（…职能配置、内设机构和人员编制规定）：标题和正文都没有写明部门名称")
    assert held[notice.name] not in _lines(browser)[1]
