"""POST /api/documents: upload files to ingest (API key required); the answer says, per file, what was added.
DELETE /api/documents/{uid}: take one loaded by mistake out again, as `dutygraph remove` does."""

from __future__ import annotations

import re
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, Response, UploadFile

from api.deps import KeyDep, StoreDep
from api.problems import Problem, problem_responses
from api.schemas import RemovalAnswer, UploadAnswer
from api.uploads import saved_uploads, uploaded_name
from graph.store import Store
from ingest.errors import chinese_part
from ingest.pipeline import FileOutcome, NearMissWarning, ingest, near_miss_zh
from ingest.regions import RegionOptionError, parse_region_option
from ingest.removal import HeldDocument, RemovalError, check_removable, find_documents, remove
from ingest.versions import reason_parts
from queries import catalog
from queries.lookup import UnknownRegion, check_region, region_levels, regions_listed

router = APIRouter(prefix="/api", tags=["documents"])
MAX_FILES = 50


# A 422 is a problem (a bad region, no files) or, when no file loaded, the upload's own answer with `added` empty.
_UPLOAD_RESPONSES = problem_responses(401, 403, 413, 422, 503)
_UPLOAD_RESPONSES[422] = {
    "description": f"{_UPLOAD_RESPONSES[422]['description']}; or, when no file loaded, the answer of a 200 with "
                   "`added` empty and every file in `failed`",
    "content": {**_UPLOAD_RESPONSES[422]["content"], "application/json": {
        "schema": {"$ref": "#/components/schemas/UploadAnswer"},
        "example": {"added": [], "failed": [{"file": "empty.txt",
                                             "error": "empty.txt: expected a document with text (the file is empty)",
                                             "error_zh": "empty.txt：文件没有正文"}],
                    "new_in_graph": {"regions": 0, "departments": 0, "offices": 0, "duties": 0, "matters": 0,
                                     "power_items": 0, "supervision_items": 0, "documents": 0},
                    "relisted": [], "not_relisted": []}}}}


@router.post("/documents", dependencies=[KeyDep], summary="Upload 三定 provisions or lists to ingest",
             response_model=UploadAnswer,
             responses={200: {"content": {"application/json": {
                 # Two files uploaded under 示例市 to an empty graph: the 三定 of 示例市交通运输局 and an empty file.
                 "example": {
                     "added": [{"file": "shi_jiaotong.txt",
                                "counts": {"regions": 1, "departments": 3, "offices": 7, "duties": 35, "matters": 1,
                                           "power_items": 0, "supervision_items": 0, "staff_posts": 33},
                                "warnings": ["line 39: 纪检监察机构按有关规定设置。 (set up by other rules; not an internal "
                                             "office); 第 39 行“纪检监察机构按有关规定设置。”按有关规定另行设置，不作为内设机构载入"],
                                "warnings_zh": ["第 39 行“纪检监察机构按有关规定设置。”按有关规定另行设置，不作为内设机构载入"],
                                "already_in_graph": False, "replaced": [], "beside": []}],
                     "failed": [{"file": "empty.txt", "error": "empty.txt: expected a document with text (the file is empty)",
                                 "error_zh": "empty.txt：文件没有正文"}],
                     "new_in_graph": {"regions": 1, "departments": 3, "offices": 7, "duties": 35, "matters": 1,
                                      "power_items": 0, "supervision_items": 0, "documents": 1}}}}},
                 **_UPLOAD_RESPONSES})
