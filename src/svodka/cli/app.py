"""The Typer application and what every command shares: consoles and error handling."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import SvodkaError

app = typer.Typer(
    name="svodka",
    help="Russian news articles in; entities, quotes, times, facts and a brief out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Score svodka on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# markup=False: no string is read as Rich markup unless a call asks for it (markup=True) and
# escapes what it did not write itself: a file named «a[/b].txt» is a name, not a closing tag.
out = Console(soft_wrap=True, markup=False)
err = Console(stderr=True, soft_wrap=True, markup=False)


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit: never a traceback for a user error."""
    err.print(f"[bold red]svodka:[/] {escape(message)}", highlight=False, markup=True)
    raise typer.Exit(code)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn SvodkaError (and a broken pipe) into a one-line message."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SvodkaError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper
