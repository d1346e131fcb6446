"""Every MkDocs (and watchdog, Jinja, Material) internal the live preview relies on
(hooks/lkip_preview.py names them), checked one by one: an update of MkDocs or ProperDocs
that changes one fails here, not in an editor's preview."""

from __future__ import annotations

import inspect
import logging
import sys
from pathlib import Path

import jinja2
import jinja2.bccache
import watchdog.observers.api
from mkdocs.commands import build as build_command
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs puts it while it loads the hook
import lkip_preview


def _server(tmp_path: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    return server


def test_the_live_reload_server_keeps_its_watch_list_and_delay(tmp_path: Path) -> None:
    server = _server(tmp_path)
    assert isinstance(server._watched_paths, dict) and str(tmp_path) in server._watched_paths
    assert isinstance(server._watch_refs, dict)
    assert hasattr(server.observer, "is_alive") and not server.observer.is_alive()
    assert isinstance(server.build_delay, float)
    assert hasattr(server, "_want_rebuild")


def test_watchdog_can_filter_events() -> None:
    schedule = watchdog.observers.api.BaseObserver.schedule
    assert "event_filter" in inspect.signature(schedule).parameters


def test_jinja_bytecode_cache_and_template_listing() -> None:
    assert {"load_bytecode", "dump_bytecode"} <= set(vars(jinja2.BytecodeCache))
    assert hasattr(jinja2.bccache.Bucket, "bytecode_from_string")
    assert "filter_func" in inspect.signature(jinja2.Environment.list_templates).parameters
    assert (
        hasattr(jinja2.Environment, "bytecode_cache")
        or "bytecode_cache" in inspect.signature(jinja2.Environment).parameters
    )


def test_the_theme_makes_its_env_from_its_dirs() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    theme = config.theme
    assert callable(theme.get_env) and isinstance(theme.dirs, list)
    assert isinstance(theme.static_templates, set)
    assert isinstance(theme.get_env(), jinja2.Environment)


def test_a_generated_file_has_content_and_a_modified_flag() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "lkip"  # what MkDocs sets while an event runs
    f = File.generated(config, "uji/a.svg", content=b"<svg/>")
    assert f.content_bytes == b"<svg/>" and f.generated_by is not None
    # Drawn gives its bytes through `_content`, which content_bytes reads and generated sets
    assert "self._content" in inspect.getsource(File)
    assert "_content" in inspect.getsource(File.generated)
    assert callable(f.is_modified)
    page = File.generated(config, "uji/a.md", content="# A\n")
    assert page.is_documentation_page() and page.content_string == "# A\n"


def test_the_dirty_build_warning_is_what_the_preview_filters(tmp_path: Path) -> None:
    assert build_command.log.name == "mkdocs.commands.build"
    assert lkip_preview.DIRTY_WARNING in inspect.getsource(build_command)
    assert isinstance(logging.getLogger("mkdocs.commands.build"), logging.Logger)


def test_material_search_keeps_the_previous_index_for_a_dirty_build() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    search = config.plugins.get("material/search")
    assert search is not None
    assert "search_index_prev" in inspect.getsource(type(search))


def test_link_and_nav_validation_are_settings_the_preview_can_lower() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    for group, kinds in lkip_preview.VALIDATION.items():
        for kind in kinds:
            assert getattr(getattr(config.validation, group), kind) == logging.WARNING
