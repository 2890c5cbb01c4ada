"""The command line's own usage errors (a `--format pdf`, an unknown option or command, an option without its value)
in Chinese too: typer writes them in English, while every error the commands raise themselves carries both lines."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

# typer raises the exceptions of the click it runs on: the `click` package up to typer 0.2x, its own copy
# (typer._click) since. The module that holds typer's BadParameter holds them all.
click = importlib.import_module(typer.BadParameter.__module__)

_NOT_ONE_OF = re.compile(r"(?P<value>'.*?') is not one of (?P<choices>.+?)\.?$")
_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.+?)'\.?(?: Did you mean '(?P<near>.+?)'\?)?")
_EXTRA_ARGUMENTS = re.compile(r"unexpected extra arguments? ?(?:\(s\))? \((?P<arguments>.+)\)")


def usage_error_zh(error: click.UsageError) -> str:
    """The Chinese line of one of click's usage errors, naming the option and the value as the English does."""
    if isinstance(error, click.NoSuchOption):
        return f"没有选项 {error.option_name}" + (f"；可能是：{'、'.join(error.possibilities)}"
                                                 if error.possibilities else "")
    if isinstance(error, click.BadOptionUsage):
        needs_value = "requires an argument" in error.message
        return f"选项 {error.option_name} {'需要一个值' if needs_value else '用法有误'}"
    if isinstance(error, click.MissingParameter):
        kind = "参数" if error.param is not None and error.param.param_type_name == "argument" else "选项"
        return f"缺少{kind} {_hint(error)}".rstrip()
    if isinstance(error, click.BadParameter):
        choice = _NOT_ONE_OF.search(error.message)
        if choice:
            choices = "、".join(part.strip().strip("'") for part in choice["choices"].split(","))
            return f"{_hint(error)} 只能是 {choices}，而不是 {choice['value']}"
        return f"{_hint(error)} 的值无效"
    # A plain UsageError in typer's own click, a class of its own (NoSuchCommand) in click's.
    command = _NO_SUCH_COMMAND.match(error.message)
    if command:
        if command["near"]:  # click's own suggestion (reprot → report), which its English line gives too
            return f"没有命令“{command['name']}”，是否指“{command['near']}”？可用的命令见 dutygraph --help"
        return f"没有命令“{command['name']}”；可用的命令见 dutygraph --help"
    extra = _EXTRA_ARGUMENTS.search(error.message)
    if extra:
        return f"多余的参数：{extra['arguments']}；用法见 --help"
    return "用法有误；见 --help"


def _hint(error: Any) -> str:
    """The option (`--format`) or the argument (`name`) an error is about, as the English names it."""
    if error.param_hint is not None:
        hint = error.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
    param = error.param
    if param is None:
        return ""
    return " / ".join(param.opts) if param.param_type_name == "option" else f"'{param.name}'"


class BilingualGroup(TyperGroup):
    """The app's group: a usage error raised while a command line is read gets its Chinese line under the English.

    typer prints the error's `format_message()` in its panel; the instance's method is wrapped rather than the
    message amended, because MissingParameter builds its text in format_message, after the message."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with _in_chinese_too():
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with _in_chinese_too():
            return super().invoke(ctx)


@contextmanager
def _in_chinese_too() -> Iterator[None]:
    try:
        yield
    except click.UsageError as error:
        if not getattr(error, "zh", ""):  # a group within a group sees the error twice
            english, zh = error.format_message, usage_error_zh(error)
            error.format_message = lambda: f"{english()}\n{zh}"  # type: ignore[method-assign]
            error.zh = zh  # type: ignore[attr-defined]
        raise
