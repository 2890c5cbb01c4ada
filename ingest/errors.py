"""The error types ingest raises for bad input: they name the file, the line and what was expected, in English for
the command line and in Chinese (`message_zh`) for the upload's `error_zh`, each written where the error is raised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A file with more bad rows than this names the first ones and says how many more: a user fixing a 300-row
# workbook wants every row at once, but not a thousand lines when a whole column is wrong.
ROWS_SHOWN = 50


def chinese_part(text: str) -> str:
    """The Chinese of a warning written `English; 中文` (as every ingest warning is): what follows its last `; `
    (the Chinese joins its clauses with `；`), or the whole text when it has no such part."""
    return text.rsplit("; ", 1)[-1]


class IngestError(Exception):
    """`expected` says in English what the file should have held, `zh` the same in Chinese (without the file and
    line, which both messages add): required, so that no error reaches an upload without its own Chinese text."""

    def __init__(self, path: Path | str, expected: str, *, zh: str, line: int | None = None, detail: str = "",
                 sheet: str | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.expected = expected
        self.zh = zh
        self.sheet = sheet
        # The sheet leads the detail, as the messages have always written it: `(sheet 清单; found …)`.
        self.detail = "; ".join(part for part in (f"sheet {sheet}" if sheet else "", detail) if part)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        tail = f" ({self.detail})" if self.detail else ""
        return f"{self._where()}: expected {self.expected}{tail}"

    def _where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def message_zh(self, name: str) -> str:
        """The Chinese message, naming the file as `name` (an upload's own file name, not its temporary path)."""
        return f"{self._where_zh(name)}：{self.zh}"

    def _where_zh(self, name: str) -> str:
        if not self.line:
            return name
        # A CSV's one sheet bears the file's name: its row is enough.
        sheet = f"工作表“{self.sheet}”" if self.sheet and self.sheet != self.path.stem else ""
        return f"{name}{sheet}第 {self.line} 行"


@dataclass(frozen=True)
class CellError:
    """One bad cell of a row: its columns as the file writes them (letter, header title), what was expected."""

    columns: tuple[tuple[str, str], ...]  # (`D`, `划分方式`); two for a check over two columns (牵头部门, 配合部门)
    expected: str
    zh: str
    detail: str = ""

    @property
    def where(self) -> str:
        """`column D 划分方式`, `columns C 牵头部门 and D 配合部门`; `column F` beyond the header."""
        named = [f"{letter} {title}".rstrip() for letter, title in self.columns]
        if len(named) == 1:
            return f"column {named[0]}"
        return f"columns {', '.join(named[:-1])} and {named[-1]}"

    @property
    def where_zh(self) -> str:
        """`D 列“划分方式”`, `C 列“牵头部门”和 D 列“配合部门”`; `F 列（表头之外）`."""
        named = [f"{letter} 列“{title}”" if title else f"{letter} 列（表头之外）" for letter, title in self.columns]
        return "、".join(named[:-1]) + "和 " + named[-1] if len(named) > 1 else "".join(named)


class RowError(IngestError):
    """A row of a list whose cells could not be read, every bad cell of it. One bad cell reads as one line, the
    cell's column in the detail; several read as a line for the row, then an indented line each, since two long
    `expected …` phrases (each with its own brackets) joined on one line read as neither."""

    def __init__(self, path: Path | str, line: int, sheet: str, cells: list[CellError]) -> None:
        if not cells:
            raise ValueError("RowError needs at least one cell")
        self.cells = cells
        if len(cells) == 1:
            cell = cells[0]
            detail = "; ".join(part for part in (cell.where, cell.detail) if part)
            super().__init__(path, cell.expected, zh=cell.zh, line=line, sheet=sheet, detail=detail)
        else:
            super().__init__(path, "every cell of the row to be readable", zh=f"有 {len(cells)} 处无法读取：",
                             line=line, sheet=sheet, detail=f"{len(cells)} cells are not")

    @property
    def message(self) -> str:
        if len(self.cells) == 1:
            return super().message
        lines = [super().message]
        for cell in self.cells:
            tail = f" ({cell.detail})" if cell.detail else ""
            lines.append(f"  {cell.where}: expected {cell.expected}{tail}")
        return "\n".join(lines)

    def message_zh(self, name: str) -> str:
        if len(self.cells) == 1:
            return f"{self._where_zh(name)} {self.cells[0].where_zh}：{self.zh}"
        return "\n".join([f"{self._where_zh(name)}{self.zh}",
                          *(f"  {cell.where_zh}：{cell.zh}" for cell in self.cells)])


class RowErrors(IngestError):
    """Every row of one file that could not be read, reported together: one bad row reads as that row's error
    alone; several read as a first line counting them, then each row's lines (up to ROWS_SHOWN rows, then how many
    more). The count and the cap are rows, whatever the cells each holds."""

    def __init__(self, errors: list[IngestError]) -> None:
        if not errors:
            raise ValueError("RowErrors needs at least one error")
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.expected, zh=first.zh, line=first.line, detail=first.detail)

    @property
    def message(self) -> str:
        if len(self.errors) == 1:
            return self.errors[0].message
        lines = [f"{self.path}: expected every row of the list to be readable ({len(self.errors)} rows are not)"]
        lines.extend(error.message for error in self.errors[:ROWS_SHOWN])
        if len(self.errors) > ROWS_SHOWN:
            lines.append(f"… and {len(self.errors) - ROWS_SHOWN} more rows")
        return "\n".join(lines)

    def message_zh(self, name: str) -> str:
        if len(self.errors) == 1:
            return self.errors[0].message_zh(name)
        lines = [f"{name}：清单有 {len(self.errors)} 行无法读取，逐行如下（改正后重新导入整个文件）"]
        lines.extend(error.message_zh(name) for error in self.errors[:ROWS_SHOWN])
        if len(self.errors) > ROWS_SHOWN:
            lines.append(f"…… 另有 {len(self.errors) - ROWS_SHOWN} 行")
        return "\n".join(lines)
