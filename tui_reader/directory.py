"""Every official across all articles: one entry per person, their ranks and titles over time.

Mentions are grouped by name on ``text.key`` (NFC/NFD, case and old/new tone placement merged).
Within a name, people are told apart by two kinds of evidence; each contradiction keeps two
mentions apart, and a promotion ("Phó Giám đốc" -> "Giám đốc", "Đại tá" -> "Thiếu tướng") is no
contradiction, so it reads as one timeline:

- place: titles naming provinces with nothing in common ("Chủ tịch UBND tỉnh Quảng Nam" and
  "Giám đốc Sở Y tế tỉnh Bình Định"). From 2025-07 provinces are compared as merged that year
  (Quảng Nam is part of Đà Nẵng then), so one person's title under the new name stays one person;
- rank: a rank that goes down over time (Đại tá in 2023, Thiếu tá in 2024), or two ranks more
  than one step apart in the same month.

Mentions are placed most informative first: those with a province, then those with only a rank,
then bare ones, each pass in date order. A mention joins the one compatible entry; with several
compatible entries it joins the one holding the same rank, else the one whose province the rest
of its article names, and otherwise goes to an entry marked ``ambiguous`` (the note lists whom
it may be) rather than be guessed. Entries kept apart carry a note saying why, so a reader can
spot a transfer between provinces. Without provinces or ranks a name is one entry: nothing in
the metadata tells two namesakes apart then.

Titles of one person merge when they compare equal after expanding abbreviations (UBND, TP.HCM,
TƯ ...) and province prefixes ("UBND Yên Bái" = "UBND tỉnh Yên Bái"), or when one is the start
of a longer one on word boundaries ("Giám đốc Công an" and "Giám đốc Công an tỉnh"): the longest
form is kept, except that a longer form seen in under a quarter as many articles is a run-on of
the extractor ("Bí thư Thành ủy TP.HCM tại buổi lễ") and folds into the common one. A deputy or
a former title ("Phó Giám đốc", "nguyên Bí thư") never starts with the head's title, so it stays
apart.
"""

from __future__ import annotations

import gc
import itertools
import re
import unicodedata
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from tui_reader.text import (
    WORD_RE,
    fold,
    has_diacritics,
    key,
    new_tone_placement,
    nfc,
)

# ---- vocabulary -------------------------------------------------------------------------------

# Abbreviations expanded when titles, awards and issuers are compared (lower-case key form).
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "ub": "ủy ban",
    "mttq": "mặt trận tổ quốc", "ubmttq": "ủy ban mặt trận tổ quốc",
    "ubmttqvn": "ủy ban mặt trận tổ quốc việt nam", "tư": "trung ương", "tw": "trung ương",
    "t.ư": "trung ương", "t.w": "trung ương", "tp": "thành phố", "tp.": "thành phố",
    "hcm": "hồ chí minh", "tphcm": "thành phố hồ chí minh", "tp.hcm": "thành phố hồ chí minh",
    "chxhcn": "cộng hòa xã hội chủ nghĩa", "vn": "việt nam", "bch": "ban chấp hành",
    "btv": "ban thường vụ", "hđqt": "hội đồng quản trị", "cand": "công an nhân dân",
    "qđnd": "quân đội nhân dân", "llvt": "lực lượng vũ trang", "lđlđ": "liên đoàn lao động",
    "tncs": "thanh niên cộng sản", "bhxh": "bảo hiểm xã hội", "nhnn": "ngân hàng nhà nước",
    "đbqh": "đại biểu quốc hội", "gd-đt": "giáo dục đào tạo", "gdđt": "giáo dục đào tạo",
    "gd&đt": "giáo dục đào tạo", "tn-mt": "tài nguyên môi trường",
    "tnmt": "tài nguyên môi trường", "tn&mt": "tài nguyên môi trường",
    "lđ-tb&xh": "lao động thương binh xã hội", "lđtb&xh": "lao động thương binh xã hội",
    "lđtbxh": "lao động thương binh xã hội", "lđ-tbxh": "lao động thương binh xã hội",
    "nn&ptnt": "nông nghiệp phát triển nông thôn", "nn-ptnt": "nông nghiệp phát triển nông thôn",
    "nnptnt": "nông nghiệp phát triển nông thôn", "kh-đt": "kế hoạch đầu tư",
    "khđt": "kế hoạch đầu tư", "kh&đt": "kế hoạch đầu tư", "gtvt": "giao thông vận tải",
    "vh-tt&dl": "văn hóa thể thao du lịch", "vhttdl": "văn hóa thể thao du lịch",
    "vhtt&dl": "văn hóa thể thao du lịch", "kh&cn": "khoa học công nghệ",
    "khcn": "khoa học công nghệ", "tt&tt": "thông tin truyền thông",
    "tttt": "thông tin truyền thông", "ubtw": "ủy ban trung ương",
    "ubtư": "ủy ban trung ương", "mttqvn": "mặt trận tổ quốc việt nam",
    # slips common in the press
    "ubdn": "ủy ban nhân dân", "unbd": "ủy ban nhân dân", "ubndtp": "ủy ban nhân dân thành phố",
    "ubndt": "ủy ban nhân dân tỉnh",
}  # fmt: skip
# Abbreviations that are also ordinary words ("tư pháp", "đầu tư"): expanded only in capitals.
CAPITALS_ONLY = frozenset({"tư", "ub", "vn"})
# Words left out when comparing: connectors written or not ("Tài nguyên và Môi trường").
IGNORED_WORDS = frozenset({"và", "&", "-", "–", "—"})

