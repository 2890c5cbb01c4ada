"""The analysts' web page (Chinese UI) and its assets, ECharts included: the page works offline."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.problems import Problem

WEB = Path(__file__).resolve().parent.parent / "web"
ECHARTS = WEB / "node_modules" / "echarts" / "dist" / "echarts.min.js"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")


@router.get("/static/vendor/echarts.min.js")
def echarts() -> FileResponse:
    if not ECHARTS.exists():
        raise Problem(404, "not-installed", "ECharts is not installed", "未安装 ECharts",
                      "run `make setup` (npm install in api/web)", "请运行 make setup 安装前端依赖")
    return FileResponse(ECHARTS, media_type="text/javascript")
