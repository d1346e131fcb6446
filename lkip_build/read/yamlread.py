"""Read YAML into a small tree of nodes that keep their line, refusing the risky features.

PyYAML's own constructors are not used: they read `1.500` as 1.5, keep the last of two
duplicate keys, build Python objects from tags and expand aliases. Here the parser's
events are assembled by hand, so every scalar keeps its exact text and line, tags,
anchors and aliases are refused, duplicate keys are reported, and nesting is bounded
without recursion errors.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lkip_build.model import Location
from lkip_build.problems import Collector

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C parser: ~5x faster, same events

MAX_BYTES = 2_000_000
MAX_DEPTH = 20


@dataclass
class YNode:
    kind: str  # "scalar", "map" or "seq"
    line: int
    text: str = ""  # scalar text exactly as written (quotes removed)
    quoted: bool = False
    comment_after: bool = False  # a plain scalar followed by " #" on its line: YAML cut it there
    refused: bool = False  # stands for something refused where it is (an alias): no value
    items: list[YNode] = field(default_factory=list)  # seq items
    pairs: list[tuple[YNode, YNode]] = field(default_factory=list)  # map entries

    @property
    def label(self) -> str:
        return {"scalar": "nilai tunggal", "map": "pemetaan (kunci: nilai)", "seq": "daftar"}[
            self.kind
        ]


# The parser's words (libyaml's, which read_yaml uses, and PyYAML's own where they differ)
# -> what the editor does. Matched as parts of the parser's message, first match wins.
_TAB = "karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi"
_SYNTAX_HINTS = {
    "found a tab character": _TAB,  # libyaml
    "found character '\\t' that cannot start any token": _TAB,  # PyYAML
    "mapping values are not allowed": (
        "titik dua ':' di tempat yang salah (teks yang memuat ': ' harus diberi tanda kutip)"
    ),
    "could not find expected ':'": "baris ini kurang tanda ':' setelah kunci",
    "did not find expected key": "indentasi tidak konsisten atau kunci tidak lengkap",
    "did not find expected '-' indicator": "indentasi butir daftar ('- ') tidak konsisten",
    "expected ',' or ']'": "daftar [ ... ] tidak ditutup ']' atau butirnya tidak dipisah koma",
    "expected ',' or '}'": "pemetaan { ... } tidak ditutup '}' atau butirnya tidak dipisah koma",
    "found undefined alias": "alias (*nama) tidak diizinkan",
    "that cannot start any token": (
        "nilai tidak boleh diawali karakter ini (misalnya @, ` atau %); beri tanda kutip "
        "pada seluruh teks"
    ),
}


# why a file could not be read, in the editor's words (the system's own text otherwise)
_UNREADABLE = {
    errno.EACCES: "tidak ada izin membacanya",
    errno.EPERM: "tidak ada izin membacanya",
    errno.EISDIR: "ini folder, bukan berkas",
}


def read_yaml(path: Path, shown: str, problems: Collector) -> YNode | None:
    """Parse one file; on any problem, record it and return None (or a partial tree)."""
    where = Location(shown)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        why = _UNREADABLE.get(exc.errno or 0, exc.strerror)
        problems.add("file-unreadable", where, f"berkas tidak bisa dibaca: {why}")
        return None
    if len(raw) > MAX_BYTES:
        problems.add(
            "file-too-large",
            where,
            f"berkas {len(raw):,} byte melebihi batas {MAX_BYTES:,} byte".replace(",", "."),
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            "not-utf8",
            Location(shown, line),
            f"bukan UTF-8 (byte 0x{raw[exc.start]:02x}); simpan ulang berkas sebagai UTF-8",
        )
        return None
    if not text.strip():
        problems.add("file-empty", where, "berkas kosong")
        return None
    # YAML counts these as line breaks while editors' tools do not: lines would disagree
    odd = re.search("[\x85\u2028\u2029]", text)
    if odd:
        line = text.count("\n", 0, odd.start()) + 1
        name = f"U+{ord(odd.group(0)):04X}"
        problems.add(
            "bad-character", Location(shown, line), f"karakter pemisah baris {name} tidak boleh ada"
        )
        return None
    return _assemble(text, shown, problems)


def _cut_at_comma(lines: list[str], event: yaml.ScalarEvent) -> bool:
    """A plain number in a flow collection followed by ",<digit>": `[99,50, 98,76]` is read
    as four whole numbers, silently. The Indonesian decimal comma must be quoted there."""
    end = event.end_mark
    assert end is not None, "the parser marks every event it emits"
    if event.style not in (None, "") or end.line >= len(lines):
        return False
    if not re.fullmatch(r"[+-]?[\d.]+", event.value):
        return False
    return re.match(r",\d", lines[end.line][end.column :]) is not None


def _comment_after(lines: list[str], event: yaml.ScalarEvent) -> bool:
    end = event.end_mark
    assert end is not None, "the parser marks every event it emits"
    if event.style not in (None, "") or end.line >= len(lines):  # plain scalars only
        return False
    rest = lines[end.line][end.column :]
    return rest.lstrip(" ").startswith("#") and rest[:1] == " "


def _assemble(text: str, shown: str, problems: Collector) -> YNode | None:
    """The parser's events, one at a time, into a tree: a loop over a stack, no recursion,
    so a deep file is refused at MAX_DEPTH instead of exhausting Python's stack."""
    lines = text.splitlines()
    tree = _Tree(lines, shown, problems)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if not tree.take(event):
                return None
    except yaml.YAMLError as exc:
        line, message = _syntax_error(exc, text, lines)
        problems.add("yaml-syntax", Location(shown, line), message)
        return None
    if tree.root is None:
        problems.add("file-empty", Location(shown), "berkas tidak berisi data")
    return tree.root


