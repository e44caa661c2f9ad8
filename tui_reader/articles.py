"""Article records and the parser of the plain-text article format.

The format: first line ``date YYYY-MM <title>`` (leading spaces allowed), a blank line, paragraphs
separated by blank lines, the author's name last. Text is kept as written, in NFC.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tui_reader.bylines import split_byline
from tui_reader.text import nfc


class ArticleFormatError(ValueError):
    """An article's text does not follow the format; carries the source and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Article:
    """One parsed article. ``body`` joins the paragraphs; offsets elsewhere point into it."""

    title: str
    date: str | None
    author: str | None
    paragraphs: list[str]
    source: str = ""
    byline: str | None = None  # the byline as written, agency included ("Theo VGP")
    url: str | None = None
    # (start, end) offsets into ``body`` of photo captions, so the reader can set them apart
    captions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def content_hash(self) -> str:
        """A digest of everything a reader sees; changes when the article is edited."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.title, self.date or "", self.author or "", self.byline or "", self.body):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


_HEADER_RE = re.compile(r"^[^\S\n]*date\b[^\S\n]*:?[^\S\n]*(\S*)[^\S\n]*(.*)$", re.IGNORECASE)
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})$")
# Whitespace inside a paragraph: spaces, tabs, NBSP, single line breaks. Zero-width spaces go too.
# A lone space is left alone (replacing it changes nothing), which keeps the substitution fast.
_SPACE = r"[\s\u00a0\u200b\ufeff]"
_SPACES_RE = re.compile(rf"{_SPACE}(?:(?<! )|{_SPACE}){_SPACE}*")
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")


def parse_date(value: str) -> str | None:
    """``YYYY-MM`` when the value is a valid month (1900-2199), else None."""
    m = _DATE_RE.match(value)
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) < 2200:
        return None
    return value


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no byte-order mark: the form every parser here works on."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return nfc(text.lstrip("\ufeff\u200b\u200c\u200d\u2060"))


def _collapse_spaces(text: str) -> str:
    """The text on one line: every run of whitespace (NBSP, zero-width spaces too) one space."""
    inner = text.strip()
    # Every whitespace character but the space is unprintable, so a printable text without
    # double spaces has nothing to collapse: the common case, checked much faster than a sub.
    if inner.isprintable() and "  " not in inner:
        return inner
    return _SPACES_RE.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each on one line with whitespace collapsed."""
    paragraphs = (_collapse_spaces(p) for p in _BLANK_LINE_RE.split(text))
    return [p for p in paragraphs if p]


def build_article(
    title: str,
    date: str | None,
    paragraphs: list[str],
    source: str = "",
    url: str | None = None,
) -> Article:
    """An Article from paragraphs that may end in a byline: byline split off, captions found."""
    paragraphs, byline, author = split_byline(paragraphs)
    return Article(
        title=title,
        date=date,
        author=author,
        paragraphs=paragraphs,
        source=source,
        byline=byline,
        url=url,
        captions=find_captions(paragraphs),
    )


def parse_article(text: str, source: str = "") -> Article:
    """Parse one article in the seed format; raise ArticleFormatError when it is not one."""
    text = normalise_text(text)
    if not text.strip():
        raise ArticleFormatError(source, "the file is empty")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    header = _HEADER_RE.match(lines[first])
    if header is None:
        raise ArticleFormatError(
            source, "no date line: the first line must be 'date YYYY-MM <title>'"
        )
    raw_date = header.group(1)
    if not raw_date:
        raise ArticleFormatError(source, "the date line has no date")
    date = parse_date(raw_date)
    if date is None:
        raise ArticleFormatError(source, f"the date {raw_date[:20]!r} is not YYYY-MM")
    title = _collapse_spaces(header.group(2))
    if not title:
        raise ArticleFormatError(source, "the first line has no title")
    paragraphs = split_paragraphs("\n".join(lines[first + 1 :]))
    return build_article(title, date, paragraphs, source=source)


# --- photo captions ------------------------------------------------------------------------------
# Captions are found conservatively: a wrong caption hides a sentence from the reader's flow, a
# missed one only reads like a sentence without a full stop.

