"""The schema in a real editor's language server: completion, hover and a red underline.

Drives `yaml-language-server` (npm, pinned in tests/lsp/package-lock.json; `make setup`
installs it) over stdio with the repository's own editor settings (.vscode/settings.json),
as VS Code and github.dev would. Skipped only when Node.js is missing and
LKIP_REQUIRE_BROWSER is unset (CI sets it, so there the test must run).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from lkip_build.read.report import FILES
from lkip_build.tools.schema import schema_name

from .conftest import ROOT

LSP = ROOT / "tests" / "lsp"
SERVER = LSP / "node_modules" / ".bin" / "yaml-language-server"
REPORT = ROOT / "data" / "lebak-disperindag-renja-2021" / "laporan.yml"
TIMEOUT = 60  # seconds for any one answer; a first start reads and compiles the schema


def _unavailable(reason: str) -> None:
    if os.environ.get("LKIP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"language server test required (LKIP_REQUIRE_BROWSER=1), but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server() -> Path:
    if shutil.which("node") is None:
        _unavailable("Node.js is not installed")
    if not SERVER.exists() and shutil.which("npm"):
        # a worktree without `make setup`: install the pinned server from the lock file
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=LSP,
            check=False,
            timeout=600,
        )
    if not SERVER.exists():
        _unavailable(f"{SERVER.relative_to(ROOT)} is missing: run `make setup`")
    return SERVER


class Client:
    """A minimal LSP client: JSON-RPC over the server's stdio, read by a thread."""

    def __init__(self, command: list[str], settings: dict[str, Any]):
        self.settings = settings  # what workspace/configuration answers, by section
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notes: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)  # the server exited
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def _take(self) -> dict[str, Any]:
        try:
            message = self.inbox.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no answer from the language server in {TIMEOUT} s") from None
        if message is None:
            raise AssertionError("the language server exited")
        if "method" in message and "id" in message:  # a request to the client: answer it
            result: Any = None
            if message["method"] == "workspace/configuration":
                items = message["params"]["items"]
                result = [self.settings.get(i.get("section", ""), {}) for i in items]
            self.send({"id": message["id"], "result": result})
        elif "method" in message:
            self.notes.append(message)
        return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self._take()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The first non-empty diagnostics the server publishes for `uri`."""
        while True:
            for note in self.notes:
                params = note.get("params", {})
                if (
                    note["method"] == "textDocument/publishDiagnostics"
                    and params.get("uri") == uri
                    and params.get("diagnostics")
                ):
                    return params["diagnostics"]
            self._take()

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def editor_settings() -> dict[str, Any]:
    """The repository's .vscode/settings.json, as the YAML extension hands it to the server."""
    flat = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        section, _, name = key.partition(".")
        nested.setdefault(section, {})[name] = value
    nested["yaml"].update(validate=True, completion=True, hover=True)
    return nested


def test_editor_settings_map_every_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        f"./{schema_name(n)}": [f"data/*/{n}", f"tests/corpus/*/data/*/{n}"] for n in FILES
    }


def start(server: Path) -> Client:
    """The server, initialized on the repository with its editor settings."""
    settings = editor_settings()
    client = Client([str(server), "--stdio"], settings)
    client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": ROOT.as_uri(),
            "workspaceFolders": [{"uri": ROOT.as_uri(), "name": "lkip"}],
            "capabilities": {"textDocument": {"hover": {"contentFormat": ["plaintext"]}}},
        },
    )
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": settings})
    return client


def open_document(client: Client, path: Path, text: str) -> str:
    uri = path.as_uri()
    document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": document})
    return uri


def test_language_server_accepts_every_shipped_data_file(server: Path) -> None:
    """No red underline in the data as shipped: the YAML the editor reads (YAML 1.2, stricter
    than PyYAML: an unquoted `-` in `[2, -, 1]` is a syntax error there) and the schema."""
    files = sorted([*ROOT.glob("data/*/*.yml"), *ROOT.glob("tests/corpus/*/data/*/*.yml")])
    client = start(server)
    try:
        uris = {open_document(client, f, f.read_text(encoding="utf-8")) for f in files}
        published: dict[str, list[Any]] = {}
        while set(published) != uris:
            message = client._take()
            if message.get("method") == "textDocument/publishDiagnostics":
                published[message["params"]["uri"]] = message["params"]["diagnostics"]
        underlined = {u: [d["message"] for d in ds] for u, ds in published.items() if ds}
        assert not underlined, underlined
    finally:
        client.close()


def test_language_server_completes_describes_and_underlines(server: Path) -> None:
    # laporan.yml of a real report, without its `tahun`, a misspelt `tingkat` and a new line
    lines = [
        "tingkat: kabupatenn" if line.startswith("tingkat:") else line
        for line in REPORT.read_text(encoding="utf-8").splitlines()
        if not line.startswith("tahun:")
    ]
    text = "\n".join([*lines, ""]) + "\n"
    bad_line = lines.index("tingkat: kabupatenn")
    client = start(server)
    try:
        uri = open_document(client, REPORT, text)

        diagnostics = client.diagnostics(uri)
        on_line = [d for d in diagnostics if d["range"]["start"]["line"] == bad_line]
        assert on_line, diagnostics  # the red underline under `kabupatenn`
        assert any("kabupaten" in d["message"] for d in on_line), on_line

        where = {"textDocument": {"uri": uri}, "position": {"line": len(lines), "character": 0}}
        completion = client.request("textDocument/completion", where)
        items = completion["items"] if isinstance(completion, dict) else completion
        labels = {item["label"] for item in items}
        assert "tahun" in labels, sorted(labels)
        assert "instansi" not in labels  # already in the file

        key = {"textDocument": {"uri": uri}, "position": {"line": bad_line, "character": 2}}
        hover = client.request("textDocument/hover", key)
        shown = json.dumps(hover, ensure_ascii=False)
        assert "kementerian/lembaga" in shown, shown  # the Indonesian description
    finally:
        client.close()
