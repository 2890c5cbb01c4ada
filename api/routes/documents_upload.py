"""POST /api/documents: upload files to ingest (API key required); the answer says, per file, what was added."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile

from api.deps import KeyDep, StoreDep
from api.problems import Problem, problem_responses
from ingest.pipeline import ingest
from ingest.regions import parse_region_option

router = APIRouter(prefix="/api", tags=["documents"])
MAX_FILES = 50


@router.post("/documents", dependencies=[KeyDep], summary="Upload 三定 provisions or lists to ingest",
             responses={200: {"content": {"application/json": {"example": {
                 "added": [{"file": "shi_jiaotong.txt", "counts": {"departments": 3, "duties": 35, "power_items": 0},
                            "warnings": []}],
                 "failed": [{"file": "empty.txt", "error": "empty.txt: expected a document with text (the file is empty)",
                             "error_zh": "empty.txt：文件没有正文"}],
                 "new_in_graph": {"regions": 0, "departments": 1, "offices": 7, "duties": 35, "matters": 0,
                                  "power_items": 0, "supervision_items": 0, "documents": 1}}}}},
                 **problem_responses(401, 403, 422, 503)})
def upload_documents(request: Request, store: StoreDep, files: Annotated[list[UploadFile], File(description="files to ingest")],
                     region: Annotated[str | None, Form(description="区划 for names without one, e.g. 示例市/青山县")] = None
                     ) -> dict[str, Any]:
    """Ingest the files as `dutygraph ingest` does. `added` lists the files read and what each holds (`counts`);
    `new_in_graph` says how many nodes this upload's writes created (not what they found there, whoever wrote it), so
    a file loaded before counts as added with nothing new, and its Document keeps the path it was first loaded from
    (a file new to the graph records the name it was uploaded as)."""
    if not files or len(files) > MAX_FILES:
        raise Problem(422, "invalid-request", "Send 1 to 50 files", "请上传 1 至 50 个文件")
    try:
        home = parse_region_option(region) if region else None
    except ValueError as exc:
        raise Problem(422, "invalid-request", "Invalid region", "区划无效", str(exc),
                      f"区划无效：{region}（应为区划名称，如 示例市/青山县）") from exc
    with tempfile.TemporaryDirectory(prefix="dutygraph-upload-") as folder:
        # Each file keeps its own name (a list without a title is named after its file), one folder each.
        shown: dict[Path, str] = {}
        for index, upload in enumerate(files):
            name = Path(upload.filename or f"upload-{index}").name
            path = Path(folder) / f"{index:03d}" / name
            path.parent.mkdir()
            path.write_bytes(upload.file.read())
            shown[path] = name
        # One upload at a time per server process: they share its two cores and the store's one writer anyway.
        # new_in_graph does not depend on it: it is what this ingest's own writes created, so the nodes of a
        # CLI ingest or of another worker writing meanwhile are not counted (the graph's growth counted them).
        with request.app.state.upload_lock:
            report = ingest(list(shown), store, region=home, shown_paths=shown)
    return {
        "added": [{"file": shown[o.path], "counts": _snake_keys(o.counts), "warnings": o.warnings}
                  for o in report.outcomes if o.ok],
        "failed": [_failure(shown[o.path], o.error.replace(str(o.path), shown[o.path]))
                   for o in report.outcomes if not o.ok],
        "new_in_graph": {key: report.created.get(label, 0) for label, key in _NEW_IN_GRAPH},
    }


_NEW_IN_GRAPH = (("Region", "regions"), ("Department", "departments"), ("Office", "offices"), ("Duty", "duties"),
                 ("Matter", "matters"), ("PowerItem", "power_items"), ("SupervisionItem", "supervision_items"),
                 ("Document", "documents"))


def _snake_keys(counts: dict[str, int]) -> dict[str, int]:
    return {key.replace(" ", "_"): value for key, value in counts.items()}


# The ingest writes its errors for the command line, in English, telling to pass `--region`; an upload names the
# form field instead, and says it in Chinese too (`error_zh`, as the API's problems carry `detail_zh`): the user
# test read "or --region" from an upload, which has no flags. The commonest errors have their own words; any
# other says which file (and line) could not be loaded, the English `error` giving the detail.
_EXPECTED_ZH = (
    ("a list whose title or department names carry a region",
     "清单的标题和部门名称都没有写明区划（市县事权划分清单的适用区县也未指向图中唯一的市）：请在上传时填写 region 字段（如 示例市/青山县）"),
    ("a department name with its region",
     "部门名称没有写明区划，第一条也未引用本区划的机构改革方案：请在上传时填写 region 字段（如 示例市/青山县）"),
    ("a 划分方式 of", "划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为 市、县、市、县）"),
    ("a document with text", "文件没有正文"),
    ("a .txt, .html or .docx document", "三定规定应为 .txt、.html 或 .docx 文件"),
    ("a readable file", "文件无法读取"),
    ("UTF-16 text", "文件开头的字节序标记表明为 UTF-16 编码，但内容无法按 UTF-16 解码"),
    ("text in UTF-8 or GB18030", "文本应为 UTF-8 或 GB18030 编码"),
    ("a text document in UTF-8 or GB18030", "文本应为 UTF-8 或 GB18030 编码"),
    ("a Chinese government document", "不是中文政府文件"),
    ("a Word .docx document", "不是有效的 Word .docx 文件"),
    ("an Excel .xlsx workbook", "不是有效的 Excel .xlsx 工作簿"),
    ("a 三定 provision", "不是三定规定（…职能配置、内设机构和人员编制规定）"),
    ("a header row naming the columns", "清单没有可识别的表头行"),
    ("rows of items under the header", "表头下没有事项行"),
    ("a 实施部门 column", "清单没有“实施部门”列，标题或工作表名也未写明部门"),
    # A row's own errors (ingest.lists reads every row and names each bad one).
    ("a 事项名称 or 主项名称 (the cell", "事项名称（主项名称）为空"),
    ("a 事项名称 (the cell", "事项名称为空"),
    ("a 权力类型 such as", "权力类型应为 行政许可、行政处罚、其他行政权力 等"),
    ("a 权力类型 (the cell", "权力类型为空"),
    ("a 管理事项 (the cell", "管理事项为空"),
    ("a 牵头部门 or 配合部门 (both", "牵头部门和配合部门都为空"),
    ("a 监管事项 (the cell", "监管事项为空"),
    ("a 属地管理事项 (the cell", "属地管理事项为空"),
    ("a 主体责任单位 (the cell", "主体责任单位为空"),
    ("a tick mark", "行使层级下应为勾选符号（✓、√、● 或 是）或空白"),
    ("one ", "同一表头下的几列填了不同的值，无法判断哪一个是该字段（请给每列单独的表头）"),
)
_WHERE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+))?: expected (?P<expected>.*?)"
                    r"(?: \(sheet (?P<sheet>[^;)]+)[;)].*)?$", re.S)
_FOUND = re.compile(r"found '([^']*)'")
_ROWS = re.compile(r"^.+?: expected every row of the list to be readable \((?P<count>\d+) rows are not\)$")
_MORE = re.compile(r"^… and (?P<count>\d+) more rows$")


def _failure(name: str, error: str) -> dict[str, str]:
    english = error.replace("(e.g. --region ", "(e.g. region=").replace("--region", "the region field")
    return {"file": name, "error": english, "error_zh": error_zh(name, error)}


def error_zh(name: str, error: str) -> str:
    """The Chinese of an ingest error: the file, the line when there is one, what was wrong; a list's several bad
    rows a line each, under a line counting them."""
    lines = error.split("\n")
    if len(lines) > 1 and (counted := _ROWS.match(lines[0])):
        said = [f"{name}：清单有 {counted.group('count')} 行无法读取，逐行如下（改正后重新上传整个文件）"]
        for line in lines[1:]:
            more = _MORE.match(line)
            said.append(f"…… 另有 {more.group('count')} 行" if more else _one_error_zh(name, line))
        return "\n".join(said)
    return _one_error_zh(name, error)


def _one_error_zh(name: str, error: str) -> str:
    match = _WHERE.match(error)
    line = f"第 {match.group('line')} 行" if match and match.group("line") else ""
    sheet = match.group("sheet") if match else None
    if line and sheet and sheet != Path(name).stem:  # a CSV's one sheet bears the file's name: its row is enough
        line = f"工作表“{sheet}”{line}"
    expected = match.group("expected") if match else ""
    said = next((zh for phrase, zh in _EXPECTED_ZH if expected.startswith(phrase)), None)
    if said is None:
        return f"{name}{line}：无法载入（格式不符合要求，详见 error）"
    found = _FOUND.search(expected)
    return f"{name}{line}：{said}{f'，实为“{found.group(1)}”' if found else ''}"
