"""Uploads copied for the readers: each under the name it was uploaded as, two of one name apart, gone afterwards."""

from __future__ import annotations

import io

from api.uploads import saved_uploads, uploaded_name


def test_uploads_keep_their_names_apart_and_are_removed_afterwards() -> None:
    uploads = [("清单.csv", io.BytesIO("序号,事项名称\n".encode())), ("清单.csv", io.BytesIO(b"other")),
               ("note.txt", io.BytesIO(b""))]
    with saved_uploads(uploads, prefix="dutygraph-test-") as saved:
        assert [(path.name, path.parent.name, name) for path, name in saved.items()] == [
            ("清单.csv", "000", "清单.csv"), ("清单.csv", "001", "清单.csv"), ("note.txt", "002", "note.txt")]
        assert [path.read_bytes() for path in saved] == ["序号,事项名称\n".encode(), b"other", b""]
        folder = next(iter(saved)).parent.parent
    assert not folder.exists()


def test_an_uploaded_name_is_its_base_name_or_the_default() -> None:
    assert [uploaded_name(name, "complaints.txt") for name in ("C:/工单/导出.xlsx", "../../etc/passwd", "", None)] == [
        "导出.xlsx", "passwd", "complaints.txt", "complaints.txt"]