class _Tree:
    """The tree being assembled: the open collections (a stack), each open map's key
    waiting for its value, and whether any open collection is written in flow style."""

    def __init__(self, lines: list[str], shown: str, problems: Collector):
        self.lines, self.shown, self.problems = lines, shown, problems
        self.root: YNode | None = None
        self.stack: list[YNode] = []
        self.pending_key: list[YNode | None] = []
        self.flows: list[bool] = []  # per open collection: written in flow style ([...], {...})
        self.flow = False

    def take(self, event: yaml.Event) -> bool:
        """One event; False when the file is refused (too deep, a second document)."""
        assert event.start_mark is not None, "the parser marks every event it emits"
        line = event.start_mark.line + 1
        node: YNode | None
        if isinstance(event, yaml.AliasEvent):
            self.problems.add(
                "yaml-alias",
                Location(self.shown, line),
                "alias (*nama) tidak diizinkan; tulis nilainya",
            )
            node = YNode("scalar", line, refused=True)
        elif isinstance(event, yaml.ScalarEvent):
            node = self._scalar(event, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            node = self._open(event, line)
            if node is None:
                return False
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._close()
            return True
        elif isinstance(event, yaml.DocumentStartEvent) and self.root is not None:
            self.problems.add(
                "yaml-multiple-documents",
                Location(self.shown, line),
                "satu berkas hanya boleh berisi satu dokumen YAML (hapus '---' kedua)",
            )
            return False
        else:
            return True
        self._place(node)
        return True

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> YNode:
        _refuse_tag_anchor(event, self.shown, line, self.problems)
        if self.flow and _cut_at_comma(self.lines, event):
            self.problems.add(
                "yaml-comma-decimal",
                Location(self.shown, line),
                f"angka '{event.value},...' di dalam [ ] atau {{ }} terpotong di koma "
                "desimalnya (YAML membaca koma sebagai pemisah); beri tanda kutip, "
                "misalnya ['99,50', '98,76'], atau tulis satu nilai per baris",
            )
        return YNode(
            "scalar",
            line,
            text=event.value,
            quoted=event.style in ("'", '"'),
            comment_after=_comment_after(self.lines, event),
        )

    def _open(
        self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent, line: int
    ) -> YNode | None:
        """A map or a sequence starts; None when it would nest deeper than MAX_DEPTH."""
        _refuse_tag_anchor(event, self.shown, line, self.problems)
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        node = YNode(kind, line)
        self.flows.append(bool(event.flow_style))
        self.flow = any(self.flows)
        if len(self.stack) >= MAX_DEPTH:
            self.problems.add(
                "yaml-too-deep",
                Location(self.shown, line),
                f"susunan bertingkat lebih dari {MAX_DEPTH} tingkat",
            )
            return None
        return node

    def _close(self) -> None:
        self.stack.pop()
        self.pending_key.pop()
        self.flows.pop()
        self.flow = any(self.flows)

    def _place(self, node: YNode) -> None:
        """A node as the root, a sequence item, a map's key or the value of its key."""
        if not self.stack:
            self.root = node
        else:
            parent = self.stack[-1]
            if parent.kind == "seq":
                parent.items.append(node)
            elif self.pending_key[-1] is None:
                self.pending_key[-1] = node
            else:
                key = self.pending_key[-1]
                assert key is not None
                _add_pair(parent, key, node, self.shown, self.problems)
                self.pending_key[-1] = None
        if node.kind != "scalar":
            self.stack.append(node)
            self.pending_key.append(None)


def _syntax_error(exc: yaml.YAMLError, text: str, lines: list[str]) -> tuple[int, str]:
    """The line and the editor's message for a file the parser refused."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = str(exc.problem or exc.context or "")
        hint = next((v for k, v in _SYNTAX_HINTS.items() if k in what), None)
        if "cannot start any token" in what and 0 < line <= len(lines) and "\t" in lines[line - 1]:
            hint = _TAB  # libyaml does not name the character
        if "end of stream" in what and "quoted scalar" in str(getattr(exc, "context", "")):
            hint = "tanda kutip tidak ditutup"
        return line, hint or f"YAML tidak valid: {what}"
    if isinstance(exc, yaml.reader.ReaderError):  # control characters and the like
        # the C reader counts UTF-8 bytes, the Python one characters
        unit = text.encode("utf-8") if _Loader is not yaml.SafeLoader else text
        before = unit[: exc.position]
        line = (before.count("\n") if isinstance(before, str) else before.count(b"\n")) + 1
        code = f"0x{exc.character:02x}" if isinstance(exc.character, int) else repr(exc.character)
        return line, f"karakter kontrol {code} tidak boleh ada di berkas; hapus karakter itu"
    return 0, f"YAML tidak valid: {exc}"


def _refuse_tag_anchor(event: yaml.NodeEvent, shown: str, line: int, problems: Collector) -> None:
    tag = getattr(event, "tag", None)
    implicit = getattr(event, "implicit", True)
    explicit_tag = tag not in (None, "!") and not (
        implicit is True or (isinstance(implicit, tuple) and implicit[0])
    )
    if explicit_tag:
        problems.add(
            "yaml-tag",
            Location(shown, line),
            f"tag YAML {tag!r} tidak diizinkan; tulis nilainya saja",
        )
    if event.anchor is not None:
        problems.add(
            "yaml-anchor",
            Location(shown, line),
            f"anchor (&{event.anchor}) tidak diizinkan; tulis setiap nilai secara lengkap",
        )


def _add_pair(parent: YNode, key: YNode, value: YNode, shown: str, problems: Collector) -> None:
    if key.kind != "scalar":
        problems.add("yaml-complex-key", Location(shown, key.line), "kunci harus berupa teks")
        return
    for existing, _ in parent.pairs:
        if existing.text == key.text:
            problems.add(
                "duplicate-key",
                Location(shown, key.line),
                f"kunci {key.text!r} ditulis dua kali (pertama di baris {existing.line})",
            )
            return
    parent.pairs.append((key, value))
