"""The one error type ingest raises for bad input: it names the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    def __init__(self, path: Path | str, expected: str, *, line: int | None = None, detail: str = "") -> None:
        self.path = Path(path)
        self.line = line
        self.expected = expected
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        tail = f" ({self.detail})" if self.detail else ""
        return f"{where}: expected {self.expected}{tail}"
