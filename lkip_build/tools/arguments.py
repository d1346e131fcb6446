"""An argparse parser that speaks Indonesian: usage lines, headings, `--help` and every usage
error (`lkip chek`, a missing PATH, an unknown flag), not only our own help strings.

argparse takes its words from gettext's `_` and `ngettext`, looked up in its module at call
time. The parser swaps in Indonesian ones while it builds, formats and parses, and puts
the originals back after, so no other user of argparse in the process is affected.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

WORDS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak dikenal: %(value)r (pilihan: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi tidak jelas: %(option)s bisa berarti %(matches)s"
    ),
    "one of the arguments %s is required": "salah satu argumen ini wajib: %s",
    "ignored explicit argument %r": "argumen %r diabaikan",
}


def indonesian(text: str) -> str:
    return WORDS.get(text, text)


def _indonesian_n(singular: str, plural: str, n: int) -> str:
    return indonesian(singular if n == 1 else plural)


@contextmanager
def _speaking() -> Iterator[None]:
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = indonesian, _indonesian_n
    try:
        yield
    finally:
        module._, module.ngettext = saved


def _in_indonesian(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with _speaking():
            return method(*args, **kwargs)

    return wrapped


class Parser(argparse.ArgumentParser):
    """`argparse.ArgumentParser` in Indonesian; its subcommand parsers are Parsers too.
    Usage errors exit with status 2, as every command-line tool does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        with _speaking():
            super().__init__(*args, **kwargs)

    format_usage = _in_indonesian(argparse.ArgumentParser.format_usage)
    format_help = _in_indonesian(argparse.ArgumentParser.format_help)
    parse_args = _in_indonesian(argparse.ArgumentParser.parse_args)
    parse_known_args = _in_indonesian(argparse.ArgumentParser.parse_known_args)
    add_subparsers = _in_indonesian(argparse.ArgumentParser.add_subparsers)

    def error(self, message: str) -> NoReturn:
        with _speaking():
            super().error(message)
