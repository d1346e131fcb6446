"""YAML files to the model: every problem collected with file, line, field path and code.

The conversion is driven by the dataclasses' type hints, so a field added to the model is
read, checked and reported on without code of its own here.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from lkip_build.model import NA, NA_SPELLINGS, BelumDiisi, Location, Rentang
from lkip_build.model.numbers import (
    AngkaError,
    AngkaTerlaluBesar,
    parse_decimal,
    parse_int,
    parse_uang,
)
from lkip_build.problems import Collector
from lkip_build.read.labels import describe
from lkip_build.read.yamlread import YNode, read_yaml

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"ya", "true", "True", "yes"}
_FALSE = {"tidak", "false", "False", "no"}
PENDING = "belum_diisi"  # `{belum_diisi: petunjuk}`: a value still to fill (a draft's to-do)


class _Missing:
    pass


MISSING = _Missing()


class Converter:
    """Turns a YNode tree into model objects for one file."""

    def __init__(self, shown: str, problems: Collector):
        self.shown = shown
        self.problems = problems

    def where(self, node: YNode, path: str) -> Location:
        return Location(self.shown, node.line, path)

    def _cut_decimal(self, key: YNode) -> bool:
        """A key of digits on a line where YAML cut a decimal number at its comma."""
        where = self.where(key, "")
        return key.text.isdigit() and any(
            p.code == "yaml-comma-decimal" and p.line == where.line and p.file == where.file
            for p in self.problems.problems
        )

    def fail(self, code: str, node: YNode, path: str, message: str) -> _Missing:
        self.problems.add(code, self.where(node, path), message)
        return MISSING

    def convert(self, tp: Any, node: YNode, path: str) -> Any:
        if node.refused:  # reported where it was read (an alias): not again as a wrong shape
            return MISSING
        if node.kind == "map" and [k.text for k, _ in node.pairs] == [PENDING]:
            return self._pending(tp, node, path)
        origin = get_origin(tp)
        if origin is Annotated:
            inner, *meta = get_args(tp)
            value = self.convert(inner, node, path)
            for rule in meta:
                if isinstance(rule, Rentang) and value is not MISSING:
                    value = self._in_range(value, rule, node, path)
            return value
        if origin in (Union, types.UnionType):
            return self._union(get_args(tp), node, path)
        if origin is list:
            return self._list(get_args(tp)[0], node, path)
        if origin is dict:
            return self._dict(get_args(tp), node, path)
        if origin is Literal:
            return self._literal(get_args(tp), node, path)
        if dataclasses.is_dataclass(tp):
            return self._dataclass(tp, node, path)
        if node.kind != "scalar":
            return self.fail(
                "wrong-type", node, path, f"harus berupa nilai tunggal, bukan {node.label}"
            )
        return self._scalar(tp, node, path)

    # -- scalars
    def _scalar(self, tp: Any, node: YNode, path: str) -> Any:
        text = node.text
        if tp is str:
            if not node.quoted and text in _NULLS:
                return self.fail("missing-value", node, path, "nilai kosong")
            if node.comment_after:
                return self.fail(
                    "text-cut-by-comment",
                    node,
                    path,
                    f"teks {text!r} terpotong oleh ' #' (YAML menganggap sisanya komentar); "
                    "beri tanda kutip pada seluruh teks",
                )
            return text
        if tp is bool:
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            return self.fail("bad-boolean", node, path, f"harus 'ya' atau 'tidak', bukan {text!r}")
        if not node.quoted and text in _NULLS and tp in (int, Decimal, "uang"):
            # a number that cannot be NA (a union that can is refused in _union)
            return self.fail("missing-value", node, path, "nilai kosong; isi angkanya")
        parse = {int: parse_int, Decimal: parse_decimal, "uang": parse_uang}.get(tp)
        if parse is not None:
            try:
                return parse(text)
            except AngkaTerlaluBesar as exc:
                return self.fail("number-too-large", node, path, f"{text[:40]!r}: {exc}")
            except AngkaError as exc:
                return self.fail("bad-number", node, path, f"{text!r}: {exc}")
        raise TypeError(f"unsupported type {tp!r}")  # a model bug, not an editor's

    def _in_range(self, value: Any, rule: Rentang, node: YNode, path: str) -> Any:
        if (rule.bawah is not None and value < rule.bawah) or (
            rule.atas is not None and value > rule.atas
        ):
            return self.fail(
                "value-out-of-range",
                node,
                path,
                f"{node.text!r} di luar rentang {rule.bawah}..{rule.atas}",
            )
        return value

    def _na(self, node: YNode, path: str) -> Any:
        """NA as a spelling ("n/a", "-", "belum tersedia") or as `{na: alasan}`."""
        if node.kind == "scalar":
            return NA(teks=node.text)
        (_, value), *rest = node.pairs
        if rest or value.kind != "scalar" or not value.text.strip():
            return self.fail("wrong-type", node, path, "tulis NA sebagai `{na: alasan}`")
        return NA(teks="NA", alasan=value.text.strip())

    def _pending(self, tp: Any, node: YNode, path: str) -> Any:
        """`{belum_diisi: petunjuk}` where a scalar value goes: NA's path where NA is
        accepted, a visible placeholder in text; recorded as `value-pending` (a warning of
        a draft, made an error in a final report by report.load_report)."""
        value = node.pairs[0][1]
        hint = value.text.strip() if value.kind == "scalar" else ""
        if not hint:
            return self.fail(
                "wrong-type", node, path, "tulis `{belum_diisi: petunjuk apa yang diisi}`"
            )
        while get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
        options = get_args(tp) if get_origin(tp) in (Union, types.UnionType) else (tp,)
        nilai: Any = next((o for o in options if dataclasses.is_dataclass(o)), None)
        if nilai is not None and "nilai" in {f.name for f in dataclasses.fields(nilai)}:
            # `a: {belum_diisi: ...}` for `a: {nilai: {belum_diisi: ...}}`
            inner = typing.get_type_hints(nilai, include_extras=True)["nilai"]
            value = self._pending(inner, node, f"{path}.nilai" if path else "nilai")
            return value if value is MISSING else nilai(nilai=value, lokasi=self.where(node, path))
        if NA in options:
            found: Any = BelumDiisi(alasan=hint)
        elif str in options:
            found = f"(belum diisi: {hint})"
        else:
            return self.fail(
                "wrong-type",
                node,
                path,
                "nilai ini tidak bisa ditandai `belum_diisi`; isi nilainya",
            )
        self.problems.add("value-pending", self.where(node, path), f"belum diisi: {hint}")
        return found

    def _union(self, options: tuple[Any, ...], node: YNode, path: str) -> Any:
        scalar = node.kind == "scalar"
        nullable = type(None) in options
        if (
            scalar
            and not node.quoted
            and (node.text == "" or (node.text in _NULLS and not nullable))
        ):
            # an empty value is never read as NA or as "not given": that is an error; only a
            # field that may be left out (it may be null) can be deleted instead
            na = ", tulis NA (dengan alasan) bila tidak tersedia" if NA in options else ""
            optional = ", atau hapus kolomnya" if nullable else ""
            return self.fail(
                "missing-value", node, path, f"nilai kosong; isi nilainya{na}{optional}"
            )
        if nullable and scalar and not node.quoted and node.text in _NULLS:
            return None  # an explicit `null` / `~`: the document gives nothing here
        rest = [o for o in options if o is not type(None)]
        if NA in rest and (
            # "-" is a nil amount (0) where whole numbers are meant, as tables print it
            (scalar and node.text in NA_SPELLINGS and not (node.text == "-" and int in rest))
            or (node.kind == "map" and [k.text for k, _ in node.pairs] == ["na"])
        ):
            return self._na(node, path)
        rest = [o for o in rest if o is not NA]
        if set(rest) == {int, Decimal} and scalar:
            return self._scalar("uang", node, path)  # money: whole rupiah or exact sen
        # pick the option that fits the node's shape
        for option in rest:
            if node.kind == "seq" and get_origin(option) is list:
                return self.convert(option, node, path)
            if node.kind == "map" and (
                dataclasses.is_dataclass(option) or get_origin(option) is dict
            ):
                return self.convert(option, node, path)
            if node.kind == "scalar" and not (
                get_origin(option) in (list, dict) or dataclasses.is_dataclass(option)
            ):
                return self.convert(option, node, path)
        if node.kind == "scalar":
            for option in rest:
                if dataclasses.is_dataclass(option):
                    return self.convert(option, node, path)
        return self.fail("wrong-type", node, path, f"bentuk {node.label} tidak diterima di sini")

    def _literal(self, allowed: tuple[str, ...], node: YNode, path: str) -> Any:
        if node.kind == "scalar" and node.text in allowed:
            return node.text
        shown = node.text if node.kind == "scalar" else node.label
        hint = difflib.get_close_matches(shown, allowed, n=1)
        extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
        return self.fail(
            "bad-choice",
            node,
            path,
            f"{shown!r} tidak dikenal; pilihan: {', '.join(allowed)}{extra}",
        )

    # -- containers
    def _list(self, item: Any, node: YNode, path: str) -> Any:
        if node.kind == "scalar" and not node.quoted and node.text in _NULLS:
            return []
        if node.kind != "seq":
            return self.fail("wrong-type", node, path, f"harus berupa daftar, bukan {node.label}")
        out = []
        for i, child in enumerate(node.items):
            value = self.convert(item, child, f"{path}[{i}]")
            if value is not MISSING:
                out.append(value)
        return out

    def _dict(self, args: tuple[Any, Any], node: YNode, path: str) -> Any:
        key_tp, value_tp = args
        if node.kind != "map":
            return self.fail("wrong-type", node, path, f"harus berupa pemetaan, bukan {node.label}")
        out = {}
        for key_node, value_node in node.pairs:
            sub = f"{path}.{key_node.text}" if path else key_node.text
            key = self.convert(key_tp, key_node, sub)
            value = self.convert(value_tp, value_node, sub)
            if key is not MISSING and value is not MISSING:
                out[key] = value
        return out

    def _dataclass(self, cls: Any, node: YNode, path: str) -> Any:
        hints = _hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "lokasi"}
        nilai_na = (
            "nilai" in fields and node.kind == "map" and [k.text for k, _ in node.pairs] == ["na"]
        )
        if nilai_na and NA in get_args(hints["nilai"]):
            # `a: {na: alasan}` for `a: {nilai: {na: alasan}}`, as NA is written everywhere
            return cls(nilai=self._na(node, path), lokasi=self.where(node, path))
        if node.kind == "scalar" and "nilai" in fields and node.text not in _NULLS:
            # shorthand: `a: 39` for `a: {nilai: 39}`
            value = self.convert(hints["nilai"], node, f"{path}.nilai" if path else "nilai")
            if value is MISSING:
                return MISSING
            return cls(nilai=value, lokasi=self.where(node, path))
        if node.kind != "map":
            return self.fail("wrong-type", node, path, f"harus berupa pemetaan, bukan {node.label}")
        kwargs: dict[str, Any] = {}
        broken = False
        misspelt: set[str] = set()  # fields an unknown key probably meant: not also "missing"
        for key_node, value_node in node.pairs:
            name = key_node.text
            sub = f"{path}.{name}" if path else name
            if name not in fields and self._cut_decimal(key_node):
                broken = True  # `{nilai: 1630,5}`: YAML made '5' a key; said once, at read
                continue
            if name not in fields:
                hint = difflib.get_close_matches(name, list(fields), n=1)
                extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
                self.fail("unknown-field", key_node, sub, f"kolom {name!r} tidak dikenal{extra}")
                misspelt.update(hint)
                continue
            value = self.convert(hints[name], value_node, sub)
            if value is MISSING:
                broken = True
            else:
                kwargs[name] = value
        for name, f in fields.items():
            if name in kwargs or broken:
                continue
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                broken = True
                if name not in misspelt:
                    sub = f"{path}.{name}" if path else name
                    self.fail("missing-field", node, sub, f"kolom wajib {name!r} belum diisi")
        # a key that probably meant a field the object lacks: the object is not read
        # without it (an optional field absent would be reported again by the checks that
        # need it: "realisasi belum diisi; tulis NA", a hint that publishes NA)
        broken = broken or any(name not in kwargs for name in misspelt)
        if broken:
            # the object exists in the data but could not be read: references to its id,
            # and to the ids inside it, are not reported again as dangling (one root
            # cause, one problem)
            self.problems.broken.update(_ids_within(node))
            return MISSING
        return cls(**kwargs, lokasi=self.where(node, path))


def _ids_within(node: YNode) -> Iterator[str]:
    """The `id` of an object and of every object inside it, as written."""
    for key, value in node.pairs:
        if key.text == "id" and value.kind == "scalar" and value.text:
            yield value.text
        yield from _ids_within(value)
    for item in node.items:
        yield from _ids_within(item)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A model class's field types, resolved once per class (not once per object: resolving
    string annotations was a third of loading a report). Each class's annotations are read in
    the namespace of the module that defines it, which imports every name they use."""
    return typing.get_type_hints(cls, include_extras=True)


def load_file(path: Path, shown: str, cls: type, problems: Collector) -> Any:
    """Read one YAML file as `cls`; None (with problems recorded) when it cannot be read."""
    tree = read_yaml(path, shown, problems)
    if tree is None:
        return None
    first = len(problems.problems)
    value = Converter(shown, problems).convert(cls, tree, "")
    for i in range(first, len(problems.problems)):  # beside the path, the editor's words
        p = problems.problems[i]
        if "[" in p.field and (words := describe(tree, p.field)):
            problems.problems[i] = dataclasses.replace(p, message=f"({words}) {p.message}")
    return None if value is MISSING else value
