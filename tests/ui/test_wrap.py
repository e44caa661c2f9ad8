"""Word wrap of the article text: by terminal cells, with a fast path for one-cell letters."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tui_reader.ui import article_view
from tui_reader.ui.article_view import _NARROW_RE, wrap_offsets

TEXTS = [
    "Chiều 15-6, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết phong trào thi đua năm 2023.",
    "Đồng chí Nguyễn Văn Thủy – Phó Chủ tịch UBND tỉnh… “phát biểu” tại buổi lễ (ảnh: Minh Anh)",
    "a" * 95 + " ngắn " + "b" * 30,
    "  hai  khoảng  trắng  ",
    "",
]


def test_text_counted_by_characters_is_one_cell_a_character():
    """The fast path counts characters: every character it accepts is one cell wide."""
    accepted = [chr(c) for c in range(0x3000) if _NARROW_RE.fullmatch(chr(c))]
    assert len(accepted) > 800  # ASCII, Latin, Vietnamese letters, punctuation
    assert all(cell_len(c) == 1 for c in accepted)
    assert all(_NARROW_RE.fullmatch(text) for text in TEXTS)  # Vietnamese takes the fast path


@pytest.mark.parametrize("width", [1, 3, 10, 24, 40, 80])
@pytest.mark.parametrize("text", TEXTS)
def test_one_cell_text_wraps_as_by_cells(text, width, monkeypatch):
    fast = wrap_offsets(text, width)
    monkeypatch.setattr(article_view, "_NARROW_RE", re.compile(r"(?!)"))  # measure every cell
    assert fast == wrap_offsets(text, width)


def test_lines_fit_the_width_and_cover_the_text():
    text = TEXTS[0] + " " + "x" * 50
    lines = wrap_offsets(text, 20)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(lines, lines[1:], strict=False))
    assert all(len(text[s:e].rstrip()) <= 20 for s, e in lines)


def test_wide_characters_take_two_cells():
    lines = wrap_offsets("中文字符测试 abc", 4)
    assert [("中文字符测试 abc")[s:e].strip() for s, e in lines] == ["中文", "字符", "测试", "abc"]
