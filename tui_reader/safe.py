"""Untrusted text made safe to print: no control codes, no escape sequences, no bidi tricks."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (but tab and newline), DEL, and the bidi embedding/override/isolate controls.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]"
)
_ANSI_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛, ␇, ␀ ...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # one character for one, so offsets into the text stay valid


def clean_text(text: str) -> str:
    """Text with escape sequences neutralised and control characters shown as symbols.

    Each character is replaced by exactly one, so offsets computed on NFC text still apply.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ANSI_RE.sub(lambda m: "\u241b" + m.group(0)[1:], text)
    return _CONTROL_RE.sub(_visible, text)


def plain_line(text: str) -> str:
    """One printable line: ``clean_text`` with newlines and tabs turned into spaces."""
    return clean_text(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