# A caption credit: "(Ảnh: Việt Hoàng)", "Ảnh: VGP/Nhật Bắc", "(Nguồn ảnh: Reuters)".
_CREDIT_HEAD_RE = re.compile(r"(\(\s*)?(?<!\w)(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*")
# The words every credit head opens with: found fast, where the head's own pattern, which can
# open with a bracket, would be tried at every position.
_CREDIT_WORD_RE = re.compile(r"Ảnh|Nguồn ảnh")
_CREDIT_ONLY_RE = re.compile(
    r"^\(?\s*(?:Ảnh|Nguồn ảnh)\s*:\s*[^()]{1,60}\)?\.?$|^\(?\s*Ảnh minh h[ọo]ạ?\s*\)?\.?$"
)
# ". ", "!” ", "./. ": written to open with a character class so that the search skips ahead fast
_SENTENCE_END_RE = re.compile(r"[.!?…/](?:(?<=/)\.|(?<!/))[\"”’»)\]]*\s+")
# Words that begin a new sentence and are not part of names, so that a capitalised one right after
# a word without final punctuation marks where an unpunctuated caption ended.
_SENTENCE_STARTERS = (
    "Cùng dự", "Cùng tham dự", "Tham dự", "Theo đó", "Theo ông", "Theo bà", "Tại buổi",
    "Tại lễ", "Tại hội", "Tại đây", "Trong đó", "Sau khi", "Sau đó", "Ngoài ra", "Hiện nay",
    "Dịp này", "Nhân dịp", "Được biết", "Phát biểu", "Thay mặt", "Đồng thời", "Bên cạnh",
    "Trước đó", "Tuy nhiên", "Như vậy", "Sáng nay", "Chiều nay", "Hôm nay", "Cũng trong",
    "Cũng tại", "Ông", "Các", "Những", "Với", "Khi",
)  # fmt: skip


def _alternation_by_first_letter(phrases: tuple[str, ...]) -> str:
    """A regex alternation of the phrases, longest first, grouped by their first letter: the
    engine then tries one group where a letter matches, not every phrase."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Found by the word itself (a fast search), then checked for the word and spaces before it.
_STARTER_WORD_RE = re.compile(rf"(?:{_alternation_by_first_letter(_SENTENCE_STARTERS)})(?=\s)")
# Words that show a sentence pictures something: someone doing something somewhere.
_CAPTION_CUE_WORDS = (
    "ảnh:", "(ảnh", "trong ảnh", "chụp", "phát biểu", "trao", "tặng", "thăm", "tham dự",
    "dự lễ", "dự hội", "dự buổi", "đón", "tiếp đón", "tiếp xúc", "kiểm tra", "làm việc",
    "chủ trì", "bên phải", "bên trái", "ở giữa", "tham quan", "cắt băng", "khánh thành",
    "phát động", "hiện trường", "bắt tay", "hội đàm", "hội kiến", "gặp gỡ", "chúc mừng",
    "thắp hương", "dâng hương", "trò chuyện", "giao lưu", "bị bắt", "ký kết", "biểu dương",
    "tuyên dương", "khen thưởng", "thi đấu", "tại thời điểm", "tại lễ", "tại hội nghị",
    "tại buổi", "tại phiên",
)  # fmt: skip
_CAPTION_CUES = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _CAPTION_CUE_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)
# Words of narration that a caption does not use.
_NOT_CAPTION_RE = re.compile(
    r"\b(?:cũng|sẽ|vui lòng|tại đây|nhấn để|click|xem thêm)\b", re.IGNORECASE
)
# Openings of real sentences (datelines, connectives, how-to headings), never of a caption.
_SENTENCE_OPENING_WORDS = (
    "Theo", "Sau", "Trong", "Tuy", "Nhưng", "Bên cạnh", "Đồng thời", "Về", "Dự kiến",
    "Thế nhưng", "Cũng", "Với", "Để", "Khi", "Nếu", "Do", "Vì", "Còn", "Cách", "Làm sao",
    "Tại sao", "Đội hình", "Riêng", "Ngoài", "Trước", "Hiện", "Qua", "Từ", "Đến", "Tại",
    "Cùng đó", "Cùng với", "Đồng thời", "Bởi", "Tiếp đó", "Tiếp theo", "Kết quả",
)  # fmt: skip
_SENTENCE_OPENINGS = re.compile(
    r"^(?:(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm)\s+(?:\d|qua|nay|\w+\s+\d)|\W|\d+[.)/]|(?:"
    + "|".join(re.escape(w) for w in _SENTENCE_OPENING_WORDS)
    + r")\b)"
)
_FINAL_MARKS = ".!?…:;,-–"
_SENTENCE_MARKS = ".!?…"
_CLOSERS = '"”’»)]'


def _ends_punctuated(text: str) -> bool:
    """Ends in punctuation, or a full stop and closing quotes or brackets (a final newline aside).

    Looks at the end only: a regex anchored with ``$`` would be tried at every position."""
    if text.endswith("\n"):
        text = text[:-1]  # where ``$`` also matches
    if not text:
        return False
    if text[-1] in _FINAL_MARKS:
        return True
    bare = text.rstrip(_CLOSERS)
    return len(bare) < len(text) and bare != "" and bare[-1] in _SENTENCE_MARKS


def _caption_like(text: str) -> bool:
    """A short line that pictures something and is no sentence of the story."""
    # the cheap tests first
    return (
        15 <= len(text) <= 220
        and ";" not in text
        and text.count(",") <= 4
        and text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
        and len(text.split()) >= 5
        and _SENTENCE_OPENINGS.match(text) is None
        and _CAPTION_CUES.search(text) is not None
        and _NOT_CAPTION_RE.search(text) is None
    )


def find_captions(paragraphs: list[str]) -> list[tuple[int, int]]:
    """(start, end) offsets into the joined body of the photo captions among the paragraphs."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        for start, end in _paragraph_captions(paragraph, index, paragraphs):
            spans.append((offset + start, offset + end))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return spans


