"""The page for keyboard, screen-reader and phone users (user test, headless Chromium, the sample corpus): every view
is reached and answered by the keyboard with a visible focus, focus moves to what changed, tables, downloads, charts
and messages are named and said, and at 360 px nothing but a table's own box scrolls sideways."""

from __future__ import annotations

import time

from tests.api.test_browser import SHOTS, _api, _open, _wait, browser, site  # noqa: F401  (fixtures)

VIEWS = ["overview", "overlaps", "split", "department", "search", "dispatch", "ambiguities", "undecomposed",
         "orphans", "transfers", "powerreview", "staffing", "townships", "listchanges", "draft", "plan", "inforce", "tenure",
         "upload"]
TITLES = ["概览", "职责交叉", "市县事权划分", "部门画像", "谁来管", "批量分派诉求", "主办协办不清的共同事项", "职责分解与承接",
          "无部门认领的监管事项（三不管）", "职责划转后的落实情况", "权责清单合法性审查", "编制与工作量",
          "乡镇（街道）履行职责事项核对", "清单动态调整", "三定草案核对", "年度工作目标审核", "某日施行的职责", "任期审计",
          "上传文件"]
FOCUSED = """const e = document.activeElement;
return [e.tagName, e.id, e.getAttribute('aria-label') || e.textContent.trim(), getComputedStyle(e).outlineStyle];"""
PHONE = (360, 740)
DESK = (1400, 1000)


def _tab(browser, times: int = 1, back: bool = False) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(times):
        keys = ActionChains(browser)
        (keys.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT) if back else keys.send_keys(Keys.TAB)).perform()