def upload_documents(request: Request, response: Response, store: StoreDep,
                     files: Annotated[list[UploadFile], File(description="files to ingest")],
                     region: Annotated[str | None, Form(description="区划 for names without one, e.g. 示例市/青山县: "
                                                                    "one the graph holds, or a bare name of one (青山县)")] = None,
                     new_region: Annotated[bool, Form(description="true to create `region`, which the graph does not "
                                                                  "hold yet (the page's 新建区划 box)")] = False,
                     ) -> dict[str, Any]:
    """Ingest the files as `dutygraph ingest` does. `added` lists the files read and what each holds (`counts`);
    `new_in_graph` says how many nodes this upload's writes created (not what they found there, whoever wrote it), so
    a file loaded before counts as added with nothing new, and its Document keeps the path it was first loaded from
    (a file new to the graph records the name it was uploaded as). The files together may be up to
    `DUTYGRAPH_MAX_UPLOAD_MB` (20 MB); a larger upload is a 413, refused before it is read. When no file is loaded
    (every one in `failed`), the answer is a 422 with this same body (`added` empty), not a problem; when some are
    loaded and some are not, a 200 with the others in `failed`."""
    if not files or len(files) > MAX_FILES:
        raise Problem(422, "invalid-request", "Send 1 to 50 files", "请上传 1 至 50 个文件")
    try:
        written = parse_region_option(region) if region and region.strip() else None
    except RegionOptionError as exc:
        # Why the name is no region's, and the regions there are to pick from: the Chinese said neither (user test).
        english, chinese = _regions_held(store)
        raise Problem(422, "invalid-request", "Invalid region", "区划无效", f"{exc}; {english}",
                      f"{exc.zh}；{chinese}") from exc
    home = parse_region_option(_known_region(store, written.path, new_region)) if written else None
    uploads = [(uploaded_name(upload.filename, f"upload-{index}"), upload.file) for index, upload in enumerate(files)]
    # One upload at a time per server process: they share its two cores and the store's one writer anyway.
    # new_in_graph does not depend on it: it is what this ingest's own writes created, so the nodes of a
    # CLI ingest or of another worker writing meanwhile are not counted (the graph's growth counted them).
    with saved_uploads(uploads, prefix="dutygraph-upload-") as shown, request.app.state.upload_lock:
        report = ingest(list(shown), store, region=home, shown_paths=shown)
    answer = {
        "added": [_added(shown[o.path], o, [earlier for path, earlier, _why in report.replaced if path == o.path],
                         [f"{other}（{why}）" for path, other, why in report.beside if path == o.path])
                  for o in report.outcomes if o.ok],
        "failed": [_failure(shown[o.path], o) for o in report.outcomes if not o.ok]
        + [_older(shown[path], shown[newer], why) for path, newer, why in report.older_skipped]
        + [_older_than_held(shown[path], current, why) for path, current, why in report.kept_current],
        "new_in_graph": {key: report.created.get(label, 0) for label, key in _NEW_IN_GRAPH},
        # A 撤县设区 uploaded pairs the district lists loaded before it with the county's: said as the CLI says it.
        "relisted": report.relisted, "not_relisted": report.not_relisted,
    }
    if not answer["added"]:
        # Nothing loaded: a program reading the status alone took the 200 for a load (API consumer's review); the
        # body is the same, each file's error in it. Some loaded and some not stays a 200, the failures in `failed`.
        # The status set on the response, not a JSONResponse: the body still passes through UploadAnswer, as
        # /openapi.json says the 422 is.
        response.status_code = 422
    return answer


def _older(name: str, newer: str, why: str) -> dict[str, str]:
    """A file not loaded because a newer version of the same list came with it (ingest.versions), and what told
    which is newer (the lists' dates, else the order uploaded): `why` is `中文 / English`."""
    chinese, english = reason_parts(why)
    return {"file": name, "error": f"{name}: kept as history, not loaded as current: {newer}, uploaded with it, is a "
                                   f"newer version of the same list ({english})",
            "error_zh": f"{name}：已作为历史版本保存，未作为现行清单载入：同时上传的 {newer} 是同一清单较新的版本（{chinese}）"}


def _older_than_held(name: str, current: str, why: str) -> dict[str, str]:
    """A file not loaded because the graph holds a version of the same list that ranks newer (ingest.versions.ranked), which
    stays current: `why` is `中文 / English`."""
    chinese, english = reason_parts(why)
    return {"file": name, "error": f"{name}: kept as history, not loaded as current: {english}: {current}; to have "
                                   "this one instead, the graph's administrator removes the current one first",
            "error_zh": f"{name}：已作为历史版本保存，未作为现行清单载入：{chinese}：{current}；如应以此版本为准，"
                        "请联系管理员先移除现行清单，再上传"}


def _added(name: str, outcome: FileOutcome, replaced: list[str], beside: list[str]) -> dict[str, Any]:
    """A file loaded: what it holds, its warnings as an upload says them, whether it was in the graph already, the
    earlier versions of the list it replaced, and the lists of its name it stands beside (and why)."""
    said = [_warning_uploaded(warning, outcome.path, name) for warning in outcome.warnings]
    return {"file": name, "counts": _snake_keys(outcome.counts), "warnings": [english for english, _ in said],
            # The page shows these: a warning is written `English; 中文`, and the English reached its users.
            "warnings_zh": [chinese for _, chinese in said],
            # Its content for its region was in the graph already: loaded again, nothing created.
            "already_in_graph": not any(outcome.created.values()), "replaced": replaced, "beside": beside}