_BARE_LINE_MARKS = re.compile(r"[:;\"“”]")


def _bare_line(paragraph: str) -> bool:
    """A short line of several words without final punctuation: a caption or a subheading.
    Lists ("CLB Hà Nội: ..."), titles and quotes are not."""
    if not 15 <= len(paragraph) <= 160 or _ends_punctuated(paragraph):
        return False  # the cheap tests first: most short paragraphs are sentences
    words = paragraph.split()
    return (
        len(words) >= 5
        and sum(1 for w in words if w[:1].islower()) * 2 >= len(words)
        and not _BARE_LINE_MARKS.search(paragraph)
        and _SENTENCE_OPENINGS.match(paragraph) is None
        and _NOT_CAPTION_RE.search(paragraph) is None
    )


def _in_gallery(index: int, paragraphs: list[str]) -> bool:
    """Between two bare lines: photos in a row, each with its line (a subheading stands alone)."""
    neighbours = [i for i in (index - 1, index + 1) if 0 < i < len(paragraphs)]
    return _bare_line(paragraphs[index]) and any(_bare_line(paragraphs[i]) for i in neighbours)


def _paragraph_captions(paragraph: str, index: int, paragraphs: list[str]) -> list[tuple[int, int]]:
    if _CREDIT_ONLY_RE.match(paragraph):
        return [(0, len(paragraph))]
    if index > 0 and _in_gallery(index, paragraphs):
        return [(0, len(paragraph))]
    credits = _credit_spans(paragraph)
    if index > 0 and len(paragraph) <= 220:
        # a caption paragraph: no final punctuation, or a credit at its end
        last = credits[-1] if credits else None
        if last is not None and last[1] >= len(paragraph.rstrip(". ")):
            if _caption_like(paragraph[: last[0]].strip(" .")):
                return [(0, len(paragraph))]
        elif len(paragraph) <= 160 and not _ends_punctuated(paragraph) and _caption_like(paragraph):
            return [(0, len(paragraph))]
        if len(paragraph) <= 160:
            return []
    return _embedded_captions(paragraph, credits)


_CAPITAL_WORD_RE = re.compile(r"[^\W\d_][\w.'’&+-]*(?:/[\w.'’&+-]+)*")
_NOT_IN_CREDIT = frozenset(
    ["Hai", "Ba", "Một", "Những", "Các", "Đây", "Theo", "Tại", "Ông", "Bà", "Chị", "Trong", "Sau",
     "Khi", "Với", "Cùng", "Tham", "Phát", "Thay", "Dịp", "Nhân", "Người", "Lễ", "Đoàn", "Thủ",
     "Bộ", "Chủ", "Phó", "Đồng", "Ngày", "Sáng", "Chiều", "Tối", "Năm", "Hiện", "Đại", "Trước"]
)  # fmt: skip


