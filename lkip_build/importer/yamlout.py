"""YAML written for editors: every imported value with the source line it came from.

The data is built as plain dicts and lists whose scalars may be `V` (a value with its
source line and a note); `dump` writes block YAML with `# baris N` after each such value,
so an editor can open the converted text at that line. Strings are quoted when YAML would
read them as something else (a number, a boolean, null, a mapping); whole numbers without
thousands points stay bare, every other figure is a quoted Indonesian string, which the
loader reads exactly (a bare `1.500` would be the float 1.5).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

SAFE = re.compile(r"^[A-Za-z][A-Za-z0-9 _/()'.-]*$")
WORDS = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


@dataclass
class V:
    value: Any
    line: int = 0
    note: str = ""


def pending(hint: str, line: int = 0, cell: str = "") -> V:
    """A value still to fill, with the reason and the printed cell beside it."""
    where = f"baris {line}: " if line else ""
    shown = f" (tercetak: {cell!r})" if cell else ""
    return V({"belum_diisi": f"{where}{hint}{shown}"}, line)


def scalar(value: Any, commented: bool = False) -> str:
    if isinstance(value, V):
        commented = commented or bool(value.line or value.note)
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    text = str(value)
    if (
        not commented
        and SAFE.match(text)
        and text.lower() not in WORDS
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(value: Any) -> str:
    if not isinstance(value, V):
        return ""
    bits = []
    if value.line:
        bits.append(f"baris {value.line}")
    if value.note:
        bits.append(value.note)
    return "  # " + "; ".join(bits) if bits else ""


def _flat(value: Any) -> bool:
    v = value.value if isinstance(value, V) else value
    if isinstance(v, dict):
        return all(not isinstance(x, dict | list) or _flat(x) for x in v.values()) and len(v) <= 6
    if isinstance(v, list):
        return all(
            not isinstance(x, dict | list) for x in (y.value if isinstance(y, V) else y for y in v)
        )
    return True


def dump(data: dict[str, Any], head: str = "") -> str:
    out: list[str] = [f"# {line}".rstrip() for line in head.splitlines()]
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


def _mapping(data: dict[str, Any], indent: int, out: list[str], first: str = "") -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = first if n == 0 and first else pad
        if key.startswith("#"):
            out.extend(f"{pad}# {line}".rstrip() for line in str(value).splitlines())
            continue
        if isinstance(value, V) or _flat(value):
            out.append(f"{lead}{key}: {scalar(value, bool(_comment(value)))}{_comment(value)}")
        elif isinstance(value, dict):
            out.append(f"{lead}{key}:")
            _mapping(value, indent + 2, out)
        else:
            out.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict):
                    _mapping(item, indent + 4, out, first=f"{pad}  - ")
                else:
                    out.append(f"{pad}  - {scalar(item, bool(_comment(item)))}{_comment(item)}")
