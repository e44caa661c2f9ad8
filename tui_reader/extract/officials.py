"""Officials: names joined to the ranks and titles written before and after them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from tui_reader.extract.model import Official, Span
from tui_reader.extract.names import foreign_name_at, person_name_at, place_at
from tui_reader.extract.scan import Scan
from tui_reader.extract.titles import TitleSpan, title_at, title_text
from tui_reader.text import fold, key

# Separators between the titles of one person: ", " and dashes; "kiêm" is read as a token.
CHAIN_GAPS = frozenset({", ", ",", " - ", " – ", " — ", "; "})
LEFT_CHAIN_GAPS = frozenset({", ", ",", " - ", " – ", " — "})
RIGHT_OPENERS = frozenset({", ", " - ", " – ", " — ", " (", ": "})
LEFT_CHAIN_BREAKERS = frozenset({"của", "quyền", "cho", "tặng", "với", "và"})
CHAIN_STARTERS = frozenset({"và", "với"})
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc", "tp": "thanh pho", "tw": "trung uong",
    "tu": "trung uong", "bch": "ban chap hanh", "btv": "ban thuong vu",
    "cand": "cong an nhan dan", "qdnd": "quan doi nhan dan", "gd": "giam doc",
    "ubtu": "uy ban trung uong", "ubtw": "uy ban trung uong", "dbqh": "dai bieu quoc hoi",
    "tphcm": "thanh pho ho chi minh", "hcm": "ho chi minh", "ubmttqvn": "uy ban mat tran to quoc",
    "vn": "viet nam",
}  # fmt: skip
ROLE_MARKERS = frozenset({
    "chức", "chức vụ", "chức danh", "giữ chức", "giữ chức vụ", "các chức vụ", "đảm nhiệm",
    "đảm nhận", "cương vị", "vai trò là", "được bầu làm", "bổ nhiệm làm", "được bầu giữ", "làm",
    "là", "nguyên là", "hiện là", "từng là", "còn là", "còn làm", "ở vị trí",
    "cương vị là", "xin thôi", "giữ vị trí", "đảm nhiệm vị trí", "tái đắc cử", "đắc cử",
    "trúng cử", "được bổ nhiệm", "khi còn", "khi còn là", "khi đó là", "lúc đó là",
})  # fmt: skip
RELIEVE_VERBS = frozenset(
    {"miễn nhiệm", "cách chức", "bãi nhiệm", "thôi giữ", "đình chỉ", "xem xét", "tạm đình"}
)
# first words of titles that several people hold at once
SHARED_HEADS = frozenset({"pho", "uy", "thanh", "thu", "dai", "nguyen", "cuu", "to", "hoi"})
# heads complete in themselves: "Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ" shares nothing
SELF_STANDING = frozenset(
    fold(h)
    for h in ("Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Chủ tịch nước", "Phó Chủ tịch nước",
              "Tổng Bí thư", "Tổng thống", "Phó Tổng thống", "Thị trưởng", "Ngoại trưởng")
)  # fmt: skip
LIST_GAPS = frozenset({", ", " và ", ", và "})
# Party committees that complete a bare "Ủy viên Ban Thường vụ" written before them.
COMMITTEE_ENDINGS = ("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "quân ủy")
INCOMPLETE_COMMITTEES = ("ban thường vụ", "ban chấp hành", "ban thường vụ đảng ủy")


@dataclass
class Occurrence:
    """One written name with the rank and titles around it."""

    start: int  # token indexes
    end: int
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    titled: bool = False  # a title or rank is written next to the name
    after: list[str] = field(default_factory=list)  # the titles written after the name


@dataclass
class Person:
    """An official being assembled from all occurrences of one name."""

    name: str
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


def _titles_by_end(sc: Scan) -> dict[int, TitleSpan]:
    """Every title in the body keyed by its end token; the longest one wins per end."""
    by_end: dict[int, TitleSpan] = {}
    for h in sorted(sc.positions):
        span = title_at(sc, h)
        if span is None:
            continue
        known = by_end.get(span.end)
        if known is None or span.start < known.start:
            by_end[span.end] = span
    return by_end


def _chain_texts(sc: Scan, spans: list[TitleSpan], gaps: list[str]) -> list[str]:
    """Title texts of one chain, with organisations shared across "-" and "kiêm" and committees
    completed ("Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy")."""
    texts = [title_text(sc, s) for s in spans]
    for i in range(len(spans) - 1):
        nxt = spans[i + 1]
        if nxt.bare:
            continue
        low = fold_key(texts[i])
        org = sc.doc.text(nxt.head_end, nxt.end)
        if spans[i].bare and gaps[i] in ("-", "kiêm") and fold_key(texts[i]) not in SELF_STANDING:
            if org.lower().startswith("của "):
                org = org[4:]
            texts[i] = f"{texts[i]} {org}"
        elif low.endswith(tuple(fold_key(c) for c in INCOMPLETE_COMMITTEES)):
            org_key = fold_key(org)
            for ending in COMMITTEE_ENDINGS:
                pos = org_key.rfind(fold_key(ending))
                if pos >= 0:
                    texts[i] = f"{texts[i]} {org[pos:]}"
                    break
        elif low.endswith(" dang uy") and gaps[i] == ",":
            texts[i] = f"{texts[i]} {_party_committee_of(sc, nxt)}"
    return texts


# local organs whose committee is the locality's ("Bí thư Đảng ủy, Chủ tịch UBND xã X": the
# Party committee of xã X), unlike "Bí thư Đảng ủy, Giám đốc Công an tỉnh" (of the police)
_LOCAL_ORGANS = ("ubnd", "hdnd", "uy ban", "hoi dong", "dai hoi", "ubmttq", "mttq")
_LOCALITY_WORDS = frozenset(
    {"khu", "tinh", "thanh", "huyen", "quan", "xa", "phuong", "thi", "tp", "dac"}
)


def _party_committee_of(sc: Scan, nxt: TitleSpan) -> str:
    """What a bare "Đảng ủy" belongs to, read from the next title's organisation: its locality
    when that organisation is a local organ, else the whole organisation."""
    doc = sc.doc
    org = doc.text(nxt.head_end, nxt.end)
    if not fold_key(org).startswith(_LOCAL_ORGANS):
        return org
    for t in range(nxt.end - 1, nxt.head_end, -1):
        if fold(doc.tokens.keys[t]) in _LOCALITY_WORDS and t + 1 < nxt.end:
            return doc.text(t, nxt.end)
    return org


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Diacritic-free, space-normalised comparison form."""
    return " ".join(fold(text).split())


