"""Text-level edits of a report's YAML, keeping its comments and layout.

`lkip new` rewrites last year's files for the new year. It does not load and dump them
(yaml.dump would drop the editors' Indonesian comments, reorder keys and requote values):
it reads the tree only to know where each value is (`yamlread.YNode` lines), then
replaces that value's text on its line, drops a block (`tertulis`) or inserts a line. Every
other byte of the file stays as the editor wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lkip_build.problems import Collector
from lkip_build.read.yamlread import YNode, read_yaml


def pending(petunjuk: str) -> str:
    """A value still to fill, as the loader reads it: `{belum_diisi: "petunjuk"}`."""
    text = petunjuk.replace("\\", "\\\\").replace('"', '\\"')
    return f'{{belum_diisi: "{text}"}}'


def entry(node: YNode | None, key: str) -> tuple[YNode, YNode] | None:
    """The (key, value) pair of a mapping node, or None."""
    if node is None or node.kind != "map":
        return None
    return next(((k, v) for k, v in node.pairs if k.text == key), None)


def value(node: YNode | None, key: str) -> YNode | None:
    found = entry(node, key)
    return found[1] if found else None


def items(node: YNode | None, key: str) -> Iterator[YNode]:
    found = value(node, key)
    if found is not None and found.kind == "seq":
        yield from found.items


class Editor:
    """The lines of one YAML file and the edits made to them (1-based line numbers)."""

    def __init__(self, path: Path, shown: str):
        self.text = path.read_text(encoding="utf-8-sig")
        self.lines = self.text.split("\n")
        problems = Collector()
        self.tree = read_yaml(path, shown, problems)
        self.problems = problems.problems
        self.replaced: dict[int, str] = {}
        self.dropped: set[int] = set()
        self.after: dict[int, list[str]] = {}

    def line(self, n: int) -> str:
        return self.replaced.get(n, self.lines[n - 1])

    def set(self, key: YNode, new: str, comment: str = "", own: bool = False) -> bool:
        """Replace the scalar (or flow) value written after `key:` on its line; keep the
        line's own comment, or with `own` put `comment` in its place (it said something
        about the value replaced). False when the value is not on the key's line (a block)."""
        text = self.line(key.line)
        found = re.search(rf"(?:^|[\s{{,-]){re.escape(key.text)}:(?=\s|$)", text)
        if found is None:
            return False
        start = found.end()
        rest = text[start:]
        cut = re.search(r"\s+#", rest)  # the fields edited hold numbers, dates and ids
        tail = rest[cut.start() :] if cut else ""
        old = rest[: cut.start()] if cut else rest
        if old.strip() in ("", ">-", "|", ">", "|-", ">+", "|+"):
            return False  # a block value: not on this line
        if own and comment:
            tail = ""
        note = f"  # {comment}" if comment and not tail else ""
        self.replaced[key.line] = text[:start] + " " + new + tail + note
        return True

    def set_flow_list(self, key: YNode, values: list[str]) -> bool:
        """`key: [1, 2]` written inside a line (or a flow mapping): its list replaced."""
        text = self.line(key.line)
        found = re.search(rf"{re.escape(key.text)}:\s*\[[^\]]*\]", text)
        if found is None:
            return False
        new = f"{key.text}: [{', '.join(values)}]"
        self.replaced[key.line] = text[: found.start()] + new + text[found.end() :]
        return True

    def set_item(self, item: YNode, new: str) -> None:
        """A list item written `- value` on its own line."""
        text = self.line(item.line)
        self.replaced[item.line] = re.sub(r"^(\s*-\s+).*$", lambda mt: mt.group(1) + new, text)

    def drop(self, key: YNode) -> None:
        """Remove `key:` and the block under it (more indented lines, or a list at the
        key's own indentation), comments inside it included."""
        text = self.line(key.line)
        col = text.index(key.text)
        if text[:col].strip() not in ("", "-"):  # a key inside a flow mapping on its line
            flow = rf",\s*{re.escape(key.text)}:\s*(?:\{{[^}}]*\}}|\[[^\]]*\]|\"[^\"]*\"|[^,}}]*)"
            self.replaced[key.line] = re.sub(flow, "", text, count=1)
            return
        self.dropped.add(key.line)
        n = key.line + 1
        last = key.line
        while n <= len(self.lines):
            line = self.lines[n - 1]
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            if not stripped:
                n += 1
                continue
            if indent > col or (indent == col and stripped.startswith("- ")):
                last = n
                n += 1
                continue
            break
        self.dropped.update(range(key.line, last + 1))

    def insert_after(self, n: int, text: str) -> None:
        self.after.setdefault(n, []).append(text)

    def result(self) -> str:
        out = []
        for n, line in enumerate(self.lines, start=1):
            if n not in self.dropped:
                out.append(self.replaced.get(n, line))
            out.extend(self.after.get(n, []))
        return "\n".join(out)


def drop_tertulis(ed: Editor, node: YNode | None) -> int:
    """Remove every `tertulis*` block in the tree (figures as last year's document printed
    them: the new report has no printed document yet). Returns how many."""
    if node is None:
        return 0
    count = 0
    if node.kind == "map":
        for k, v in node.pairs:
            if k.text.startswith("tertulis"):
                ed.drop(k)
                count += 1
            else:
                count += drop_tertulis(ed, v)
    elif node.kind == "seq":
        for child in node.items:
            count += drop_tertulis(ed, child)
    return count


def shift_years(text: str, old: int, new: int) -> str:
    """The report's year and the year before it, moved to the new year's, at once
    ("tahun 2021 dan 2020" for 2022 reads "tahun 2022 dan 2021")."""
    table = {str(old - 1): str(new - 1), str(old): str(new)}
    return re.sub(rf"\b({old - 1}|{old})\b", lambda mt: table[mt.group(1)], text)
