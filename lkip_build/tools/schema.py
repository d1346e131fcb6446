"""JSON Schema of every data file, generated from the model (never written by hand).

The schema walks the same type hints the loader walks, so an editor with the YAML language
server (VS Code, github.dev, Neovim...) offers the keys the loader reads, shows each field's
Indonesian description (the attribute docstring under the field in `model`) and underlines
what the loader would refuse, as far as JSON Schema can say it. What it cannot say (an
Indonesian decimal against a YAML float, references across files, sums) stays the loader's
and `validate`'s; tests/test_schema.py keeps that list. The editor reads the YAML 1.2 core
schema (`2021` a number, `1.500` the float 1.5, `ya` a string), so every scalar type
accepts both the typed value and the spellings the loader reads from text.

    python -m lkip_build.tools.schema     writes schema/<berkas>.schema.json, one per data file
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import math
import re
import sys
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from lkip_build import model
from lkip_build.model import NA, NA_SPELLINGS, Rentang
from lkip_build.model.numbers import MAX_DIGITS
from lkip_build.read.loader import _FALSE, _TRUE, PENDING
from lkip_build.read.report import FILES
from lkip_build.read.yamlread import YNode

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"
BELUM_DIISI = PENDING  # `{belum_diisi: petunjuk}`, the key the loader reads

_LIMIT = 10**MAX_DIGITS
_WHOLE = rf"(\d{{1,3}}(\.\d{{3}}){{1,{MAX_DIGITS // 3 - 1}}}|\d{{1,{MAX_DIGITS}}})"
_INT = rf"^ *(-|[+-]?{_WHOLE}) *$"
_DEC = rf"^ *[+-]?{_WHOLE}(,\d+)?( *%)? *$"
_UANG = rf"^ *(Rp\.?)? *(-|[+-]?{_WHOLE})(,\d{{2}})?(,-)? *$"
_NULL: dict[str, Any] = {"type": "null"}
_NUMBER: dict[str, Any] = {
    "type": "number",
    "exclusiveMinimum": -_LIMIT,
    "exclusiveMaximum": _LIMIT,
}
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}


def _text(pattern: str, message: str) -> dict[str, Any]:
    return {"type": "string", "pattern": pattern, "maxLength": 60, "patternErrorMessage": message}


# each scalar type the loader reads, and the definition that says how it may be written
_SCALARS: dict[Any, str] = {str: "teks", bool: "ya_tidak", int: "bilangan", Decimal: "desimal"}
_SCALARS["uang"] = "uang"

_DEFS: dict[str, dict[str, Any]] = {
    "teks": {"title": "teks", "description": "Teks.", **_TEXT},
    "ya_tidak": {
        "title": "ya/tidak",
        "description": "ya atau tidak.",
        "anyOf": [{"type": "boolean"}, {"enum": sorted(_TRUE | _FALSE)}],
    },
    "bilangan": {
        "title": "bilangan bulat",
        "description": "Bilangan bulat, dengan titik ribuan bila perlu (1.500).",
        "anyOf": [_NUMBER, _text(_INT, "bilangan bulat dengan titik ribuan, misalnya 1.500")],
    },
    "desimal": {
        "title": "angka",
        "description": "Angka dengan koma desimal (44,32) dan titik ribuan (1.593).",
        "anyOf": [_NUMBER, _text(_DEC, "angka dengan koma desimal, misalnya 44,32 atau 1.593")],
    },
    "uang": {
        "title": "rupiah",
        "description": "Rupiah utuh dengan titik ribuan (13.519.650.516); sen: 1.234,50.",
        "anyOf": [_NUMBER, _text(_UANG, "rupiah: 13.519.650.516 atau 1.234,50")],
    },
    "na": {
        "title": "NA",
        "description": "Nilai tidak tersedia: NA (atau ejaan dokumen), atau {na: alasan}.",
        "anyOf": [
            {"enum": list(NA_SPELLINGS)},
            {
                "type": "object",
                "properties": {"na": {"description": "alasan nilai tidak tersedia", **_TEXT}},
                "required": ["na"],
                "additionalProperties": False,
            },
        ],
    },
    BELUM_DIISI: {
        "title": "{belum_diisi: petunjuk}",
        "description": "Nilai yang masih harus diisi: {belum_diisi: petunjuk}.",
        "type": "object",
        "properties": {BELUM_DIISI: {"description": "petunjuk pengisian", **_TEXT}},
        "required": [BELUM_DIISI],
        "additionalProperties": False,
    },
}


def field_docs() -> dict[tuple[str, str], str]:
    """The attribute docstring under each field of `model`: (class, field) -> Indonesian.

    Read from the source of every module that defines a class `model` exports (one module
    per data file); a class name is unique across them."""
    defining = {c.__module__ for c in vars(model).values() if dataclasses.is_dataclass(c)}
    trees = [ast.parse(inspect.getsource(sys.modules[name])) for name in sorted(defining)]
    docs: dict[tuple[str, str], str] = {}
    for cls in (n for tree in trees for n in tree.body if isinstance(n, ast.ClassDef)):
        for before, stmt in zip(cls.body, cls.body[1:], strict=False):
            if (
                isinstance(before, ast.AnnAssign)
                and isinstance(before.target, ast.Name)
                and isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            ):
                docs[cls.name, before.target.id] = " ".join(stmt.value.value.split())
    return docs


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/definitions/{name}"}


def _is_scalar(tp: Any) -> bool:
    return get_origin(tp) not in (list, dict) and not dataclasses.is_dataclass(tp)


class Builder:
    """The schema of one data file: its root class and every class it reaches (definitions)."""

    def __init__(self, docs: dict[tuple[str, str], str]):
        self.docs = docs
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a field typed `tp`, as the loader reads it."""
        alts = self.alternatives(tp)
        if get_origin(tp) is list:
            alts.append(_NULL)  # an unquoted empty or null list is an empty list
        if self._has_scalar(tp):
            alts.append(self._use(BELUM_DIISI))
        return alts[0] if len(alts) == 1 else {"anyOf": alts}

    def _has_scalar(self, tp: Any) -> bool:
        if get_origin(tp) is Annotated:
            return self._has_scalar(get_args(tp)[0])
        if get_origin(tp) in (Union, types.UnionType):
            return any(o is not type(None) and self._has_scalar(o) for o in get_args(tp))
        return _is_scalar(tp)

    def alternatives(self, tp: Any) -> list[dict[str, Any]]:
        origin = get_origin(tp)
        if origin is Annotated:
            inner, *meta = get_args(tp)
            return [r for a in self.alternatives(inner) for r in self._ranged(a, meta[0])]
        if origin in (Union, types.UnionType):
            return self._union(get_args(tp))
        if origin is list:
            return [{"type": "array", "items": self.of(get_args(tp)[0])}]
        if origin is dict:
            return [self._dict(*get_args(tp))]
        if origin is Literal:
            return [{"enum": list(get_args(tp))}]
        if tp is NA:
            return [self._use("na")]
        if dataclasses.is_dataclass(tp):
            return [self._dataclass(tp)]
        return [self._use(_SCALARS[tp])]

    def _use(self, name: str) -> dict[str, Any]:
        self.defs.setdefault(name, _DEFS[name])
        return _ref(name)

    @staticmethod
    def _ranged(alt: dict[str, Any], rule: Any) -> list[dict[str, Any]]:
        """A whole number in a range (`Rentang`): as a number, or as its text."""
        if not isinstance(rule, Rentang) or rule.bawah is None or rule.atas is None:
            return [alt]
        if alt != _ref("bilangan"):
            raise TypeError(f"Rentang on {alt!r}")  # a model bug: only whole numbers have one
        shown = [str(n) for n in range(rule.bawah, rule.atas + 1)]
        return [{"type": "integer", "minimum": rule.bawah, "maximum": rule.atas}, {"enum": shown}]

    def _union(self, options: tuple[Any, ...]) -> list[dict[str, Any]]:
        rest = [o for o in options if o is not type(None)]
        alts: list[dict[str, Any]] = [] if len(rest) == len(options) else [_NULL]
        if {int, Decimal} <= set(rest):  # money: whole rupiah or exact sen
            rest = [o for o in rest if o not in (int, Decimal)]
            alts.append(self._use("uang"))
        for option in rest:
            alts += self.alternatives(option)
        return alts

    def _dict(self, key: Any, value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.of(value)}
        if key is int:
            out["propertyNames"] = {"pattern": _INT}
        return out

    def _dataclass(self, cls: Any) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may contain itself (sub)
            hints = typing.get_type_hints(cls, include_extras=True)  # as the loader reads them
            props: dict[str, Any] = {}
            required = []
            for f in dataclasses.fields(cls):
                if f.name == "lokasi":
                    continue
                doc = self.docs.get((name, f.name))
                props[f.name] = ({"description": doc} if doc else {}) | self.of(hints[f.name])
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    required.append(f.name)
            obj: dict[str, Any] = {"type": "object", "properties": props}
            if required:
                obj["required"] = required
            obj["additionalProperties"] = False  # a misspelt key is underlined
            self.defs[name] = self._shorthand(obj, hints)
        return _ref(name)

    def _shorthand(self, obj: dict[str, Any], hints: dict[str, Any]) -> dict[str, Any]:
        """`a: 39` for `a: {nilai: 39}`, and `a: {na: alasan}`: a scalar `nilai` alone."""
        tp = hints.get("nilai")
        if get_origin(tp) not in (Union, types.UnionType):
            return obj
        scalar = [o for o in get_args(tp) if o is not type(None) and _is_scalar(o)]
        alts = [a for o in scalar for a in self.alternatives(o)]
        return {"anyOf": [obj, *alts, self._use(BELUM_DIISI)]} if alts else obj


