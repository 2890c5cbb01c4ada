"""The analysts' web page (Chinese UI) and its assets, ECharts included, and the OpenAPI page (/docs) with Swagger
UI's own files: both work on a network without the internet, as government networks often are."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from api.problems import Problem

WEB = Path(__file__).resolve().parent.parent / "web"
ECHARTS = WEB / "node_modules" / "echarts" / "dist" / "echarts.min.js"
SWAGGER = WEB / "node_modules" / "swagger-ui-dist"
_SWAGGER_FILES = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}

router = APIRouter(include_in_schema=False)


def missing_files() -> list[str]:
    """The page's vendored files that are not installed: an install checks it has them (make install, the image)."""
    return [str(path) for path in (ECHARTS, *(SWAGGER / name for name in _SWAGGER_FILES)) if not path.is_file()]


@router.get("/")
def index() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")


@router.get("/static/vendor/echarts.min.js")
def echarts() -> FileResponse:
    return _installed(ECHARTS, "ECharts", "text/javascript")


@router.get("/docs")
def docs() -> HTMLResponse:
    # Relative, as the web page's: under a proxy's prefix (/dutygraph/docs) they are the prefix's.
    return get_swagger_ui_html(openapi_url="openapi.json", title="dutygraph API",
                               swagger_js_url="static/vendor/swagger/swagger-ui-bundle.js",
                               swagger_css_url="static/vendor/swagger/swagger-ui.css",
                               swagger_favicon_url="data:,")  # no request to FastAPI's CDN for an icon


@router.get("/static/vendor/swagger/{name}")
def swagger(name: str) -> FileResponse:
    if name not in _SWAGGER_FILES:
        raise Problem(404, "not-found", f"no Swagger UI file {name}", f"没有 Swagger UI 文件 {name}",
                      f"expected one of {', '.join(_SWAGGER_FILES)}", "请使用 /docs 页面")
    return _installed(SWAGGER / name, "Swagger UI", _SWAGGER_FILES[name])


def _installed(path: Path, what: str, media_type: str) -> FileResponse:
    if not path.exists():
        raise Problem(404, "not-installed", f"{what} is not installed", f"未安装 {what}",
                      "run `make setup` or `make install` (npm ci in api/web)", "请运行 make setup 或 make install 安装前端依赖")
    return FileResponse(path, media_type=media_type)
