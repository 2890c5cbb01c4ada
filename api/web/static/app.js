// The analysts' page: plain JavaScript over the JSON API, charts drawn with the locally served ECharts.
"use strict";

const SHARES = ["city_exclusive", "county_exclusive", "shared", "delegated"];
const SHARE_LABELS = { city_exclusive: "市级专有", county_exclusive: "县级专有", shared: "市县共有", delegated: "委托" };
const EMPTY_CELL = "#eeeeee";  // a heatmap cell of no matters
// The codes as the CSV and Excel exports write them (queries/report.py), so that a download reads like the table.
const CONFLICTS = { county_exclusive_exercised_by_city: "县级专有事项仍列入市级部门权责清单",
                    shared_without_division: "市县共有事项未明确分工" };
// A county's difference from the others (power_split's differences), as the files write it (queries.labels).
const DIFFERENCES = { held_alone: "仅此县（区）持有", lacked_alone: "仅此县（区）未持有" };
const REASONS = {
  no_lead: "无牵头部门", multiple_leads: "多个牵头部门", conflicting_leads: "文件间牵头部门不一致",
  lead_and_assist: "既牵头又配合", vague_party: "责任主体模糊（有关部门）", lead_without_mandate: "牵头部门无相应职责",
};
const UNDECOMPOSED_KINDS = {
  duty_without_office: "未分解到内设机构的职责", office_without_duty: "无职责的内设机构",
  cancelled_still_carried: "已取消仍在承担", devolved_still_carried: "已下放仍在承担",
};
// The evidence kinds as queries/labels.py writes them in the CLI's tables and the files.
const EVIDENCE_KINDS = { duty: "职责", office_duty: "内设机构职责", matter_lead: "牵头事项", matter_assist: "配合事项",
                         territorial_lead: "属地主体责任", power_item: "权责事项", supervision_item: "监管事项" };
const OUTLIERS = { understaffed: "编制偏紧", overstaffed: "编制偏松" };
// What a 调整 notice did to a department's posts and duties, as queries/labels.py names it (staffing_load's
// staff_moves and duty_changes: each change a line, with the notice's clause).
const STAFF_MOVES = { moved_in: "划入", moved_out: "划出", cut: "核减", devolved: "下放" };
const DUTY_CHANGES = { moved_in: "划入", transferred: "划出", partly_transferred: "部分划出", cancelled: "取消",
                       partly_cancelled: "部分取消", devolved: "下放", partly_devolved: "部分下放" };
// The document kinds as ingest/kinds.py names them: an untitled document is cited by its kind and file (sourceText).
// Every kind `dutygraph ingest --kind` takes, by its title there (ingest/kinds.py; tests/api/test_page_kinds.py).
const DOCUMENT_KINDS = { sanding: "三定规定", power: "权责清单", boundary: "职责边界清单", supervision: "监管事项目录",
                         split: "市县事权划分清单", territorial: "乡镇（街道）属地管理事项责任清单",
                         township: "乡镇（街道）履行职责事项清单", county_township: "县乡事权划分清单",
                         headcount: "机构编制实名制统计表", safety_committee: "安委会成员单位安全生产工作职责" };
// The documents no `ingest --kind` names, as the report names them (queries/labels.py): a 调整 notice, a 区划调整 notice.
const NOTICE_KINDS = { amendment: "调整职责机构编制通知", region_notice: "区划调整通知" };
const PAGE_SIZE = 20;
const state = { charts: {}, ready: {}, regions: [], cities: [], departments: [], documents: {}, documentRows: [] };
window.dutygraph = state;  // for the browser tests: which pages finished drawing

// -- the view's state in the URL -------------------------------------------------------------------------
// `#department?name=示例市水务局`: what was chosen (department, 区划, threshold, county, search text) is kept in the
// hash, so that a link, a reload or a bookmark reopens the same view (user test 5: the URL stayed `#department`).
// Each view names the boxes it keeps, by the URL parameter they go under.
const URL_STATE = {
  overview: { region: "overview-region" },
  overlaps: { region: "overlap-region", department: "overlap-department", scope: "overlap-scope", threshold: "overlap-threshold",
              settled: "overlap-settled" },
  split: { city: "split-city", county: "split-county" },
  department: { name: "department-select" },
  search: { text: "search-text", region: "search-region" },
  ambiguities: { region: "ambiguities-region" },
  undecomposed: { region: "undecomposed-region", department: "undecomposed-department" },
  staffing: { region: "staffing-region", outliers: "staffing-outliers" },
  townships: { region: "townships-region", township: "townships-township" },
  listchanges: { region: "listchanges-region", list: "listchanges-list" },
  orphans: { region: "orphans-region" },
  transfers: { region: "transfers-region" },
  powerreview: { region: "powerreview-region" },
  inforce: { department: "inforce-department", date: "inforce-date" },
  tenure: { department: "tenure-department", from: "tenure-from", to: "tenure-to" },
};

function currentRoute() {
  const [name, query = ""] = (location.hash || "#overview").slice(1).split("?");
  return { name: decodeURIComponent(name), params: new URLSearchParams(query) };
}

// The boxes' values into the hash, without a new history entry per keystroke and without redrawing (replaceState
// fires no hashchange).
function saveState(view) {
  const boxes = URL_STATE[view] || {};
  const params = new URLSearchParams();
  Object.entries(boxes).forEach(([key, id]) => { const value = boxValue(document.getElementById(id)); if (value) params.set(key, value); });
  const hash = `#${view}${params.toString() ? "?" + params : ""}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

// A ticked box is 1 in the URL, an unticked one is left out (its value is "on" either way).
function boxValue(box) {
  return box.type === "checkbox" ? (box.checked ? "1" : "") : box.value;
}

// The URL's values into the boxes: a select takes a value only if it offers it (a stale link keeps the default).
function restoreState(view, params) {
  Object.entries(URL_STATE[view] || {}).forEach(([key, id]) => {
    if (!params.has(key)) return;
    const box = document.getElementById(id);
    const value = params.get(key);
    if (box.type === "checkbox") { box.checked = value === "1"; return; }
    const read = box.tagName === "SELECT" ? offers(box, value) : value;
    if (read === null) { box.dataset.wanted = value; return; }
    box.value = read;
  });
}

// How a link's value was read by a select that does not offer it as written, by box id: `from` the link's words,
// `to` the option read (a region by its bare name, 青山县 for 示例市/青山县; a township by its name, 安平镇, or its
// government's, 安平镇人民政府), `several` the options it could mean. A shared link reopens what its sender saw
// instead of saying its words are not among the options (user test: #townships?township=安平镇).
const linkReadings = new Map();

// The option of `select` a link's value means ("" is 全部), null when it means none or several.
function offers(select, value) {
  const options = [...select.options];
  if (options.some((o) => o.value === value)) return value;
  const bare = value.replace(/(人民政府|街道办事处|办事处)$/, "");
  const matched = options.filter((o) => o.value && (o.value.endsWith(`/${bare}`) || o.text === bare || o.value === bare));
  if (!matched.length) return null;
  const several = matched.length > 1 ? matched.map((o) => o.text) : [];
  linkReadings.set(select.id, { from: value, to: several.length ? null : matched[0].value, several });
  return several.length ? null : matched[0].value;
}

// A path with its parameters, the empty ones left out (an empty filter means "all" to the API as well). Relative to
// the page (`api/…`, not `/api/…`): behind a reverse proxy that serves it under a prefix (/dutygraph/), the page asked
// the proxy's root for its data and got 404s (user test).
function url(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  return `${path.replace(/^\//, "")}${query.toString() ? "?" + query : ""}`;
}

// The API's refusal in its own Chinese words; a server that cannot be reached, or an answer that is not the API's
// JSON (a proxy's error page), said in Chinese too: the browser's "Failed to fetch" or a JSON parser's complaint
// meant nothing to the page's readers.
const UNREACHABLE = "无法连接服务器，请检查网络或服务是否仍在运行";

async function api(path, params = {}) {
  return (await apiRead(path, params))[0];
}

// Every row of a paged answer: the API answers at most 1,000 rows a request (api/tabular.py MAX_LIMIT), and a region
// may hold more (a county's townships' lists together, a province's departments), which the views showed as if the
// first 1,000 were all. The pages after the first are asked for together; the first answer's other fields and
// headers come along (apiRead).
const API_PAGE = 1000;

async function apiAll(path, params = {}) {
  return (await apiReadAll(path, params))[0];
}

async function apiReadAll(path, params = {}) {
  const [first, ...said] = await apiRead(path, { ...params, limit: API_PAGE });
  const offsets = [];
  for (let offset = API_PAGE; offset < first.total; offset += API_PAGE) offsets.push(offset);
  const rest = await Promise.all(offsets.map((offset) => api(path, { ...params, limit: API_PAGE, offset })));
  const items = [first, ...rest].flatMap((answer) => answer.items);
  return [{ ...first, items, limit: items.length }, ...said];
}

// An answer's JSON, how the server read a department the request named where the name was not the department's
// own (X-Dutygraph-Read-As, percent-encoded: “市监局”读作：示例市市场监督管理局), else "", and why an empty answer is
// empty where the server knows (X-Dutygraph-Empty-Note: the city's 三定 not loaded), else "".
async function apiRead(path, params = {}) {
  const response = await reach(url(path, params));
  const body = await answerOf(response);
  await numbersOfSources(body);
  const header = (name) => (response.headers.get(name) ? decodeURIComponent(response.headers.get(name)) : "");
  return [body, header("X-Dutygraph-Read-As"), header("X-Dutygraph-Empty-Note")];
}

// The 序号 or 编码 the rows of the lists an answer cites are cited by (sourceText), asked for when an answer first
// cites a document: fetching every list's numbers at start cost the page's first view a request as large as all
// the lists' rows together, for documents most views never show. An answer waits for the numbers of every document
// it cites, those another answer asked for first included (views draw at once: one would otherwise show the line
// alone while the other's request is under way).
const numbersAsked = new Map();  // document uid → the request that brings its numbers

async function numbersOfSources(body) {
  const cited = new Set();
  const walk = (value) => {
    if (typeof value === "string") {
      const cut = value.indexOf("#");
      if (cut > 0 && state.documents[value.slice(0, cut)]) cited.add(value.slice(0, cut));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(body);
  const asked = [...cited].filter((uid) => !numbersAsked.has(uid));
  if (asked.length) {
    const request = fetchNumbers(asked);
    asked.forEach((uid) => numbersAsked.set(uid, request));
  }
  await Promise.all([...cited].map((uid) => numbersAsked.get(uid)));
}

async function fetchNumbers(uids) {
  try {
    const response = await reach(url("/api/documents/row_numbers", { limit: 1000, uid: uids.join(",") }));
    (await answerOf(response)).items.forEach((doc) => {
      if (state.documents[doc.uid]) {
        state.documents[doc.uid].numbers = Object.fromEntries(doc.places.map((place, index) => [place, doc.numbers[index]]));
      }
    });
  } catch {
    // Without its numbers a row is cited by its line (第6行), as a row without a 序号 is.
  }
}

// A request sent, or the Chinese reason it could not be (every request of the page goes through here).
async function reach(address, options = {}) {
  try {
    return await fetch(address, options);
  } catch {
    throw new Error(UNREACHABLE);
  }
}

// An answer's JSON, or the API's refusal in its own Chinese words.
async function answerOf(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(refusal(response, body));
  if (body === null) throw new Error("服务器的回答无法读取");
  return body;
}

// A 413 that is not the API's own comes from a reverse proxy in front of it (nginx takes 1 MB unless its
// client_max_body_size says more), as an HTML page: said as what it means to the uploader.
function refusal(response, body) {
  if (body?.detail_zh || body?.title_zh) return body.detail_zh || body.title_zh;
  if (response.status === 413) return "上传内容过大，超过服务器允许的大小：请分批上传或拆分文件";
  return `服务器返回错误（HTTP ${response.status}）`;
}

// -- drawing a view ----------------------------------------------------------------------------------------
// Each view's latest drawing: when a filter changes before the last answer came, the earlier drawing stops at its
// next answer instead of drawing it over the newer one (a slow department's profile replaced the one chosen after).
const latest = {};

function begin(view) {
  const ticket = (latest[view] || 0) + 1;
  latest[view] = ticket;
  return () => latest[view] === ticket;
}

// A view drawn, whether by a link or by a filter changed: `ready` false until its latest drawing is done, and a
// failure said on the view's page (a filter's change had its failure end in the console, and a link's stacked a
// new message over the old ones at each attempt). `draw` takes `current`, false once a newer drawing began.
async function run(view, draw, page = view) {
  const current = begin(view);
  state.ready[view] = false;
  pageError(page, null);
  const box = document.getElementById(`page-${page}`);
  box.setAttribute("aria-busy", "true");
  try {
    await draw(current);
  } catch (error) {
    if (current()) pageError(page, error);
  }
  if (!current()) return;
  box.removeAttribute("aria-busy");
  // A screen reader hears that the view changed, and what it found nothing of (user test: the tables changed
  // silently). A view's own helpers (a list's choices, a heatmap cell) say their own.
  if (view === page) announce(drawnText(box));
  state.ready[view] = true;
}

// A failure is an alert: said at once, wherever the reader's focus is.
function pageError(page, error) {
  const box = document.getElementById(`page-${page}`);
  box.querySelector(":scope > .page-error")?.remove();
  if (!error) return;
  const said = el("p", { class: "tie page-error", role: "alert" }, `出错：${error.message}`);
  const heading = box.querySelector(":scope > h2");  // under the view's title, which focus moves to
  if (heading) heading.after(said); else box.prepend(said);
}

// -- for keyboard and screen-reader users --------------------------------------------------------------------
// One polite live region (#announcer) says what changed; set empty first, so that the same words said twice (a
// second page of the same length) are read again. Words said meanwhile replace those not yet said.
let announcing = null;

function announce(words) {
  const box = document.getElementById("announcer");
  box.textContent = "";
  clearTimeout(announcing);
  announcing = setTimeout(() => { box.textContent = words; }, 50);
}

// What a view drew, in a sentence: its title, then what it says of nothing found and where its tables' pages are.
function drawnText(page) {
  const said = [...page.querySelectorAll(".empty, .pager span, .page-error")]
    .filter((node) => node.offsetParent !== null && node.textContent).map((node) => node.textContent);
  return [`${headingText(page.querySelector("h2")) || "页面"}已更新`, ...said].join("；");
}

// A heading's own words, without those of a button or link inside it (部门's 下载 CSV beside each table's title).
function headingText(heading) {
  if (!heading) return "";
  return [...heading.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent)
    .join("").trim();
}

// The heading a table or a row of buttons belongs to: the nearest one before it within its view, its name for a
// screen reader (a caption, a download's name) with no call having to say it.
function headingBefore(node) {
  for (let at = node; at && !at.classList?.contains("page"); at = at.parentElement) {
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) return headingText(sibling);
    }
  }
  return "";
}

// Focus moved to what a request answered (a heading, a result), which is not itself a control.
function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
  node.focus();
}

// A form sent (a file to route, check or load): focus goes to its answer, or to why there is none.
function answered(message, result) {
  focusOn(message.hidden ? result : message);
}

// A table wider than its box scrolls inside it: then the box is a named stop of the Tab order, so that a keyboard can
// scroll it with the arrow keys (axe scrollable-region-focusable); a table that fits is no extra stop. Watched, since
// a view shown, a window resized or a phone turned changes which tables are wider than their boxes.
const scrollWatch = new ResizeObserver((entries) => entries.forEach(({ target }) => scrollable(target)));

function scrollable(wrap) {
  const wide = wrap.scrollWidth > wrap.clientWidth + 1;
  if (wide) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
  } else {
    wrap.removeAttribute("tabindex");
    wrap.removeAttribute("role");
  }
}

// A table's place when its query failed: the reason, in place of another query's rows.
function failed(target, error) {
  target.innerHTML = "";
  target.append(el("p", { class: "tie" }, `查询失败：${error.message}`));
}

// What ECharts shows in a tooltip is HTML: a department's name or a duty's text goes in as text (a duty that
// quotes "<b>" or "&" showed as markup, or ran as a script).
const html = (value) => echarts.format.encodeHTML(String(value ?? ""));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([key, value]) => { if (key === "onclick") node.onclick = value; else node.setAttribute(key, value); });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? "")));
  return node;
}

// A chart in a box as narrow as a phone's: its rings and margins shrink so that its labels stay inside it.
function narrow(id) {
  return document.getElementById(id).clientWidth < 500;
}

// A chart is a picture to a screen reader, named by ECharts' own description of it (its title, its kind, its data:
// the option's `aria`, in the page's language, zh-CN), which a canvas alone does not give.
function chart(id) {
  if (!state.charts[id]) {
    document.getElementById(id).setAttribute("role", "img");
    state.charts[id] = slideReady(echarts.init(document.getElementById(id)), id);
  }
  return state.charts[id];
}

// What each chart's saved image is called: the view it comes from, then the chart's own title (which names the
// city, county or department shown), so that two slides made from two views never share a file name.
const CHART_FILES = {
  "chart-findings": "概览", "chart-overlaps": "职责交叉", "chart-heatmap": "市县事权", "chart-compare": "市县事权",
  "chart-counties": "市县事权",
  "chart-categories": "部门", "chart-neighbours": "部门",
};

