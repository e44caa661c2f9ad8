"""The interface in Vietnamese or English: English strings are the keys, Vietnamese the values.

The language is chosen once, before the interface modules are imported (key descriptions are
read when their classes are built): from the settings file, else from the locale.
"""

from __future__ import annotations

import os

VIETNAMESE = {
    # keys
    "Quit": "Thoát",
    "Help": "Trợ giúp",
    "Search": "Tìm",
    "Next hit": "Kết quả sau",
    "Prev hit": "Kết quả trước",
    "Bookmark": "Đánh dấu",
    "Reload": "Tải lại",
    "Back": "Quay lại",
    "Next pane": "Khung sau",
    "Previous pane": "Khung trước",
    "Open": "Mở",
    "Down": "Xuống",
    "Up": "Lên",
    "First": "Đầu",
    "Last": "Cuối",
    "Top": "Đầu bài",
    "Bottom": "Cuối bài",
    "Page down": "Trang sau",
    "Page up": "Trang trước",
    "Close search": "Đóng ô tìm",
    "Close help": "Đóng trợ giúp",
    "Command palette": "Bảng lệnh",
    "Open the first result": "Mở kết quả đầu tiên",
    "Officials view": "Quan chức",
    "Awards view": "Khen thưởng",
    "Unread only": "Chưa đọc",
    "Bookmarked only": "Đã đánh dấu",
    "Export": "Xuất",
    "Exported {n} articles to {path}": "Đã xuất {n} bài vào {path}",
    # panes and labels
    "Articles": "Bài báo",
    "Text": "Nội dung",
    "Officials": "Quan chức",
    "Awards": "Khen thưởng",
    "All articles": "Mọi bài",
    "This article": "Bài này",
    "No article selected.": "Chưa chọn bài nào.",
    "Opening the library…": "Đang mở thư viện…",
    "Importing the sample articles…": "Đang nhập các bài mẫu…",
    "Building the search index (once)…": "Đang dựng chỉ mục tìm kiếm (một lần)…",
    "The library is empty: tui-reader import PATH": "Thư viện trống: tui-reader import ĐƯỜNG_DẪN",
    "No officials named in this article.": "Bài không nêu tên quan chức nào.",
    "No awards given in this article.": "Bài không có khen thưởng nào.",
    "(no title)": "(không chức danh)",
    "by": "của",
    "to": "cho",
    "presented by:": "trao:",
    "received by:": "nhận:",
    "Keys — press ? or escape to close": "Phím — bấm ? hoặc Esc để đóng",
    "Everywhere": "Mọi nơi",
    "Article list": "Danh sách bài",
    "Article text": "Nội dung bài",
    "Officials and awards": "Quan chức và khen thưởng",
    "Search bar": "Ô tìm kiếm",
    "Search syntax": "Cú pháp tìm kiếm",
    "The library is up to date.": "Thư viện đã mới nhất.",
    "Bookmarked.": "Đã đánh dấu.",
    "Bookmark removed.": "Đã bỏ đánh dấu.",
    "Reloaded: {n} articles.": "Đã tải lại: {n} bài.",
    "{shown} of {total}": "{shown} / {total}",
    "Find in this article": "Tìm trong bài này",
    'Search all articles — words, "phrase", -exclude, official: award: author: date:': (
        'Tìm mọi bài — từ, "cụm từ", -loại trừ, official: award: author: date:'
    ),
    # search syntax help
    "all words must match; the last one may be the start of a word": (
        "mọi từ đều phải có; từ cuối có thể là phần đầu của một từ"
    ),
    "no diacritics typed: matches with or without them": (
        "gõ không dấu: khớp cả có dấu lẫn không dấu"
    ),
    "diacritics typed: matches exactly (Thuỷ and Thủy are the same)": (
        "gõ có dấu: khớp đúng dấu (Thuỷ và Thủy là một)"
    ),
    "the words in this order": "các từ theo đúng thứ tự",
    "articles without this word": "những bài không có từ này",
    "in officials' names, ranks and titles": "trong tên, cấp bậc, chức danh quan chức",
    "in awards and their issuers": "trong khen thưởng và nơi quyết định",
    "in the author or the title": "trong tác giả hoặc tiêu đề",
    "a month; date:2023-01..2023-06 a range": "một tháng; date:2023-01..2023-06 một khoảng",
    "only unread or bookmarked articles": "chỉ bài chưa đọc hoặc đã đánh dấu",
    # palette
    "Go to article: ": "Mở bài: ",
    "Go to official: ": "Quan chức: ",
    "Filter by award: ": "Lọc theo khen thưởng: ",
    "Theme: ": "Giao diện: ",
    "Language: ": "Ngôn ngữ: ",
}

_language = "en"


def set_language(language: str) -> None:
    """Choose "vi" or "en" for every string looked up from now on."""
    global _language
    _language = "vi" if language == "vi" else "en"


def language() -> str:
    return _language


def t(text: str, **values: object) -> str:
    """The text in the interface language, with {names} filled in."""
    translated = VIETNAMESE.get(text, text) if _language == "vi" else text
    return translated.format(**values) if values else translated


if os.environ.get("TUI_READER_LANG") in ("vi", "en"):
    set_language(os.environ["TUI_READER_LANG"])