def _known_region(store: Store, region: str, new_region: bool) -> str:
    """The region as the graph writes it (a bare 青山县 is 示例市/青山县); one it does not hold only with `new_region`
    or into a graph of no region yet: a mistyped region (火星市) was created, with its county and departments, and no
    API takes a region away (user test)."""
    try:
        return check_region(store, region) or region
    except UnknownRegion as exc:
        if new_region or not exc.known:
            return region
        # The Chinese is what the page shows: it names the page's box, as the form field's description does; the
        # English names the field, for the programs that upload.
        raise Problem(422, "unknown-region", "Unknown region", "未找到区划",
                      f"{exc}; to create it, send new_region=true with it",
                      f"{exc.zh}；如确为新的区划，请勾选“新建区划”后重新上传") from exc


def _regions_held(store: Store) -> tuple[str, str]:
    """The graph's regions above the townships, listed as every unknown region's message lists them (the first
    REGIONS_SHOWN, then how many), in English and in Chinese."""
    paths = sorted(path for path, level in region_levels(store).items() if level != "township")
    if not paths:
        return "the graph holds no region yet", "图中尚无区划"
    english, chinese = regions_listed(paths)
    return f"the graph's regions: {english}", f"图中已有的区划：{chinese}"


# A document's uid as the graph keys it (doc: and 16 hex digits): the only name the API takes for one, since the
# command line's other names (a file on its disk, a path) would name files on the server's.
DOCUMENT_UID = re.compile(r"doc:[0-9a-f]{16}")


@router.delete("/documents/{uid}", dependencies=[KeyDep], response_model=RemovalAnswer,
               summary="Take a document loaded by mistake out of the graph",
               responses={200: {"content": {"application/json": {"example": {
                   "removed": [{"uid": "doc:8769a39d27a21cde", "path": "examples/lists/bianjie_shi.xlsx",
                                "title": "示例市部门职责边界清单", "kind": "boundary_list", "region": "示例市"}],
                   "in_graph": {"regions": 7, "departments": 34, "offices": 206, "duties": 748, "matters": 107,
                                "power_items": 79, "supervision_items": 41, "documents": 36}}}}},
                          **problem_responses(401, 403, 404, 409, 422, 503)})
def remove_document(request: Request, store: StoreDep,
                    uid: Annotated[str, Path(description="the document's uid, doc: and 16 hex digits "
                                             "(GET /api/documents lists them)")]) -> dict[str, Any]:
    """Take the document out with everything only it states, as `dutygraph remove` does, and link what is left
    again. An unknown uid is a 404; one 三定 (or 调整 notice) of a department is taken out alone, the department
    restated from its versions that stay (ingest.restate), but a 409 where an earlier dutygraph loaded those, whose
    FROM edges do not record what they state."""
    if not DOCUMENT_UID.fullmatch(uid):
        raise Problem(422, "invalid-request", "Invalid request", "请求参数无效",
                      f"{uid}: expected a document's uid, doc: and 16 hex digits (GET /api/documents lists them)",
                      f"{uid}：应为文件的 uid，即 doc: 加 16 位十六进制数字（GET /api/documents 列出全部）")
    try:
        documents = find_documents(store, [uid])
    except RemovalError as exc:
        raise Problem(404, "not-found", "No such document", "没有这个文件", str(exc), exc.zh) from exc
    with request.app.state.upload_lock:  # the store's one writer: not beside an upload
        try:
            check_removable(store, documents)
        except RemovalError as exc:
            raise Problem(409, "conflict", "The document cannot be removed alone", "不能单独移除该文件",
                          str(exc), exc.zh) from exc
        try:
            removal = remove(store, documents)
        except RemovalError as exc:  # a document to load again in its place does not load: nothing was written
            raise Problem(409, "conflict", "The document cannot be removed", "未能移除该文件", str(exc),
                          exc.zh) from exc
    counts = catalog.label_counts(store)
    return {"removed": [_document(d) for d in removal.removed],
            "in_graph": {key: counts.get(label, 0) for label, key in _NEW_IN_GRAPH},
            # A removed current list's history version loaded again in its place, or left, as `dutygraph remove` says.
            "restored": [_document(d) for d in removal.restored], "stranded": [_stranded(d) for d in removal.stranded],
            # A 撤县设区 taken out unpairs the lists it paired, as `dutygraph remove` says.
            "unpaired": [_document(d) for d in removal.unpaired],
            "not_unpaired": [_stranded(d) for d in removal.not_unpaired],
            # A 调整 notice the removed reform read as its successor's, the old body's again, as `dutygraph remove` says.
            "reread": [_document(d) for d in removal.reread], "not_reread": [_stranded(d) for d in removal.not_reread],
            # A list that named the removed 三定's department, read again without it, as `dutygraph remove` says.
            "parties_reread": [_document(d) for d in removal.parties_reread],
            "parties_not_reread": [_stranded(d) for d in removal.parties_not_reread]}