def _right_chain(sc: Scan, m: int) -> tuple[list[TitleSpan], list[str]]:
    """Titles written after a name that ends at token m."""
    gap = sc.doc.gap(m) if m < len(sc.doc.tokens) else ""
    if gap == " " and sc.doc.tokens.upper[m]:
        # "bà Pany Yathotu Ủy viên Bộ Chính trị, Chủ tịch Quốc hội": a missing comma; only a
        # chain of two titles or more shows the words after the name are that person's posts
        spans, gaps = _chain_from(sc, m)
        return (spans, gaps) if len(spans) > 1 else ([], [])
    if gap not in RIGHT_OPENERS:
        return [], []
    spans, gaps = _chain_from(sc, m)
    if not spans and gap == " (":
        after = _after_aside(sc, m)
        if after is not None:
            return _chain_from(sc, after)
    return spans, gaps


def _after_aside(sc: Scan, m: int) -> int | None:
    """The token after a short aside in brackets that holds a birth year or an age
    ("Nguyễn Văn A (SN 1962), nguyên Giám đốc ..."), when a comma follows it."""
    doc = sc.doc
    for t in range(m + 1, min(len(doc.tokens), m + 6)):
        gap = doc.gap(t)
        if ")" in gap:
            if gap not in ("), ", ") - ") or not any(
                doc.tokens[i].text[:1].isdigit() for i in range(m, t)
            ):
                break
            return t
        if gap != " ":
            break
    # "ông Phạm Sỹ Quý (em trai bà X, Bí thư Y), Giám đốc Sở Z": a kinship aside
    if m + 1 < len(doc.tokens) and doc.tokens.keys[m] in _KIN:
        for t in range(m + 1, min(len(doc.tokens), m + 25)):
            gap = doc.gap(t)
            if "(" in gap or "." in gap or "\n" in gap:
                return None
            if ")" in gap:
                return t if gap in ("), ", ") - ") else None
    return None


# family words that open an aside about a relative
_KIN = frozenset(
    key(w) for w in ("em", "anh", "chị", "con", "vợ", "chồng", "cháu", "bố", "mẹ", "cha", "bác")
)


def _chain_from(sc: Scan, m: int) -> tuple[list[TitleSpan], list[str]]:
    """Titles starting at token m and those chained to it by commas, dashes or "kiêm"."""
    doc = sc.doc
    toks = doc.tokens
    n = len(toks)
    keys = toks.keys
    spans: list[TitleSpan] = []
    gaps: list[str] = []
    sep = ","
    while m < n:
        h = m
        if keys[h] == "kiêm" and h + 1 < n:
            h += 1
            sep = "kiêm"
        if keys[h] in ("nguyên", "cựu") and h + 1 < n and doc.adjacent(h + 1):
            h += 1
        span = title_at(sc, h)
        if span is None:
            break
        # a title running into another name belongs to that name ("A, Giám đốc X Nguyễn B")
        if span.end < n and doc.adjacent(span.end) and person_name_at(sc, span.end, True):
            break
        rank_end = sc.ranks.get(span.end) if span.end < n and doc.adjacent(span.end) else None
        if rank_end and rank_end < n and person_name_at(sc, rank_end, True):
            break  # "A, Tư lệnh X Thống tướng B": the title is B's
        if span.end < n and doc.gap(span.end).startswith(":") and _names_follow(sc, span.end):
            break  # "A, nguyên Tổng Bí thư: B, C": the title heads the list that follows
        spans.append(span)
        if spans[:-1]:
            gaps.append(sep)
        m = span.end
        if m >= n:
            break
        gap = doc.gap(m)
        if keys[m] == "kiêm" and gap == " ":
            sep = "kiêm"
            continue
        if gap not in CHAIN_GAPS or gap == "; ":
            break
        sep = "-" if gap.strip() in ("-", "–", "—") else ","
        if keys[m] == "kiêm":
            sep = "kiêm"
    return spans, gaps