def _press(browser, key: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(key).perform()


def _focused(browser) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return list(browser.execute_script(FOCUSED))


def _announced(browser, words: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _wait(browser, f"return document.getElementById('announcer').textContent === {words!r}", timeout=10)


def _visit(browser, site: str, route: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A view opened afresh at an address with its choices (`department?name=…`), its drawing waited for."""
    browser.get("about:blank")
    browser.get(f"{site}/#{route}")
    _wait(browser, f"return window.dutygraph && window.dutygraph.ready['{route.split('?')[0]}'] === true")
    time.sleep(0.5)


def test_the_keyboard_reaches_every_view_and_focus_moves_to_its_title(browser, site: str) -> None:  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    browser.get("about:blank")
    _open(browser, site, "overview")
    assert browser.execute_script("return document.documentElement.lang") == "zh-CN"
    # The first Tab shows the skip link, which goes to the view's title without changing the address.
    _tab(browser)
    assert _focused(browser) == ["A", "", "跳到主要内容", "solid"]
    _press(browser, Keys.ENTER)
    assert _focused(browser) == ["H2", "", "概览", "none"] and browser.current_url.endswith("#overview")
    # Each view's link, reached by Tab, drawn with a focus ring, opened by Enter: focus on the view's title, the link
    # marked as the current one, and the view's drawing said.
    for view, title in zip(VIEWS, TITLES, strict=True):
        browser.execute_script("document.querySelector('.skip-link').focus()")
        _tab(browser, VIEWS.index(view) + 1)
        assert browser.execute_script("return document.activeElement.dataset.page") == view
        assert _focused(browser)[3] == "solid"
        _press(browser, Keys.ENTER)
        _wait(browser, f"return window.dutygraph.ready['{view}'] !== false && document.activeElement.tagName === 'H2'")
        assert _focused(browser)[:3] == ["H2", "", title]
        assert [a.get_attribute("data-page") for a in browser.find_elements("css selector", "nav a[aria-current=page]")] == [
            view]
    # Shift+Tab from a view's title is back in the navigation: nothing in between traps or hides the focus.
    _tab(browser, back=True)
    assert _focused(browser) == ["A", "", "上传文件", "solid"]


def test_tab_reaches_each_download_named_for_its_table(browser, site: str) -> None:  # noqa: F811
    _visit(browser, site, "department?name=示例市水务局")
    browser.execute_script("document.getElementById('department-select').focus()")
    stops = []
    for _ in range(15):
        _tab(browser)
        stops.append(_focused(browser))
    # Ten 下载 CSV that a screen reader's list of links told apart by nothing: each says its table's title; between
    # the Excel and them, each chart's 保存为图片, named for its chart (an icon on the canvas Tab never reached).
    assert stops == [["A", "", "下载 Excel：示例市水务局的部门画像（全部内容）", "solid"],
                     ["A", "", "下载报告（Word）：示例市水务局的职责图谱评估报告", "solid"],
                     ["A", "", "下载报告（Excel）：示例市水务局的职责图谱评估报告", "solid"],
                     ["BUTTON", "", "保存为图片：职责类别", "solid"],
                     ["BUTTON", "", "保存为图片：协同网络（共同事项）", "solid"]] + [["A", "", name, "solid"] for name in [
        "下载 CSV：部门职责（按类别）", "下载 CSV：内设机构及其职责",
        "下载 CSV：牵头的共同事项", "下载 CSV：配合的共同事项", "下载 CSV：权责事项", "下载 CSV：认领的监管事项",
        "下载 CSV：职责交叉", "下载 CSV：主办/协办不清", "下载 CSV：职责分解", "下载 CSV：协同部门"]]
    # A view's download boxes too (four pairs on 市县事权 before a cell is chosen), by the heading each stands under.
    _open(browser, site, "split")
    split = _api(site, "/api/queries/power_split", city="示例市")
    unlisted, differences = len(split["unlisted"]), len(split["differences"])
    assert [a.get_attribute("aria-label") for a in browser.find_elements("css selector", "#page-split .downloads a")] == [
        "下载 CSV：事权划分表", "下载 Excel：事权划分表", "下载 CSV：各县（区）对比表", "下载 Excel：各县（区）对比表",
        f"下载 CSV：县（区）间差异（{differences}）", f"下载 Excel：县（区）间差异（{differences}）",
        f"下载 CSV：县（区）权责清单未列的事项（{unlisted}）", f"下载 Excel：县（区）权责清单未列的事项（{unlisted}）"]
    _open(browser, site, "staffing")
    assert [a.get_attribute("aria-label") for a in browser.find_elements("css selector", "#staffing-downloads a")] == [
        "下载 CSV：编制与工作量", "下载 Excel：编制与工作量"]


def test_a_heatmap_cell_is_chosen_from_the_keyboard_and_its_matters_get_the_focus(browser, site: str) -> None:  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    _open(browser, site, "split")
    assert browser.find_element("id", "chart-heatmap").get_attribute("aria-label") == (
        "热力图“示例市 全市事权划分（领域 × 划分方式）”：各格的事项数见图下的“以表格查看热力图”，其中每个格子可选择。")
    summary = browser.find_element("css selector", "#split-cells-box summary")
    browser.execute_script("document.querySelectorAll('#split-downloads a')[1].focus()")
    _tab(browser)
    assert _focused(browser) == ["BUTTON", "", "保存为图片：示例市 全市事权划分（领域 × 划分方式）", "solid"]
    _tab(browser)
    assert _focused(browser) == ["BUTTON", "", "保存为图片：示例市 与 各县（区）合计 持有事项对比", "solid"]
    _tab(browser)
    assert _focused(browser) == ["SUMMARY", "", "以表格查看热力图（可用键盘选择格子）", "solid"]
    _press(browser, Keys.ENTER)
    assert summary.find_element("xpath", "..").get_attribute("open") == "true"
    # Every cell of the heatmap is a button saying its domain, share and count: the heatmap's own numbers.
    option = browser.execute_script("return window.dutygraph.charts['chart-heatmap'].getOption()")
    domains, shares = option["yAxis"][0]["data"], option["xAxis"][0]["data"]
    counts = {(domains[y], shares[x]): n for x, y, n in (item["value"] if isinstance(item, dict) else item
                                                         for item in option["series"][0]["data"])}
    buttons = browser.execute_script(
        "return [...document.querySelectorAll('#split-cells button')].map((b) => b.getAttribute('aria-label'))")
    assert buttons == [f"{d} · {s}：{counts.get((d, s), 0)} 项，列出事项" for d in domains for s in shares]
    assert browser.execute_script(
        "return [...document.querySelectorAll('#split-cells th')].map((th) => th.scope)") == [
        "col"] * 5 + ["row"] * len(domains)
    _tab(browser, 1 + shares.index("县级专有") + 4 * domains.index("交通运输"))
    assert _focused(browser)[2] == f"交通运输 · 县级专有：{counts[('交通运输', '县级专有')]} 项，列出事项"
    browser.execute_script("window.dutygraph.ready.splitCell = false")
    _press(browser, Keys.SPACE)
    _wait(browser, "return window.dutygraph.ready.splitCell === true")
    title = f"全市 · 交通运输 · 县级专有：{counts[('交通运输', '县级专有')]} 项"
    assert _focused(browser)[:3] == ["H3", "split-cell-title", title]
    _announced(browser, title)
    holdings = _api(site, "/api/queries/power_split/matters", city="示例市", domain="交通运输", share="county_exclusive")
    assert len(holdings["matters"]) == counts[("交通运输", "县级专有")]
    assert len(browser.find_elements("css selector", "#split-matters tbody tr")) == len(holdings["holdings"])


def test_tables_have_column_headers_captions_and_a_pager_that_keeps_the_focus(browser, site: str) -> None:  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    total = _api(site, "/api/queries/staffing_load", limit=1)["total"]
    assert 20 < total <= 40
    _open(browser, site, "staffing")
    _announced(browser, f"编制与工作量已更新；第 1–20 条，共 {total} 条")
    assert browser.execute_script("""const table = document.querySelector('#staffing-table table');
        return [table.caption.textContent, [...table.tHead.rows[0].cells].every((th) => th.scope === 'col'),
                table.tBodies[0].rows.length];""") == ["编制与工作量", True, 20]
    # The pager's buttons say which table they page; pressed, the table is drawn anew and focus stays on the pager
    # (下一页 is disabled on the last page, so 上一页), and the new place is said.
    nexts = browser.find_elements("css selector", "#staffing-table .pager button")
    assert [b.get_attribute("aria-label") for b in nexts] == ["上一页：编制与工作量", "下一页：编制与工作量"]
    # 编制负荷 holds every department of the 区划 and pages them on the page (its columns of what notices changed are
    # the whole table's), so the page is drawn without asking the server again: its new place alone is said.
    nexts[1].send_keys(Keys.ENTER)
    _wait(browser, "return document.querySelector('#staffing-table .pager span').textContent.startsWith('第 21–')")
    assert _focused(browser) == ["BUTTON", "", "上一页：编制与工作量", "solid"]
    _announced(browser, f"第 21–{total} 条，共 {total} 条")
    # 部门's tables are named by their sections' titles.
    _visit(browser, site, "department?name=示例市水务局")
    assert browser.execute_script("return [...document.querySelectorAll('#page-department caption')].map((c) => c.textContent)") == [
        "部门职责（按类别）", "内设机构及其职责", "牵头的共同事项", "配合的共同事项", "权责事项", "认领的监管事项", "职责交叉",
        "主办/协办不清", "职责分解", "协同部门"]


def test_every_control_is_labelled_and_messages_are_live(browser, site: str) -> None:  # noqa: F811
    _open(browser, site, "overview")
    unnamed = browser.execute_script("""return [...document.querySelectorAll('input, select, button, textarea')]
        .filter((box) => !(box.labels && box.labels.length) && !box.getAttribute('aria-label') && !box.textContent.trim())
        .map((box) => box.id || box.outerHTML.slice(0, 60));""")
    assert unnamed == []
    live = browser.execute_script("""return ['route-message', 'announcer', 'overlap-message', 'overlap-empty', 'overlap-reading',
        'department-reading', 'undecomposed-reading', 'dispatch-message', 'draft-message', 'upload-message']
        .map((id) => [id, document.getElementById(id).getAttribute('role')]);""")
    assert dict(live) == {"route-message": "status", "announcer": "status", "overlap-message": "alert",
                          "overlap-empty": "status", "overlap-reading": "status", "department-reading": "status",
                          "undecomposed-reading": "status", "dispatch-message": "alert", "draft-message": "alert",
                          "upload-message": "alert"}
    # Each chart is a picture with ECharts' description of it, in Chinese.
    assert browser.find_element("id", "chart-findings").get_attribute("role") == "img"
    assert browser.find_element("id", "chart-findings").get_attribute("aria-label") == (
        "发现的问题（按类）的条形图：各类问题的数目见图下的链接列表。")
    # An empty answer is said with the view's title.
    browser.get("about:blank")
    browser.get(f"{site}/#overlaps?threshold=0.99")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.overlaps === true")
    empty = browser.find_element("id", "overlap-empty").text
    assert empty == "各区划同级部门之间未发现相似度 ≥ 0.99 的职责交叉；可降低阈值或改选范围。"
    _announced(browser, f"职责交叉已更新；{empty}")


def test_a_question_s_answer_gets_the_focus(browser, site: str) -> None:  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    browser.get("about:blank")
    _open(browser, site, "search")
    box = browser.find_element("id", "search-text")
    box.send_keys("小区电梯坏了")
    browser.execute_script("window.dutygraph.ready.search = false")
    box.send_keys(Keys.ENTER)
    _wait(browser, "return window.dutygraph.ready.search === true && document.activeElement.id === 'search-results'")
    assert browser.find_element("id", "search-results").get_attribute("aria-label") == "谁来管的答案"
    assert browser.find_elements("css selector", "#search-results .result h3")


PHONE_TARGETS = """
return [...document.querySelectorAll('.page.active button, .page.active select, .page.active input, .page.active a.button, nav a')]
  .filter((box) => box.offsetParent !== null && box.type !== 'checkbox' && !box.closest('.table-wrap'))
  .map((box) => [box.id || box.getAttribute('aria-label') || box.textContent.trim(), Math.round(box.getBoundingClientRect().height)])
  .filter(([, height]) => height < 40);
"""
WIDE_TABLES = """
return [...document.querySelectorAll('.page.active .table-wrap')].filter((wrap) => wrap.checkVisibility())
  .map((wrap) => [wrap.scrollWidth > wrap.clientWidth, wrap.getAttribute('tabindex'), wrap.getAttribute('role'),
                  Boolean(wrap.getAttribute('aria-label'))]);
"""


def test_at_360_px_only_tables_scroll_sideways_and_controls_are_large_enough_to_tap(browser, site: str) -> None:  # noqa: F811
    scrolling = set()
    try:
        browser.set_window_size(*PHONE)
        for view in ["search?text=小区电梯坏了", *[v for v in VIEWS if v != "search"]]:
            name = view.split("?")[0]
            _visit(browser, site, view)
            # The window is 360 px; its scroll bar (a phone's floats over the page) leaves the page less.
            window, width, page = browser.execute_script(
                "return [innerWidth, document.documentElement.clientWidth, document.documentElement.scrollWidth]")
            assert window == 360 and page <= width, f"#{name} is {page} px wide on a {width} px screen"
            # Every button, box and link of the view and the navigation is at least 40 px tall (44 for the
            # controls; nav links 40): they were 20 to 28.
            assert browser.execute_script(PHONE_TARGETS) == [], name
            # A table wider than the screen scrolls in its own box, which is a named stop of the Tab order; one
            # that fits is none.
            for wide, tabindex, role, named in browser.execute_script(WIDE_TABLES):
                assert (tabindex, role) == (("0", "region") if wide else (None, None)) and named, name
                if wide:
                    scrolling.add(name)
            browser.save_screenshot(str(SHOTS / f"phone-360-{name}.png"))
        # The tables wider than the screen: the heatmap's cells (five short columns) fit it; 上传文件's loaded
        # documents (six columns, 移除 the last) do not.
        assert scrolling == {"overlaps", "split", "department", "ambiguities", "undecomposed", "orphans", "transfers",
                             "powerreview", "staffing", "upload"}
    finally:
        browser.set_window_size(*DESK)
    time.sleep(0.5)
    _open(browser, site, "staffing")
    # At a desk's width the same table fits: no extra stop.
    assert [row[:3] for row in browser.execute_script(WIDE_TABLES)] == [[False, None, None]]