def _credit_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans of photo credits; their end is where the credited names visibly stop."""
    spans: list[tuple[int, int]] = []
    for head in _credit_heads(paragraph):
        if head.group(1):  # "(Ảnh: ...)": the bracket closes it
            close = paragraph.find(")", head.end())
            if 0 < close - head.end() <= 60:
                spans.append((head.start(), close + 1))
            continue
        end = head.end()
        words = 0
        all_caps = False
        for m in _CAPITAL_WORD_RE.finditer(paragraph, head.end()):
            gap = paragraph[end : m.start()]
            word = m.group(0)
            if gap.strip(" -–") or not word[0].isupper() or words >= 4:
                break
            if words:
                following = paragraph[m.end() :].lstrip()[:1]
                if (
                    word.rstrip(".") in _NOT_IN_CREDIT
                    or (all_caps and not word.isupper())
                    or following.islower()  # the word opens the next sentence ("Nghe tiếng")
                    or (words >= 3 and "/" not in word)
                ):
                    break
            else:
                all_caps = word.isupper() and len(word) > 2
            end = m.end()
            words += 1
            if word.isupper() and "/" in paragraph[head.end() : end] and len(word) > 2:
                break  # "VGP/Nhật Bắc TTXVN": an agency after a slash closes the credit
            if word.endswith("."):
                break
        if words:
            spans.append((head.start(), end))
    return spans


def _credit_heads(paragraph: str) -> Iterator[re.Match[str]]:
    """What ``_CREDIT_HEAD_RE.finditer`` finds, trying the pattern only where a head can begin:
    at a credit word or at the bracket (and spaces) right before one."""
    if "Ảnh" not in paragraph and "Nguồn ảnh" not in paragraph:
        return  # most paragraphs: a substring test is faster than any search for the words
    position = 0
    for word in _CREDIT_WORD_RE.finditer(paragraph):
        at = word.start()
        if at < position:
            continue  # inside the head found before
        bracket = at - 1
        while bracket >= position and paragraph[bracket].isspace():
            bracket -= 1
        starts = (bracket, at) if bracket >= position and paragraph[bracket] == "(" else (at,)
        for start in starts:
            head = _CREDIT_HEAD_RE.match(paragraph, start)
            if head is not None:
                yield head
                position = head.end()
                break


def _embedded_captions(paragraph: str, credits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Unpunctuated caption sentences inside a flattened paragraph."""
    spans: list[tuple[int, int]] = []
    gaps = _starter_gaps(paragraph)
    if not credits and not gaps:
        return spans  # most long paragraphs: no need to find where their sentences begin
    # Sentence ends only as far as the last place asked about: one that the limit cuts short
    # ends past that place, so every end before it is the same as in a search of it all.
    last = max([max(0, start - 2) for start, _ in credits] + gaps)
    ends = _SENTENCE_END_RE.finditer(paragraph, 0, last + 1)
    sentence_starts = [0] + [m.end() for m in ends]

    def start_before(position: int) -> int:
        return sentence_starts[bisect.bisect_right(sentence_starts, position) - 1]

    # "... chụp ảnh lưu niệm. Ảnh: Việt Hoàng Trong khuôn khổ ...": the sentence before a credit
    for credit_start, credit_end in credits:
        start = start_before(max(0, credit_start - 2))
        caption = paragraph[start:credit_start].strip(" .")
        if caption and not _caption_like(caption):
            start = credit_start  # only the credit itself
        spans.append((start, credit_end))
    # "... Nguyễn Văn Trân Cùng dự có ..."
    credit_starts = [s for s, _ in spans]
    for gap in gaps:
        start = start_before(gap)
        caption = paragraph[start:gap]
        before = bisect.bisect_left(credit_starts, gap) - 1
        if before >= 0 and spans[before][1] > start:
            continue  # overlaps a credited caption
        if _caption_like(caption) and not _ends_punctuated(caption):
            spans.append((start, gap))
    return sorted(spans)


def _starter_gaps(paragraph: str) -> list[int]:
    """Where the spaces begin between a word (letter or digit) and a sentence starter after it."""
    gaps = []
    position = 0
    # searched again from the next character, so a starter found never hides one inside it
    while (m := _STARTER_WORD_RE.search(paragraph, position)) is not None:
        position = m.start() + 1
        gap = m.start()
        while gap > 0 and paragraph[gap - 1].isspace():
            gap -= 1
        if 0 < gap < m.start() and paragraph[gap - 1].isalnum():
            gaps.append(gap)
    return gaps