def _list_follows(sc: Scan, j: int) -> bool:
    """True when a list of people starts at token j: a name, a title, or capitalised words
    followed by a comma and a title ("Thuận Hữu, Tổng Biên tập ..."), not "Quốc phòng, ..."."""
    if _names_follow(sc, j) or j in sc.positions:
        return True
    doc = sc.doc
    for t in range(j + 1, min(len(doc.tokens), j + 4)):
        if not doc.tokens[t - 1].upper:
            return False
        if doc.gap(t) == ", ":
            return t in sc.positions
    return False


def _names_follow(sc: Scan, j: int) -> bool:
    """True when a person's name (after an honorific or a rank, if any) starts at token j."""
    j = sc.honorifics.get(j, j)
    j = sc.ranks.get(j, j)
    return j < len(sc.doc.tokens) and person_name_at(sc, j, True) is not None


def _left_chain(
    sc: Scan, k: int, by_end: dict[int, TitleSpan]
) -> tuple[list[TitleSpan], list[str]]:
    """Titles written before a name (or its rank) that starts at token k."""
    doc = sc.doc
    spans: list[TitleSpan] = []
    gaps: list[str] = []
    span = by_end.get(k)
    if span is None or not doc.adjacent(k):
        return spans, gaps
    spans.append(span)
    while True:
        s = span.start
        gap = doc.gap(s)
        sep = None
        prev_end = s
        if gap in LEFT_CHAIN_GAPS:
            sep = "-" if gap.strip() in ("-", "–", "—") else ","
        elif gap == " " and s > 0 and doc.tokens.keys[s - 1] == "kiêm":
            sep = "kiêm"
            prev_end = s - 1
            if doc.gap(prev_end) not in (" ", ", "):
                break
        if sep is None:
            break
        span = by_end.get(prev_end)
        if span is None:
            break
        opener = doc.tokens.keys[span.start - 1] if span.start > 0 else ""
        if opener in LEFT_CHAIN_BREAKERS and opener not in CHAIN_STARTERS:
            break  # "thừa ủy quyền của Thủ tướng, Bộ trưởng X": the first is someone else
        spans.insert(0, span)
        gaps.insert(0, sep)
        if opener in CHAIN_STARTERS:
            break  # "A và Ủy viên Bộ Chính trị, Trưởng ban X B": the chain starts after "và"
    return spans, gaps


