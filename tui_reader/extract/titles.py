"""Titles: a position head ("Giám đốc") and the organisation written after it."""

from __future__ import annotations

from dataclasses import dataclass

from tui_reader.extract.names import person_name_at, place_at
from tui_reader.extract.scan import Scan
from tui_reader.text import key

MAX_TITLE_TOKENS = 20
MAX_LOWER_RUN = 6  # lower-case words in a row inside an organisation ("khoa khám, điều trị")
FORMER = frozenset({"nguyên", "cựu"})


@dataclass(frozen=True)
class TitleSpan:
    """A title as tokens start..end-1; ``head_end`` is where its organisation part begins."""

    start: int
    head_end: int
    end: int

    @property
    def bare(self) -> bool:
        """True when the title is only a head, with no organisation written."""
        return self.head_end >= self.end


def title_at(sc: Scan, h: int) -> TitleSpan | None:
    """The title whose head starts at token h, with "nguyên" before it and its organisation."""
    head_end = sc.positions.get(h)
    if head_end is None:
        return None
    span = sc.titles.get(h)
    if span is None:
        start = h
        if h > 0 and sc.doc.tokens.keys[h - 1] in FORMER and sc.doc.adjacent(h):
            start = h - 1
        span = sc.titles[h] = TitleSpan(start, head_end, organisation_end(sc, head_end))
    return span


# words after which a position head is part of an organisation's name ("Hội đồng Bộ trưởng",
# "Văn phòng Chủ tịch nước")
_HEAD_HOSTS = frozenset(key(w) for w in ("đồng", "phòng", "của", "đoàn"))


