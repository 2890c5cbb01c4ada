"""The error types ingest raises for bad input: they name the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path

# A file with more bad rows than this names the first ones and says how many more: a user fixing a 300-row
# workbook wants every row at once, but not a thousand lines when a whole column is wrong.
ROWS_SHOWN = 50


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


class RowErrors(IngestError):
    """Every row of one file that could not be read, reported together: one bad row reads as that row's error
    alone; several read as a first line counting them, then a line each (up to ROWS_SHOWN, then how many more)."""

    def __init__(self, errors: list[IngestError]) -> None:
        if not errors:
            raise ValueError("RowErrors needs at least one error")
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.expected, line=first.line, detail=first.detail)

    @property
    def message(self) -> str:
        if len(self.errors) == 1:
            return self.errors[0].message
        lines = [f"{self.path}: expected every row of the list to be readable ({len(self.errors)} rows are not)"]
        lines.extend(error.message for error in self.errors[:ROWS_SHOWN])
        if len(self.errors) > ROWS_SHOWN:
            lines.append(f"… and {len(self.errors) - ROWS_SHOWN} more rows")
        return "\n".join(lines)