def find_officials(sc: Scan) -> list[Official]:
    """All officials of the body, in order of first mention, with every mention span."""
    if not sc.positions and not sc.ranks:
        return []  # an official has a title or a rank, and every one is read from these
    doc = sc.doc
    toks = doc.tokens
    by_end = _titles_by_end(sc)
    people: dict[str, Person] = {}
    occurrences: list[tuple[str, Occurrence]] = []
    shared: list[str] = []
    shared_until = -1  # token index where the previous name of a shared list ended
    used: set[TitleSpan] = set()  # titles already given to the name before them
    next_free = 0
    surnames = sc.vocab.surnames
    keys = toks.keys
    rank_ends, honorific_ends = sc.rank_ends, sc.honorific_ends
    degrees = sc.vocab.degrees
    # heads written after a comma: a foreign name may stand before them ("Kim Jong-un, Chủ tịch")
    after_comma = {h for h in sc.positions if doc.gap(h) in (", ", " - ", " – ")}
    # the capitals two to four words before such a head
    near_comma = {h - d for h in after_comma for d in (2, 3, 4)}
    # only capitals that are a family name or stand right after a title, rank or "ông" (or
    # near a comma before a head) may start a name: picked out in C, not word by word
    capitals = doc.capitals
    upper = toks.upper
    n = len(keys)
    family = map(surnames.__contains__, map(keys.__getitem__, capitals))
    candidates = set(compress(capitals, family))
    for table in (by_end, rank_ends, honorific_ends, near_comma):
        candidates.update(i for i in table if 0 <= i < n and upper[i])
    for i in sorted(candidates):
        if i < next_free:
            continue
        k = i
        rank = None
        while k > 0 and keys[k - 1] in degrees and doc.gap(k) in (" ", ".", ". "):
            k -= 1  # "Hiệu trưởng PGS.TS Lưu Trang": skip the degree
        # what precedes the name: honorific, rank, honorific again ("đồng chí Đại tướng ...")
        before = honorific_ends.get(k)
        if (
            before is not None
            and doc.adjacent(k)
            and not (k in by_end and by_end[k].start < before and place_at(sc, before) == k)
        ):
            k = before  # but "Nữ hoàng Anh Elizabeth II": "Anh" (England) ends the title
        rs = rank_ends.get(k)
        if (
            rs is None
            and k > 2
            and keys[k - 1] in _SERVICE_ENDS
            and f"{keys[k - 2]} {keys[k - 1]}" in _SERVICES
            and doc.adjacent(k)
        ):
            # "Thiếu úy quân nhân Trần Ngọc Châu Anh": the service between rank and name
            rs = sc.ends_before(sc.ranks, k - 2)
            if rs is not None and doc.adjacent(k - 2) and doc.adjacent(k - 1):
                rank = doc.text(rs, k - 2)
                k = rs
            rs = None
        if rs is not None and doc.adjacent(k):
            rank = doc.text(rs, k)
            k = rs
            before = sc.ends_before(sc.honorifics, k)
            if before is not None and doc.adjacent(k):
                k = before
        after_title = k != i or (i in by_end and (doc.adjacent(i) or doc.gap(i) == ": "))
        end = person_name_at(sc, i, after_title)
        if end is None and not after_title:
            end = _foreign_before_title(sc, i)
        if end is None and i in honorific_ends:
            end = _transcribed_before_title(sc, i)
        if end is None:
            continue
        # "mang tên Đại tướng Maximo Gómez", "Trường THPT Lê Quý Đôn": part of another name
        if k > 0 and (k != i or not after_title) and _inside_institution(sc, k):
            next_free = end
            continue
        occ = Occurrence(i, end, rank=rank)
        left, lgaps = _left_chain(sc, k, by_end)
        if not left and rank is not None and k > 0 and doc.gap(k) in LEFT_CHAIN_GAPS:
            # "Bộ trưởng Bộ Công an - Đại tướng Lương Tam Quang", but not "báo cáo với Bộ
            # trưởng, Chuẩn đô đốc X"
            span = by_end.get(k)
            if span is not None and not (
                span.start > 0 and toks.keys[span.start - 1] in LEFT_CHAIN_BREAKERS
            ):
                left, lgaps = [span], []
        if left and left[-1] in used:
            left, lgaps = [], []
        if left and occ.rank is None and doc.gap(left[0].start) == ", ":
            rs = sc.ends_before(sc.ranks, left[0].start)
            if rs is not None:  # "Đại tướng, Bộ trưởng Quốc phòng Thái Lan Prawit Wongsuwon"
                occ.rank = doc.text(rs, left[0].start)
        right, rgaps = _right_chain(sc, end)
        used.update(right)
        occ.after = _chain_texts(sc, right, rgaps)
        occ.titles = _chain_texts(sc, left, lgaps) + occ.after
        if left and left[0].start > 0 and toks[left[0].start - 1].key == "các":
            shared = _chain_texts(sc, left, lgaps)
            shared_until = end
        elif (
            shared
            and i >= shared_until
            and doc.body[toks[shared_until - 1].end : toks[i].start] in LIST_GAPS
            and not left
        ):
            occ.titles = shared + occ.titles
            shared_until = end
        else:
            shared = []
        occ.titled = bool(occ.titles or occ.rank)
        occurrences.append((doc.text(i, end), occ))
        next_free = max(end, right[-1].end) if right else end
        if right and doc.gap(end) == " (" and toks.keys[end] in _KIN:
            next_free = end  # names inside the aside are read too ("em trai bà X, Bí thư Y")
    _shared_lists(sc, by_end, occurrences)
    before = _titles_written_before(occurrences)
    for name, occ in occurrences:
        fk = fold_key(name)
        person = people.get(fk)
        if person is None:
            person = people[fk] = Person(name=name)
        if occ.rank and not person.rank:
            person.rank = occ.rank
        for t in occ.titles:
            if t in occ.after and len(occ.after) == 1 and _held_by_another(t, fk, before):
                continue
            _add_title(person.titles, t)
        person.mentions.append((toks.starts[occ.start], toks.ends[occ.end - 1]))
    _merge_short_names(people, sc.vocab.surnames)
    _role_titles(sc, people, used)
    _subject_titles(sc, people, used)
    _drop_abbreviated_twins(sc.doc.body, people)
    officials = []
    for person in people.values():
        person.titles = [t for t in person.titles if not _event_role(t)]
        if not person.titles and not person.rank:
            continue
        _add_short_mentions(sc, person)
        officials.append(
            Official(name=person.name, rank=_capitalised(person.rank), titles=person.titles,
                     mentions=sorted(set(person.mentions)))
        )  # fmt: skip
    return officials


# words that start the name of a paper or a channel, not of a person ("Báo Infonet")
_MEDIA_WORDS = frozenset(key(w) for w in ("báo", "đài", "kênh", "hãng", "tờ", "tạp"))


def _subject_titles(sc: Scan, people: dict[str, Person], used: set[TitleSpan]) -> None:
    """A full title opening a sentence without a name ("Chủ tịch UBND TP.Hà Nội cũng chỉ đạo")
    completes the bare title ("Chủ tịch Nguyễn Đức Chung") of the one person named before with
    that head, when nobody else in the article holds it."""
    doc = sc.doc
    toks = doc.tokens
    for h in sorted(sc.positions):
        if h > 0 and not ("." in doc.gap(h) or "\n" in doc.gap(h)):
            continue  # only a sentence's subject: "được Chủ tịch UBND phường X cấp phép" is not
        span = title_at(sc, h)
        if span is None or span.bare or span in used or span.start != h:
            continue
        if span.end >= len(toks) or toks[span.end].upper:
            continue
        first = span.head_end
        if not toks[first].upper and toks.keys[first] not in sc.vocab.institutions:
            continue  # "Thủ tướng hoan nghênh": a verb, not an organisation
        head = fold_key(doc.text(h, span.head_end))
        holders = [
            p for p in people.values() if any(fold_key(t).startswith(head) for t in p.titles)
        ]
        if len(holders) != 1 or not holders[0].mentions:
            continue
        person = holders[0]
        if head not in {fold_key(t) for t in person.titles}:
            continue  # the one holder must have written only the bare head
        if min(s for s, _ in person.mentions) > toks[h].start:
            continue
        if toks[first].fold in fold_key(person.name).split():
            continue  # "Chủ tịch Chung cho biết": the person's own name
        _add_title(person.titles, title_text(sc, span))


