"""Untrusted text printed by the CLI: no escape sequence or control code gets through."""

from tui_reader.safe import clean_text, plain_line

HOSTILE = [
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
    "bell\x07 nul\x00 del\x7f",
    "bidi \u202egnp.exe",
    "csi \x9b31m",
]


def test_no_control_characters_survive():
    for text in HOSTILE:
        cleaned = clean_text(text)
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in cleaned), cleaned
        assert "\x1b" not in cleaned and "\x9b" not in cleaned and "\u202e" not in cleaned


def test_replacement_keeps_offsets():
    for text in HOSTILE:
        assert len(clean_text(text)) == len(text)


def test_plain_line_is_one_line():
    assert plain_line("a\nb\r\nc\td") == "a b  c d"


def test_markup_is_left_alone():
    assert clean_text("[@click=app.quit]x[/]") == "[@click=app.quit]x[/]"
