"""README's list of the page's views names them in the order the page's nav shows them: a reader looks for a view
where the list puts it (the list once had 权责审查 after 清单调整, the nav after 职责划转)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_lists_the_page_s_views_in_the_nav_s_order() -> None:
    page = (ROOT / "api" / "web" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav aria-label="视图">(.*?)</nav>', page, re.S)
    assert nav is not None
    shown = re.findall(r'<a href="#[^"]+" data-page="[^"]+">([^<]+)</a>', nav.group(1))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"\(a view per\s+finding or task: ([^)]+)\)", readme)
    assert listed is not None
    assert [name.strip() for name in listed.group(1).split(",")] == shown