_DEFINED_RE = re.compile(r"\(([A-ZĐ][\w&-]{1,15})\)")


def _drop_abbreviated_twins(body: str, people: dict[str, Person]) -> None:
    """Drop "Tổng Thư ký Interpol" when the same person has "Tổng Thư ký Tổ chức Cảnh sát
    hình sự Quốc tế" and the article defines that body as "(Interpol)": one post, two forms."""
    if "(" not in body:
        return
    defined: dict[str, list[str]] = {}
    for m in _DEFINED_RE.finditer(body):
        defined.setdefault(m.group(1), []).append(body[max(0, m.start() - 120) : m.start()])
    if not defined:
        return
    for person in people.values():
        if len(person.titles) < 2:
            continue
        keep = []
        for t in person.titles:
            head, _, abbr = t.rpartition(" ")
            twin = (
                head
                and abbr in defined
                and any(
                    o != t
                    and o.startswith(head + " ")
                    and any(b.rstrip().endswith(o[len(head) + 1 :]) for b in defined[abbr])
                    for o in person.titles
                )
            )
            if not twin:
                keep.append(t)
        person.titles = keep


def _foreign_before_title(sc: Scan, i: int) -> int | None:
    """A foreign name written before its title after a comma ("Kim Jong-un, Chủ tịch ...")."""
    toks = sc.doc.tokens
    if (
        i in sc.honorifics
        or toks.keys[i] in _MEDIA_WORDS
        or toks.keys[i] in sc.vocab.institutions
        or i > 0
        and sc.doc.adjacent(i)
        and toks.upper[i - 1]  # "Ấn Độ Narendra Modi"
    ):
        return None
    end = foreign_name_at(sc, i)
    if end is None or end >= len(sc.doc.tokens) or sc.doc.gap(end) not in (", ", " - ", " – "):
        return None
    return end if end in sc.positions and sc.doc.tokens.upper[end] else None


# organising committees and juries of one event, unlike the Party's "Ban Tổ chức Trung ương"
_EVENT_ROLE_RE = re.compile(
    r"^(?:nguyen |cuu )?(?:pho )?(?:truong |chu tich )(?:ban |hoi dong )?"
    r"(?:(?:to chuc|btc) (?:le hoi|festival|giai|hoi thi|cuoc thi|chuong trinh|hoi nghi|le )"
    r"|giam khao|giai chung khao|chung khao|so khao)"
)


def _event_role(title: str) -> bool:
    """True for a role in a one-off event ("Trưởng Ban tổ chức Lễ hội", "Trưởng Ban giám khảo")."""
    return _EVENT_ROLE_RE.match(fold_key(title).replace(".", " ")) is not None


def _transcribed_before_title(sc: Scan, i: int) -> int | None:
    """A Lao or Khmer name written syllable by syllable after "ông"/"đồng chí" and before its
    title ("ông Phết Ta Von Phi La Văn, Bí thư Tỉnh ủy"): three to six capitalised words."""
    doc = sc.doc
    toks = doc.tokens
    vocab = sc.vocab
    j = i
    keys, words, upper = toks.keys, toks.words, toks.upper
    while j < len(keys) and j - i < 6 and (j == i or doc.adjacent(j)):
        if not upper[j] or not words[j].isalpha() or j in sc.positions or j in sc.ranks:
            break
        if keys[j] in vocab.not_given_names or keys[j] in vocab.organisations:
            break
        if keys[j] in vocab.place_starts and place_at(sc, j) is not None:
            break
        j += 1
    if j - i < 3 or j >= len(toks) or doc.gap(j) != ", " or j not in sc.positions:
        return None
    return j


_SERVICES = frozenset(key(w) for w in ("quân nhân", "công an", "cảnh sát", "bộ đội"))
_SERVICE_ENDS = frozenset(w.split()[-1] for w in _SERVICES)


def _capitalised(rank: str | None) -> str | None:
    """A rank as a heading writes it ("đại tá" in running text is "Đại tá")."""
    return rank[:1].upper() + rank[1:] if rank else rank