def schema_for(filename: str, cls: type, docs: dict[tuple[str, str], str]) -> dict[str, Any]:
    builder = Builder(docs)
    builder.of(cls)
    root = builder.defs[cls.__name__]
    return {
        "$schema": DRAFT,
        "title": filename,
        "description": f"Berkas data laporan LKIP `{filename}` (lihat EDITING.md). "
        "Dibuat dari model oleh `python -m lkip_build.tools.schema`; jangan diubah dengan tangan.",
        **root,
        "definitions": dict(sorted(builder.defs.items())),
    }


def schemas() -> dict[str, str]:
    """schema/<file>.schema.json -> its text, for every data file kind, deterministically."""
    docs = field_docs()
    out = {}
    for filename, (_, cls) in FILES.items():
        schema = schema_for(filename, cls, docs)
        out[schema_name(filename)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def schema_name(filename: str) -> str:
    return f"{FOLDER}/{filename.rsplit('.', 1)[0]}.schema.json"


# ---------------------------------------------------------------- YAML as the editor reads it

_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE_SPECIAL = {".inf": math.inf, "-.inf": -math.inf, "+.inf": math.inf, ".nan": math.nan}


def as_instance(node: YNode) -> Any:
    """A YNode tree as the YAML language server sees it (YAML 1.2 core schema), for checking
    a file against the schema: plain `2021` is a number, `1.234,50` and `ya` are strings."""
    if node.kind == "map":
        return {k.text: as_instance(v) for k, v in node.pairs}
    if node.kind == "seq":
        return [as_instance(item) for item in node.items]
    text = node.text
    if node.quoted:
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _CORE_INT.fullmatch(text):
        if text[:2] in ("0o", "0x"):
            return int(text, 0)
        return int(text) if len(text) < 300 else float(text)  # JavaScript: Infinity
    if _CORE_FLOAT.fullmatch(text):
        return float(text)
    if text.lower() in _CORE_SPECIAL:
        return _CORE_SPECIAL[text.lower()]
    return text


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) schema/*.schema.json under the current folder."""
    args = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    stale = []
    for name, text in schemas().items():
        path = root / name
        if "--check" in args:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{name}: usang; jalankan `python -m lkip_build.tools.schema`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