# units whose name ends an organisation ("UBND huyện Gia Viễn"), unlike "nước Cộng hòa ..."
_LOCAL_UNITS = frozenset(
    key(w) for w in ("tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "thôn", "ấp")
)


# capitalised words that name an event, not a place, after "tại"
_EVENTS = frozenset(
    key(w) for w in ("lễ", "hội", "buổi", "kỳ", "phiên", "diễn", "chương", "đại", "cuộc", "tọa")
)


def organisation_end(sc: Scan, j: int) -> int:
    """Where the organisation part that begins at token j ends (exclusive)."""
    cache = sc.organisation_ends
    end = cache.get(j)
    if end is None:
        end = cache[j] = _organisation_end(sc, j)
    return end


def _organisation_end(sc: Scan, j: int) -> int:
    doc = sc.doc
    toks = doc.tokens
    keys, words, upper = toks.keys, toks.words, toks.upper
    n = len(keys)
    vocab = sc.vocab
    positions, stops = sc.positions, sc.stops
    gaps = toks.gaps
    # first words of the phrases looked for below: any other word matches none of them
    stop_firsts, organisation_starts = vocab.stop_phrases, vocab.organisation_starts
    place_starts = vocab.place_starts
    head_end = j
    lower_run = 0
    after_place = False
    end = j
    while (
        j < n
        and j - head_end < MAX_TITLE_TOKENS
        and (
            (j and gaps[j] == " ")
            or doc.adjacent(j)
            or _dash_inside_name(sc, j)
            or _comma_inside_name(sc, j)
        )
    ):
        k = keys[j]
        up = upper[j]
        if j in sc.ranks or j in sc.awards or up and k in vocab.degrees:
            break  # "Hiệu trưởng PGS.TS Lưu Trang": a degree comes before the name
        if (
            j in positions
            and up
            and keys[j - 1] not in _HEAD_HOSTS
            and (j > head_end or sc.ends_before(sc.positions, j) is not None)
        ):
            break  # "Chủ tịch nước Thứ trưởng X": a second title (but "Hội đồng Bộ trưởng")
        phrase = _organisation_phrase(sc, j) if k in organisation_starts else None
        if phrase and after_place and up:
            break  # "UBND tỉnh Khánh Hòa Ban cán sự đảng ...": a caption's next phrase
        if phrase:  # "Ban tổ chức": lower-case words that would otherwise end the title
            j = end = phrase
            lower_run = 0
            continue
        # verbs end the organisation; capitalised, only sentence openers do ("Ban Tổ chức")
        stop_end = stops.get(j) if k in stop_firsts else None
        if stop_end and (
            not up
            or k in vocab.not_given_names
            or stop_end - j > 1
            and not _named_after_body(sc, j)
            # "Trưởng phòng Tổ chức cán bộ": the body's kind written right after the head
            and not (j == head_end + 1 and up and keys[j - 1] in _BODY_WORDS)
            and not _organisation_kind(sc, j, stop_end)
        ):
            break
        if j in sc.honorifics and not up:
            break
        if up and k in _TIMES and j + 1 < n and words[j + 1][:1].isdigit():
            break  # "Bí thư Thành ủy TP.HCM Sáng 10.5, ...": a caption ends, a dated one opens
        if up:
            lower_run = 0
            prev = keys[j - 1]
            place_end = place_at(sc, j) if k in place_starts else None
            if place_end is not None and place_end - j == 1 and j == head_end:
                place_end = None  # "Phó Ban Pháp chế": a one-word country is also a word
            if place_end is not None and (
                j > head_end
                or prev in vocab.admin_units
                or " ".join(keys[j:place_end]) not in vocab.people_named_like_places
            ):
                j = end = place_end
                after_place = True
                continue
            name_end = person_name_at(sc, j, after_title=True)
            if name_end is not None:
                prev2 = f"{keys[j - 2]} {prev}" if j > 1 else prev
                if prev not in vocab.institutions and prev2 not in vocab.institutions:
                    break
                j = end = name_end  # "Trường THCS Thạch Kim", "Bệnh viện Bạch Mai"
                continue
            if k in vocab.admin_units and words[j].isupper():
                after_place = True  # "Thành ủy TP dìu bà X": a bare "TP" is the whole place
            if prev in _LOCAL_UNITS:
                after_place = True  # "huyện Gia Viễn": an unknown place ends it the same way
            j += 1
            end = j
            continue
        if k == "kiêm" or k == "và" and j == head_end:
            break  # "Thứ trưởng và đoàn công tác": "và" joins people, not an organisation
        if k == "và" and j + 1 < n and words[j + 1][:1].isdigit():
            break  # "Ban Tuyên giáo Trung ương và 127 ..."
        if k in ("tại", "ở") and not (j + 1 < n and upper[j + 1] and keys[j + 1] not in _EVENTS):
            break  # "Đại sứ Nga tại Việt Nam", but not "... tại buổi lễ", "... tại Lễ kỷ niệm"
        if after_place and k not in vocab.admin_units:
            break  # "Chủ tịch UBND xã Phù Việt lo lắng": the place ends the organisation
        lower_run += k != "và"  # "Hồi sức tích cực và chống độc": "và" joins the name
        if lower_run > MAX_LOWER_RUN:
            break
        j += 1
        end = j
    while end > head_end and keys[end - 1] in vocab.trailing:
        end -= 1
    return end


def _organisation_kind(sc: Scan, j: int, stop_end: int) -> bool:
    """A capitalised "Tổ chức" before a capitalised name is a body ("Tổ chức Y tế Thế giới"),
    not the verb "tổ chức" opening a sentence."""
    toks = sc.doc.tokens
    return (
        toks.keys[j : j + 2] == _ORGANISATION_KIND
        and stop_end == j + 2
        and stop_end < len(toks)
        and toks[stop_end].upper
        and sc.doc.adjacent(stop_end)
    )


_ORGANISATION_KIND = [key("tổ"), key("chức")]


# times of day that open a dated sentence ("Sáng 10.5", "Chiều 6/7")
_TIMES = frozenset(key(w) for w in ("sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm"))

_BODY_WORDS = frozenset(key(w) for w in ("bộ", "cục", "vụ", "sở", "ban", "phòng", "viện", "tâm"))


def _named_after_body(sc: Scan, j: int) -> bool:
    """True when token j names a body right after its capitalised kind ("Cục Thông tin"): a
    capitalised verb phrase there is a name, not a new sentence."""
    toks = sc.doc.tokens
    return j > 0 and toks[j - 1].upper and toks.keys[j - 1] in _BODY_WORDS


def _organisation_phrase(sc: Scan, j: int) -> int | None:
    """The end of a two- or three-word organisation name starting at token j ("Ban tổ chức")."""
    keys = sc.doc.tokens.keys
    if keys[j] not in sc.vocab.organisation_starts:
        return None
    gaps = sc.doc.tokens.gaps
    n = len(keys)
    for size in (3, 2):
        if (
            j + size <= n
            and " ".join(keys[j : j + size]) in sc.vocab.organisations
            and all(gaps[t] == " " for t in range(j + 1, j + size))
        ):
            return j + size
    return None


# word pairs written with a comma inside a body's name ("Chương trình phòng, chống lao")
_COMMA_PAIRS = frozenset(
    (key(a), key(b)) for a, b in (("phòng", "chống"), ("khám", "chữa"), ("khám", "điều"))
)


def _comma_inside_name(sc: Scan, j: int) -> bool:
    """A comma between two words that make one phrase of a name ("phòng, chống")."""
    keys = sc.doc.tokens.keys
    return j > 0 and sc.doc.gap(j) == ", " and (keys[j - 1], keys[j]) in _COMMA_PAIRS


# signatures of an editor's or reporter's note in brackets: "- PV", "- BTV", "- NV"
_NOTE_SIGNS = frozenset(key(w) for w in ("pv", "ptv", "btv", "ctv", "nd", "nv", "ndt"))


def _dash_inside_name(sc: Scan, j: int) -> bool:
    """A dash between two capitalised words of one organisation ("Quân chủng Phòng không -
    Không quân", "Sở Văn hóa - Thể thao"), not between two titles or a title and a name."""
    if sc.doc.gap(j).strip() not in ("-", "–") or j < 1:
        return False
    tok = sc.doc.tokens[j]
    toks = sc.doc.tokens
    # the word before the dash ends a capitalised name: "Sở Văn hóa - Thể thao", "Thi đua - Khen"
    before = toks[j - 1].upper or j > 1 and toks[j - 2].upper and sc.doc.adjacent(j - 1)
    if not tok.upper or not before or j in sc.positions or j in sc.ranks:
        return False
    if tok.key in sc.vocab.not_given_names and tok.key not in sc.vocab.organisation_heads:
        return False
    if tok.key in _NOTE_SIGNS:
        return False  # "(... Bí thư Yên Bái - PV)": the writer's note, not part of the body
    return person_name_at(sc, j, after_title=True) is None


def title_text(sc: Scan, span: TitleSpan) -> str:
    """The title as written in the body."""
    return sc.doc.text(span.start, span.end)