// Every chart gets a 保存为图片 button (user test: no chart could be put on a slide), and its description for a screen
// reader (chart). The description is added to each option the views set, a whole option (notMerge) included, so that
// no view has to remember it; the option's title names the file the button saves and the button's accessible name,
// so that two slides made from two views never share a file name and two buttons in one view read apart.
function slideReady(instance, id) {
  const set = instance.setOption.bind(instance);
  instance.setOption = (option, ...rest) => {
    const title = [option.title].flat()[0]?.text || "";
    instance.saveName = [CHART_FILES[id] || "图表", title].filter(Boolean).join("-").replace(/[\\/:*?"<>|\s]+/g, "_");
    const button = document.querySelector(`.chart-save[data-chart-id="${id}"]`);
    if (button) button.setAttribute("aria-label", title ? `保存为图片：${title}` : "保存为图片");
    return set({ ...option, aria: { enabled: true, ...option.aria } }, ...rest);
  };
  return instance;
}

// 保存为图片 is a button of the page, over the chart's corner, not ECharts' toolbox icon: an icon drawn on the canvas
// cannot be reached by Tab nor named to a screen reader (user test). It stands beside the chart in a box of their
// own, not inside it: the chart is role="img", whose content a screen reader does not read.
function addSaveButton(box) {
  const frame = document.createElement("div");
  frame.className = "chart-box";
  box.before(frame);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button chart-save";
  button.dataset.chartId = box.id;
  button.textContent = "保存为图片";
  button.onclick = () => saveChart(box.id);
  frame.append(button, box);
}

// The PNG at twice the screen's resolution on white, as a slide needs it, downloaded under the chart's saveName.
function saveChart(id) {
  const instance = state.charts[id];
  if (!instance) return;
  const link = document.createElement("a");
  link.href = instance.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
  link.download = `${instance.saveName || "图表"}.png`;
  link.click();
}

function text(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(text).join("、");
  if (typeof value === "boolean") return value ? "是" : "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// A source as people read it: the document's title and the place in it, not the document's uid; a document
// without a title (a list with no title row) by what it is and its file's name, without 书名号, which would make it
// read as a title. A row of a workbook's sheet (`市交通运输局!2`, read 工作表“市交通运输局”第2行) reads with that
// sheet's own title, or the file where the sheet has none: a workbook of several departments' lists is not the
// first list's document; and a list's row by its 序号 or 编码 where it has one, its line after (序号1（第2行）), as
// people cite it (queries.sources).
function sourceText(source) {
  if (!source) return "";
  const cited = String(source);
  const cut = cited.indexOf("#");
  const [uid, place] = cut < 0 ? [cited, ""] : [cited.slice(0, cut), cited.slice(cut + 1)];
  const doc = state.documents[uid];
  if (!doc) return cited;
  const bang = place.lastIndexOf("!");  // a sheet's name may hold a `!`; a row number does not
  const sheet = bang < 0 ? null : place.slice(0, bang);
  const title = sheet !== null && sheet in doc.sheets ? doc.sheets[sheet] : doc.title;
  const row = bang < 0 ? "" : place.slice(bang + 1);
  const [inSheet, line] = /^\d+$/.test(row) ? [`工作表“${sheet}”`, `第${row}行`] : ["", place];  // not Excel's `表二!4`
  const number = doc.numbers?.[place];
  const where = number ? `${inSheet}${number}（${line}）` : `${inSheet}${line}`;
  if (title) return `《${title}》${where}`;
  return doc.kind ? `${doc.kind}（${doc.file}）${where}` : [doc.file, where].filter(Boolean).join(" ");
}

// A column's third entry is its cells' class: "wide" keeps it wide enough to read lines of text (a cell listing
// changes), "code" keeps a code on one line (QS01-CF-004 broke at its hyphens).
// A table of rows, paged on the client (rows already fetched) or by the API (total given). The table scrolls
// sideways inside its own box, so that a wide one never widens the page (on a phone most are wider). Its name for a
// screen reader (a caption, read only by one) is `caption`, else the heading it stands under.
function table(container, rows, columns,
               { total = rows.length, offset = 0, onPage = null, rowClass = () => "", caption = "" } = {}) {
  const target = typeof container === "string" ? document.getElementById(container) : container;
  target.querySelectorAll(".table-wrap").forEach((wrap) => scrollWatch.unobserve(wrap));
  target.innerHTML = "";
  const name = caption || headingBefore(target) || "表格";
  const shown = onPage ? rows : rows.slice(offset, offset + PAGE_SIZE);
  const wrap = el("div", { class: "table-wrap", "aria-label": name }, el("table", {},
    el("caption", { class: "sr-only" }, name),
    el("thead", {}, el("tr", {}, columns.map(([, title]) => el("th", { scope: "col" }, title)))),
    el("tbody", {}, shown.map((row) => el("tr", { class: rowClass(row) },
                                          columns.map(([key, , kind]) => cell(row[key], kind)))))));
  target.append(wrap);
  scrollWatch.observe(wrap);
  if (total > PAGE_SIZE) {
    const go = (next, button) => {
      pagerFocus = { target, button };
      return onPage ? onPage(next) : table(target, rows, columns, { total, offset: next, rowClass, caption });
    };
    const place = `第 ${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} 条，共 ${total} 条`;
    // No earlier page on the first, no later one on the last: the buttons say so instead of doing nothing. Each is
    // named for its table: a view of several tables has several 下一页.
    target.append(el("div", { class: "pager" },
      el("button", { type: "button", "aria-label": `上一页：${name}`, "data-page": "previous",
                     onclick: () => go(Math.max(0, offset - PAGE_SIZE), "previous"),
                     ...(offset === 0 ? { disabled: "" } : {}) }, "上一页"),
      el("button", { type: "button", "aria-label": `下一页：${name}`, "data-page": "next",
                     onclick: () => offset + PAGE_SIZE < total && go(offset + PAGE_SIZE, "next"),
                     ...(offset + PAGE_SIZE >= total ? { disabled: "" } : {}) }, "下一页"),
      el("span", { class: "muted" }, place)));
  }
  refocusPager(target);
}

// A table's cell; a `region` column's paths (南屿市/石桥县) read as their names, the path in the cell's title: two
// cities' tables read as a wall of paths (user test of two cities).
function cell(value, kind) {
  if (value instanceof Node) return el("td", kind ? { class: kind } : {}, value);  // a button, a span with a title
  if (kind !== "region") return el("td", kind ? { class: kind } : {}, text(value));
  const paths = (Array.isArray(value) ? value : [value]).filter((path) => path);
  return el("td", paths.length ? { title: paths.join("、") } : {}, paths.map((path) => path.split("/").pop()).join("、"));
}

// The pager's button pressed is drawn anew with its table: focus stays on it (or on the other, at the first or the
// last page), not lost to the page's top, and the new place is said (user test: Tab began again from the header).
let pagerFocus = null;

function refocusPager(target) {
  if (pagerFocus?.target !== target) return;
  const { button } = pagerFocus;
  pagerFocus = null;
  const buttons = [...target.querySelectorAll(":scope > .pager button")];
  const next = buttons.find((b) => b.dataset.page === button && !b.disabled) || buttons.find((b) => !b.disabled);
  next?.focus();
  announce(target.querySelector(":scope > .pager span")?.textContent || "");
}

// 下载 CSV / 下载 Excel: the same query as the table shows, with its filters, as a file from the API.
// An answer of several tables (power_split) is a sheet each in Excel, while a CSV holds one: `csvParams` names it.
// Each link is named for its table (the box's data-what, else the heading it stands under), so that a screen reader's
// list of links does not read 下载 CSV five times over.
function downloads(id, path, params, note = "", csvParams = {}) {
  const box = document.getElementById(id);
  box.innerHTML = "";
  const what = box.dataset.what || headingBefore(box);
  const named = (label) => (what ? { "aria-label": `${label}：${what}` } : {});
  box.append(el("a", { class: "button", href: url(path, { ...params, ...csvParams, format: "csv" }), download: "",
                       ...named("下载 CSV") }, "下载 CSV"),
             el("a", { class: "button", href: url(path, { ...params, format: "xlsx" }), download: "", ...named("下载 Excel") },
                "下载 Excel"));
  if (note) box.append(el("span", { class: "muted" }, note));
}

// 下载报告: the assessment report `dutygraph report` writes (GET /api/report), for the 区划 or the department shown, as
// Word (what an 编办 circulates) and Excel; `scope` names it for a screen reader. `fresh`: the box holds these alone.
function reportLinks(box, params, scope, fresh = true) {
  const target = typeof box === "string" ? document.getElementById(box) : box;
  if (fresh) target.innerHTML = "";
  [["docx", "下载报告（Word）"], ["xlsx", "下载报告（Excel）"]].forEach(([format, label]) => target.append(
    el("a", { class: "button", href: url("/api/report", { ...params, format }), download: "", "data-report": format,
              "aria-label": `${label}：${scope}的职责图谱评估报告` }, label)));
}

// The names a box offers as its text is typed (the departments API's rows); any other text may still be typed.
function fillDatalist(id, departments) {
  const list = document.getElementById(id);
  list.innerHTML = "";
  departments.forEach((d) => list.append(el("option", { value: d.department, ...aliasLabel(d) })));
}

// A department known by other names (别名（牌子）, a body a rename replaced: 青山县城管局（原青山县城市管理局）) is
// offered under them too: the browser matches what is typed against an option's label as well as its value, so that
// a former name typed finds the department, and choosing it fills in the current name the API takes. The browser
// shows the label beside the value, so the label does not name the department again.
function aliasLabel(department) {
  const aliases = department.aliases || [];
  return aliases.length ? { label: `别名（牌子）：${aliases.join("、")}` } : {};
}

// The overlaps' 部门 box offers the departments of the region chosen (every region's when none is).
async function overlapDepartments(current) {
  const region = document.getElementById("overlap-region").value;
  const departments = await apiAll("/api/departments", { region });
  if (current()) fillDatalist("overlap-departments", departments.items);
}

function fillSelect(id, options, { blank = null } = {}) {
  const select = document.getElementById(id);
  select.innerHTML = "";
  if (blank !== null) select.append(el("option", { value: "" }, blank));
  options.forEach(([value, label]) => select.append(el("option", { value }, label)));
  // A value a link asked for before these options existed (the county of a city: restoreState), as offers reads it.
  const read = select.dataset.wanted ? offers(select, select.dataset.wanted) : null;
  if (read !== null) select.value = read;
  delete select.dataset.wanted;
}

// -- the department pickers' 查找 boxes -------------------------------------------------------------------------
// A list of hundreds of departments is hard to pick from: the box beside it keeps those the server reads its text
// as (text in a full name, an alias, a short name such as 青山县市监局: /api/departments?q=), chooses the one when
// one is left, and says how the server read a name that was not the department's own.
const PICKERS = {
  department: { filter: "department-filter", select: "department-select", note: "department-reading", blank: null,
                show: () => draw("department") },
  undecomposed: { filter: "undecomposed-filter", select: "undecomposed-department", note: "undecomposed-reading",
                  blank: "全部", show: () => drawFindings("undecomposed") },
};

// A 区划 chosen beside a department picker: the picker offers that region's departments (and those below it),
// keeping the one chosen where it is among them.
function regionPicker(view, region) {
  const picker = PICKERS[view];
  const select = document.getElementById(picker.select);
  const chosen = select.value;
  fillPicker(picker, state.departments.filter((name) => within(state.departmentRegions[name], region)));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  document.getElementById(picker.filter).value = "";
  sayReading(picker.note, "");
}

function fillPicker(picker, names, blank = picker.blank) {
  fillSelect(picker.select, names.map((name) => [name, name]), { blank });
}

function sayReading(id, said) {
  const note = document.getElementById(id);
  note.textContent = said;
  note.hidden = !said;
}

async function filterPicker(view, current) {
  const picker = PICKERS[view];
  const text = document.getElementById(picker.filter).value.trim();
  const select = document.getElementById(picker.select);
  // The department shown: the list's choice, or, where the list offers "（N 个部门，请选择）" instead, the one before.
  const chosen = select.selectedOptions[0]?.dataset.placeholder ? picker.shown : select.value;
  picker.shown = chosen;
  const [found, said] = text ? await apiReadAll("/api/departments", { q: text }) : [null, ""];
  if (!current()) return;
  const names = found ? found.items.map((d) => d.department) : state.departments;
  if (text && names.length === 1) {
    fillPicker(picker, names, null);
    sayReading(picker.note, said);
    await picker.show();
    return;
  }
  // Several to choose from (nothing is drawn until one is chosen), none (every department stays offered), or no text.
  const several = text && names.length > 1;
  fillPicker(picker, names.length ? names : state.departments, several ? `（${names.length} 个部门，请选择）` : picker.blank);
  if (several) select.options[0].dataset.placeholder = "yes";
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  sayReading(picker.note, !text ? "" : several ? `“${text}”对应 ${names.length} 个部门，请在“部门”列表中选择`
    : `没有名称、别名或简称为“${text}”的部门`);
}

// A link's department that the list does not offer as written (an alias, 青山县市监局): read as the 查找 box reads
// typed text, whose note then says how it was read, or that it names none or several (so the route's message does
// not say it again). True when the link named one: the picker has drawn the view, or said why it did not.
async function pickLinked(view, current) {
  const picker = PICKERS[view];
  const select = document.getElementById(picker.select);
  const wanted = select.dataset.wanted;
  if (!wanted) return false;
  delete select.dataset.wanted;
  document.getElementById(picker.filter).value = wanted;
  linkReadings.set(select.id, { from: wanted, said: true, several: [] });
  await filterPicker(view, current);
  return true;
}

// The box asks as it is typed in (once typing pauses), and at once on Enter, which must not submit the form (that
// reloads the page); a department chosen from the list afterwards makes the box's reading stale.
function watchPicker(view) {
  const picker = PICKERS[view];
  const select = document.getElementById(picker.select);
  let timer;
  const filter = () => { clearTimeout(timer); run(`${view}-filter`, (current) => filterPicker(view, current), view); };
  document.getElementById(picker.filter).addEventListener("input", (event) => {
    clearTimeout(timer);
    if (!event.isComposing) timer = setTimeout(filter, 300);
  });
  select.form.addEventListener("submit", (event) => { event.preventDefault(); filter(); });
  select.addEventListener("change", () => sayReading(picker.note, ""));
}

// -- overview ----------------------------------------------------------------------------------------
// A county's reader saw the whole city's counts (user test): the 区划 chosen scopes every count, and each link opens
// its finding's view with that 区划 chosen.
async function overview(current) {
  const region = document.getElementById("overview-region").value;
  saveState("overview");
  const scoped = region ? { region } : {};
  const cities = splitCities(region);
  const [counted, sanding, parties, overlapsByScope, ambiguities, orphans, undecomposed, staffing, splits, transfers,
         townships] = await Promise.all([
    api("/api/regions/counts", scoped), api("/api/departments", { ...scoped, limit: 1 }),
    api("/api/departments", { ...scoped, parties: "true", limit: 1 }),
    overlapCounts(region), api("/api/queries/host_assist_ambiguities", { ...scoped, limit: 1 }),
    api("/api/queries/orphan_supervision_items", { ...scoped, limit: 1 }),
    apiAll("/api/queries/undecomposed_duties", scoped),
    apiAll("/api/queries/staffing_load", scoped),
    // Every city's conflicts: counting the first city's only showed 0 beside a city that had six. A county's are
    // those between its city and it. Where a city's list is not loaded (or gives the county nothing), the server's
    // note says so (X-Dutygraph-Empty-Note), in the CLI's and the report's words.
    Promise.all(cities.map(([city, county]) => apiRead("/api/queries/power_split", { city, region: county }))),
    api("/api/queries/transferred_still_held", { ...scoped, limit: 1 }),
    apiAll("/api/queries/township_duties", scoped),
  ]);
  if (!current()) return;
  drawCounts(counted, region, sanding.total, parties.total - sanding.total);
  reportLinks("overview-downloads", { region }, region ? region.split("/").pop() : "全部区划");
  const conflicts = splits.reduce((sum, [split]) => sum + split.conflicts.length, 0);
  const decomposed = undecomposed.items;
  const link = (view, params = {}) => {
    const query = new URLSearchParams(Object.entries({ ...params, ...scoped }));
    return `#${view}${query.toString() ? "?" + query : ""}`;
  };
  const [splitCity, splitCounty] = region && cities.length === 1 ? cities[0] : ["", ""];
  const splitLink = `#split${splitCity ? "?" + new URLSearchParams(Object.entries({ city: splitCity, ...(splitCounty ? { county: splitCounty } : {}) })) : ""}`;
  // 0 where nothing was loaded read as none found (user test: 三不管 0 for a county with no 目录): said instead, as
  // the report's 摘要 says it, the split list named as the city's to load.
  const unloaded = {
    orphans: counted.labels.SupervisionItem ? "" : region ? "本区划未载入监管事项目录" : "未载入监管事项目录",
    split: conflicts ? "" : splits.map(([, , note]) => note).filter(Boolean).join("；"),
  };
  // A township's 履行职责事项清单 is checked only where one is loaded: no 0 for a list no township has.
  // What the report's 摘要 counts as wanting: no department stating the work, one a notice has since taken it from,
  // and a 收回 matter the township's own 权责清单 still lists.
  const unsettled = (part) => townships.items.filter((r) => r.part === part && TOWNSHIP_WANTING.includes(r.finding)).length;
  const townshipFindings = townships.total ? [["乡镇配合事项待核定", unsettled("assisting"), link("townships")],
                                              ["乡镇收回事项待核定", unsettled("reclaimed"), link("townships")]] : [];
  const findings = [
    ...overlapsByScope.map(([label, count, scope]) => [label, count, link("overlaps", { scope })]),
    ["主办/协办不清", ambiguities.total, link("ambiguities")],
    ["三不管事项", unloaded.orphans || orphans.total, link("orphans")],
    ["未分解职责", decomposed.filter((r) => r.kind === "duty_without_office").length, link("undecomposed")],
    ["无职责的内设机构", decomposed.filter((r) => r.kind === "office_without_duty").length, link("undecomposed")],
    ["已取消/下放仍在承担", decomposed.filter((r) => r.kind.endsWith("_still_carried")).length, link("undecomposed")],
    // Opens 编制负荷 with 只看异常 ticked, by the URL as the other links do.
    ["编制异常", staffing.items.filter((r) => r.outlier).length, link("staffing", { outliers: "1" })],
    ["事权冲突", unloaded.split || conflicts, splitLink],
    ["职责划转未落实", transfers.total, link("transfers")],
    ...townshipFindings,
  ];
  // A finding whose list is not loaded has no bar: a 0 beside the link's 未载入 read as none found (user test). The
  // chart's subtitle names them, as the links under it do.
  const counts = findings.filter(([, count]) => typeof count === "number");
  const left = findings.filter(([, count]) => typeof count !== "number").map(([label]) => label);
  chart("chart-findings").setOption({
    title: { text: `发现的问题（按类${region ? "，" + region.split("/").pop() : ""}）`,
             subtext: left.length ? `未载入相应清单，不计：${left.join("、")}` : "" },
    tooltip: {}, grid: { left: 120, top: left.length ? 70 : 60 },
    // ECharts' own description read each bar's index as a second value (职责交叉的数据是11，0): the links under the
    // chart say the same counts.
    aria: { label: { description: "发现的问题（按类）的条形图：各类问题的数目见图下的链接列表。" } },
    xAxis: { type: "value" }, yAxis: { type: "category", data: counts.map((f) => f[0]) },
    series: [{ type: "bar", data: counts.map((f) => f[1]), label: { show: true, position: "right" } }],
  }, true);
  // A bar opens its finding's view as its link under the chart does.
  chart("chart-findings").off("click");
  chart("chart-findings").on("click", (bar) => { location.hash = counts[bar.dataIndex][2]; });
  const links = document.getElementById("findings-links");
  links.innerHTML = "";
  findings.forEach(([label, count, href]) => links.append(el("li", {}, el("a", { href }, `${label}：${count}`))));
  if (orphans.total) {
    const all = await api("/api/queries/orphan_supervision_items", { ...scoped, limit: 100 });
    if (!current()) return;
    all.items.forEach((row) => links.append(el("li", {}, `三不管：${row.item}（${suggestionText(row, "、", false)}）`)));
    // The first 100 only, said: the rest are in 三不管's own view.
    if (all.total > all.items.length) {
      links.append(el("li", {}, el("a", { href: link("orphans") }, `三不管：另有 ${all.total - all.items.length} 项，见“三不管”`)));
    }
  }
}

// The overview's cards. 部门 counts the departments with a 三定 (those the 部门 view offers); the parties a list or
// clause names without one (a 县民政局 of a township's list) are said beside it, not counted as departments (user
// test: 9 read as nine departments the graph knew the duties of).
function drawCounts(counted, region, departments, listed) {
  const labels = { Region: "区划", Department: "部门", Office: "内设机构", Duty: "职责", Matter: "共同事项",
                   PowerItem: "权责事项", SupervisionItem: "监管事项", Document: "文件" };
  const shown = { Region: offeredRegions(region), Department: departments };
  const counts = document.getElementById("counts");
  counts.innerHTML = "";
  Object.entries(labels).forEach(([key, label]) =>
    counts.append(el("div", { class: "count" }, el("b", {}, String(shown[key] ?? counted.labels[key] ?? 0)),
                     countNote(key, label, region, listed))));
}

// `path` is the region `region` or one below it (none chosen: every region), as the API's filters read it.
function within(path, region) {
  return !region || path === region || (path || "").startsWith(region + "/");
}

// The cities whose 事权划分 the overview counts, each with the county asked about ("" for the whole city): every
// city for 全部, the city itself, or a county's city and that county.
function splitCities(region) {
  const city = state.cities.find((c) => within(region, c));
  if (city) return [[city, region === city ? "" : region]];
  return state.cities.filter((c) => within(c, region)).map((c) => [c, ""]);
}

// The overview counted only the 同级部门 clusters under "职责交叉" while the report counts all three kinds (user
// test): one bar and one link per kind, each opening 职责交叉 with that 范围 chosen, by the URL (a link to share).
const OVERLAP_SCOPES = [["departments", "同级部门"], ["levels", "上下级"], ["offices", "内设机构"]];

async function overlapCounts(region) {
  const totals = await Promise.all(OVERLAP_SCOPES.map(([scope]) => api("/api/queries/overlaps", { scope, region, limit: 1 })));
  return OVERLAP_SCOPES.map(([scope, label], index) => [`职责交叉（${label}）`, totals[index].total, scope]);
}

// The 区划 card counted 镇/街道, which no 区划 filter offers: it counts what the filters offer and names the rest; the
// 部门 card, the parties named only in lists (`listed`).
function countNote(key, label, region, listed) {
  if (key === "Department") return listed ? `${label}（另有 ${listed} 个仅见于清单）` : label;
  if (key !== "Region") return label;
  const townships = state.regions.filter((r) => r.level === "township" && within(r.path, region)).length;
  return townships ? `${label}（另有 ${townships} 个镇/街道）` : label;
}

function offeredRegions(region = "") {
  return state.regions.filter((r) => r.level !== "township" && within(r.path, region)).length;
}

// -- networks ------------------------------------------------------------------------------------------
// Names drawn over one another could not be read (user test): a name that overlaps another is hidden, the one of
// the smaller node giving way (ECharts ranks labels by their node's size), and hovering a node shows its name.
const NETWORK_LABELS = { labelLayout: { hideOverlap: true }, emphasis: { focus: "adjacency", label: { show: true } } };

// A network's labels stay inside its box: a name that would run past the right edge is written on its node's left
// instead (user test 5: on a phone "示例市住房和城乡建…" ran off the screen). The full name is in the tooltip.
function labelsInside(id) {
  return {
    ...NETWORK_LABELS,
    labelLayout: (params) => {
      const right = document.getElementById(id).clientWidth - 6;
      if (params.labelRect.x + params.labelRect.width <= right) return { hideOverlap: true };
      return { x: params.rect.x - 4, align: "right", hideOverlap: true };
    },
  };
}
const LABELLED_NODES = 12;

// The departments with the most ties are drawn larger and named; the others are named on hover only.
function labelBusiest(departments) {
  const ranked = [...departments].sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  ranked.forEach((node, index) => {
    node.symbolSize = 16 + 4 * Math.min(node.degree, 6);
    node.label = { show: index < LABELLED_NODES };
  });
}

// The departments asked about keep their names whatever the names around them (user test: the department chosen was
// the one left unnamed). ECharts hides overlapping labels in order of priority, which is the area of the label's node
// (echarts/lib/label/LabelManager.js `priority`; labelLayoutHelper.js `hideOverlap` places the larger first and hides
// what would cover it), so their nodes are drawn larger than any other, and named in bold.
function labelAsked(nodes, asked) {
  const others = nodes.filter((node) => !asked.includes(node.name)).map((node) => node.symbolSize || 0);
  const size = Math.max(0, ...others) + 4;
  nodes.filter((node) => asked.includes(node.name)).forEach((node) => {
    node.symbolSize = Math.max(node.symbolSize || 0, size);
    node.label = { show: true, fontWeight: "bold" };
  });
}

// -- overlaps ------------------------------------------------------------------------------------------
async function overlapsPage(current) {
  const region = document.getElementById("overlap-region").value;
  const department = document.getElementById("overlap-department").value.trim();
  const [threshold, corrected] = checkedThreshold(document.getElementById("overlap-threshold"));
  const scope = document.getElementById("overlap-scope").value;
  const settled = document.getElementById("overlap-settled").value;
  // The API filters by every box, the department too (a name or alias it knows), so that the table, the network
  // and the downloads hold the same clusters; the page filtered by department itself, and its downloads held all.
  const params = { region, department, threshold, scope };
  document.getElementById("overlap-empty").hidden = true;
  saveState("overlaps");
  const message = document.getElementById("overlap-message");
  const chartBox = document.getElementById("chart-overlaps");
  let result, said, unloaded;
  try {
    [result, said, unloaded] = await apiReadAll("/api/queries/overlaps", params);
  } catch (error) {
    if (!current()) return;
    // The API's own words (no such department, or the candidates a bare name such as 交通运输局 could mean), right
    // under the form where a phone shows it, in place of the network, the table and the downloads of another query.
    message.textContent = `查询失败：${error.message}`;
    message.hidden = false;
    sayReading("overlap-reading", "");
    chartBox.hidden = true;
    document.getElementById("overlap-downloads").innerHTML = "";
    document.getElementById("overlap-table").innerHTML = "";
    return;
  }
  if (!current()) return;
  // The files hold the clusters the table shows: 已明确牵头 too (they held every cluster whatever was chosen).
  downloads("overlap-downloads", "/api/queries/overlaps", { ...params, settled: SETTLED[settled] });
  const clusters = settledFilter(result.items, settled);
  // Nothing found: say what was looked for and what to try, in place of an empty network and a bare table header.
  message.textContent = corrected;
  message.hidden = !corrected;
  sayReading("overlap-reading", said);
  const empty = document.getElementById("overlap-empty");
  empty.hidden = clusters.length > 0;
  empty.textContent = clusters.length ? "" : noOverlapsText(params, result.items.length, unloaded);
  chartBox.hidden = !clusters.length;
  if (!clusters.length) {
    document.getElementById("overlap-table").innerHTML = "";
    return;
  }
  chart("chart-overlaps").resize();  // it may have been drawn, or sized, while hidden
  // Departments and their overlapping duties as nodes; a duty links to its department and to the duties it overlaps.
  const nodes = new Map();
  const links = [];
  clusters.slice(0, 60).forEach((cluster) => {
    const duties = cluster.members.map((member, index) => {
      const id = `${cluster.cluster_id}-${index}`;
      nodes.set(id, { name: id, category: 1, symbolSize: 8 + 14 * cluster.score, value: member.duty,
                      label: { show: false } });
      if (!nodes.has(member.department)) nodes.set(member.department, { name: member.department, category: 0, degree: 0 });
      nodes.get(member.department).degree += 1;
      links.push({ source: member.department, target: id });
      return id;
    });
    duties.slice(1).forEach((id) => links.push({ source: duties[0], target: id, lineStyle: { type: "dashed", width: 2 } }));
  });
  const departments = [...nodes.values()].filter((node) => node.category === 0);
  labelBusiest(departments);
  labelAsked(departments, askedDepartments(department, clusters));
  // On a phone the network is drawn smaller (the force layout's size does not follow its box) and the legend goes
  // under it, clear of the title.
  const small = narrow("chart-overlaps");
  seeded(() => chart("chart-overlaps").setOption({
    title: { text: `职责交叉网络（${clusters.length} 组）`, left: 16, textStyle: { fontSize: small ? 14 : 18 } },
    tooltip: { formatter: (p) => html(p.data.value || p.name) },
    // right: 112 clears 保存为图片 (about 90 px from the edge; at 48 it covered 交叉的职责: boundary-dispute user test).
    legend: { data: ["部门", "交叉的职责"], ...(small ? { bottom: 8 } : { right: 112, top: 8 }) },
    // A force layout ignores the series box; gravity and a smaller zoom keep the nodes clear of the title and legend.
    // A circular start makes the layout the same on every visit (a random one moved the labels about). The layout
    // is computed to its end before drawing: ECharts settles overlapping labels once, on the first frame drawn, so
    // an animated layout left names hidden or overlapping as its nodes moved on.
    series: [{ type: "graph", layout: "force", roam: true, zoom: small ? 0.5 : 0.8,
               force: { initLayout: "circular", repulsion: 180, edgeLength: 45, gravity: 0.15, layoutAnimation: false },
               categories: [{ name: "部门" }, { name: "交叉的职责" }],
               // On a phone a long name is cut to the width left of the box, not run past its edge (user test).
               label: { show: true, position: "right", fontSize: 11, ...(small ? { width: 110, overflow: "truncate" } : {}) },
               ...labelsInside("chart-overlaps"), data: [...nodes.values()], links }],
  }, true));
  const rows = clusters.map((c) => ({
    id: c.cluster_id, score: c.score, settled: c.settled ? "已明确" : "未明确", lead: c.lead || "", matter: c.matter || "",
    a: `${c.members[0].department}${c.members[0].office ? "·" + c.members[0].office : ""}：${c.members[0].duty}`,
    b: c.members.slice(1).map((m) => `${m.department}${m.office ? "·" + m.office : ""}：${m.duty}`).join("\n"),
    // One line per member, in the order of 职责甲 then 职责乙, so that each duty's article can be cited.
    sources: c.members.map((m) => sourceText(m.source)).join("\n"),
  }));
  table("overlap-table", rows, [["id", "编号"], ["score", "相似度"], ["settled", "已明确牵头"], ["lead", "牵头部门"],
                                ["matter", "对应事项"], ["a", "职责甲"], ["b", "职责乙（及其他）"], ["sources", "出处（依次）"]],
        { rowClass: (r) => (r.settled === "未明确" ? "unsettled" : "") });
}

// The departments the 部门 box asked for, as the clusters name them: every cluster found holds a duty of the one
// asked, so it is among the departments all clusters share, and the one written as typed when the box holds its full
// name (an alias, 市城管局, leaves every shared one: each is in all the clusters shown).
function askedDepartments(typed, clusters) {
  if (!typed || !clusters.length) return [];
  const shared = clusters.map((c) => new Set(c.members.map((m) => m.department)))
    .reduce((common, names) => new Set([...common].filter((name) => names.has(name))));
  return shared.has(typed) ? [typed] : [...shared];
}

// The threshold box's value, and what was wrong with it: one outside 0–1 (a link's `#overlaps?threshold=2`, or typed)
// is put back to the box's default and said in the page's words. The API refused it naming its parameter, which
// meant nothing to the page's readers, and the view showed nothing but that (user test).
function checkedThreshold(box) {
  const given = box.value;
  if (given === "" || (Number(given) >= 0 && Number(given) <= 1)) return [given, ""];
  box.value = box.defaultValue;
  return [box.value, `相似度阈值应在 0 到 1 之间，不能是 ${given}：已按默认值 ${box.value} 查询`];
}

// 已明确牵头 filter: all clusters, or only those no boundary list or 职责分工 clause settles (or only settled ones).
// The choice as the API's `settled` parameter takes it.
const SETTLED = { settled: "true", unsettled: "false", "": "" };

function settledFilter(clusters, wanted) {
  if (!wanted) return clusters;
  return clusters.filter((c) => (wanted === "settled") === Boolean(c.settled));
}

// `unloaded`: the server's note on why nothing can be found (a county whose city's 三定 are not loaded has no
// counterpart to clash with), the CLI's and the report's words; a lower threshold would find nothing either.
function noOverlapsText({ region, department, threshold, scope }, beforeFilter, unloaded = "") {
  const scopes = { departments: "同级部门之间", offices: "同一部门的内设机构之间", levels: "上下级对口部门之间" };
  const where = `${region ? region.split("/").pop() : "各区划"}${department ? `（${department}）` : ""}`;
  if (unloaded) return `${where}${scopes[scope]}未发现职责交叉：${unloaded}。`;
  if (beforeFilter) {
    return `${where}${scopes[scope]}的 ${beforeFilter} 组职责交叉都${document.getElementById("overlap-settled").value === "unsettled" ? "已明确牵头" : "未明确牵头"}；可改选“已明确牵头”为全部。`;
  }
  return `${where}${scopes[scope]}未发现相似度 ≥ ${threshold} 的职责交叉；可降低阈值或改选范围。`;
}

// The same picture on every load, for a slide made today to match one made tomorrow: the force layout's random
// draws (ECharts jitters nodes that coincide) come from a fixed seed while the chart lays itself out.
function seeded(draw, seed = 20240601) {
  const random = Math.random;
  let value = seed;
  Math.random = () => {  // mulberry32
    value = (value + 0x6D2B79F5) | 0;
    let t = Math.imul(value ^ (value >>> 15), 1 | value);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try { return draw(); } finally { Math.random = random; }
}

// -- power split -----------------------------------------------------------------------------------------
async function splitPage(current) {
  const city = document.getElementById("split-city").value;
  if (!city) return;
  const counties = state.regions.filter((r) => r.parent === city && r.level === "county").map((r) => r.path);
  const chosenCounty = document.getElementById("split-county").value;
  // 全市 (value "") keeps the heatmap city-wide and compares the city with its counties together.
  if (state.splitCity !== city || (chosenCounty && !counties.includes(chosenCounty))) {
    fillSelect("split-county", counties.map((c) => [c, c.split("/").pop()]), { blank: "全市（各县区合计）" });
    state.splitCity = city;
  }
  const county = document.getElementById("split-county").value;
  clearCell();
  saveState("split");
  // A county chosen, its own part too: the conflicts between the city and it, and its unlisted matters (user test:
  // its conflicts table named 河西区 beside it).
  const [[split, , cityNote], [part, , countyNote]] = await Promise.all([apiRead("/api/queries/power_split", { city }),
    county ? apiRead("/api/queries/power_split", { city, region: county }) : [null, "", ""]]);
  if (!current()) return;
  // The city's list not loaded, or giving the county chosen nothing: the server's note (the CLI's and the report's
  // words) in place of an empty heatmap, which read as a city without 事权 to divide.
  const note = countyNote || cityNote;
  const empty = document.getElementById("split-empty");
  empty.textContent = note ? `${note}。` : "";
  empty.hidden = !note;
  ["split-charts", "split-cells-box", "split-cell-title"].forEach((id) => { document.getElementById(id).hidden = !split.cells.length; });
  ["chart-heatmap", "chart-compare"].forEach((id) => chart(id).resize());  // sized while hidden, they drew nothing
  // The files hold what the page shows: a county chosen, the matters it holds (user test: the city's whole split).
  downloads("split-downloads", "/api/queries/power_split", { city, region: county },
            `（${county ? `${county.split("/").pop()}持有的事项；` : ""}CSV 为事权划分表；Excel 另含冲突表和清单未列表）`,
            { table: "cells" });
  const domains = [...new Set(split.cells.map((c) => c.domain))].sort();
  // The heatmap follows the county chosen (user test: it stayed city-wide while the bars changed): a cell counts
  // the matters that county holds, or, for 全市, every matter of the city's list.
  const values = split.cells.map((c) => [SHARES.indexOf(c.share), domains.indexOf(c.domain),
                                         county ? c.by_region[county] || 0 : c.matters]);
  const data = heatmapData(values);
  const heatmap = chart("chart-heatmap");
  const heading = county ? `${county.split("/").pop()} 持有的事项（领域 × 划分方式）` : `${city} 全市事权划分（领域 × 划分方式）`;
  heatmap.setOption({
    title: { text: heading, textStyle: { fontSize: 15 } }, tooltip: { formatter: (p) => `${html(domains[p.value[1]])} · ${SHARE_LABELS[SHARES[p.value[0]]]}：${p.value[2]} 项` },
    grid: { left: 100, top: 50, bottom: 90 }, xAxis: { type: "category", data: SHARES.map((s) => SHARE_LABELS[s]), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: "category", data: domains },
    visualMap: { min: 0, max: Math.max(1, ...values.map((v) => v[2])), calculable: true, orient: "horizontal", left: "center", bottom: 4, itemHeight: 120 },
    series: [{ type: "heatmap", data, label: { show: true } }],
    // ECharts' own description gives each cell as three bare numbers: the table of cells says them with their names.
    aria: { label: { description: `热力图“${heading}”：各格的事项数见图下的“以表格查看热力图”，其中每个格子可选择。` } },
  }, true);
  const choose = cellChooser(city, county);
  heatmap.off("click");
  heatmap.on("click", (params) => choose(domains[params.value[1]], SHARES[params.value[0]], false));
  heatmapCells(domains, values, choose);
  // A region's matters per domain; "" is every county of the city together.
  const held = (region) => domains.map((domain) => split.cells.filter((c) => c.domain === domain)
    .reduce((sum, c) => sum + (region ? c.by_region[region] || 0 : counties.reduce((n, k) => n + (c.by_region[k] || 0), 0)), 0));
  // A city none of whose counties the graph holds: its counties' bars are empty for that, not for holding nothing
  // (user test: 青岩市's 各县（区）合计 drew no bar and said nothing).
  const noCounty = counties.length ? "" : `图中没有${city}的县（区）（未载入县级文件），无从对比`;
  const below = noCounty ? 20 : 0;  // the subtitle's line
  chart("chart-compare").setOption({
    title: { text: `${city} 与 ${county.split("/").pop() || "各县（区）合计"} 持有事项对比`, textStyle: { fontSize: 15 },
             subtext: noCounty }, tooltip: {}, legend: { top: 40 + below },
    grid: { top: 80 + below, left: 100 }, xAxis: { type: "value" }, yAxis: { type: "category", data: domains },
    series: [{ name: city, type: "bar", data: held(city) }, { name: county.split("/").pop() || "各县（区）合计", type: "bar", data: held(county) }],
  }, true);
  state.splitShown = { city, split, county };
  drawCounties();
  // 出处: the power item a city department still exercises, or the list row of a shared matter (user test: the page
  // showed the conflict without the evidence the Excel sheet has).
  const shown = part || split;
  countyDifferences(city, county, shown.differences, split.counties);
  document.getElementById("split-conflicts-title").textContent = `事权划分冲突${county ? `（${county.split("/").pop()}）` : ""}`;
  // 涉及部门: who must settle it, as the report names them (the server's `concerned`).
  // Every row it rests on, the split list's and the city's power list's (user test: the page cited the power item
  // alone, not the row that gives the matter to the counties), as the files and the report cite them.
  table("split-conflicts", shown.conflicts.map((c) => ({ ...c, source: c.sources.map(sourceText).join("、"),
    kind: CONFLICTS[c.kind] || c.kind })),
        [["kind", "冲突类型"], ["matter", "事项"], ["department", "市级部门"], ["holders", "持有区划", "region"],
         ["concerned", "涉及部门"], ["source", "出处"]]);
  if (!shown.conflicts.length) document.getElementById("split-conflicts").append(el("p", { class: "empty" }, "没有发现事权划分冲突"));
  // The third table of the answer (`unlisted`): the county's rows only when one is chosen, as its files hold them.
  const unlisted = shown.unlisted;
  document.getElementById("split-unlisted-title").textContent =
    `${county ? county.split("/").pop() : "县（区）"}权责清单未列的事项（${unlisted.length}）`;
  downloads("split-unlisted-downloads", "/api/queries/power_split", { city, region: county, table: "unlisted" });
  table("split-unlisted", unlisted.map((r) => ({ ...r, share: SHARE_LABELS[r.share] || r.share,
                                                region: r.region.split("/").pop(), source: sourceText(r.source) })),
        // The titles of the table's files (queries.labels): one field, one title.
        [["matter", "事项"], ["share", "划分方式"], ["region", "区划"], ["department", "部门"],
         ["listed_items", "其权责清单所列事项数"], ["source", "出处"]]);
  if (!unlisted.length) document.getElementById("split-unlisted").append(el("p", { class: "empty" },
    "没有发现：持有事项的县（区）部门，其已载入的权责清单都列有该事项（或未载入其权责清单）"));
}

// A cell's matters, listed and said; chosen from a table of buttons (a keyboard's), focus goes to the list. `county`:
// the county whose part of the cell is listed, "" for the whole city.
function cellChooser(city, county) {
  return (domain, share, focus) => run("splitCell", async (now) => {
    await showCell(now, city, domain, share, county);
    if (!now()) return;
    announce(document.getElementById("split-cell-title").textContent);
    if (focus) focusOn(document.getElementById("split-cell-title"));
  }, "split");
}

// A heatmap's [x, y, count] cells, one of no matters grey, off the scale (user test: 0 was coloured as the scale's
// low end).
function heatmapData(values) {
  return values.map((value) => (value[2] ? value : { value, visualMap: false, itemStyle: { color: EMPTY_CELL } }));
}

// What the 显示 box keeps of the counties side by side: the cells where they differ, all, or one share's.
const COUNTY_ROWS = { differs: "各县（区）不同的格子", "": "全部格子" };

function countyRows(rows, wanted) {
  return rows.filter((row) => (wanted === "differs" ? row.differs : !wanted || row.share === wanted));
}

// The counties side by side (the answer's `counties`, every county's whichever is chosen): a row per domain and share,
// a column per county by its name, each number's matters a click away, as the heatmap's are. The analyst saw 河西区's
// 3 住建 shared matters beside 青山县's 5 only by choosing each county in turn (user test). A row whose counties do
// not all hold the same matters is red; the county chosen is bold.
function drawCounties() {
  const { city, split, county } = state.splitShown;
  const wanted = document.getElementById("split-counties-share").value;
  const rows = countyRows(split.counties, wanted);
  const paths = split.counties.length ? Object.keys(split.counties[0].by_county) : [];
  const names = paths.map((path) => path.split("/").pop());
  const labels = rows.map((row) => `${row.domain} · ${SHARE_LABELS[row.share]}`);
  const shownLabel = COUNTY_ROWS[wanted] ?? SHARE_LABELS[wanted];
  const title = document.getElementById("split-counties-title");
  title.textContent = `各县（区）对比（${names.join("、") || "无县（区）"}）`;
  downloads("split-counties-downloads", "/api/queries/power_split", { city, table: "counties" });
  const empty = document.getElementById("split-counties-empty");
  empty.textContent = paths.length < 2 ? `图中${city}持有事项的县（区）不足两个，无从对比。`
    : rows.length ? "" : `各县（区）在“${shownLabel}”中没有不同：可改选“全部格子”。`;
  empty.hidden = !empty.textContent;
  const box = document.getElementById("chart-counties");
  box.hidden = !rows.length || paths.length < 2;
  document.getElementById("split-counties-box").hidden = box.hidden;
  if (box.hidden) return;
  // A row a line: tall enough for every label to be read, at 1280 px as at 1920 px.
  box.style.height = `${Math.max(220, 120 + 30 * rows.length)}px`;
  const values = rows.flatMap((row, y) => paths.map((path, x) => [x, y, row.by_county[path]]));
  const data = heatmapData(values);
  const heading = `${city} 各县（区）持有事项对比（${shownLabel}）`;
  const counties = chart("chart-counties");
  counties.resize();
  counties.setOption({
    title: { text: heading, textStyle: { fontSize: 15 } },
    tooltip: { formatter: (p) => `${html(names[p.value[0]])} · ${html(labels[p.value[1]])}：${p.value[2]} 项` +
                                  (rows[p.value[1]].differs ? "（各县（区）不同）" : "") },
    grid: { left: 200, right: 40, top: 70, bottom: 60 },
    xAxis: { type: "category", data: names, position: "top",
             axisLabel: { interval: 0, fontSize: 13, formatter: (name, x) => (paths[x] === county ? `{chosen|${name}}` : name),
                          rich: { chosen: { fontWeight: "bold", fontSize: 14 } } } },
    yAxis: { type: "category", data: labels, inverse: true,
             axisLabel: { fontSize: 12, formatter: (label, y) => (rows[y].differs ? `{differs|${label}}` : label),
                          rich: { differs: { color: "#b42318", fontWeight: "bold" } } } },
    visualMap: { min: 0, max: Math.max(1, ...values.map((v) => v[2])), calculable: true, orient: "horizontal",
                 left: "center", bottom: 4, itemHeight: 120 },
    series: [{ type: "heatmap", data, label: { show: true, fontSize: 13 } }],
    aria: { label: { description: `热力图“${heading}”：各格的事项数见图下的“以表格查看各县（区）对比”，其中每个格子可选择。` } },
  }, true);
  const choose = (y, x, focus) => cellChooser(city, paths[x])(rows[y].domain, rows[y].share, focus);
  counties.off("click");
  counties.on("click", (params) => choose(params.value[1], params.value[0], false));
  table("split-counties-table", rows.map((row, y) => ({
    label: labels[y], differs: row.differs,
    ...Object.fromEntries(paths.map((path, x) => [path, el("button", {
      type: "button", class: "button", onclick: () => choose(y, x, true),
      "aria-label": `${names[x]} · ${labels[y]}：${row.by_county[path]} 项，列出事项` }, String(row.by_county[path]))])),
  })), [["label", "领域 · 划分方式"], ...paths.map((path, x) => [path, names[x]]), ["differs", "各县（区）不同"]]);
}

// The matters one county holds alone, or alone lacks (the answer's `differences`): the chosen county's, or every
// county's for the whole city.
function countyDifferences(city, county, differences, sideBySide) {
  const name = county ? county.split("/").pop() : "";
  document.getElementById("split-differences-title").textContent =
    `${name ? `${name}与其他县（区）的差异` : "县（区）间差异"}（${differences.length}）`;
  downloads("split-differences-downloads", "/api/queries/power_split", { city, region: county, table: "differences" });
  table("split-differences", differences.map((r) => ({ ...r, kind: DIFFERENCES[r.kind] || r.kind,
    share: SHARE_LABELS[r.share] || r.share, source: r.sources.map(sourceText).join("、") })),
        [["region", "县（区）", "region"], ["kind", "差异"], ["domain", "领域"], ["share", "划分方式", "nowrap"],
         ["matter", "事项"], ["source", "出处"]]);
  const counties = sideBySide.length ? Object.keys(sideBySide[0].by_county).length : 0;
  if (!differences.length) document.getElementById("split-differences").append(el("p", { class: "empty" },
    counties < 2 ? "县（区）不足两个，无从对比" : `${name || "各县（区）"}没有仅此县（区）持有或仅此县（区）未持有的事项`));
}

// The heatmap's cells as a table of buttons, one a cell, each naming its domain, its share and its count: what a
// keyboard reaches with Tab, a screen reader reads, and a phone's finger hits (a canvas cell is none of these).
function heatmapCells(domains, values, choose) {
  const counts = new Map(values.map(([x, y, n]) => [`${x},${y}`, n]));
  const box = document.getElementById("split-cells");
  box.querySelectorAll(".table-wrap").forEach((wrap) => scrollWatch.unobserve(wrap));
  box.innerHTML = "";
  const wrap = el("div", { class: "table-wrap", "aria-label": "热力图数据" }, el("table", {},
    el("caption", { class: "sr-only" }, "热力图数据：各领域按划分方式的事项数，按钮列出其中的事项"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "领域"),
                       SHARES.map((share) => el("th", { scope: "col" }, SHARE_LABELS[share])))),
    el("tbody", {}, domains.map((domain, y) => el("tr", {}, el("th", { scope: "row" }, domain), SHARES.map((share, x) => {
      const n = counts.get(`${x},${y}`) || 0;
      return el("td", {}, el("button", { type: "button", class: "button", onclick: () => choose(domain, share, true),
                                         "aria-label": `${domain} · ${SHARE_LABELS[share]}：${n} 项，列出事项` }, String(n)));
    }))))));
  box.append(wrap);
  scrollWatch.observe(wrap);
}

// How a region holds a matter: its own (专有) as the cell it falls in, 市级 or 县级 (user test: 专有 read the same for
// both); a delegated matter's side.
function holdingRole(h) {
  if (h.role === "principal") return "委托方";
  if (h.role === "agent") return "受托方";
  if (h.share === "exclusive") return SHARE_LABELS[`${h.level}_exclusive`] || "专有";
  return SHARE_LABELS[h.share] || h.share;
}

// A cell's list still on its way belongs to the heatmap drawn before: it is dropped (begin) with the cell shown.
function clearCell() {
  begin("splitCell");
  document.getElementById("split-cell-title").textContent = "点击热力图的格子，列出其中的事项";
  document.getElementById("split-cell-title").classList.add("hint");
  document.getElementById("split-matters").innerHTML = "";
  document.getElementById("split-cell-downloads").innerHTML = "";
}

// A cell's matters with who holds each: the region, its department (and on what ground) and the list row.
async function showCell(current, city, domain, share, county = "") {
  const cell = await api("/api/queries/power_split/matters", { city, domain, share, region: county });
  if (!current()) return;
  const where = county ? `${county.split("/").pop()} · ` : "全市 · ";
  const title = document.getElementById("split-cell-title");
  title.textContent = `${where}${domain} · ${SHARE_LABELS[share]}：${cell.matters.length} 项`;
  title.classList.remove("hint");
  const rows = cell.holdings.map((h) => ({
    matter: h.matter, region: h.region.split("/").pop(),
    role: holdingRole(h),
    department: h.department || "未找到实施部门", basis: holdingBasis(h), text: h.text, source: sourceText(h.source),
  }));
  table("split-matters", rows, [["matter", "事项"], ["region", "持有区划"], ["role", "方式", "nowrap"], ["department", "实施部门"],
                                ["basis", "部门依据"], ["text", "本级职责"], ["source", "出处"]]);
  // The list as a file, as the API writes it (user test: the cell's list had no download).
  downloads("split-cell-downloads", "/api/queries/power_split/matters", { city, domain, share, region: county });
  if (!rows.length) {
    document.getElementById("split-matters").innerHTML = "";
    document.getElementById("split-matters").append(el("p", { class: "empty" },
      // 全市 has its subject too (user test: an empty cell of the whole city read 在“生态环境 · 县级专有”中没有事项).
      `${county ? county.split("/").pop() : `${city}全市`}在“${domain} · ${SHARE_LABELS[share]}”中没有事项${county ? "（其他县区的见“全市”）" : ""}`));
  }
}

function holdingBasis(h) {
  if (h.department_basis === "power_item") return `实施权责事项“${h.item}”（${sourceText(h.item_source)}）`;
  if (h.department_basis === "domain") return "按领域推定（无对应权责事项）";
  return "";
}

// -- department ------------------------------------------------------------------------------------------
async function departmentPage(current) {
  const select = document.getElementById("department-select");
  // A link's name the list does not offer as written (an alias, 青山县市监局, or a name a 机构改革 replaced): read by the
  // server as /api/departments/{name} reads it, the reading said under the form; one it does not know, its refusal.
  const linked = select.dataset.wanted;
  delete select.dataset.wanted;
  if (linked) linkReadings.set(select.id, { from: linked, said: true, several: [] });
  const asked = linked || select.value;
  if (!asked) return;
  let [profile, said] = await apiRead(`/api/departments/${encodeURIComponent(asked)}`);
  if (!current()) return;
  // A name a 机构改革 replaced is no longer listed: its successor is shown, whose 机构沿革 names it (已更名为X, 已并入X).
  const successor = /^(?:已更名为|已并入)([^（；]+)/.exec(profile.department.succession || "")?.[1];
  if (linked && successor && ![...select.options].some((o) => o.value === profile.department.name)) {
    [profile, said] = [await api(`/api/departments/${encodeURIComponent(successor)}`), ""];
    if (!current()) return;
  }
  const name = profile.department.name;
  if (linked) {
    if ([...select.options].some((o) => o.value === name)) select.value = name;
    sayReading("department-reading", said);
  }
  saveState("department");
  const path = `/api/departments/${encodeURIComponent(name)}`;
  await departmentTownships(current, profile.department);
  if (!current()) return;
  // The whole profile in Excel (a sheet per part); a CSV holds one table, so each table below has its own.
  const box = document.getElementById("department-downloads");
  box.innerHTML = "";
  box.append(el("a", { class: "button", href: url(path, { format: "xlsx" }), download: "",
                       "aria-label": `下载 Excel：${name}的部门画像（全部内容）` }, "下载 Excel"),
             el("span", { class: "muted" }, "（全部内容，每部分一个工作表；各表的 CSV 在表旁）"));
  reportLinks(box, { department: name }, name, false);
  const d = profile.department;
  noteLine("department-succession", "机构沿革", d.succession);
  // Figures borrowed from the bodies a chain of renames by notice replaced: which body and document each is from.
  noteLine("department-staffing-from", "编制数据来源", d.staffing_from);
  noteLine("department-fact-sources", "条款出处", factSources(d));
  const facts = document.getElementById("department-facts");
  facts.innerHTML = "";
  [["规格", d.rank], ["类型", d.kind], ["行政编制", d.staff_quota], ["领导职数", d.leader_posts],
   ...(d.supervisor ? [["主管部门", d.supervisor]] : []),
   ["内设机构", profile.offices.length], ["牵头事项", profile.leads.length], ["配合事项", profile.assists.length],
   ["权责事项", profile.power_items.length],
   // A department a 调整 notice alone made (no 三定 of its own): the date of that 机构改革, not a 三定 date.
   ...(d.reform_date ? [["机构改革日期（无本部门三定）", d.reform_date]] : [])].forEach(([label, value]) =>
    facts.append(el("div", { class: "count" }, el("b", {}, text(value) || "—"), label)));
  const categories = Object.entries(profile.duties_by_category).map(([category, duties]) => ({ name: category, value: duties.length }));
  // On a phone a label beside the ring had room for four characters ("监督检查…", user test 5): there the ring
  // carries the counts and a legend under it the full names.
  const smallPie = narrow("chart-categories");
  const counted = Object.fromEntries(categories.map((c) => [c.name, c.value]));
  chart("chart-categories").setOption({
    title: { text: "职责类别" }, tooltip: { formatter: "{b}：{c} 项（{d}%）" },
    ...(smallPie ? { legend: { bottom: 6, left: "center", itemWidth: 14, itemGap: 8, formatter: (name) => `${name} ${counted[name]}` } } : {}),
    series: [{ type: "pie", radius: smallPie ? ["28%", "55%"] : ["30%", "65%"], center: smallPie ? ["50%", "48%"] : ["50%", "50%"],
               data: categories, label: smallPie ? { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" } : { formatter: "{b}：{c}" } }],
  }, true);
  const neighbours = profile.network;
  const around = neighbours.map((n) => ({ name: n.department, degree: n.matters.length }));
  labelBusiest(around);
  const self = { name: d.name, symbolSize: 36 };
  labelAsked([self, ...around], [d.name]);
  chart("chart-neighbours").setOption({
    title: { text: "协同网络（共同事项）" }, tooltip: {},
    // Room around the circle for the names, which are drawn beside their nodes.
    series: [{ type: "graph", layout: "circular", label: { show: true, position: "right", fontSize: 11 }, roam: true,
               top: 60, bottom: 30, ...(narrow("chart-neighbours") ? { left: 60, right: 110 } : { left: 90, right: 150 }),
               ...labelsInside("chart-neighbours"),
               data: [self, ...around],
               links: neighbours.map((n) => ({ source: d.name, target: n.department, value: n.matters.join("、") })) }],
  }, true);
  const details = document.getElementById("department-details");
  details.innerHTML = "";
  // `key` names the table of the API's files that holds the section's rows (a row per duty, role or member).
  const section = (title, rows, columns, key) => {
    const box = el("div");
    details.append(el("h3", { class: "with-download" }, `${title}（${rows.length}）`,
                      el("a", { class: "button", href: url(path, { table: key, format: "csv" }), download: "",
                                "data-table": key, "aria-label": `下载 CSV：${title}` }, "下载 CSV")), box);
    table(box, rows, columns, { caption: title });
  };
  // Which offices carry each duty out, or 未分解: what a 三定 drafter checks first (user test).
  const undecomposed = profile.offices.length ? "未分解" : "（未载入内设机构）";
  // A duty carried from a body a 机构改革 replaced says which (承继自) and the notice's clause (依据): columns shown
  // where the department carries any.
  const duties = Object.entries(profile.duties_by_category).flatMap(([category, list]) =>
    list.map((duty) => ({ category, ordinal: duty.ordinal, text: duty.text,
                          carried_by: duty.carried_by.join("、") || undecomposed, carried_from: duty.carried_from || "",
                          ground_source: duty.ground_source ? sourceText(duty.ground_source) : "" })));
  const carried = duties.some((duty) => duty.carried_from)
    ? [["carried_from", "承继自"], ["ground_source", "依据"]] : [];
  section("部门职责（按类别）", duties,
          [["category", "类别"], ["ordinal", "序号"], ["text", "职责"], ["carried_by", "承接的内设机构"], ...carried],
          "duties");
  section("内设机构及其职责", profile.offices.map((o) => ({
    office: o.office, duties: o.duties.map((x) => x.text).join("；") || "（三定未列该内设机构的职责）" })),
          [["office", "内设机构"], ["duties", "职责"]], "offices");
  // Each matter with its 出处: a matter named by the 三定 and by a 边界清单 row read as a duplicate without it.
  const sourced = (rows) => rows.map((r) => ({ ...r, source: sourceText(r.source) }));
  section("牵头的共同事项", sourced(profile.leads), [["name", "事项"], ["detail", "依据"], ["source", "出处"]], "leads");
  section("配合的共同事项", sourced(profile.assists), [["name", "事项"], ["detail", "依据"], ["source", "出处"]], "assists");
  // 承办科室: the offices the list names as handling each item, as the department's 三定 names them. 编码 and 设定依据
  // where the list gives any (what a 司法局 reviewer checks); 责任事项 and 追责情形 run to paragraphs in a real list:
  // the table's CSV holds them.
  const powerItems = sourced(profile.power_items).map((r) => ({ ...r, offices: r.offices.join("、") }));
  // A column only where some row of the table has the cell (a list without 编码 adds none).
  const listed = (rows, key, column) => (rows.some((r) => r[key]) ? [column] : []);
  section("权责事项", powerItems,
          [["name", "事项"], ["detail", "类型"], ...listed(powerItems, "code", ["code", "编码", "code"]),
           ["offices", "承办科室"], ...listed(powerItems, "basis", ["basis", "设定依据"]), ["source", "出处"]], "power_items");
  // A claimed 监管事项's 编码 and 设定依据 as its 目录 writes them, as a power item's.
  const supervisionItems = sourced(profile.supervision_items);
  section("认领的监管事项", supervisionItems,
          [["name", "事项"], ["detail", "监管对象"], ...listed(supervisionItems, "code", ["code", "编码", "code"]),
           ...listed(supervisionItems, "basis", ["basis", "设定依据"]), ["source", "出处"]], "supervision_items");
  // Whose each text is: two departments may write one duty word for word.
  const member = (m) => `${m.department}${m.office ? "·" + m.office : ""}：${m.duty}${m.source ? "（" + sourceText(m.source) + "）" : ""}`;
  // Each group's scope: 同级部门, 内设机构 and 上下级 groups read alike without it (user test).
  const scopes = Object.fromEntries(OVERLAP_SCOPES);
  section("职责交叉", profile.overlaps.map((c) => ({ scope: scopes[c.scope] || c.scope, score: c.score,
                                                    with: c.members.map((m) => m.department).filter((x) => x !== d.name).join("、"),
                                                    duty: c.members.map(member).join("\n") })),
          [["scope", "范围"], ["score", "相似度"], ["with", "交叉部门"], ["duty", "各部门的职责（出处）"]], "overlaps");
  const ambiguities = profile.ambiguities.map((a) => ({
    ...a, reason: REASONS[a.reason] || a.reason,
    mandate: mandateText(a.mandate), formerly: (a.formerly || []).join("、"),
  }));
  section("主办/协办不清", ambiguities, shownColumns(
    [["matter", "事项"], ["reason", "问题"], ["leads", "牵头"], ["assists", "配合"], ["mandate", "有相应职责的部门"]],
    [FORMERLY_COLUMN], ambiguities), "ambiguities");
  section("职责分解", profile.undecomposed.map((r) => ({ ...r, kind: UNDECOMPOSED_KINDS[r.kind] || r.kind })),
          [["kind", "问题"], ["ordinal", "序号"], ["office", "内设机构"], ["text", "职责内容"], ["evidence", "仍在承担的事项"]],
          "undecomposed");
  section("协同部门", profile.network.map((n) => ({ ...n, count: n.matters.length })),
          [["department", "部门"], ["count", "共同事项数"], ["matters", "共同事项"]], "network");
}

// The townships whose 履行职责事项清单 name the department as the one they assist (配合) or that took work back (收回),
// each with how many rows, a link opening 乡镇履职 on that township.
async function departmentTownships(current, department) {
  const box = document.getElementById("department-townships");
  const rows = department.region ? await apiAll("/api/queries/township_duties", { region: department.region }) : { items: [] };
  if (!current()) return;
  const named = new Map();
  rows.items.filter((r) => r.department_uid === department.uid)
    .forEach((r) => named.set(r.township_region, (named.get(r.township_region) || 0) + 1));
  box.innerHTML = "";
  box.hidden = !named.size;
  if (!named.size) return;
  box.append("乡镇（街道）履行职责事项清单中涉及本部门的事项：");
  [...named].sort(([a], [b]) => a.localeCompare(b)).forEach(([township, count], index) => {
    const params = new URLSearchParams({ region: township.split("/").slice(0, -1).join("/"), township });
    box.append(index ? "、" : "", el("a", { href: `#townships?${params}` }, `${township.split("/").pop()} ${count} 项`));
  });
}

// -- the findings' own views: one table each, paged by the API, with the filter it takes and its downloads ------
const FORMERLY_COLUMN = ["formerly", "机构改革前名称"];

// A column only some answers fill (主办/协办's 机构改革前名称): shown where a row of the table has it, as the report
// gives it a column only where a reform renamed a party.
function shownColumns(columns, optional, rows) {
  return [...columns, ...optional.filter(([key]) => rows.some((row) => row[key]))];
}

const FINDING_VIEWS = {
  ambiguities: {
    path: "/api/queries/host_assist_ambiguities", param: "region",
    columns: [["region", "区划"], ["matter", "事项"], ["reason", "问题"], ["host_label", "主办部门"], ["leads", "牵头部门"],
              ["assists", "配合部门"], ["mandate", "有相应职责的部门（依据）"], ["claims", "出处及其所列部门"]],
    // Documents naming different leads: which is the newer and what it leaves to amend, as the report's 问题 says it.
    row: (r) => ({ ...r, reason: (REASONS[r.reason] || r.reason) + (r.newer_note ? `（${r.newer_note}）` : ""),
                   claims: claimsText(r.claims, r.matter),
                   mandate: mandateText(r.mandate), formerly: (r.formerly || []).join("、"),
                   no_sanding: (r.no_sanding || []).join("、") }),
    // X（原为Y）: a party the sources name by a body a 机构改革 renamed or merged since, as the API and the report say it.
    // A lead or assisting party the graph holds no 三定 of (消防救援大队): its side of the matter is the list's word
    // alone, which the 编办 checks before settling who hosts (queries.labels: no_sanding).
    optional: [FORMERLY_COLUMN, ["no_sanding", "图中无其三定"]],
  },
  // A county's 编办 asks for its county's departments (`also`: the 区划 beside the 部门 picker, both sent).
  undecomposed: {
    path: "/api/queries/undecomposed_duties", param: "department", also: ["region"],
    columns: [["region", "区划"], ["department", "部门"], ["kind", "问题"], ["ordinal", "序号"], ["office", "内设机构"],
              ["text", "职责内容"], ["evidence", "仍在承担的事项"], ["source", "出处"]],
    row: (r) => ({ ...r, kind: UNDECOMPOSED_KINDS[r.kind] || r.kind, source: sourceText(r.source) }),
  },
  orphans: {
    path: "/api/queries/orphan_supervision_items", param: "region",
    columns: [["region", "区划"], ["code", "编码", "code"], ["item", "监管事项"], ["target", "监管对象"],
              ["suggested", "建议认领部门（依据）"], ["source", "出处"]],
    row: (r) => ({ ...r, suggested: suggestionText(r, "\n"), source: sourceText(r.source) }),
  },
  // Work a 三定 or notice moved (划转) that the giver still lists or states, or the receiver lacks (审管分离 user test).
  transfers: {
    path: "/api/queries/transferred_still_held", param: "region",
    columns: [["region", "区划"], ["giver", "划出部门"], ["receiver", "接收部门"], ["work", "划转的工作"],
              ["finding_label", "问题"], ["evidence", "仍列有或写有的事项、条款"], ["evidence_detail", "事项类型或内设机构"],
              ["evidence_source", "所在位置"], ["sources", "划转依据"]],
    row: (r) => ({ ...r, evidence_source: sourceText(r.evidence_source), sources: r.sources.map(sourceText).join("\n") }),
  },
  // A 权责清单's items as a 司法局 reviews them before publication (合法性审查 user test).
  powerreview: {
    path: "/api/queries/power_item_review", param: "region",
    columns: [["region", "区划"], ["department", "实施主体"], ["item", "权责事项"], ["type", "职权类型"], ["code", "编码", "code"],
              ["finding_label", "问题"], ["basis", "设定依据（实施依据）"], ["detail", "说明"],
              ["source", "出处"]],
    row: (r) => ({ ...r, source: sourceText(r.source) }),
  },
  staffing: {
    path: "/api/queries/staffing_load", param: "region",
    columns: [["region", "区划", "region"], ["department", "部门"], ["staff_quota", "行政编制"],
              ["staff_quota_stated", "核定编制（未计通知划转）"], ["staff_moves", "调整通知划转编制", "wide"],
              ["other_staff", "其他编制"], ["staff_actual", "实有人数"], ["staff_actual_as_of", "实有人数统计时点"],
              ["leader_posts", "领导职数"], ["leader_posts_moved", "调整通知增减领导职数"],
              ["leader_posts_detail", "领导职数明细"], ["offices", "内设机构数"], ["offices_stated", "核定内设机构数"],
              ["duties_stated", "三定所列职责数（不含共性职责）"], ["duty_changes", "调整通知所致职责变动", "wide"],
              ["duties", "职责数（不含共性职责）"], ["power_items", "权责事项数"],
              ["duties_per_post", "人均职责数"], ["robust_z", "稳健z分数"], ["peers", "比较组"], ["outlier", "异常"],
              ["counterpart_ratio", "对口倍数"], ["checks", "核查发现"], ["staffing_from", "编制数据来源", "wide"]],
    // The columns of what 调整 notices changed, only where a notice changed something in the region, as the report
    // adds them (a table of 20 columns for a region no notice touched hid what was there).
    sparse: { staff_quota_stated: "staff_moves", staff_moves: "staff_moves", leader_posts_moved: "leader_posts_moved",
              duties_stated: "duty_changes", duty_changes: "duty_changes",
              // The people in post, only where a 实名制统计表 is loaded for a department of the region.
              staff_actual: "staff_actual", staff_actual_as_of: "staff_actual",
              // Where a department shows figures of a body a rename replaced (an empty sentence borrows none).
              staffing_from: "staffing_from",
              // Over several cities a county bureau's score is among its line of work in every county: which group.
              peers: "peers" },
    // A blank z-score says why, as the report and the CSV do: too few departments in the region to compare. A
    // department known by a notice alone (no 三定) has no figure of its own: said, not a 0 or a blank read as one.
    // Checks are sentences that list posts with 、 themselves: one a line.
    row: (r) => ({ ...r, outlier: OUTLIERS[r.outlier] || r.outlier,
                   staff_quota: r.notices_only ? "无三定" : r.staff_quota,
                   duties_per_post: r.notices_only ? "无三定，不计算" : r.duties_per_post,
                   robust_z: r.too_few ? "部门过少无法比较" : r.notices_only ? "无三定，不比较" : r.robust_z,
                   leader_posts_moved: r.leader_posts_moved > 0 ? `+${r.leader_posts_moved}` : r.leader_posts_moved,
                   staff_moves: (r.staff_moves || []).map(staffMoveText).join("\n"),
                   duty_changes: (r.duty_changes || []).map(dutyChangeText).join("\n"),
                   checks: (r.checks || []).join("\n") }),
    rowClass: (r) => (r.outlier ? "outlier" : ""),
    whole: true,
  },
};

// A findings view drawn anew, at a page of its table: by a link, a filter or the pager.
function drawFindings(name, offset = 0) {
  return run(name, (current) => findingPage(current, name, offset));
}

async function findingPage(current, name, offset) {
  if (name === "undecomposed" && await pickLinked(name, current)) return;
  const view = FINDING_VIEWS[name];
  const params = Object.fromEntries([view.param, ...(view.also || [])]
    .map((param) => [param, document.getElementById(`${name}-${param}`).value]));
  saveState(name);
  downloads(`${name}-downloads`, view.path, params);
  if (view.whole) {
    await wholeFindings(current, name, view, params);
    return;
  }
  try {
    const result = await api(view.path, { ...params, limit: PAGE_SIZE, offset });
    if (!current()) return;
    const rows = result.items.map(view.row);
    table(`${name}-table`, rows, shownColumns(view.columns, view.optional || [], rows),
          { total: result.total, offset, onPage: (next) => drawFindings(name, next), rowClass: view.rowClass });
    if (!result.total) document.getElementById(`${name}-table`).append(el("p", { class: "empty" }, "没有发现此类问题"));
  } catch (error) {
    if (current()) failed(document.getElementById(`${name}-table`), error);
  }
}

// 编制负荷: every department the filter keeps (apiAll: past 1,000 too), paged on the page, so that the columns of what
// notices changed are those of the whole table, not of one page; 只看异常 keeps the outliers (the API has no such
// filter), and the downloads stay the whole table, as their note says.
async function wholeFindings(current, name, view, params) {
  const target = document.getElementById(`${name}-table`);
  try {
    const result = await apiAll(view.path, params);
    if (!current()) return;
    const outliers = name === "staffing" && document.getElementById("staffing-outliers").checked;
    const kept = outliers ? result.items.filter((r) => r.outlier) : result.items;
    const sparse = view.sparse || {};
    const columns = view.columns.filter(([key]) => !sparse[key]
      || result.items.some((r) => [r[sparse[key]]].flat().some((v) => v !== null && v !== undefined && v !== "")));
    const rows = kept.map(view.row);
    table(target, rows, columns, { rowClass: view.rowClass });
    if (!rows.length && outliers) {
      const tooFew = result.items.some((r) => r.too_few);
      const group = result.items.some((r) => r.peers) ? "同一区划或比较组" : "同一区划";
      target.append(el("p", { class: "empty" }, tooFew && result.items.every((r) => r.too_few)
        ? `部门过少无法比较：${group}可比部门少于 3 个，不判断异常` : "没有编制异常的部门"));
    } else if (!rows.length) target.append(el("p", { class: "empty" }, "没有发现此类问题"));
    if (outliers) document.getElementById(`${name}-downloads`).append(el("span", { class: "muted" }, "（下载为全部部门）"));
  } catch (error) {
    if (current()) failed(target, error);
  }
}

// A line above a department's figures that only some departments have (机构沿革, 编制数据来源): hidden without it.
function noteLine(id, label, value) {
  const line = document.getElementById(id);
  line.textContent = value ? `${label}：${value}` : "";
  line.hidden = !value;
}

// Each fact an 编办 checks with the clause it was read from, as a duty is cited: 规格 正处级：《…》第二条；…; '' for a
// department whose documents were loaded before their clauses were kept (fields version 22).
function factSources(d) {
  return [["规格", d.rank, d.rank_source], ["主管部门", d.supervisor, d.supervisor_source],
          ["编制", d.staff_quota_stated, d.staffing_source], ["核定内设机构数", d.offices_stated, d.offices_stated_source],
          ["内设机构", null, d.offices_source]]
    .filter(([, , source]) => source)
    .map(([label, value, source]) => `${label}${value === null || value === undefined ? "" : " " + value}：${sourceText(source)}`)
    .join("；");
}

// A post change of a 调整 notice in a line: what moved, where to (or from), and the notice's clause.
function staffMoveText(move) {
  const posts = [move.staff !== null && move.staff !== undefined ? `行政编制${move.staff}名` : "",
                 move.leader_posts ? `${move.leader_rank || ""}领导职数${move.leader_posts}名` : ""].filter(Boolean).join("、");
  const way = move.direction === "moved_in" ? `自${move.other}划入` : move.direction === "moved_out" ? `划出至${move.other}`
    : move.direction === "devolved" ? `下放至${move.other}` : STAFF_MOVES[move.direction] || move.direction;
  return `${way}：${posts}（${sourceText(move.source)}）`;
}

// A duty a 调整 notice moved, cancelled or handed down (or moved in), in a line with the notice's clause.
function dutyChangeText(change) {
  const label = DUTY_CHANGES[change.status] || change.status;
  const way = change.status === "moved_in" ? `自${change.other}划入` : change.other ? `${label}至${change.other}` : label;
  return `${way}：${change.duty}（${sourceText(change.source)}）`;
}

// -- a township's 履行职责事项清单 ------------------------------------------------------------------------------
// township_duties by part, as the list is written: what the township does itself, what it assists a county
// department with, and what a department took back; a 配合 or 收回 row with whether that department's own 三定 or
// 权责清单 states the work (the server's finding, in its words, with the clause or item and where it is).
const TOWNSHIP_PARTS = [["basic", "基本履职事项"], ["assisting", "配合履职事项"], ["reclaimed", "上级部门收回事项"]];
const TOWNSHIP_WANTING = ["held_by_other", "not_held", "moved_away", "reclaimed_still_listed"];
const TOWNSHIP_ROWS = Object.fromEntries(TOWNSHIP_WANTING.map((finding) => [finding, "outlier"]));
// The list to load, said where none is: a township's own, titled with its name (a county's list for all its
// townships is refused by the ingest).
const TOWNSHIP_LIST = "请载入各乡镇（街道）的履行职责事项清单（基本履职事项、配合履职事项、上级部门收回事项；每个乡镇（街道）一份，"
  + "标题写明乡镇（街道）名称，如“某县某镇履行职责事项清单”）";

async function townshipsPage(current) {
  const region = document.getElementById("townships-region").value;
  const select = document.getElementById("townships-township");
  const chosen = select.value;
  const linked = select.dataset.wanted;  // a link's township, read by its name as fillSelect reads it
  const townships = state.regions.filter((r) => r.level === "township" && within(r.path, region));
  // A township by its county and name (石岭县安平镇): two counties may each have a 城关镇.
  fillSelect("townships-township", townships.map((r) => [r.path, r.path.split("/").slice(-2).join("")]), { blank: "全部" });
  if (!linked && townships.some((r) => r.path === chosen)) select.value = chosen;
  saveState("townships");
  const township = state.regions.find((r) => r.path === select.value);
  // The API reads a township as its government body, by name within its county.
  const params = township ? { township: township.name, region: township.parent } : { region };
  const result = await apiAll("/api/queries/township_duties", params);
  if (!current()) return;
  const parts = document.getElementById("townships-parts");
  parts.querySelectorAll(".table-wrap").forEach((wrap) => scrollWatch.unobserve(wrap));
  parts.innerHTML = "";
  const empty = document.getElementById("townships-empty");
  empty.hidden = result.total > 0;
  empty.textContent = result.total ? "" : `${township ? township.name : region ? region.split("/").pop() : "图中"}`
    + `未载入乡镇（街道）履行职责事项清单：${TOWNSHIP_LIST}。`;
  if (!result.total) {
    document.getElementById("townships-downloads").innerHTML = "";
    return;
  }
  downloads("townships-downloads", "/api/queries/township_duties", params);
  const rows = result.items.map((r) => ({ ...r, township: r.township_region.split("/").pop(),
    evidence_source: sourceText(r.evidence_source), source: sourceText(r.source) }));
  TOWNSHIP_PARTS.forEach(([part, label]) => {
    const inPart = rows.filter((r) => r.part === part);
    if (!inPart.length) return;
    const box = el("div", {});
    parts.append(el("h3", {}, `${label}（${inPart.length} 项）`), box);
    const checked = part === "basic" ? [] : [["department", part === "assisting" ? "牵头部门" : "收回部门"],
      ["department_text", "县级部门职责（清单所列）"], ["finding_label", "核对结果"], ["holder", "写有此项的其他部门"],
      ["evidence", "三定条文或权责事项"], ["evidence_source", "其出处"]];
    table(box, inPart, [...(township ? [] : [["township", "乡镇（街道）"]]), ["category", "事项类别"], ["matter", "事项"],
                        ["township_text", "乡镇（街道）职责"], ...checked, ["source", "清单出处"]],
          { rowClass: (r) => TOWNSHIP_ROWS[r.finding] || "" });
  });
}

// -- a list's versions and what each adjustment changed (list_changes: 清单动态调整) ------------------------------
// Each list with two versions or more, then each adjustment (the earlier version → the later, by date) with its
// changes, each citing both versions' file and row, as the server words them. A list is chosen by its title, which
// the API reads (any version's title, file name, path or uid).
const LIST_CHANGE_COLUMNS = [["change_label", "变化"], ["matter", "事项"], ["before", "调整前"], ["after", "调整后"],
                             ["from_source", "原版本出处"], ["to_source", "新版本出处"]];

async function listChangesPage(current) {
  const region = document.getElementById("listchanges-region").value;
  const select = document.getElementById("listchanges-list");
  const result = await apiAll("/api/queries/list_changes", { region });
  if (!current()) return;
  // The lists of the region that changed, by title (with its region where two regions' lists bear one title).
  const titles = [...new Set(result.items.map((r) => r.list_title))].sort();
  const [previous, linked] = [select.value, select.dataset.wanted];
  fillSelect("listchanges-list", titles.map((title) => [title, title]), { blank: "全部清单" });
  if (!linked && titles.includes(previous)) select.value = previous;
  saveState("listchanges");
  const chosen = select.value;
  const rows = result.items.filter((r) => !chosen || r.list_title === chosen);
  const lists = document.getElementById("listchanges-lists");
  lists.querySelectorAll(".table-wrap").forEach((wrap) => scrollWatch.unobserve(wrap));
  lists.innerHTML = "";
  const empty = document.getElementById("listchanges-empty");
  empty.hidden = rows.length > 0;
  empty.textContent = rows.length ? "" : `${region ? region.split("/").pop() : "图中"}没有载入两个以上版本的清单：`
    + "载入同一清单调整前后的版本（标题相同、印发日期不同）后，这里逐次列出每次调整的变化。";
  if (!rows.length) {
    document.getElementById("listchanges-downloads").innerHTML = "";
    return;
  }
  downloads("listchanges-downloads", "/api/queries/list_changes", { region, list: chosen });
  // Rows come by list, then by adjustment (the server's order): a heading for each list, a table for each adjustment.
  const groups = new Map();
  rows.forEach((r) => {
    const list = groups.get(r.list_key) || groups.set(r.list_key, new Map()).get(r.list_key);
    const step = `${r.from_version} → ${r.to_version}`;
    (list.get(step) || list.set(step, []).get(step)).push(r);
  });
  groups.forEach((steps) => {
    const first = steps.values().next().value[0];
    lists.append(el("h3", {}, `《${first.list_title}》（${first.region}）：${steps.size} 次调整`));
    steps.forEach((changed, step) => {
      const box = el("div", {});
      const counted = Object.entries(changed.reduce((n, r) => ({ ...n, [r.change_label]: (n[r.change_label] || 0) + 1 }), {}))
        .map(([label, n]) => `${label} ${n}`).join("，");
      lists.append(el("h4", {}, `${step}：${changed.length} 项变化（${counted}）`), box);
      table(box, changed, LIST_CHANGE_COLUMNS, { caption: `${first.list_title} ${step}` });
    });
  });
}

// -- search -----------------------------------------------------------------------------------------------
async function search(current) {
  const textValue = document.getElementById("search-text").value.trim();
  const target = document.getElementById("search-results");
  const region = document.getElementById("search-region").value;
  document.getElementById("search-downloads").innerHTML = "";
  if (!textValue) { target.textContent = "请输入诉求或事项"; return; }
  // The last answer must never stand under a new question: cleared first, and a refusal is shown in its place.
  target.textContent = "查询中…";
  let rows;
  try {
    rows = await api("/api/queries/who_handles", { text: textValue, region, limit: 5 });
  } catch (error) {
    if (current()) failed(target, error);
    return;
  }
  if (!current()) return;  // a question asked since: its answer, not this one, goes under it
  target.innerHTML = "";
  saveState("search");
  downloads("search-downloads", "/api/queries/who_handles", { text: textValue, region, limit: 5 });
  if (!rows.length) target.append(el("p", { class: "empty" }, "没有找到相关职责"));
  // With 区划 全部 a city's and a county's bureau are not two candidates one cannot tell apart: the question is
  // where the matter happened. The answer is grouped by 区划 (city first), each group ranked on its own, and
  // 难以区分 is said only of candidates of one 区划; the page asks for the 区划 of the place.
  // With a 区划 chosen its townships' rows are its own candidates (a 属地 list's, a township given the work): one
  // group, in the answer's order (grouped, a named township the answer puts first stood under the county's rows).
  const groups = new Map();
  rows.forEach((row) => {
    const place = region || row.region;
    if (!groups.has(place)) groups.set(place, []);
    groups.get(place).push(row);
  });
  if (!region && groups.size > 1) {
    target.append(el("p", { class: "tie", id: "search-level-note" },
                     `候选部门分属 ${groups.size} 个区划：事项由哪一级管，要看诉求发生在哪里。请在“区划”中选择诉求发生地，以下按区划分组列出。`));
  }
  const regions = [...groups.keys()].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
  regions.forEach((place) => {
    const members = groups.get(place);
    const ties = members.filter((row) => row.tie).length;
    if (!region && groups.size > 1) target.append(el("h3", { class: "search-region" }, place));
    members.forEach((row) => target.append(el("div", { class: "result" },
      el("h3", {}, `${row.rank}. ${row.department}${row.office ? "（" + row.office + "）" : ""}${row.assisting ? "【配合】" : ""}`, " ",
         el("span", { class: (row.tie && ties > 1) || row.weak ? "tie" : "muted" },
            `相关度 ${row.score}${row.tie && ties > 1 ? "（与其他候选难以区分，请人工判断）" : row.weak ? "（依据不足，请人工判断）" : ""}`)),
      // A matter whose lead the documents leave unsettled: said with what each source names, not settled by scores.
      row.lead_dispute ? el("p", { class: "tie lead-dispute" },
        `${REASONS[row.lead_dispute.reason]}：${row.lead_dispute.matter}，请人工判断。\n`
        + claimsText(row.lead_dispute.claims, row.lead_dispute.matter)
        + (row.lead_dispute.newer_note ? `\n${row.lead_dispute.newer_note}` : "")) : "",
      // Work a 赋权清单 gave the townships: who exercises it (the named township, or the one where it happened), or
      // why the county department still does; under the row, as the CLI prints it.
      // Marked as a tie is where the township is not named: a person must find where it happened.
      // A 市级专有 or 县级专有 matter of the city's split list: the level's department first, the list's row cited.
      row.power_split ? el("p", { class: "devolved" }, `市县事权划分说明：${row.power_split}`) : "",
      // The first two departments' duties in one overlaps cluster (编号 in the note): which of them leads, no
      // document may settle; the order stands on the scores, so it is said, not marked as a tie.
      row.overlap_note ? el("p", { class: "devolved overlap-note" }, `职责交叉说明：${row.overlap_note}`) : "",
      row.devolved ? el("p", { class: row.township_unnamed ? "devolved tie" : "devolved" }, `乡镇赋权说明：${row.devolved}`) : "",
      // Whose sector's safety the complaint falls in, and a department the graph holds no 三定 of (what it is sent
      // rests on a list's or a clause's word): under the row, as the CLI prints them.
      row.sector_safety ? el("p", { class: "sector-safety" }, sectorText(row)) : "",
      row.no_sanding ? el("p", { class: "tie no-sanding" }, "图中无其三定：仅见于清单或条款，请人工核对其职责") : "",
      // Asked of a province, a complaint naming no place: which city's it is, the place where it happened decides.
      row.place_unnamed ? el("p", { class: "tie place-unnamed" }, "需确定事发地（市、县）：诉求未写明事发地，可能承办的各地同类部门一并排序") : "",
      el("ul", {}, row.evidence.map((e) => el("li", {}, evidenceText(e, row)))))));
  });
}

// An evidence line as the CLI prints it: its kind, the 区划, the text and where it is written.
function evidenceText(evidence, row) {
  const kind = EVIDENCE_KINDS[evidence.kind] || evidence.kind;
  const office = evidence.office ? `·${evidence.office}` : "";
  return `【${kind}｜${row.region}${office}】${evidence.text}${evidence.source ? "（出处：" + sourceText(evidence.source) + "）" : ""}`;
}

// -- dispatch ---------------------------------------------------------------------------------------------
// 批量分派 (user test: a dispatcher had `dutygraph dispatch` and POST /api/dispatch for a day's tickets, while the
// page routed one complaint at a time). The file goes to POST /api/dispatch/file as it is; its rows come back with
// the file's own columns, shown and downloaded as the CLI writes them.
const DISPATCH_ANSWER = new Set(["line", "text_in", "region", "department", "office", "score", "tie", "weak",
                                 "holds_no_duties", "no_match", "township_unnamed", "place_unnamed", "runner_up",
                                 "runner_up_score",
                                 "matched", "evidence", "source", "note", "power_split", "devolved", "sector_safety", "sector_rule",
                                 "sector_rule_source", "sector_rule_kind", "no_sanding", "overlap_cluster",
                                 "overlap_note", "need_person_zh"]);
const dispatched = { answer: null, form: null };

function dispatchForm(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const region = document.getElementById("dispatch-region").value;
  const column = document.getElementById("dispatch-column").value.trim();
  if (region) form.append("region", region);
  if (column) form.append("column", column);
  return form;
}

// The routed rows as JSON, or (`format`) the server's file as a response to save.
async function postDispatch(form, format = "") {
  const response = await reach(url("/api/dispatch/file", { format }), { method: "POST", body: form });
  if (format && response.ok) return response;
  return answerOf(response);
}

async function dispatchFile(event) {
  event.preventDefault();
  state.ready.dispatched = false;
  const file = document.getElementById("dispatch-file").files[0];
  const message = document.getElementById("dispatch-message");
  const button = document.getElementById("dispatch-submit");
  message.hidden = true;
  dispatched.answer = null;
  ["dispatch-summary", "dispatch-downloads", "dispatch-table"].forEach((id) => { document.getElementById(id).innerHTML = ""; });
  if (!file) {
    message.textContent = "请先选择工单文件";
    message.hidden = false;
  } else {
    const form = dispatchForm(file);
    button.disabled = true;
    document.getElementById("dispatch-summary").append(el("p", { class: "muted" }, `正在分派 ${file.name}……`));
    try {
      dispatched.answer = await postDispatch(form);
      dispatched.form = form;
      showDispatched();
    } catch (error) {
      document.getElementById("dispatch-summary").innerHTML = "";
      message.textContent = `分派失败：${error.message}`;
      message.hidden = false;
    } finally {
      button.disabled = false;
    }
  }
  answered(message, document.getElementById("dispatch-summary"));
  state.ready.dispatched = true;
}

function showDispatched() {
  const answer = dispatched.answer;
  if (!answer) return;
  // Why a person must settle a row comes with it, in the API's words (need_person_zh), as the CLI says it.
  const rows = answer.rows.map((row) => ({ ...row, source_text: row.source ? sourceText(row.source) : "",
                                           sector_text: sectorText(row), no_sanding_text: row.no_sanding ? "是" : "" }));
  const unsure = document.getElementById("dispatch-unsure").checked;
  const shown = unsure ? rows.filter((row) => row.need_person_zh) : rows;
  const summary = document.getElementById("dispatch-summary");
  summary.innerHTML = "";
  const within = answer.routed_within ? `未写区划的诉求按 ${answer.routed_within} 分派。` : "";
  summary.append(el("p", { id: "dispatch-counts" },
                    `${answer.file}：共 ${rows.length} 条诉求，${rows.length - answer.need_person} 条已分派，`
                    + `${answer.need_person} 条需人工确定。${within}`));
  if (answer.warnings.length) {
    summary.append(el("ul", { class: "warnings" }, answer.warnings.map((w) => el("li", {}, w.split("; ").slice(-1)[0]))));
  }
  const box = document.getElementById("dispatch-downloads");
  box.innerHTML = "";
  [["xlsx", "下载 Excel"], ["csv", "下载 CSV"]].forEach(([format, label]) => box.append(
    el("button", { type: "button", class: "button", "aria-label": `${label}：${answer.file}的分派结果`,
                   onclick: () => downloadDispatched(format) }, label)));
  const own = answer.columns.filter((key) => !DISPATCH_ANSWER.has(key)).map((key) => [key, key]);
  table("dispatch-table", shown, [["line", "行号"], ...own, ["text_in", "诉求"], ["region", "分派区划"], ["department", "部门"],
                                  ["office", "内设机构"], ["score", "相关度"], ["need_person_zh", "需人工确定"], ["runner_up", "次选部门"],
                                  ["overlap_note", "职责交叉说明"],
                                  ["matched", "命中词（≈为词表读法）"], ["evidence", "依据"], ["source_text", "出处"],
                                  ["power_split", "市县事权划分说明"], ["devolved", "乡镇赋权说明"], ["sector_text", "行业主管（管行业必须管安全）"],
                                  ["no_sanding_text", "图中无其三定"]],
        { rowClass: (row) => (row.need_person_zh ? "unsure" : "") });
}

// The same file routed again as Excel or CSV (the server's file: Chinese titles, sources by their documents' titles).
async function downloadDispatched(format) {
  const message = document.getElementById("dispatch-message");
  message.hidden = true;
  try {
    await saveFile(await postDispatch(dispatched.form, format), `dispatch.${format}`);
  } catch (error) {
    message.textContent = `下载失败：${error.message}`;
    message.hidden = false;
  }
}

// -- upload -----------------------------------------------------------------------------------------------
// 上传文件 (user test 5: loading a file took curl and an API key): the files go to POST /api/documents as they are.
// The key is kept for this tab only (sessionStorage, gone when it closes) and sent as a header, never in the URL.
const KEY_STORE = "dutygraph-api-key";
const COUNT_LABELS = { regions: "区划", departments: "部门", offices: "内设机构", duties: "职责", matters: "共同事项",
                       power_items: "权责事项", supervision_items: "监管事项", staff_posts: "编制", documents: "文件" };

function uploadPage() {
  const key = document.getElementById("upload-key");
  if (!key.value) key.value = sessionStorage.getItem(KEY_STORE) || "";
  loadedDocuments();
}

// A refused key said in the page's words, for `verb` (上传, 移除); "" for another refusal. The API's own words (an
// Authorization header, DUTYGRAPH_API_KEYS) are for programmers and the server's operator, not for the page's user.
function keyRefused(response, body, key, verb) {
  if (response.status === 401) {
    return key ? "API 密钥不正确：请核对管理员提供的密钥后重新填写"
      : `${verb}需要 API 密钥：请在“API 密钥”一栏填写管理员提供的密钥`;
  }
  if (response.status === 403 && String(body?.type).endsWith("/no-keys")) {
    return `本服务尚未开放${verb}（服务器未设置 API 密钥）：请联系管理员`;
  }
  return "";
}

// The key as the administrator gave it: one pasted with its scheme (`Bearer …`, as the API's docs write the header)
// was sent as `Bearer Bearer …` and refused as wrong (user test); the page adds the scheme itself.
function bareKey(typed) {
  return typed.trim().replace(/^bearer\s+/i, "").trim();
}

function countsText(counts) {
  const parts = Object.entries(counts || {}).filter(([, n]) => n).map(([key, n]) => `${COUNT_LABELS[key] || key} ${n}`);
  return parts.join("，") || "无";
}

async function upload(event) {
  event.preventDefault();
  state.ready.uploaded = false;
  const files = [...document.getElementById("upload-files").files];
  const key = bareKey(document.getElementById("upload-key").value);
  const region = document.getElementById("upload-region").value.trim();
  const message = document.getElementById("upload-message");
  const results = document.getElementById("upload-results");
  const button = document.getElementById("upload-submit");
  message.hidden = true;
  results.innerHTML = "";
  const say = (words) => { message.textContent = words; message.hidden = false; };
  if (!files.length) {
    say("请先选择要上传的文件");
  } else {
    if (key) sessionStorage.setItem(KEY_STORE, key); else sessionStorage.removeItem(KEY_STORE);
    const form = new FormData();
    files.forEach((file) => form.append("files", file, file.name));
    if (region) form.append("region", region);
    // A region the graph does not hold is refused unless it is to be created: a typo made a new city (user test).
    if (region && document.getElementById("upload-new-region").checked) form.append("new_region", "true");
    button.disabled = true;
    results.append(el("p", { class: "muted" }, `正在上传并载入 ${files.length} 个文件……`));
    try {
      const response = await reach(url("/api/documents"), { method: "POST", body: form,
                                                            headers: key ? { Authorization: `Bearer ${key}` } : {} });
      const body = await response.json().catch(() => null);
      results.innerHTML = "";
      const refused = keyRefused(response, body, key, "上传");
      if (refused) {
        say(refused);
      } else if (response.status === 422 && Array.isArray(body?.failed)) {
        showUploaded(body);  // no file loaded: each file's reason, as beside loaded ones
      } else if (!response.ok) {
        say(`上传失败：${refusal(response, body)}`);
      } else {
        showUploaded(body);
        // The new regions and departments, in every picker; a picker not refreshed is no failed upload.
        await loadChoices().catch((error) => say(`文件已载入，但选项未能刷新（${error.message}），请重新打开页面`));
        loadedDocuments();
      }
    } catch (error) {
      results.innerHTML = "";
      say(`上传失败：${error.message}`);
    } finally {
      button.disabled = false;
    }
  }
  answered(message, results);
  state.ready.uploaded = true;
}

// Per file what was loaded (its counts and the notes to check) or why it was not (in Chinese, every bad row of a
// list a line), then what the upload added to the graph.
function showUploaded(answer) {
  const rows = [
    // A file loaded before is said to be (it read as newly loaded, user test); its warnings in Chinese only (each
    // warning is `English; 中文`, and the English reached the page).
    // A corrected list replaces the version loaded before (taken out of the graph): said, since the old one's rows
    // are gone from every answer (data steward user test).
    ...answer.added.map((a) => ({ file: a.file, result: a.already_in_graph ? "已在图中（未新增）" : "已载入",
                                  detail: [`内容：${countsText(a.counts)}`, ...(a.replaced || []).map((r) => `替换旧版本：${r}`),
                                           ...a.warnings_zh.map((w) => `提示：${w}`)].join("\n") })),
    ...answer.failed.map((f) => ({ file: f.file, result: "未载入", detail: f.error_zh || f.error })),
  ];
  const box = document.getElementById("upload-results");
  box.innerHTML = "";
  const tableBox = el("div", { id: "upload-table" });
  box.append(el("p", {}, `已载入 ${answer.added.length} 个文件，未载入 ${answer.failed.length} 个；图中新增：${countsText(answer.new_in_graph)}`),
             tableBox);
  table(tableBox, rows, [["file", "文件"], ["result", "结果"], ["detail", "内容或原因"]],
        { rowClass: (row) => (row.result === "未载入" ? "failed" : "") });
  // The district lists an uploaded 撤县设区 pairs with the county's, loaded again, and those that could not be, as
  // `dutygraph ingest` says them: the page said nothing of the lists the upload changed beside the files sent.
  const relisted = [
    ...(answer.relisted || []).map((r) => `按撤县设区重新载入的区清单（县的清单作为其历史版本保存）：${r}`),
    ...(answer.not_relisted || []).map((r) => `未能重新载入的区清单（原文件已不存在、已改动或未能载入，县、区两份清单仍并存，请重新载入区的清单）：${r}`),
  ];
  if (relisted.length) box.append(el("ul", { id: "upload-relisted" }, relisted.map((r) => el("li", {}, r))));
}

// -- the loaded documents, each with 移除 ----------------------------------------------------------------------
// A file uploaded by mistake could only be added to (user test): the view lists what GET /api/documents holds, in
// its order (the latest 印发日期 first), filtered by the box, each with a button that takes it out again through
// DELETE /api/documents/{uid}, as `dutygraph remove` does.
function kindText(kind) {
  return DOCUMENT_KINDS[kind] || NOTICE_KINDS[kind] || kind || "";
}

// The table's rows, built once per reading of the documents (loadChoices) with the words the filter box searches: a
// keystroke only filters them, and the table draws its page, rather than a button for every document each time.
let documentTable = { read: null, rows: [] };

function documentTableRows() {
  if (documentTable.read !== state.documentRows) {
    documentTable = { read: state.documentRows, rows: state.documentRows.map((doc) => ({
      searched: [doc.title, kindText(doc.kind), doc.region, doc.path, doc.uid].map((value) => String(value || "")),
      row: { title: doc.title || "（无标题）", kind: kindText(doc.kind), region: doc.region, path: doc.path,
             // The uid is long and alike from row to row: its first digits tell rows apart, the whole one its title.
             uid: el("span", { class: "code", title: doc.uid }, `${doc.uid.slice(0, 12)}…`),
             // A document is named as answers cite it (《title》, else its kind and file).
             remove: el("button", { type: "button", "aria-label": `移除${sourceText(doc.uid)}`,
                                    onclick: () => removeDocument(doc) }, "移除") } })) };
  }
  return documentTable.rows;
}

function loadedDocuments() {
  const words = document.getElementById("upload-docs-filter").value.trim();
  const all = documentTableRows();
  const shown = all.filter(({ searched }) => !words || searched.some((value) => value.includes(words))).map(({ row }) => row);
  document.getElementById("upload-docs-count").textContent = words
    ? `图中共 ${all.length} 个文件，筛选出 ${shown.length} 个` : `图中共 ${all.length} 个文件`;
  table("upload-docs", shown, [["title", "标题", "wide"], ["kind", "类别"], ["region", "区划", "region"], ["path", "文件"],
                               ["uid", "uid"], ["remove", "操作"]]);
}

async function removeDocument(doc) {
  const message = document.getElementById("remove-message");
  const results = document.getElementById("remove-results");
  const say = (words) => { message.textContent = words; message.hidden = false; };
  if (!window.confirm(`确定从图中移除${sourceText(doc.uid)}（${doc.region || "未标区划"}，${doc.path || doc.uid}）吗？`
                      + "只由该文件载入的部门、职责和事项将一并删去。")) return;
  state.ready.removed = false;
  message.hidden = true;
  results.innerHTML = "";
  const key = bareKey(document.getElementById("upload-key").value);
  if (key) sessionStorage.setItem(KEY_STORE, key); else sessionStorage.removeItem(KEY_STORE);
  try {
    const response = await reach(url(`/api/documents/${encodeURIComponent(doc.uid)}`),
                                 { method: "DELETE", headers: key ? { Authorization: `Bearer ${key}` } : {} });
    const body = await response.json().catch(() => null);
    const refused = keyRefused(response, body, key, "移除");
    if (refused) {
      say(refused);
    } else if (response.status === 404) {
      say(`${sourceText(doc.uid)}已不在图中（可能已被他人移除），已刷新文件列表`);
    } else if (!response.ok) {
      // 409 (an older 三定 of a department loaded by an earlier dutygraph) and 422 say why in the API's Chinese.
      say(`移除失败：${refusal(response, body)}`);
    }
    if (response.ok) showRemoved(body);
    if (response.ok || response.status === 404) {
      // The pickers and the documents sources are cited by lose what was removed, and the table its row.
      await loadChoices().catch((error) => say(`文件已移除，但页面数据未能刷新（${error.message}），请重新打开页面`));
      loadedDocuments();
    }
  } catch (error) {
    say(`移除失败：${error.message}`);
  }
  answered(message, results);
  state.ready.removed = true;
}

// The removal's answer as `dutygraph remove` prints it, in Chinese and in its order: what was taken out, the lists and
// notices loaded again in its place or left, and the graph's counts after.
function showRemoved(answer) {
  const label = (doc) => `${doc.title ? `《${doc.title}》 ` : ""}${doc.path} (${doc.region}, ${doc.uid}${doc.history ? "，历史版本" : ""})`;
  // Why one did not load again, in the API's Chinese sentence, which names the document and its file (and line):
  // not after its label too, which named it twice. The English `failure` (an exception's, perhaps) after the label.
  const said = (doc) => doc.failure_zh || (doc.failure ? `${label(doc)}：${doc.failure}` : label(doc));
  const lines = [
    ...answer.removed.map((doc) => `已移除：${label(doc)}`),
    ...(answer.restored || []).map((doc) => `历史版本恢复为现行清单：${label(doc)}`),
    ...(answer.stranded || []).map((doc) => `历史版本的文件已不存在、已改动或未能载入，未能恢复为现行清单，请重新载入：${said(doc)}`),
    ...answer.reread.map((doc) => `调整通知已按原机构重新载入：${label(doc)}`),
    ...answer.not_reread.map((doc) => `调整通知的文件已不存在、已改动或未能载入，未能重新载入，请重新载入：${said(doc)}`),
    ...(answer.parties_reread || []).map((doc) => `清单已重新载入，其所称部门不再按已移除的三定解读：${label(doc)}`),
    ...(answer.parties_not_reread || []).map((doc) => `清单的文件已不存在、已改动或未能载入，未能重新载入，其所称部门仍按已移除的三定解读，请重新载入：${said(doc)}`),
    ...answer.unpaired.map((doc) => `撤县设区已移除，县、区两份清单已重新载入，各为现行清单：${label(doc)}`),
    ...answer.not_unpaired.map((doc) => `撤县设区已移除，但清单的文件已不存在或已改动，县、区两份清单仍配对，请重新载入：${said(doc)}`),
    `图中：${Object.entries(answer.in_graph).map(([key, n]) => `${COUNT_LABELS[key] || key} ${n}`).join("，")}`,
  ];
  document.getElementById("remove-results").append(
    el("p", {}, `已移除 ${answer.removed.length} 个文件`),
    el("ul", { id: "remove-lines" }, lines.map((line) => el("li", {}, line))));
}

// A file the server answered a POST with, saved under the name its Content-Disposition gives (filename*), else
// `fallback`: a link to a POST cannot be followed, so the page fetches the file and saves its blob.
async function saveFile(response, fallback) {
  const disposition = response.headers.get("content-disposition") || "";
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const link = el("a", { href: URL.createObjectURL(await response.blob()),
                         download: named ? decodeURIComponent(named[1]) : fallback });
  document.body.append(link);
  link.click();
  link.remove();
}

// -- draft check ----------------------------------------------------------------------------------------------
// 三定草案核对 (POST /api/drafts/check/readable): the draft goes up as it is and comes back as tables laid out as the
// Excel file lays them out (the server's titles and cells), a table each, and the Excel file itself on request.
const drafted = { form: null };

// A file sent up with its form's other fields for a check (#<prefix>-file, -submit, -summary, -downloads, -tables),
// the answer shown by `show`, a refusal said in #<prefix>-message; `holder.form` keeps what was sent, for the Excel
// file of the same answer.
async function submitChecked(prefix, { path, fields, missing, verb, holder, ready, show }) {
  state.ready[ready] = false;
  const file = document.getElementById(`${prefix}-file`).files[0];
  const message = document.getElementById(`${prefix}-message`);
  const button = document.getElementById(`${prefix}-submit`);
  const summary = document.getElementById(`${prefix}-summary`);
  message.hidden = true;
  ["summary", "downloads", "tables"].forEach((part) => { document.getElementById(`${prefix}-${part}`).innerHTML = ""; });
  if (!file) {
    message.textContent = missing;
    message.hidden = false;
  } else {
    const form = new FormData();
    form.append("file", file, file.name);
    fields.forEach(([field, id]) => {
      const value = document.getElementById(id).value.trim();
      if (value) form.append(field, value);
    });
    button.disabled = true;
    summary.append(el("p", { class: "muted" }, `正在${verb} ${file.name}……`));
    try {
      const answer = await answerOf(await reach(url(path), { method: "POST", body: form }));
      holder.form = form;
      show(answer);
    } catch (error) {
      summary.innerHTML = "";
      message.textContent = `${verb}失败：${error.message}`;
      message.hidden = false;
    } finally {
      button.disabled = false;
    }
  }
  answered(message, summary);
  state.ready[ready] = true;
}

async function checkDraft(event) {
  event.preventDefault();
  await submitChecked("draft", { path: "/api/drafts/check/readable", fields: [["department", "draft-department"]],
                                 missing: "请先选择三定草案文件", verb: "核对", holder: drafted, ready: "drafted",
                                 show: showDraft });
}

function showDraft(answer) {
  const summary = document.getElementById("draft-summary");
  summary.innerHTML = "";
  const against = answer.in_force
    ? `对照现行三定（${answer.in_force.issued}）` : "图中没有该部门的现行三定，草案各部分均列为新增";
  summary.append(el("p", { id: "draft-counts" }, `${answer.draft.file}：按 ${answer.draft.department} 的三定核对，${against}。`
    + answer.tables.map((t) => `${t.title} ${t.rows.length} 条`).join("，")));
  if (answer.notes.length) summary.append(el("ul", { class: "warnings" }, answer.notes.map((n) => el("li", {}, n.split("; ").slice(-1)[0]))));
  const box = document.getElementById("draft-downloads");
  box.append(el("button", { type: "button", class: "button", "aria-label": `下载 Excel：${answer.draft.file}的核对结果`,
                           onclick: downloadDraft }, "下载 Excel"));
  readableTables("draft", answer.tables);
}

// The tables of a checked file as the server lays them out (its titles and cells), each under its title and count,
// into #<prefix>-tables, each table in #<prefix>-table-<name>.
function readableTables(prefix, readable) {
  const tables = document.getElementById(`${prefix}-tables`);
  tables.innerHTML = "";
  readable.forEach((t) => {
    tables.append(el("h3", {}, `${t.title}（${t.rows.length}）`));
    const holder = el("div", { id: `${prefix}-table-${t.name}` });
    tables.append(holder);
    if (t.rows.length) {
      table(holder, t.rows.map((cells) => Object.fromEntries(cells.map((cell, i) => [i, cell]))), t.columns.map((title, i) => [i, title]));
    } else {
      holder.append(el("p", { class: "muted" }, "（无）"));
    }
  });
}

// The same draft checked again as the server's Excel file (a sheet per table).
const downloadDraft = () => downloadChecked("draft", "/api/drafts/check", drafted.form, "三定草案核对.xlsx");

// A checked file sent again for the server's Excel file of the answer, a refusal said in #<prefix>-message.
async function downloadChecked(prefix, path, form, name) {
  const message = document.getElementById(`${prefix}-message`);
  message.hidden = true;
  try {
    const response = await reach(url(path, { format: "xlsx" }), { method: "POST", body: form });
    if (!response.ok) await answerOf(response);  // throws the refusal, in Chinese
    await saveFile(response, name);
  } catch (error) {
    message.textContent = `下载失败：${error.message}`;
    message.hidden = false;
  }
}

// -- yearly work plan check ----------------------------------------------------------------------------------------
// 年度工作目标审核 (POST /api/plans/check/readable): the plan goes up as it is and comes back as the summary and its
// tables laid out as the Excel file lays them out (the server's titles and cells), and the Excel file on request.
const planned = { form: null };

async function checkPlan(event) {
  event.preventDefault();
  await submitChecked("plan", { path: "/api/plans/check/readable",
                                fields: [["department", "plan-department"], ["year", "plan-year"]],
                                missing: "请先选择年度工作目标文件", verb: "审核", holder: planned, ready: "planned",
                                show: showPlan });
}

function showPlan(answer) {
  const plan = answer.plan;
  const against = plan.in_force_on ? `${plan.in_force_on} 施行的职责` : "现行职责";
  const summary = document.getElementById("plan-summary");
  summary.innerHTML = "";
  summary.append(el("p", { id: "plan-counts" }, `${plan.file}：${plan.department}${plan.year ? ` ${plan.year} 年度` : ""}`
    + `工作目标 ${plan.goals} 项，对照${against}审核。`));
  if (answer.notes.length) summary.append(el("ul", { class: "warnings" }, answer.notes.map((n) => el("li", {}, n.split("; ").slice(-1)[0]))));
  document.getElementById("plan-downloads").append(el("button", {
    type: "button", class: "button", "aria-label": `下载 Excel：${plan.file}的审核结果`, onclick: downloadPlan }, "下载 Excel"));
  readableTables("plan", answer.tables);
}

// The same plan checked again as the server's Excel file (a sheet per table).
const downloadPlan = () => downloadChecked("plan", "/api/plans/check", planned.form, "年度工作目标审核.xlsx");

// -- duties in force on a date ----------------------------------------------------------------------------------
// 某日职责 (GET /api/queries/duties_in_force/readable): the 三定 in force on the date and the 调整 notices since it, then
// the duties laid out as the Excel file lays them out (the server's titles and cells: 当日状态 已划出 and the notice's
// clause are its words, not the page's), and the CSV and Excel files of the same question.
const IN_FORCE = "/api/queries/duties_in_force";

async function inForcePage(current) {
  const department = document.getElementById("inforce-department").value.trim();
  const date = document.getElementById("inforce-date").value.trim();
  const message = document.getElementById("inforce-message");
  const empty = document.getElementById("inforce-empty");
  message.hidden = true;
  empty.hidden = true;
  sayReading("inforce-reading", "");
  ["inforce-documents", "inforce-downloads", "inforce-table"].forEach((id) => { document.getElementById(id).innerHTML = ""; });
  const missing = !department ? "请填写部门" : !date ? "请填写日期，如 2021-06-30 或 2021年6月30日" : "";
  const answer = await askedAnswer("inforce", `${IN_FORCE}/readable`, { department, date }, missing,
                                   inForceAsked, current);
  if (answer) showInForce(answer, { department, date });
}

// A view's question asked of the API once its form is filled (`missing`: what it lacks, '' when nothing): a bare link
// waits for the question, a form sent half filled says what is missing; the address keeps the question, the
// reading of its department is said, a refusal in #<prefix>-message. The answer, or null (none, or no longer current).
async function askedAnswer(prefix, path, params, missing, asked, current) {
  const message = document.getElementById(`${prefix}-message`);
  if (missing) {
    if (asked.submitted) {
      message.textContent = missing;
      message.hidden = false;
    }
    return null;
  }
  saveState(prefix);
  let answer, said;
  try {
    [answer, said] = await apiRead(path, params);
  } catch (error) {
    if (!current()) return null;
    message.textContent = `查询失败：${error.message}`;
    message.hidden = false;
    return null;
  }
  if (!current()) return null;
  sayReading(`${prefix}-reading`, said);
  return answer;
}

const inForceAsked = { submitted: false };

function showInForce(answer, params) {
  const box = document.getElementById("inforce-documents");
  box.append(el("p", { id: "inforce-counts" }, answer.documents.length
    ? `${answer.department} ${answer.date} 时施行的文件（职责 ${answer.table.rows.length} 条）：` : `${answer.department} ${answer.date}`));
  if (answer.documents.length) {
    box.append(el("ul", { id: "inforce-document-list" }, answer.documents.map((d) => el("li", {},
      `${d.kind} ${d.title}${d.doc_number ? `（${d.doc_number}）` : ""}，${d.in_force_from} 起施行`))));
  }
  if (answer.warning_zh) box.append(el("ul", { class: "warnings" }, el("li", { id: "inforce-warning" }, answer.warning_zh)));
  // Rows with no 三定 in force are a notice's work alone: said beside them, not only when there are none.
  if (answer.note_zh && answer.table.rows.length) {
    box.append(el("ul", { class: "warnings" }, el("li", { id: "inforce-note" }, answer.note_zh)));
  }
  if (!answer.table.rows.length) {
    const empty = document.getElementById("inforce-empty");
    empty.textContent = answer.note_zh;
    empty.hidden = false;
    return;
  }
  const downloadsBox = document.getElementById("inforce-downloads");
  ["csv", "xlsx"].forEach((format) => downloadsBox.append(el("a", {
    class: "button", href: "#", onclick: (event) => { event.preventDefault(); downloadInForce(params, format); } },
  format === "csv" ? "下载 CSV" : "下载 Excel")));
  const rows = answer.table.rows.map((cells, n) => ({ ...Object.fromEntries(cells.map((cell, i) => [i, cell])),
                                                     status: answer.statuses[n] }));
  table("inforce-table", rows, answer.table.columns.map((title, i) => [i, title]),
        { rowClass: (row) => (row.status === "current" ? "" : "retired") });
}

const downloadInForce = (params, format) => downloadAsked("inforce", IN_FORCE, params, format, "某日施行的职责");

// The same question as the server's file, saved under the name it gives; a refusal is said in #<prefix>-message,
// not saved.
async function downloadAsked(prefix, path, params, format, name) {
  const message = document.getElementById(`${prefix}-message`);
  message.hidden = true;
  try {
    const response = await reach(url(path, { ...params, format }));
    if (!response.ok) await answerOf(response);  // throws the refusal, in Chinese
    await saveFile(response, `${name}.${format}`);
  } catch (error) {
    message.textContent = `下载失败：${error.message}`;
    message.hidden = false;
  }
}

// -- a department over a leader's tenure ------------------------------------------------------------------------
// 任期审计 (GET /api/tenure/readable): for a 经济责任审计, the five tables as the Excel file lays them out (the
// server's titles and cells), and the Excel and Word files of the same question.
const TENURE = "/api/tenure";
const tenureAsked = { submitted: false };

async function tenurePage(current) {
  const [department, from, to] = ["tenure-department", "tenure-from", "tenure-to"]
    .map((id) => document.getElementById(id).value.trim());
  const message = document.getElementById("tenure-message");
  message.hidden = true;
  sayReading("tenure-reading", "");
  ["tenure-summary", "tenure-downloads", "tenure-tables"].forEach((id) => { document.getElementById(id).innerHTML = ""; });
  const missing = !department ? "请填写部门"
    : !from || !to ? "请填写任职日期和离任日期，如 2021-03-01 或 2021年3月1日" : "";
  const answer = await askedAnswer("tenure", `${TENURE}/readable`, { department, from, to }, missing, tenureAsked,
                                   current);
  if (!answer) return;
  const summary = document.getElementById("tenure-summary");
  summary.append(el("p", { id: "tenure-counts" }, `${answer.department} ${answer.from} 至 ${answer.to}`));
  if (answer.note_zh) summary.append(el("ul", { class: "warnings" }, el("li", { id: "tenure-note" }, answer.note_zh)));
  const params = { department, from, to };
  const downloads = document.getElementById("tenure-downloads");
  [["xlsx", "下载 Excel"], ["docx", "下载 Word"]].forEach(([format, label]) => downloads.append(el("a", {
    class: "button", href: "#", onclick: (event) => { event.preventDefault(); downloadAsked("tenure", TENURE, params, format, "任期职责情况"); } },
  label)));
  readableTables("tenure", answer.tables);
}

// -- routing ------------------------------------------------------------------------------------------------
// Each view's drawing, given `current` (run).
const PAGES = {
  overview, overlaps: overlapsPage, split: splitPage, department: departmentPage,
  // A link with search text (#search?text=…) answers it; the bare view waits for a question.
  search: (current) => (document.getElementById("search-text").value.trim() ? search(current) : undefined),
  ...Object.fromEntries(Object.keys(FINDING_VIEWS).map((name) => [name, (current) => findingPage(current, name, 0)])),
  townships: townshipsPage,
  listchanges: listChangesPage,
  upload: uploadPage,
  dispatch: () => undefined,  // waits for a file
  draft: () => undefined,  // waits for a file
  plan: () => undefined,  // waits for a file
  inforce: inForcePage,  // waits for a department and a date, unless a link gives them
  tenure: tenurePage,  // waits for a department and two dates, unless a link gives them
};

const draw = (name) => run(name, PAGES[name]);

// `moved`: the reader went to another view (a link, the back button), so focus goes to its title, where a screen
// reader starts reading it; it stayed on the link before, and the change went unsaid. The first view drawn leaves
// focus where the browser puts it.
async function show(moved = false) {
  let { name, params } = currentRoute();
  const message = document.getElementById("route-message");
  message.hidden = true;
  // A mistyped or stale link showed only the header: it now says so and shows the overview.
  if (!PAGES[name]) {
    message.textContent = `没有“${name}”这个页面，已显示概览。`;
    message.hidden = false;
    name = "overview";
    params = new URLSearchParams();
  }
  restoreState(name, params);
  document.querySelectorAll(".page").forEach((page) => page.classList.toggle("active", page.id === `page-${name}`));
  document.querySelectorAll("nav a").forEach((a) => {
    a.classList.toggle("active", a.dataset.page === name);
    if (a.dataset.page === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  const page = document.getElementById(`page-${name}`);
  if (moved) focusOn(page.querySelector(":scope > h2") || page);
  await draw(name);
  Object.values(state.charts).forEach((c) => c.resize());
  staleChoices(name, params, message);
}

// A link's value a picker does not offer (a mistyped or removed city) is said, with what is shown instead (user
// test: `#split?city=实例市` showed 示例市 without a word).
function staleChoices(name, params, message) {
  const stale = Object.entries(URL_STATE[name] || {}).map(([key, id]) => [params.get(key), document.getElementById(id)])
    .filter(([wanted, box]) => wanted && box.tagName === "SELECT" && box.value !== wanted
      && !(linkReadings.get(box.id)?.from === wanted && (linkReadings.get(box.id).to === box.value || linkReadings.get(box.id).said)));
  if (!stale.length) return;
  message.textContent = stale.map(([wanted, box]) => staleText(wanted, box)).join("；") + "。";
  message.hidden = false;
}

// What a link asked for that the graph does not hold, named with what the box is (its label: 区划, 乡镇（街道）) and
// where it was looked for, or the options it could mean; then what is shown instead.
function staleText(wanted, box) {
  const what = headingText(box.closest("label")) || "选项";
  const shown = `已显示“${box.selectedOptions[0]?.text || "（无）"}”`;
  const several = linkReadings.get(box.id)?.from === wanted ? linkReadings.get(box.id).several : [];
  if (several.length) return `链接中的${what}“${wanted}”可指 ${several.join("、")}，请在“${what}”中选择；${shown}`;
  const within = box.id === "townships-township" && document.getElementById("townships-region").value;
  return `${within ? within.split("/").pop() : "图中"}没有${what}“${wanted}”，${shown}`;
}

// The regions, departments and documents the pickers offer: read at start and again after an upload, so that a
// region or department just loaded appears in every picker without a reload.
async function loadChoices() {
  const [regions, documents] = await Promise.all([apiAll("/api/regions"),
    apiAll("/api/documents")]);
  // Rebuilt, so that a document removed is gone from it (its uid no longer cited as a document's).
  const held = {};
  documents.items.forEach((doc) => {
    const sheets = Object.fromEntries(doc.sheets.map((sheet, index) => [sheet, doc.sheet_titles[index]]));
    // A list's row numbers: null until an answer first cites the document (numbersOfSources); a document loaded
    // again (an upload) keeps those it has, since its rows are the same content's.
    const numbers = state.documents[doc.uid]?.numbers ?? null;
    held[doc.uid] = { title: doc.title, file: String(doc.path || doc.uid).split("/").pop(), sheets,
                      kind: DOCUMENT_KINDS[doc.kind] || NOTICE_KINDS[doc.kind] || "", numbers };
  });
  state.documents = held;
  [...numbersAsked.keys()].filter((uid) => !held[uid]).forEach((uid) => numbersAsked.delete(uid));
  state.documentRows = documents.items;
  state.regions = regions.items;
  state.cities = regions.items.filter((r) => r.level === "city").map((r) => r.path);
  // A county a 撤县设区 renamed is offered marked (示例市/青山县 已撤销（现为青山区）): its old documents are still its.
  const regionOptions = regions.items.filter((r) => r.level !== "township")
    .map((r) => [r.path, r.status ? `${r.path} ${r.status}` : r.path]);
  keepChoice(() => {
    fillSelect("overview-region", regionOptions, { blank: "全部" });
    fillSelect("overlap-region", regionOptions, { blank: "全部" });
    fillSelect("search-region", regionOptions, { blank: "全部" });
    fillSelect("dispatch-region", regionOptions, { blank: state.cities.length === 1 ? `默认（${state.cities[0]}）` : "全部" });
    fillSelect("ambiguities-region", regionOptions, { blank: "全部" });
    fillSelect("staffing-region", regionOptions, { blank: "全部" });
    fillSelect("orphans-region", regionOptions, { blank: "全部" });
    fillSelect("transfers-region", regionOptions, { blank: "全部" });
    fillSelect("powerreview-region", regionOptions, { blank: "全部" });
    fillSelect("undecomposed-region", regionOptions, { blank: "全部" });
    fillSelect("townships-region", regionOptions, { blank: "全部" });
    fillSelect("listchanges-region", regionOptions, { blank: "全部" });
    fillSelect("split-city", state.cities.map((c) => [c, c]));
  });
  const regionList = document.getElementById("upload-regions");
  regionList.innerHTML = "";
  regionOptions.forEach(([value]) => regionList.append(el("option", { value })));
  const departments = await apiAll("/api/departments");
  state.departments = departments.items.map((d) => d.department);
  state.departmentRegions = Object.fromEntries(departments.items.map((d) => [d.department, d.region]));
  // Every department offered again: a 查找 box's text no longer says what its list holds.
  keepChoice(() => Object.values(PICKERS).forEach((picker) => {
    fillPicker(picker, state.departments);
    document.getElementById(picker.filter).value = "";
    sayReading(picker.note, "");
  }));
  fillDatalist("overlap-departments", departments.items);
  fillDatalist("draft-departments", departments.items);
  fillDatalist("plan-departments", departments.items);
  fillDatalist("inforce-departments", departments.items);
  fillDatalist("tenure-departments", departments.items);
}

// Refilled pickers keep what was chosen in them (a select's value is lost with its options).
function keepChoice(fill) {
  const selects = [...document.querySelectorAll("select")].filter((box) => box.options.length);
  const chosen = selects.map((box) => [box, box.value]);
  fill();
  chosen.forEach(([box, value]) => { if ([...box.options].some((o) => o.value === value)) box.value = value; });
}

async function start() {
  try {
    await loadChoices();
  } catch (error) {
    // The page could show nothing without its pickers: it says why instead of staying blank.
    const message = document.getElementById("route-message");
    message.textContent = `无法载入页面数据：${error.message}`;
    message.hidden = false;
    return;
  }
  Object.entries(FINDING_VIEWS).forEach(([name, view]) => {
    document.getElementById(`${name}-${view.param}`).onchange = () => drawFindings(name);
  });
  document.getElementById("staffing-outliers").onchange = () => drawFindings("staffing");
  document.getElementById("undecomposed-region").onchange = () => {
    regionPicker("undecomposed", document.getElementById("undecomposed-region").value);
    drawFindings("undecomposed");
  };
  document.getElementById("overlap-filters").onsubmit = (event) => { event.preventDefault(); draw("overlaps"); };
  document.getElementById("overlap-settled").onchange = () => draw("overlaps");
  document.getElementById("overlap-region").onchange = () => run("overlapDepartments", overlapDepartments, "overlaps");
  document.getElementById("overview-region").onchange = () => draw("overview");
  document.getElementById("townships-region").onchange = () => draw("townships");
  document.getElementById("townships-township").onchange = () => draw("townships");
  document.getElementById("listchanges-region").onchange = () => draw("listchanges");
  document.getElementById("listchanges-list").onchange = () => draw("listchanges");
  document.getElementById("split-city").onchange = () => draw("split");
  document.getElementById("split-county").onchange = () => draw("split");
  document.getElementById("split-counties-share").onchange = () => state.splitShown && drawCounties();
  document.getElementById("department-select").onchange = () => draw("department");
  document.querySelectorAll(".chart").forEach(addSaveButton);
  Object.keys(PICKERS).forEach(watchPicker);
  // The answer asked for is where focus goes (a screen reader reads on from there); a link's answer leaves it.
  document.getElementById("search-form").onsubmit = async (event) => {
    event.preventDefault();
    await draw("search");
    if (state.ready.search) focusOn(document.getElementById("search-results"));
  };
  // The link of the view shown changes no address, so no hashchange moves focus: it goes to the title all the same.
  document.querySelectorAll("nav a").forEach((link) => link.addEventListener("click", () => {
    if (link.getAttribute("href") === location.hash) focusOn(document.querySelector(".page.active > h2"));
  }));
  // The skip link goes to the view shown, without changing the address (#main is no view).
  document.querySelector(".skip-link").onclick = (event) => {
    event.preventDefault();
    const page = document.querySelector(".page.active");
    focusOn(page?.querySelector(":scope > h2") || document.getElementById("main"));
  };
  document.getElementById("upload-form").onsubmit = upload;
  document.getElementById("upload-docs-filter").oninput = loadedDocuments;
  document.getElementById("dispatch-form").onsubmit = dispatchFile;
  document.getElementById("dispatch-unsure").onchange = showDispatched;
  document.getElementById("draft-form").onsubmit = checkDraft;
  document.getElementById("plan-form").onsubmit = checkPlan;
  document.getElementById("inforce-form").onsubmit = (event) => {
    event.preventDefault();
    inForceAsked.submitted = true;
    draw("inforce");
  };
  document.getElementById("tenure-form").onsubmit = (event) => {
    event.preventDefault();
    tenureAsked.submitted = true;
    draw("tenure");
  };
  window.addEventListener("hashchange", () => show(true));
  // Charts take their container's size when drawn: a turned phone or a resized window must redraw them to fit.
  window.addEventListener("resize", () => Object.values(state.charts).forEach((c) => c.resize()));
  await show();
}

start();

// Who might own an unclaimed item, with the duty that says so; none is a finding too: no department of the region
// holds work near enough (a bare "（建议：）" read as a fault of the page).
const NO_SUGGESTION = "无建议：本区划没有部门的职责或权责事项与之足够相近，需人工确定承接部门";
// The overview names the departments only; the list names each one's evidence, and the 三定 clause beside a list's
// row: whether the 三定 gave the department the work too is what is asked after an accident (user test).
// An owner whose sector the item's business is in answers for its safety (管行业必须管安全), by the region's 三定
// clause where one states it; an owner the graph holds no 三定 of has no clause to show (queries.labels' titles).
function suggestionText(row, separator = "；", evidence = true) {
  if (!row.suggested_owners.length) return NO_SUGGESTION;
  const said = (o) => `依据：${o.evidence}` + (o.duty ? `；三定：${o.duty}（${sourceText(o.duty_source)}）` : "")
    + (o.sector_safety ? `；${sectorText(o)}` : "") + (o.no_sanding ? "；图中无其三定" : "");
  return "建议：" + row.suggested_owners.map((o) => (evidence ? `${o.department}（${said(o)}）` : o.department))
    .join(separator);
}

// The sectors whose safety the department answers for (管行业必须管安全), with the clause that says so and what it is
// (its 安委会 paragraph or the 三定's rule for every sector, queries.labels.SECTOR_RULE_KIND_LABELS): an orphan's
// suggested owner, a 谁来管 row and a 批量分派 row say it alike ('' when none). tests/api/test_page_kinds.py holds
// the two alike.
const SECTOR_RULE_KINDS = { safety_committee: "安委会职责", sanding: "三定规定" };
function sectorText(o) {
  if (!o.sector_safety) return "";
  const rule = o.sector_rule
    ? `（${SECTOR_RULE_KINDS[o.sector_rule_kind]}：${o.sector_rule}，${sourceText(o.sector_rule_source)}）` : "";
  return `行业主管（管行业必须管安全）：${o.sector_safety}${rule}`;
}

// Which document names which lead: a conflicting_leads finding is read by comparing them (user test). A source
// that words the matter otherwise says how, so that its clause can be found.
function claimsText(claims, matter) {
  return (claims || []).map((c) => `${sourceText(c.source)}${c.matter && c.matter !== matter ? `（称“${c.matter}”）` : ""}`
    + `：牵头 ${c.leads.join("、") || "（无）"}`
    + ((c.territorial_leads || []).length ? `；属地主体责任 ${c.territorial_leads.join("、")}` : "")
    + (c.assists.length ? `；配合 ${c.assists.join("、")}` : "")).join("\n");
}

// A lead without mandate names who does hold the work, or (holder empty) that no department of the region clearly does.
// Which lead it is (of several) that holds no such duty: without it, the holder's name read as the fault (user test).
function mandateText(mandate) {
  return (mandate || []).map((m) => (m.lead ? `${m.lead}无此职责；` : "")
    + (m.holder ? `${m.holder}：${m.duty}` : "本区划无部门明确承担")).join("；");
}
