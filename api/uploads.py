"""Uploaded files copied to a temporary folder under the names they were uploaded as, for readers that take a path."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def saved_uploads(uploads: Sequence[tuple[str, BinaryIO]], *, prefix: str) -> Iterator[dict[Path, str]]:
    """Each (name, content) copied to a folder of its own, so that two files of one name do not meet, and each
    keeps its name: its suffix says how to read it, and a list without a title is named after its file. Yields each
    copy's path with the name it was uploaded as; the copies are removed when the block ends."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        saved: dict[Path, str] = {}
        for index, (name, content) in enumerate(uploads):
            path = Path(folder) / f"{index:03d}" / name
            path.parent.mkdir()
            with path.open("wb") as copy:
                shutil.copyfileobj(content, copy)  # in pieces, as Starlette spooled it: not whole in memory
            saved[path] = name
        yield saved


def uploaded_name(filename: str | None, default: str) -> str:
    """The name a file was uploaded as, without the client's folders (a name is all a server may take of them)."""
    return Path(filename or default).name