def _role_titles(sc: Scan, people: dict[str, Person], used: set[TitleSpan]) -> None:
    """Titles held through a verb: "ông Dũng từng đảm nhiệm các chức vụ A, B", "được điều động
    giữ chức A": they go to the nearest person named before them in the sentence."""
    doc = sc.doc
    toks = doc.tokens
    keys = toks.keys
    by_last: dict[int, Person] = {}
    by_first: dict[int, Person] = {}
    for person in people.values():
        for start, end in person.mentions:
            last = doc.by_end.get(end)
            if last is not None:
                by_last[last] = person
            first = doc.by_start.get(start)
            if first is not None:
                by_first[first] = person
    given: dict[str, list[Person]] = {}
    for person in people.values():
        given.setdefault(key(person.name).split()[-1], []).append(person)
    for h in sorted(sc.positions):
        m = h
        if m > 0 and keys[m - 1] in ("nguyên", "cựu"):
            m -= 1
        marker = _role_marker_before(sc, m)
        if marker is None:
            continue
        spans, gaps = _chain_from(sc, h)
        if not spans or spans[0] in used:
            continue
        marker_text = " ".join(keys[marker:m])
        if marker_text in COPULAS and not any(toks[t].upper for t in range(h, spans[0].end)):
            continue  # "là phó trưởng ban thứ 8 của cơ quan này": a description, not a post
        subjects = _listed_after(sc, spans[-1].end, by_first)  # "... đối với 3 cán bộ gồm: A, B"
        if not subjects and marker >= 2 and " ".join(keys[marker - 2 : marker]) in RELIEVE_VERBS:
            # "miễn nhiệm chức danh X đối với ông Y": the person follows
            for t in range(spans[-1].end, min(len(toks), spans[-1].end + 8)):
                if t in by_first:
                    subjects = [by_first[t]]
                    break
            if not subjects:
                continue
        found_at = None
        if not subjects:
            found_at, subject = _subject_before(sc, marker, marker_text, m, by_last, given)
            if subject is None:
                continue
            subjects = [subject]
        texts = _chain_texts(sc, spans, gaps)
        if marker_text in FORMER_MARKERS:
            texts = [t if fold_key(t).startswith(("nguyen ", "cuu ")) else f"nguyên {t}"
                     for t in texts]  # fmt: skip
        if found_at is not None and len(spans) == 1 and _short_organisation(sc, spans[0]):
            # "Ban Chỉ đạo X do đồng chí Tô Lâm làm Trưởng ban": the body named before "do"
            named = _body_before_do(sc, found_at)
            if named:
                texts = [_compose(texts[0], named)]
        for subject in subjects:
            for text in texts:
                _add_title(subject.titles, text)
        used.update(spans)


# a sentence or clause end between two words; not the dot of "TP.HCM"
_STOP_GAP_RE = re.compile(r"[.!?…][\"”’)]*\s|[\n;]")
# "là" and its kin are common words: only a name close before them takes the title
NEAR_MARKERS = frozenset({"là", "nguyên là", "hiện là", "từng là", "làm"})
FORMER_MARKERS = frozenset({"nguyên là"})
# "bà B, khi còn Chủ tịch tỉnh, ...": the post is the nearest person's, even an agent's
WHILE_MARKERS = frozenset({"khi còn", "khi còn là", "khi đó là", "lúc đó là"})
COPULAS = frozenset({"là", "nguyên là", "hiện là", "từng là", "còn là"})
# words that put another clause between a name and "là" ("ông A cho biết người đứng đầu là")
_CLAUSE_WORDS = frozenset(
    key(w) for w in ("biết", "nói", "rằng", "khẳng", "nhấn", "người", "đây", "đó", "này", "ai")
)


def _subject_before(sc: Scan, marker: int, marker_text: str, m: int, by_last: dict,
                    given: dict) -> tuple[int | None, Person | None]:  # fmt: skip
    """The person named nearest before a role marker in its sentence, and where the name ends."""
    doc = sc.doc
    toks = doc.tokens
    keys = toks.keys
    near = marker_text in NEAR_MARKERS
    if marker_text == "làm" and marker + 1 != m:
        near = False
    reach = 8 if near else 40
    for t in range(marker - 1, max(-1, marker - reach), -1):
        if t + 1 < len(toks) and _STOP_GAP_RE.search(doc.gap(t + 1)) and t + 1 <= marker - 1:
            break
        if near and (keys[t] in _CLAUSE_WORDS or "," in doc.gap(t + 1) and t + 1 < marker):
            break
        if t in by_last:
            if marker_text not in WHILE_MARKERS and _passive_agent(sc, by_last[t], t):
                continue  # "A được bà B, Chủ tịch tỉnh, bổ nhiệm làm Giám đốc": A's post
            return t, by_last[t]
        candidates = given.get(keys[t])
        if (
            candidates
            and len(candidates) == 1
            and toks[t].upper
            and (
                sc.ends_before(sc.honorifics, t) is not None
                or sc.ends_before(sc.ranks, t) is not None
            )
        ):
            return t, candidates[0]
    return None, None


def _passive_agent(sc: Scan, person: Person, last: int) -> bool:
    """True when the mention of ``person`` ending at token ``last`` follows "được"/"bởi": the
    agent of a passive verb, not who takes the post."""
    doc = sc.doc
    end = doc.tokens.ends[last]
    starts = [s for s, e in person.mentions if e == end]
    first = doc.by_start.get(starts[0]) if starts else None
    if first is None:
        return False
    first = sc.ends_before(sc.honorifics, first) or first
    return first > 0 and doc.tokens.keys[first - 1] in (key("được"), key("bởi"))


