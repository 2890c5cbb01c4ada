"""撤县设区: the county's departments no notice renamed and the district's renamed ones are one district's, so their
duties are compared (ingest.link: the zone is the region as it is now) and their overlaps found."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.store import Store
from queries.overlaps import overlaps
from tests.queries.test_districted_ranking import _districted_store


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from _districted_store(tmp_path_factory, "chexian_overlap")


def _clusters(store: Store, region: str) -> list[list[tuple[str, str]]]:
    return [sorted((member["department"], member["duty"][:13]) for member in cluster["members"])
            for cluster in overlaps(store, scope="departments", region=region)]


def test_the_renamed_department_s_duty_overlaps_the_unrenamed_one_s(overlapping: Store) -> None:
    """青山区住房和城乡建设局 (renamed) and 青山县城市管理局 (no notice renamed it) both manage 建筑垃圾处置."""
    assert [cluster for cluster in _clusters(overlapping, "示例市/青山区")
            if any(department == "青山区住房和城乡建设局" for department, _duty in cluster)] == [
        [("青山区住房和城乡建设局", "负责全区建筑垃圾处置的管理"), ("青山县城市管理局", "负责县城建筑垃圾处置的管理")]]
    # Asked by the county's old path, the district answers the same.
    assert _clusters(overlapping, "示例市/青山县") == _clusters(overlapping, "示例市/青山区")
