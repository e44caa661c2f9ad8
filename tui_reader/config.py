"""User settings: theme, interface language and key bindings, in the user's config folder.

The file is TOML (``~/.config/tui-reader/config.toml`` on Linux; ``$TUI_READER_CONFIG`` overrides):

    theme = "textual-dark"
    language = "vi"            # "vi" or "en"; absent: Vietnamese when the locale is Vietnamese

    [keys]                     # binding id = key(s), e.g. to search with ctrl+f as well as /
    "app.search" = "slash,ctrl+f"

A damaged file is reported and ignored (the defaults apply); it is only rewritten when the user
changes a setting, atomically.
"""

from __future__ import annotations

import locale
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("vi", "en")


class ConfigError(Exception):
    """The config file could not be read or written; names the file and the reason."""


@dataclass
class Settings:
    """What the user chose. ``language`` None means: follow the locale."""

    theme: str | None = None
    language: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problem: str | None = None  # why the file was ignored, for a notification

    @property
    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else locale_language()


def config_path() -> Path:
    env = os.environ.get("TUI_READER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("tui-reader", appauthor=False) / "config.toml"


def locale_language() -> str:
    """ "vi" when the user's locale is Vietnamese, else "en"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "vi" if current.lower().startswith("vi") else "en"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults (with ``problem`` set) if the file is damaged."""
    path = path or config_path()
    settings = Settings(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as exc:
        settings.problem = f"{path}: cannot read the settings ({exc.strerror}); defaults used"
        return settings
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        settings.problem = f"{path}: not valid TOML ({exc}); defaults used"
        return settings
    theme = data.get("theme")
    language = data.get("language")
    keys = data.get("keys", {})
    if isinstance(theme, str):
        settings.theme = theme
    if isinstance(language, str) and language in LANGUAGES:
        settings.language = language
    if isinstance(keys, dict):
        settings.keys = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
    return settings


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically; raise ConfigError naming the file on failure."""
    from tui_reader.storage import StoreError, write_atomically

    path = path or settings.path or config_path()
    lines = ["# tui-reader settings (see README: Settings)"]
    if settings.theme:
        lines.append(f"theme = {_toml_string(settings.theme)}")
    if settings.language:
        lines.append(f"language = {_toml_string(settings.language)}")
    if settings.keys:
        lines += ["", "[keys]"]
        lines += [
            f"{_toml_string(k)} = {_toml_string(v)}" for k, v in sorted(settings.keys.items())
        ]
    try:
        write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"), keep_backup=False)
    except StoreError as exc:
        raise ConfigError(str(exc)) from None
    return path