# Provinces before the 2025 merger (canonical name -> other spellings) ...
PROVINCES: dict[str, tuple[str, ...]] = {
    "An Giang": (), "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "BR-VT", "BRVT"),
    "Bắc Giang": (), "Bắc Kạn": ("Bắc Cạn",), "Bạc Liêu": (), "Bắc Ninh": (), "Bến Tre": (),
    "Bình Định": (), "Bình Dương": (), "Bình Phước": (), "Bình Thuận": (), "Cà Mau": (),
    "Cao Bằng": (), "Cần Thơ": (), "Đà Nẵng": (),
    "Đắk Lắk": ("Đắc Lắc", "Đắk Lắc", "Đắc Lắk", "Đăk Lăk", "Đắklắk", "Daklak", "Dak Lak"),
    "Đắk Nông": ("Đăk Nông", "Đắc Nông", "Dak Nong"), "Điện Biên": (), "Đồng Nai": (),
    "Đồng Tháp": (), "Gia Lai": (), "Hà Giang": (), "Hà Nam": (), "Hà Nội": (), "Hà Tĩnh": (),
    "Hải Dương": (), "Hải Phòng": (), "Hậu Giang": (), "Hòa Bình": (), "Hưng Yên": (),
    "Khánh Hòa": (), "Kiên Giang": (), "Kon Tum": ("Kontum",), "Lai Châu": (), "Lâm Đồng": (),
    "Lạng Sơn": (), "Lào Cai": (), "Long An": (), "Nam Định": (), "Nghệ An": (),
    "Ninh Bình": (), "Ninh Thuận": (), "Phú Thọ": (), "Phú Yên": (), "Quảng Bình": (),
    "Quảng Nam": (), "Quảng Ngãi": (), "Quảng Ninh": (), "Quảng Trị": (), "Sóc Trăng": (),
    "Sơn La": (), "Tây Ninh": (), "Thái Bình": (), "Thái Nguyên": (), "Thanh Hóa": (),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "TT-Huế", "TT Huế", "Huế"), "Tiền Giang": (),
    "TP Hồ Chí Minh": ("Sài Gòn",), "Trà Vinh": (),
    "Tuyên Quang": (), "Vĩnh Long": (), "Vĩnh Phúc": (), "Yên Bái": (),
}  # fmt: skip
# ... and the province each became part of on 2025-07-01 (Resolution 202/2025/QH15).
MERGED_2025: dict[str, str] = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk",
    "Bình Dương": "TP Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "TP Hồ Chí Minh",
    "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
}  # fmt: skip
MERGER_MONTH = "2025-07"
# A longer form of a title names it unless seen this many times less often than the commonest.
RARE_VARIANT = 4
# What is written before a province's name ("tỉnh Quảng Nam", "TP Hà Nội": "tỉnh" or "thành
# phố"); when nothing is, the usual word is assumed, so "UBND Yên Bái" = "UBND tỉnh Yên Bái".
MUNICIPALITIES = frozenset({"Hà Nội", "TP Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"})
# "Hồ Chí Minh" alone names the president (Huân chương Hồ Chí Minh), not the city.
NEEDS_PREFIX = {"TP Hồ Chí Minh": ("Hồ Chí Minh",)}