def _listed_after(sc: Scan, j: int, by_first: dict) -> list[Person]:
    """People named after "đối với" at token j, up to the end of the sentence."""
    doc = sc.doc
    keys = doc.tokens.keys
    if keys[j : j + 2] != [key("đối"), key("với")]:
        return []
    found: list[Person] = []
    for t in range(j + 2, len(keys)):
        if _STOP_GAP_RE.search(doc.gap(t)):
            break
        person = by_first.get(t)
        if person is not None and person not in found:
            found.append(person)
    return found


def _short_organisation(sc: Scan, span: TitleSpan) -> bool:
    """True for a head with at most one lower-case word after it ("Trưởng ban", "Chủ tịch")."""
    return span.end - span.head_end <= 1 and not any(
        sc.doc.tokens[t].upper for t in range(span.head_end, span.end)
    )


# first words of bodies that someone heads "do X làm Trưởng ban"
_BODIES = frozenset(key(w) for w in ("ban", "hội", "ủy", "uỷ", "tổ", "đoàn", "tiểu"))


def _body_before_do(sc: Scan, name_end: int) -> str | None:
    """The body written before "do" in "Ban Chỉ đạo X do (đồng chí) (title) A làm Trưởng ban"."""
    doc = sc.doc
    toks = doc.tokens
    keys = toks.keys
    do = None
    for t in range(name_end, max(-1, name_end - 12), -1):
        if keys[t] == key("do"):
            do = t
            break
        if t < name_end and any(c in doc.gap(t + 1) for c in ".!?\n;,"):
            return None
    if do is None or do == 0:
        return None
    for t in range(max(0, do - 16), do):
        if (
            toks[t].upper
            and keys[t] in _BODIES
            and not any(c in doc.gap(u) for u in range(t + 1, do + 1) for c in ".!?\n;:")
        ):
            return doc.text(t, do)
    return None


def _compose(head: str, body: str) -> str:
    """ "Trưởng ban" + "Ban Chỉ đạo X" -> "Trưởng Ban Chỉ đạo X"; "Chủ tịch" + "Hội đồng X"."""
    words = head.split()
    if len(words) > 1 and fold_key(words[-1]) == fold_key(body.split()[0]):
        words = words[:-1]
    return " ".join([*words, body])


def _role_marker_before(sc: Scan, m: int) -> int | None:
    """The first token of a role verb phrase ("giữ chức", "đảm nhiệm các chức vụ") ending right
    before token m, else None."""
    keys = sc.doc.tokens.keys
    if m < 1 or keys[m - 1] not in _ROLE_MARKER_ENDS:
        return None  # every marker ends with one of a few words
    for size in (3, 2, 1):
        s = m - size
        if s < 0:
            continue
        if (
            all(sc.doc.gap(t) == " " for t in range(s + 1, m + 1))
            and " ".join(keys[s:m]) in ROLE_MARKERS
        ):
            return s
    return None


_ROLE_MARKER_ENDS = frozenset(marker.split()[-1] for marker in ROLE_MARKERS)


def _titles_written_before(occurrences: list[tuple[str, Occurrence]]) -> dict[str, set[str]]:
    """Who holds each title written right before a name ("Chủ tịch Quốc hội Cuba Esteban Lazo")."""
    held: dict[str, set[str]] = {}
    for name, occ in occurrences:
        for t in occ.titles:
            if t not in occ.after:
                held.setdefault(title_key(t), set()).add(fold_key(name))
    return held


def _held_by_another(title: str, person: str, before: dict[str, set[str]]) -> bool:
    """True for a one-holder title that the article writes before someone else's name: after a
    comma it starts a new clause ("... Fidel Castro, Chủ tịch Quốc hội Cuba khẳng định")."""
    tk = title_key(title)
    if tk.split()[0] in SHARED_HEADS:
        return False
    holders = before.get(tk)
    return bool(holders) and person not in holders


def _inside_institution(sc: Scan, i: int) -> bool:
    """True when the name at token i is part of an institution's name ("Trường THPT Lê Lợi")."""
    toks = sc.doc.tokens
    if not sc.doc.adjacent(i) and sc.doc.gap(i) not in (" “", ' "', " ‘"):
        return False
    prev = toks.keys[i - 1]
    prev2 = f"{toks.keys[i - 2]} {prev}" if i > 1 else ""
    return prev in sc.vocab.institutions or prev2 in sc.vocab.institutions


