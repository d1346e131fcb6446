"""Where a problem is, in the words an editor sees in the document: beside a zero-based
path (`komposisi[1].baris[3].nilai[1]`) the labels of the objects along it ("komposisi
Tingkat Pendidikan, baris SMA, kolom Bidang PSDI"), read from the YAML tree itself, so
it works for every file and never depends on one document."""

from __future__ import annotations

import re

from lkip_build.read.yamlread import YNode

# the keys that name an object, in the order a reader would recognise it by
NAMING = ("label", "nama", "judul", "judul_baris", "uraian", "id")
_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")


def _get(node: YNode, key: str) -> YNode | None:
    return next((v for k, v in node.pairs if k.text == key), None) if node.kind == "map" else None


def _name(node: YNode) -> str:
    for key in NAMING:
        value = _get(node, key)
        if value is not None and value.kind == "scalar" and value.text.strip():
            return value.text.strip()
    return ""


def _column(owners: list[YNode], i: int) -> str:
    """The i-th value of a row: its column (and sub column) as the nearest table names them."""
    for owner in reversed(owners):
        kolom = _get(owner, "kolom")
        if kolom is None or kolom.kind != "seq":
            continue
        names = [c.text for c in kolom.items if c.kind == "scalar"]
        sub_node = _get(owner, "sub_kolom")
        sub = (
            [c.text for c in sub_node.items]
            if sub_node is not None and sub_node.kind == "seq"
            else []
        )
        if sub and i // len(sub) < len(names):
            return f"kolom {names[i // len(sub)]} {sub[i % len(sub)]}"
        return f"kolom {names[i]}" if i < len(names) else ""
    return ""


def describe(tree: YNode, path: str) -> str:
    """ "komposisi Tingkat Pendidikan, baris SMA, kolom Bidang PSDI" for a path into `tree`,
    or "" when nothing along it has a name (or the path leaves the tree)."""
    node: YNode | None = tree
    owners: list[YNode] = []
    said: list[str] = []
    for m in _SEGMENT.finditer(path):
        key, indices = m.group(1), [int(x) for x in re.findall(r"\d+", m.group(2))]
        if node is None or node.kind != "map":
            break
        owners.append(node)
        node = _get(node, key)
        for i in indices:
            if node is None or node.kind != "seq" or i >= len(node.items):
                return ", ".join(said)
            item = node.items[i]
            if item.kind == "map":
                name = _name(item)
                if name:
                    said.append(f"{key} {name}")
            elif item.kind == "scalar" and key == "nilai":
                column = _column(owners, i)
                if column:
                    said.append(column)
            node = item
    return ", ".join(said)