# Military and police ranks, lowest first; navy ranks share the level of their army equivalent.
RANK_LEVELS: dict[str, int] = {
    "binh nhì": 1, "binh nhất": 2, "hạ sĩ": 3, "trung sĩ": 4, "thượng sĩ": 5,
    "chuẩn úy": 6, "thiếu úy": 7, "trung úy": 8, "thượng úy": 9, "đại úy": 10,
    "thiếu tá": 11, "trung tá": 12, "thượng tá": 13, "đại tá": 14,
    "thiếu tướng": 15, "chuẩn đô đốc": 15, "trung tướng": 16, "phó đô đốc": 16,
    "thượng tướng": 17, "đô đốc": 17, "đại tướng": 18,
}  # fmt: skip

# ---- records ----------------------------------------------------------------------------------


@dataclass
class Seen:
    """One title or rank of a person, with when it was seen."""

    text: str  # the fullest spelling seen (old/new tone placement and NFC/NFD merged)
    first: str | None  # first month seen "YYYY-MM"
    last: str | None
    articles: int


@dataclass
class Person:
    """One official (or, when ``ambiguous``, possibly several of the same name)."""

    key: str
    name: str
    spellings: list[str]
    ranks: list[Seen]
    titles: list[Seen]
    article_ids: list[int]
    first: str | None
    last: str | None
    ambiguous: bool = False
    note: str | None = None


# ---- comparing titles -------------------------------------------------------------------------

_EXPANSIONS = {k: tuple(v.split()) for k, v in ABBREVIATIONS.items()}
_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’/\\-–—…*+"
_INNER_SPLIT_RE = re.compile(r"[^\w&]+")
_HAS_PUNCTUATION_RE = re.compile(r"[^\w&]")

_Aliases = dict[str, list[tuple[tuple[str, ...], str, bool]]]
_NOWHERE: frozenset[str] = frozenset()


@cache
def _provinces() -> _Aliases:
    """First word -> (alias words, canonical name, needs a prefix), longest alias first."""
    table: _Aliases = {}
    for canonical, others in PROVINCES.items():
        aliases = [(a, False) for a in (canonical, *others) if a != "TP Hồ Chí Minh"]
        aliases += [(a, True) for a in NEEDS_PREFIX.get(canonical, ())]
        for alias, needs_prefix in aliases:
            words = tuple(_expand(alias)[0])
            table.setdefault(words[0], []).append((words, canonical, needs_prefix))
    for entries in table.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return table


# raw token -> (comparison words, capitalised); titles reuse few distinct words, so each is
# looked at once. Cleared when it grows past a bound, so a huge import cannot grow it forever.
_TOKENS: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}
_TOKENS_MAX = 200_000


def _expand(text: str) -> tuple[list[str], list[bool]]:
    """Comparison words of ``text`` (abbreviations expanded) and whether each was capitalised."""
    words: list[str] = []
    caps: list[bool] = []
    tokens = _TOKENS
    for raw in nfc(text).split():
        hit = tokens.get(raw)
        if hit is None:
            if len(tokens) > _TOKENS_MAX:
                tokens.clear()
            token_words: list[str] = []
            token_caps: list[bool] = []
            _expand_token(raw, key(raw), token_words, token_caps)
            hit = tokens[raw] = (tuple(token_words), tuple(token_caps))
        words.extend(hit[0])
        caps.extend(hit[1])
    return words, caps


def _expand_token(raw: str, low: str, words: list[str], caps: list[bool]) -> None:
    expansion = _EXPANSIONS.get(low)
    if expansion is not None and (low not in CAPITALS_ONLY or raw.isupper()):
        words.extend(expansion)
        caps.extend([True] * len(expansion))
        return
    if _HAS_PUNCTUATION_RE.search(low):
        stripped = low.strip(_EDGE_PUNCTUATION)
        if stripped != low:  # "T.Ư," -> "T.Ư"
            if stripped:
                _expand_token(raw.strip(_EDGE_PUNCTUATION), stripped, words, caps)
            return
        for part in _INNER_SPLIT_RE.split(raw):  # "TP.Hà", "Rịa-Vũng": each part alone
            if part:
                _expand_token(part, key(part), words, caps)
        return
    if low not in IGNORED_WORDS:
        words.append(low)
        caps.append(raw[:1].isupper())