def _shared_lists(sc: Scan, by_end: dict[int, TitleSpan], occurrences: list) -> None:
    """Give a title written before a colon to the names listed after it: "các đồng chí TITLE:
    A, ...; B, ..." to every name of the list, "Thuyền trưởng: A" to the first name only."""
    doc = sc.doc
    toks = doc.tokens
    for span in by_end.values():
        if span.end >= len(toks) or not doc.gap(span.end).startswith(":"):
            continue
        text = title_text(sc, span)
        stop = _sentence_end(doc, span.end)
        listed = [occ for _name, occ in occurrences if span.end <= occ.start < stop]
        if not listed or not _list_follows(sc, span.end):
            continue  # "Bộ trưởng các Bộ: Quốc phòng, ...": no name follows the colon
        if not _plural_before(sc, span.start):
            if listed[0].start > span.end + 3:
                continue
            # "Thuyền trưởng: A"; "nguyên Tổng Bí thư: A, B;" names joined by commas or "và"
            run = [listed[0]]
            for occ in listed[1:]:
                between = doc.body[toks[run[-1].end - 1].end : toks[occ.start].start]
                if between not in LIST_GAPS or occ.titles:
                    break
                run.append(occ)
            for occ in run:
                occ.titles.insert(0, text)
            continue
        first_segment = [
            o for o in listed if ";" not in doc.body[toks[span.end].start : toks[o.start].start]
        ]
        if len(first_segment) > 1 and not any(o.after for o in first_segment):
            listed = first_segment  # "TITLE: A, B; C, Phó ban ...": C has a post of their own
        for occ in listed:
            occ.titles.insert(0, text)


# words that make a title before a colon belong to a list of people
_PLURALS = frozenset(key(w) for w in ("các", "chư", "những", "hai", "ba", "bốn", "năm"))


def _plural_before(sc: Scan, s: int) -> bool:
    """True when a plural word ("các đồng chí", "chư tôn") comes shortly before token s, in the
    same clause."""
    doc = sc.doc
    for t in range(s - 1, max(-1, s - 14), -1):
        if doc.tokens.keys[t] in _PLURALS:
            return True
        if any(c in doc.gap(t) for c in ".;:\n"):
            return False
    return False


def _sentence_end(doc, j: int) -> int:
    """The first token after j that follows a full stop or a paragraph break."""
    for t in range(j + 1, len(doc.tokens)):
        gap = doc.gap(t)
        if "." in gap or "\n" in gap:
            return t
    return len(doc.tokens)


def _add_title(titles: list[str], new: str) -> None:
    """Add a title unless the person has it already; keep the longer of two forms.

    Two forms are one title when they are equal once abbreviations are expanded, or when the
    shorter one has the same first word and all its words appear in the longer one
    ("Bộ trưởng Quốc phòng" / "Bộ trưởng Bộ Quốc phòng")."""
    nk = title_key(new)
    for idx, old in enumerate(titles):
        ok = title_key(old)
        if ok == nk:
            if len(new) > len(old):
                titles[idx] = new
            return
        short, long_ = (nk, ok) if len(nk) < len(ok) else (ok, nk)
        sw, lw = short.split(), long_.split()
        # "Sở Tài nguyên môi trường tỉnh" is "Sở Tài nguyên và Môi trường Yên Bái": "và" and a
        # generic "tỉnh" at the end, where the longer form names the province, add nothing
        sw = [w for w in sw if w != "va"]
        if len(sw) > 2 and sw[-1] == "tinh" and "tinh" not in lw:
            sw = sw[:-1]
        if sw[0] == lw[0] and set(sw) <= set(lw):
            titles[idx] = new if long_ is nk else old
            return
    titles.append(new)


@lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """Folded form of a title with abbreviations expanded, for spotting one title twice."""
    words = []
    for word in re.sub(r"[-.&/]", " ", fold_key(text)).split():
        if word.startswith("tp") and len(word) > 2 and word not in ABBREVIATIONS:
            words.append("thanh pho")  # the typo "TPHồ Chí Minh"
            word = word[2:]
        words.append(ABBREVIATIONS.get(word, word))
    return " ".join(words)


def _merge_short_names(people: dict[str, Person], surnames: frozenset[str]) -> None:
    """Join a name written without its family name ("Xuân Phúc") into the full one, and a
    foreign name written without its last part ("Leopoldo Cintra") into the full one."""
    keys = list(people)
    for short in keys:
        if short not in people:
            continue
        foreign = key(people[short].name).split()[0] not in surnames
        for full in keys:
            if short == full or short not in people or full not in people:
                continue
            if foreign and sorted(short.split()) == sorted(full.split()):
                # "Toyota Chikara", later "Chikara Toyota": the first written form stays
                target, source = people[short], people.pop(full)
            elif full.endswith(" " + short) or foreign and full.startswith(short + " "):
                target, source = people[full], people.pop(short)
            else:
                continue
            target.rank = target.rank or source.rank
            for t in source.titles:
                _add_title(target.titles, t)
            target.mentions += source.mentions
            break


def _add_short_mentions(sc: Scan, person: Person) -> None:
    """Mentions by given name after an honorific, rank or head: "ông Khanh", "Thiếu tướng Hà"."""
    doc = sc.doc
    toks = doc.tokens
    n = len(toks.starts)
    given = key(person.name).split()[-1]
    honorific_ends, rank_ends = sc.honorific_ends, sc.rank_ends
    for idx in sc.capitals_by_key().get(given, ()):
        if idx == 0 or not doc.adjacent(idx):
            continue
        if idx + 1 < n and toks.upper[idx + 1] and doc.adjacent(idx + 1):
            continue
        if (
            idx in honorific_ends
            or idx in rank_ends
            or sc.ends_before(sc.positions, idx) is not None
        ):
            person.mentions.append((toks.starts[idx], toks.ends[idx]))