def _document(held: HeldDocument) -> dict[str, str]:
    return {"uid": held.uid, "path": held.path, "title": held.title, "kind": held.kind, "region": held.region}


def _stranded(held: HeldDocument) -> dict[str, Any]:
    """A document with whether it is a list's history version and why it did not load again (else empty), the why
    also as a Chinese sentence naming the document: the English may be an exception's text, which the page's users
    do not read."""
    name = f"《{held.title}》" if held.title else FilePath(held.path).name
    said = f"{name}未能从原文件重新载入：{held.failure_zh}" if held.failure_zh else ""
    return {**_document(held), "history": held.history, "failure": held.failure, "failure_zh": said}


_NEW_IN_GRAPH = (("Region", "regions"), ("Department", "departments"), ("Office", "offices"), ("Duty", "duties"),
                 ("Matter", "matters"), ("PowerItem", "power_items"), ("SupervisionItem", "supervision_items"),
                 ("Document", "documents"))


def _snake_keys(counts: dict[str, int]) -> dict[str, int]:
    return {key.replace(" ", "_"): value for key, value in counts.items()}


def _warning_uploaded(warning: str, path: FilePath, name: str) -> tuple[str, str]:
    """An ingest's warning as an upload says it: `English; 中文` for programs, and the Chinese the page shows. A
    region made one character from a known one is undone by removing the file (its region goes with it when no other
    document states it; the page told its user to clear the graph, which they cannot): 移除 in the page's 已载入的文件,
    DELETE /api/documents/{uid} for a program, then an upload under the region the graph has."""
    if not isinstance(warning, NearMissWarning):
        return _as_uploaded(warning, path, name), chinese_part(warning)
    new, known = warning.new, warning.known
    chinese = (f"{near_miss_zh(new, known)}若应为 {known}，请在本页“已载入的文件”中移除该文件，"
               f"之后在“区划”中选择已有的 {known} 重新上传")
    return (f"{name}: the region field {new} is new to the graph, which has {known}: loaded into a new region {new}; "
            f"if {known} was meant, take the file out (DELETE /api/documents/{{uid}}), then upload again with "
            f"region {known}; {chinese}", chinese)


def _as_uploaded(text: str, path: FilePath, name: str) -> str:
    """An ingest's error or warning as an upload reads it: the file by the name it was uploaded as (not the server's
    temporary copy), the form field where the command line has its flag."""
    said = text.replace(str(path), name)
    return said.replace("(e.g. --region ", "(e.g. region=").replace("--region", "the region field")


# The ingest writes its errors for the command line, in English, telling to pass `--region`; an upload names the
# form field instead, and says it in Chinese too (`error_zh`, as the API's problems carry `detail_zh`): the user
# test read "or --region" from an upload, which has no flags. Each error carries its own Chinese, written where it
# is raised (ingest.errors.IngestError.zh), so nothing here reads the English; a file the store failed to take
# (no IngestError) says which file could not be loaded, in words a page's user can act on (it said "详见 error", a
# field of the JSON), the English `error` giving the detail.
def _failure(name: str, outcome: FileOutcome) -> dict[str, str]:
    english = _as_uploaded(outcome.error, outcome.path, name)
    # A store's failure may pass: the page's user can try again.
    said = outcome.message_zh(name) if outcome.failure else f"{outcome.message_zh(name)}，请稍后重新上传"
    return {"file": name, "error": english, "error_zh": said}