def compare_words(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words ``text`` is compared on (abbreviations expanded, provinces canonical) and the
    provinces it names (capitalised, as proper names are: "Ủy ban Hòa bình" names none)."""
    words, caps = _expand(text)
    table = _provinces()
    starts = [i for i, w in enumerate(words) if w in table]
    if not starts:
        return tuple(words), _NOWHERE
    out: list[str] = []
    places: set[str] = set()
    done = 0
    for i in starts:
        if i < done:
            continue
        for alias, canonical, needs_prefix in table[words[i]]:
            n = len(alias)
            if tuple(words[i : i + n]) != alias or not all(caps[i : i + n]):
                continue
            out.extend(words[done:i])
            prefixed = out[-1:] == ["tỉnh"] or out[-2:] == ["thành", "phố"]
            if needs_prefix and not prefixed:
                out.extend(words[i : i + n])
            else:
                if not prefixed:
                    out.extend(("thành", "phố") if canonical in MUNICIPALITIES else ("tỉnh",))
                out.append(canonical)
                places.add(canonical)
            done = i + n
            break
    out.extend(words[done:])
    return tuple(out), frozenset(places)


def compare_key(text: str) -> str:
    """One string that equal titles, awards and issuers share ("UBND TP.HCM" = "Ủy ban nhân
    dân Thành phố Hồ Chí Minh")."""
    return " ".join(compare_words(text)[0])


def _merged(places: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(MERGED_2025.get(p, p) for p in places)


# ---- building ---------------------------------------------------------------------------------


def _month(value: object) -> str | None:
    if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
        return value[:7]
    return None


# A mention: (article id, month, official dict, provinces, rank level).
Mention = tuple[int, str | None, dict, frozenset[str], int | None]


class _Cluster:
    """Mentions believed to be one person, with the evidence that tells people apart."""

    __slots__ = ("last", "mentions", "places", "ranks", "reason")

    def __init__(self, reason: str | None = None) -> None:
        self.mentions: list[Mention] = []
        self.places: set[str] = set()
        self.ranks: dict[str, tuple[int, int]] = {}  # month -> lowest and highest level
        self.last = ""
        self.reason = reason

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        _, month, _, places, level = mention
        self.places |= places
        if month is not None:
            self.last = max(self.last, month)
            if level is not None:
                lo, hi = self.ranks.get(month, (level, level))
                self.ranks[month] = (min(lo, level), max(hi, level))

    def place_conflict(self, places: frozenset[str], month: str | None) -> bool:
        if not places or not self.places or places & self.places:
            return False
        if (month or "") < MERGER_MONTH and self.last < MERGER_MONTH:
            return True
        return not (_merged(places) & _merged(self.places))

    def rank_conflict(self, month: str | None, level: int | None) -> tuple[str, int] | None:
        """The (month, level) that rank ``level`` in ``month`` contradicts, if any."""
        if level is None or month is None:
            return None
        for seen, (lo, hi) in self.ranks.items():
            if seen < month and hi > level:
                return seen, hi
            if seen > month and lo < level:
                return seen, lo
            if seen == month and (hi - level > 1 or level - lo > 1):
                return seen, hi if hi - level > 1 else lo
        return None


def _rising(ranks: list[tuple[str, int]]) -> bool:
    """True when ranks never go down over time (nor jump two steps within one month)."""
    ranks.sort()
    for (month, level), (next_month, next_level) in itertools.pairwise(ranks):
        if next_level < level or (next_month == month and next_level - level > 1):
            return False
    return True


def _base_letters(text: str) -> str:
    return unicodedata.normalize("NFD", text).replace("đ", "d")


@cache
def _rank_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for name, level in RANK_LEVELS.items():
        names.setdefault(level, name[:1].upper() + name[1:])
    return names


def build_directory(metas: dict[int, dict]) -> list[Person]:
    """Every official in ``metas`` (article id -> metadata), most mentioned first, then by name."""
    with _collector_paused():
        return _Builder(metas).run()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a build allocates about a million small containers
    and no cycles, and each collection those allocations trigger would walk the whole library
    (the build is two to three times slower with it running)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Builder:
    """One pass over the metadata, with caches of everything computed per distinct string."""

    def __init__(self, metas: dict[int, dict]) -> None:
        self.metas = metas
        # per distinct raw string: display text; (comparison key, provinces); rank level
        self.texts: dict[str, str] = {}
        self.compared: dict[str, tuple[str, frozenset[str]]] = {}
        self.levels: dict[str, int | None] = {}

    def run(self) -> list[Person]:
        name_keys: dict[str, str] = {}
        groups: dict[str, list] = {}
        for article_id, meta in self.metas.items():
            officials = meta.get("officials")
            if not officials:
                continue
            month = meta.get("date")
            if month is not None:
                month = _month(month)
            for official in officials:
                name = official.get("name")
                if not name:
                    continue
                name_key = name_keys.get(name)
                if name_key is None:
                    name_key = name_keys[name] = " ".join(key(name).split())
                if not name_key:
                    continue
                group = groups.get(name_key)
                if group is None:
                    groups[name_key] = [(article_id, month, official)]
                else:
                    group.append((article_id, month, official))
        people: list[Person] = []
        for name_key, mentions in groups.items():
            people.extend(self.people_of(name_key, mentions))
        # the key starts with the name's comparison key; in NFD its letters sort by their base
        # letter ("Âu" among the "A"s) at a fraction of the cost of folding 100k names
        people.sort(key=lambda p: (-len(p.article_ids), _base_letters(p.key), p.key))
        return people

    def text(self, raw: str) -> str:
        """``raw`` as shown: NFC, single spaces."""
        text = self.texts.get(raw)
        if text is None:
            text = self.texts[raw] = " ".join(nfc(raw).split())
        return text

    def compare(self, raw: str) -> tuple[str, frozenset[str]]:
        """The comparison key of a title and the provinces it names (computed only when a name
        is seen more than once: most names appear in one article)."""
        found = self.compared.get(raw)
        if found is None:
            words, places = compare_words(raw)
            found = self.compared[raw] = (" ".join(words), places)
        return found

    def level(self, raw: str | None) -> int | None:
        if not raw:
            return None
        level = self.levels.get(raw, -1)
        if level == -1:
            level = self.levels[raw] = RANK_LEVELS.get(" ".join(key(raw).split()))
        return level

    def places(self, official: dict) -> frozenset[str]:
        places = _NOWHERE
        compared = self.compared
        for raw in official.get("titles") or ():
            found = (compared.get(raw) or self.compare(raw))[1]
            if found:
                places = places | found
        return places

    # ---- telling namesakes apart -------------------------------------------------------

    def people_of(self, name_key: str, mentions: list) -> list[Person]:
        """The people sharing one name."""
        if len(mentions) == 1:
            return [self.single(name_key, *mentions[0])]
        # the tallies of an entry, as most names turn out to be one person; the evidence that
        # tells namesakes apart is then read once per distinct title and rank
        months, names, ranks, titles = _tallies(mentions)
        compared = self.compared
        placed: set[str] = set()
        for raw in titles:
            found = (compared.get(raw) or self.compare(raw))[1]
            if found:
                placed |= found
        rank_months = []
        for raw, ids in ranks.items():
            level = self.level(raw)
            if level is not None:
                rank_months.extend((months[i], level) for i in ids if months[i] is not None)
        if len(placed) <= 1 and _rising(rank_months):
            return [self.entry(name_key, months, names, ranks, titles)]

        full: list[Mention] = [
            (a, month, o, self.places(o), self.level(o.get("rank"))) for a, month, o in mentions
        ]
        full.sort(key=lambda m: (m[1] or "9999-99", m[0]))
        clusters: list[_Cluster] = []
        unsure = _Cluster()
        for m in full:  # the most informative first: a province, then a rank, then neither
            if m[3]:
                self.assign(m, clusters, unsure, by_place=True)
        for m in full:
            if not m[3] and m[4] is not None:
                self.assign(m, clusters, unsure, by_place=False)
        for m in full:
            if not m[3] and m[4] is None:
                self.assign(m, clusters, unsure, by_place=False)

        if len(clusters) == 1 and not unsure.mentions:
            return [self.person(name_key, mentions)]
        labels = [_label(c) for c in clusters]
        reasons = "; ".join(dict.fromkeys(c.reason for c in clusters if c.reason))
        note = f"{len(clusters)} officials share this name, kept apart: {reasons}"
        people = []
        used: set[str] = set()
        for cluster, label in zip(clusters, labels, strict=True):
            people.append(self.person(_unique(f"{name_key}#{_slug(label)}", used),
                                      cluster.mentions, note=note))  # fmt: skip
        if unsure.mentions:
            n = len({m[0] for m in unsure.mentions})
            note = (
                f"{n} article{'s' if n > 1 else ''} give nothing to tell which of the "
                f"{len(clusters)} officials of this name is meant ({'; '.join(labels)})"
            )
            people.append(self.person(_unique(f"{name_key}#unsure", used), unsure.mentions,
                                      ambiguous=True, note=note))  # fmt: skip
        return people

    def assign(self, m: Mention, clusters: list[_Cluster], unsure: _Cluster,
               by_place: bool) -> None:  # fmt: skip
        """Put mention ``m`` into the entry it belongs to, a new one, or the unsure one."""
        _, month, _, places, level = m
        fits: list[_Cluster] = []
        reason = None
        for c in clusters:
            if c.place_conflict(places, month):
                reason = reason or "titles in two provinces: " + ", ".join(
                    sorted(c.places) + sorted(places - c.places)
                )
                continue
            clash = c.rank_conflict(month, level)
            if clash is not None:
                names = _rank_names()
                reason = reason or (
                    f"ranks go backwards: {names[clash[1]]} in {clash[0]}, "
                    f"{names[level]} in {month}"  # type: ignore[index]
                )
                continue
            fits.append(c)
        if not fits:
            cluster = _Cluster(reason)
            cluster.add(m)
            clusters.append(cluster)
            return
        if len(fits) > 1:
            fits = self.narrow(m, fits, by_place)
        (fits[0] if len(fits) == 1 else unsure).add(m)

    def narrow(self, m: Mention, fits: list[_Cluster], by_place: bool) -> list[_Cluster]:
        """Of several compatible entries, the ones that share the most evidence with ``m``."""
        if by_place:  # the same province, else one it was merged with: the larger entry
            exact = [c for c in fits if m[3] & c.places] or fits
            return [max(exact, key=lambda c: len(c.mentions))]
        if m[4] is not None:
            same_rank = [c for c in fits if any(lo <= m[4] <= hi for lo, hi in c.ranks.values())]
            if len(same_rank) == 1:
                return same_rank
        context: set[str] = set()  # the provinces the rest of the article names
        for official in self.metas[m[0]].get("officials") or ():
            context |= self.places(official)
        near = [c for c in fits if c.places & context]
        return near if len(near) == 1 else fits

    # ---- one person's entry ------------------------------------------------------------

    def person(self, person_key: str, mentions: list, ambiguous: bool = False,
               note: str | None = None) -> Person:  # fmt: skip
        """The entry of the people (or person) of ``mentions``."""
        months, names, ranks, titles = _tallies(mentions)
        return self.entry(person_key, months, names, ranks, titles, ambiguous, note)

    def entry(self, person_key: str, months: dict[int, str | None], names: dict[str, list[int]],
              ranks: dict[str, list[int]], titles: dict[str, list[int]],
              ambiguous: bool = False, note: str | None = None) -> Person:  # fmt: skip
        """A Person from the article ids of each spelling, rank and title."""
        if len(names) == 1:
            name = self.text(next(iter(names)))
            spellings = [name]
        else:
            name, spellings = self.spellings_of(names)
        dated = [m for m in months.values() if m]
        return Person(
            key=person_key,
            name=name,
            spellings=spellings,
            ranks=self.ranks_of(ranks, months) if ranks else [],
            titles=self.titles_of(titles, months) if titles else [],
            article_ids=[
                i for _, i in sorted(((m or "", i) for i, m in months.items()), reverse=True)
            ],  # fmt: skip
            first=min(dated, default=None),
            last=max(dated, default=None),
            ambiguous=ambiguous,
            note=note,
        )

    def single(self, name_key: str, article_id: int, month: str | None, official: dict) -> Person:
        """The entry of a name seen once (most names): nothing to merge or tell apart."""
        titles = official.get("titles") or ()
        if len(titles) > 1:
            return self.person(name_key, [(article_id, month, official)])
        name = self.text(official["name"])
        rank = official.get("rank")
        text = self.text(titles[0]) if titles else ""
        return Person(
            name_key,
            name,
            [name],
            [Seen(self.text(rank), month, month, 1)] if rank else [],
            [Seen(text, month, month, 1)] if text else [],
            [article_id],
            month,
            month,
        )

    def spellings_of(self, names: dict[str, list[int]]) -> tuple[str, list[str]]:
        """The most frequent spelling (ties: mixed case, new tone placement, first seen) and all
        spellings, most frequent first."""
        by_text: dict[str, set[int]] = {}
        for raw, ids in names.items():
            by_text.setdefault(self.text(raw), set()).update(ids)
        counts = {s: len(ids) for s, ids in by_text.items()}
        order = {s: i for i, s in enumerate(by_text)}
        name = min(counts, key=lambda s: (-counts[s], s.isupper(),
                                          new_tone_placement(s) != s, order[s]))  # fmt: skip
        return name, sorted(counts, key=lambda s: (-counts[s], order[s]))

    def ranks_of(self, ranks: dict[str, list[int]], months: dict) -> list[Seen]:
        groups: dict[str, list[tuple[str, list[int]]]] = {}
        for raw, ids in ranks.items():
            groups.setdefault(" ".join(key(raw).split()), []).append((self.text(raw), ids))
        seen = [_seen(entries, months, fullest=False) for entries in groups.values()]
        seen.sort(key=lambda s: (s.first or "9999", RANK_LEVELS.get(key(s.text), 0)))
        return seen

    def titles_of(self, titles: dict[str, list[int]], months: dict) -> list[Seen]:
        if len(titles) == 1:  # nothing to merge: no need to compare
            raw, ids = next(iter(titles.items()))
            text = self.text(raw)
            return [_seen([(text, ids)], months, fullest=True)] if text else []
        groups: dict[str, list[tuple[str, list[int]]]] = {}
        compared = self.compared
        for raw, ids in titles.items():
            k = (compared.get(raw) or self.compare(raw))[0]
            if k:
                entry = (self.text(raw), ids)
                if k in groups:
                    groups[k].append(entry)
                else:
                    groups[k] = [entry]
        return _merge_titles(groups, months)


def _tallies(mentions: list) -> tuple[dict, dict, dict, dict]:
    """From mentions (article id, month, official, ...): the month of each article, and the
    articles of each spelling of the name, each rank and each title."""
    months: dict[int, str | None] = {}
    names: dict[str, list[int]] = {}
    ranks: dict[str, list[int]] = {}
    titles: dict[str, list[int]] = {}
    for mention in mentions:
        article_id, month, official = mention[0], mention[1], mention[2]
        months[article_id] = month
        names.setdefault(official["name"], []).append(article_id)
        rank = official.get("rank")
        if rank:
            ranks.setdefault(rank, []).append(article_id)
        for title in official.get("titles") or ():
            titles.setdefault(title, []).append(article_id)
    return months, names, ranks, titles


def _span(ids, months: dict) -> tuple[str | None, str | None]:
    dated = [months[i] for i in ids if months[i]]
    return (min(dated), max(dated)) if dated else (None, None)


def _seen(entries: list[tuple[str, list[int]]], months: dict, fullest: bool) -> Seen:
    """One Seen from the spellings of one key and the articles of each."""
    if len(entries) == 1:
        text, ids = entries[0]
        if len(ids) == 1:
            month = months[ids[0]]
            return Seen(text, month, month, 1)
        unique = set(ids)
    else:
        counts: dict[str, int] = {}
        unique = set()
        for text, ids in entries:
            counts[text] = counts.get(text, 0) + len(set(ids))
            unique.update(ids)
        if fullest:  # "Ủy ban nhân dân" over "UBND"
            text = max(counts, key=lambda s: (len(s), counts[s], new_tone_placement(s) == s))
        else:
            text = max(counts, key=lambda s: (counts[s], new_tone_placement(s) == s, len(s)))
    first, last = _span(unique, months)
    return Seen(text=text, first=first, last=last, articles=len(unique))


def _merge_titles(groups: dict[str, list[tuple[str, list[int]]]], months: dict) -> list[Seen]:
    """Titles with shorter forms folded into the longer ones they start, chronologically."""
    keys = sorted(groups)
    n = len(keys)
    # each key's nearest shorter form among the keys (its parent): sorted order puts the
    # extensions of "a b" right after it ("a b c" sorts before "a bc"), so a stack finds it
    parent = [-1] * n
    kids: list[list[int]] = [[] for _ in range(n)]
    stack: list[int] = []
    nested = False
    for i, k in enumerate(keys):
        while stack and not k.startswith(keys[stack[-1]] + " "):
            stack.pop()
        if stack:
            parent[i] = stack[-1]
            nested = True
        stack.append(i)
    if not nested:
        seen = [_seen(groups[k], months, fullest=True) for k in keys]
    else:
        count = [sum(len(ids) for _, ids in groups[k]) for k in keys]
        seen = []
        for members in _title_groups(parent, kids, count):
            # the longest form, unless it is a rare run-on of a common one: "Bí thư Thành ủy
            # TP.HCM bằng hình thức cảnh cáo" (1 article) must not name a title seen in 45
            top = max(count[i] for i in members)
            shown = max((i for i in members if count[i] * RARE_VARIANT >= top),
                        key=lambda i: (keys[i].count(" "), count[i]))  # fmt: skip
            if len(members) == 1:
                seen.append(_seen(groups[keys[shown]], months, fullest=True))
                continue
            text = _seen(groups[keys[shown]], months, fullest=True).text
            unique = {a for i in members for _, ids in groups[keys[i]] for a in ids}
            first, last = _span(unique, months)
            seen.append(Seen(text, first, last, len(unique)))
    seen.sort(key=lambda s: (s.first or "9999", -s.articles, s.text))
    return seen


def _title_groups(parent: list[int], kids: list[list[int]], count: list[int]) -> list[list[int]]:
    """Keys (by index, sorted, with their parents) grouped into titles: a longer form seen in
    under a quarter as many articles as the form it extends is a run-on and folds into it;
    otherwise a shorter form folds into its most seen longer form ("Giám đốc Công an" into
    "Giám đốc Công an tỉnh")."""
    n = len(parent)
    folded: list[list[int]] = [[i] for i in range(n)]
    total = list(count)
    for i in range(n - 1, -1, -1):  # children before their parents
        up = parent[i]
        if up < 0:
            continue
        if total[i] * RARE_VARIANT < count[up]:
            folded[up].extend(_subtree(i, kids, folded))
        else:
            kids[up].append(i)
        total[up] += total[i]
    out: list[list[int]] = []
    for i in range(n):
        if parent[i] < 0:
            out.extend(_leaf_groups(i, kids, folded, count))
    return out


def _subtree(i: int, kids: list[list[int]], folded: list[list[int]]) -> list[int]:
    keys = list(folded[i])
    for kid in kids[i]:
        keys.extend(_subtree(kid, kids, folded))
    return keys


def _leaf_groups(i: int, kids: list[list[int]], folded: list[list[int]],
                 count: list[int]) -> list[list[int]]:  # fmt: skip
    if not kids[i]:
        return [folded[i]]
    out: list[list[int]] = []
    for kid in kids[i]:
        out.extend(_leaf_groups(kid, kids, folded, count))
    best = out[0] if len(out) == 1 else max(out, key=lambda g: sum(count[m] for m in g))
    best.extend(folded[i])
    return out


def _label(cluster: _Cluster) -> str:
    """A short description telling one entry from its namesakes."""
    if cluster.places:
        return ", ".join(sorted(cluster.places))
    if cluster.ranks:
        month = min(cluster.ranks)
        return f"{_rank_names()[cluster.ranks[month][0]]} {month}"
    months = sorted(m[1] for m in cluster.mentions if m[1])
    return f"from {months[0]}" if months else "undated"


def _slug(text: str) -> str:
    return "-".join(WORD_RE.findall(fold(text))) or "x"


def _unique(candidate: str, used: set[str]) -> str:
    out = candidate
    n = 2
    while out in used:
        out = f"{candidate}-{n}"
        n += 1
    used.add(out)
    return out


# ---- searching --------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def _words(text: str, exact: bool) -> str:
    """The words of a name or title as searched: " w1 w2 ...", key or fold form (titles repeat
    across people, so each is folded once)."""
    return " " + " ".join(WORD_RE.findall(key(text) if exact else fold(text)))


# (id(person), exact) -> (weak reference, name words, name and title words); entries go when
# their person does. Searching is per keystroke, so it must not refold every title each time.
_SEARCH_WORDS: dict[tuple[int, bool], tuple] = {}


def _search_words(person: Person, exact: bool) -> tuple:
    ident = (id(person), exact)
    cached = _SEARCH_WORDS.get(ident)
    if cached is not None and cached[0]() is person:
        return cached
    name = _words(person.name, exact)
    more = "".join([name, *(_words(s.text, exact) for s in (*person.titles, *person.ranks))])
    entry = (weakref.ref(person, lambda _ref: _SEARCH_WORDS.pop(ident, None)), name, more)
    _SEARCH_WORDS[ident] = entry
    return entry


def find_people(people: list[Person], query: str) -> list[Person]:
    """People whose name (or, after those, titles and ranks) has words starting with every word
    of ``query``; diacritic-insensitive when the query has no diacritics, exact otherwise."""
    exact = has_diacritics(query)
    words = [" " + w for w in WORD_RE.findall(key(query) if exact else fold(query))]
    if not words:
        return list(people)
    by_name: list[Person] = []
    by_title: list[Person] = []
    with _collector_paused():
        for person in people:
            _, name_words, more_words = _search_words(person, exact)
            if all(w in name_words for w in words):
                by_name.append(person)
            elif all(w in more_words for w in words):
                by_title.append(person)
    return by_name + by_title
