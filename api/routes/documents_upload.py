"""POST /api/documents: upload files to ingest (API key required); the answer says, per file, what was added."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile

from api.deps import KeyDep, StoreDep
from api.problems import PROBLEM_SCHEMA, Problem
from ingest.pipeline import ingest
from ingest.regions import parse_region_option

router = APIRouter(prefix="/api", tags=["documents"])
MAX_FILES = 50


@router.post("/documents", dependencies=[KeyDep], summary="Upload 三定 provisions or lists to ingest",
             responses={200: {"content": {"application/json": {"example": {
                 "added": [{"file": "shi_jiaotong.txt", "counts": {"departments": 3, "duties": 35}}],
                 "failed": [{"file": "empty.txt", "error": "empty.txt: expected a document with text (the file is empty)"}]}}}},
                 401: PROBLEM_SCHEMA, 403: PROBLEM_SCHEMA, 422: PROBLEM_SCHEMA})
def upload_documents(store: StoreDep, files: Annotated[list[UploadFile], File(description="files to ingest")],
                     region: Annotated[str | None, Form(description="区划 for names without one")] = None
                     ) -> dict[str, Any]:
    if not files or len(files) > MAX_FILES:
        raise Problem(422, "invalid-request", "Send 1 to 50 files", "请上传 1 至 50 个文件")
    try:
        home = parse_region_option(region) if region else None
    except ValueError as exc:
        raise Problem(422, "invalid-request", "Invalid region", "区划无效", str(exc)) from exc
    with tempfile.TemporaryDirectory(prefix="dutygraph-upload-") as folder:
        paths = []
        for index, upload in enumerate(files):
            name = Path(upload.filename or f"upload-{index}").name
            path = Path(folder) / f"{index:03d}-{name}"
            path.write_bytes(upload.file.read())
            paths.append(path)
        report = ingest(paths, store, region=home)
    def shown(path: Path) -> str:
        return path.name.split("-", 1)[1]
    return {
        "added": [{"file": shown(o.path), "counts": o.counts, "warnings": o.warnings} for o in report.outcomes if o.ok],
        "failed": [{"file": shown(o.path), "error": o.error.replace(str(o.path), shown(o.path))}
                   for o in report.outcomes if not o.ok],
    }
