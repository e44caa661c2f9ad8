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
compatible entries it joins the one whose province its article names elsewhere, and otherwise
goes to an entry marked ``ambiguous`` ("may be any of ...") rather than be guessed. Entries kept
apart carry a note saying why, so a reader can spot a transfer between provinces.

Titles of one person merge when they compare equal after expanding abbreviations (UBND, TP.HCM,
TƯ ...) or when one is the start of a longer one on word boundaries ("Giám đốc Công an" and
"Giám đốc Công an tỉnh"); the longest form is kept. Former titles ("nguyên Bí thư") stay apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui_reader.text import WORD_RE, fold, has_diacritics, key, new_tone_placement, nfc

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
# What is written before a province's name ("tỉnh Quảng Nam", "TP Hà Nội"); when nothing is,
# the usual word is assumed, so "UBND Yên Bái" compares equal to "UBND tỉnh Yên Bái".
PROVINCE_PREFIXES = (("tỉnh",), ("thành", "phố"))
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

_TOKEN_RE = re.compile(r"[^\s,;:()\[\]\"'“”‘’/]+")
_PART_SPLIT_RE = re.compile(r"[.\-–—]+")


_Aliases = dict[str, list[tuple[tuple[str, ...], str, bool]]]


def _province_table() -> _Aliases:
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


def _expand(text: str) -> tuple[list[str], list[bool]]:
    """Comparison words of ``text`` (abbreviations expanded) and whether each was capitalised."""
    words: list[str] = []
    caps: list[bool] = []
    for m in _TOKEN_RE.finditer(nfc(text)):
        _expand_token(m.group(), words, caps)
    return words, caps


def _expand_token(raw: str, words: list[str], caps: list[bool]) -> None:
    low = key(raw)
    expansion = ABBREVIATIONS.get(low)
    if expansion is not None and (low not in CAPITALS_ONLY or raw.isupper()):
        for word in expansion.split():
            words.append(word)
            caps.append(True)
        return
    parts = [p for p in _PART_SPLIT_RE.split(raw) if p]
    if len(parts) != 1 or parts[0] != raw:  # "TP.Hà", "Rịa-Vũng", "Nhất.": each part alone
        for part in parts:
            _expand_token(part, words, caps)
        return
    if low not in IGNORED_WORDS:
        words.append(low)
        caps.append(raw[:1].isupper())


_PROVINCE_TABLE: _Aliases | None = None


def _provinces() -> _Aliases:
    global _PROVINCE_TABLE
    if _PROVINCE_TABLE is None:
        _PROVINCE_TABLE = _province_table()
    return _PROVINCE_TABLE


def compare_words(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words ``text`` is compared on (abbreviations expanded, provinces canonical) and the
    provinces it names (capitalised, as proper names are: "Ủy ban Hòa bình" names none)."""
    words, caps = _expand(text)
    table = _provinces()
    out: list[str] = []
    places: set[str] = set()
    i = 0
    while i < len(words):
        for alias, canonical, needs_prefix in table.get(words[i], ()):
            n = len(alias)
            if tuple(words[i : i + n]) != alias or not all(caps[i : i + n]):
                continue
            prefixed = any(tuple(out[-len(p) :]) == p for p in PROVINCE_PREFIXES)
            if needs_prefix and not prefixed:
                continue
            if not prefixed:
                out.extend(("thành", "phố") if canonical in MUNICIPALITIES else ("tỉnh",))
            out.append(canonical)
            places.add(canonical)
            i += n
            break
        else:
            out.append(words[i])
            i += 1
    return tuple(out), frozenset(places)


def compare_key(text: str) -> str:
    """One string that equal titles, awards and issuers share ("UBND TP.HCM" = "Ủy ban nhân
    dân Thành phố Hồ Chí Minh")."""
    return " ".join(compare_words(text)[0])


def _merged(places: frozenset[str]) -> frozenset[str]:
    return frozenset(MERGED_2025.get(p, p) for p in places)


# ---- building ---------------------------------------------------------------------------------


def _month(value) -> str | None:
    if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
        return value[:7]
    return None


class _TitleInfo:
    """What the directory needs of one distinct title string."""

    __slots__ = ("key", "places", "text")

    def __init__(self, text: str) -> None:
        self.text = " ".join(nfc(text).split())
        words, self.places = compare_words(self.text)
        self.key = " ".join(words)


class _Cluster:
    """Mentions believed to be one person, with the evidence that tells people apart."""

    __slots__ = ("last", "mentions", "places", "ranks", "reason")

    def __init__(self) -> None:
        self.mentions: list[tuple] = []
        self.places: set[str] = set()
        self.last = ""
        self.ranks: list[tuple[str, int]] = []  # (month, level) of dated ranked mentions
        self.reason: str | None = None

    def add(self, mention: tuple) -> None:
        self.mentions.append(mention)
        self.places |= mention[5]
        if mention[1] is not None and mention[1] > self.last:
            self.last = mention[1]
        if mention[4] is not None and mention[1] is not None:
            self.ranks.append((mention[1], mention[4]))

    def place_conflict(self, places: frozenset[str], month: str | None) -> bool:
        if not places or not self.places:
            return False
        if places & self.places:
            return False
        late = (month or "") >= MERGER_MONTH or self.last >= MERGER_MONTH
        return not late or not (_merged(places) & _merged(frozenset(self.places)))

    def rank_conflict(self, month: str | None, level: int | None) -> tuple[str, int] | None:
        """The (month, level) this rank contradicts, if any."""
        if level is None or month is None:
            return None
        for seen_month, seen in self.ranks:
            if (seen_month < month and seen > level) or (seen_month > month and seen < level):
                return seen_month, seen
            if seen_month == month and abs(seen - level) > 1:
                return seen_month, seen
        return None


_LEVEL_NAMES: dict[int, str] = {}


def _rank_name(level: int) -> str:
    if not _LEVEL_NAMES:
        for name, lv in RANK_LEVELS.items():
            _LEVEL_NAMES.setdefault(lv, name[:1].upper() + name[1:])
    return _LEVEL_NAMES[level]


def build_directory(metas: dict[int, dict]) -> list[Person]:
    """Every official in ``metas`` (article id -> metadata), most mentioned first, then by name."""
    name_keys: dict[str, str] = {}
    titles: dict[str, _TitleInfo] = {}
    levels: dict[str, int | None] = {}
    groups: dict[str, list[tuple]] = {}
    no_places: frozenset[str] = frozenset()
    for article_id, meta in metas.items():
        month = _month(meta.get("date"))
        for official in meta.get("officials") or ():
            name = official.get("name")
            if not name:
                continue
            name_key = name_keys.get(name)
            if name_key is None:
                name_key = name_keys[name] = " ".join(key(name).split())
            infos = []
            places = no_places
            for title in official.get("titles") or ():
                info = titles.get(title)
                if info is None:
                    info = titles[title] = _TitleInfo(title)
                infos.append(info)
                if info.places:
                    places = places | info.places
            rank = official.get("rank")
            level = None
            if rank:
                level = levels.get(rank, -1)
                if level == -1:
                    level = levels[rank] = RANK_LEVELS.get(" ".join(key(rank).split()))
            # (article, month, name, rank, level, places, title infos)
            mention = (article_id, month, name, rank, level, places, infos)
            group = groups.get(name_key)
            if group is None:
                groups[name_key] = [mention]
            else:
                group.append(mention)

    people: list[Person] = []
    for name_key, mentions in groups.items():
        people.extend(_people_of(name_key, mentions, metas, titles))
    people.sort(key=lambda p: (-len(p.article_ids), fold(p.name), p.key))
    return people


def _people_of(name_key: str, mentions: list[tuple], metas: dict[int, dict],
               titles: dict[str, _TitleInfo]) -> list[Person]:  # fmt: skip
    """The people sharing one name."""
    placed = {p for m in mentions for p in m[5]}
    ranked = any(m[4] is not None for m in mentions)
    if len(placed) <= 1 and not ranked:
        return [_person(name_key, mentions)]

    clusters: list[_Cluster] = []
    unsure = _Cluster()
    by_date = sorted(mentions, key=lambda m: (m[1] or "9999-99", m[0]))
    for m in by_date:  # pass 1: mentions that name a province
        if m[5]:
            _place(m, clusters, unsure, metas, titles, placed_pass=True)
    for m in by_date:  # pass 2: a rank but no province
        if not m[5] and m[4] is not None:
            _place(m, clusters, unsure, metas, titles, placed_pass=False)
    for m in by_date:  # pass 3: neither
        if not m[5] and m[4] is None:
            _place(m, clusters, unsure, metas, titles, placed_pass=False)

    if len(clusters) == 1 and not unsure.mentions:
        return [_person(name_key, clusters[0].mentions)]
    labels = [_label(c) for c in clusters]
    reasons = list(dict.fromkeys(c.reason for c in clusters if c.reason))
    people = []
    used: set[str] = set()
    for cluster, label in zip(clusters, labels, strict=True):
        note = f"{len(clusters)} officials share this name, kept apart: " + "; ".join(reasons)
        person = _person(name_key, cluster.mentions, note=note)
        person.key = _unique(f"{name_key}#{_slug(label)}", used)
        people.append(person)
    if unsure.mentions:
        n = len({m[0] for m in unsure.mentions})
        note = (
            f"{n} article{'s' if n > 1 else ''} give nothing to tell which of the "
            f"{len(clusters)} officials of this name is meant ({'; '.join(labels)})"
        )
        person = _person(name_key, unsure.mentions, ambiguous=True, note=note)
        person.key = _unique(f"{name_key}#unsure", used)
        people.append(person)
    return people


def _place(m: tuple, clusters: list[_Cluster], unsure: _Cluster, metas: dict[int, dict],
           titles: dict[str, _TitleInfo], placed_pass: bool) -> None:  # fmt: skip
    """Put mention ``m`` into the entry it belongs to, a new one, or the unsure one."""
    month, level, places = m[1], m[4], m[5]
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
            reason = reason or (
                f"ranks go backwards: {_rank_name(clash[1])} in {clash[0]}, "
                f"{_rank_name(level)} in {month}"  # type: ignore[arg-type]
            )
            continue
        fits.append(c)
    if not fits:
        cluster = _Cluster()
        cluster.reason = reason
        cluster.add(m)
        clusters.append(cluster)
        return
    if len(fits) > 1:
        fits = _narrow(m, fits, metas, titles, placed_pass)
    if len(fits) == 1:
        fits[0].add(m)
    else:
        unsure.add(m)


def _narrow(m: tuple, fits: list[_Cluster], metas: dict[int, dict],
            titles: dict[str, _TitleInfo], placed_pass: bool) -> list[_Cluster]:  # fmt: skip
    """Of several compatible entries, the ones that share the most evidence with ``m``."""
    if placed_pass:  # a province that matches exactly, then one that matches after the merger
        exact = [c for c in fits if m[5] & c.places]
        if exact:
            return exact if len(exact) == 1 else [max(exact, key=lambda c: len(c.mentions))]
        return [max(fits, key=lambda c: len(c.mentions))]
    if m[4] is not None:
        same_rank = [c for c in fits if any(lv == m[4] for _, lv in c.ranks)]
        if len(same_rank) == 1:
            return same_rank
    # the provinces the rest of the article names
    context: set[str] = set()
    for official in metas[m[0]].get("officials") or ():
        for title in official.get("titles") or ():
            info = titles.get(title)
            if info is not None:
                context |= info.places
    if context:
        near = [c for c in fits if c.places & context]
        if len(near) == 1:
            return near
    return fits


def _label(cluster: _Cluster) -> str:
    """A short description telling one entry from its namesakes."""
    if cluster.places:
        return ", ".join(sorted(cluster.places))
    ranked = sorted(cluster.ranks)
    if ranked:
        return f"{_rank_name(ranked[0][1])} {ranked[0][0]}"
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


def _newest_first(months: dict[int, str | None]) -> list[int]:
    return sorted(months, key=lambda i: (months[i] or "", i), reverse=True)


def _best_spelling(counts: Counter[str], order: dict[str, int]) -> str:
    """The most frequent spelling; ties go to mixed case, new tone placement, first seen."""
    return min(
        counts,
        key=lambda s: (-counts[s], s.isupper(), new_tone_placement(s) != s, order[s]),
    )


def _person(name_key: str, mentions: list[tuple], ambiguous: bool = False,
            note: str | None = None) -> Person:  # fmt: skip
    months: dict[int, str | None] = {}
    spellings: Counter[str] = Counter()
    spelling_order: dict[str, int] = {}
    seen_spelling: set[tuple[int, str]] = set()
    # rank key -> [articles, first, last, spellings]; title key -> same
    ranks: dict[str, list] = {}
    title_stats: dict[str, list] = {}
    for article_id, month, name, rank, _level, _places, infos in mentions:
        months[article_id] = month
        spelling = " ".join(nfc(name).split())
        if (article_id, spelling) not in seen_spelling:
            seen_spelling.add((article_id, spelling))
            spellings[spelling] += 1
            spelling_order.setdefault(spelling, len(spelling_order))
        if rank:
            _count(ranks, " ".join(key(rank).split()), " ".join(nfc(rank).split()),
                   article_id, month)  # fmt: skip
        for info in infos:
            if info.key:
                _count(title_stats, info.key, info.text, article_id, month)
    dated = [m for m in months.values() if m]
    rank_seen = [_seen(stats, longest=False) for stats in ranks.values()]
    rank_seen.sort(key=lambda s: (s.first or "9999", RANK_LEVELS.get(key(s.text), 0)))
    return Person(
        key=name_key,
        name=_best_spelling(spellings, spelling_order),
        spellings=sorted(spellings, key=lambda s: (-spellings[s], spelling_order[s])),
        ranks=rank_seen,
        titles=_merge_titles(title_stats),
        article_ids=_newest_first(months),
        first=min(dated, default=None),
        last=max(dated, default=None),
        ambiguous=ambiguous,
        note=note,
    )


def _count(table: dict[str, list], k: str, text: str, article_id: int, month: str | None) -> None:
    stats = table.get(k)
    if stats is None:
        stats = table[k] = [set(), None, None, Counter()]
    if article_id not in stats[0]:
        stats[0].add(article_id)
        stats[3][text] += 1
        if month:
            if stats[1] is None or month < stats[1]:
                stats[1] = month
            if stats[2] is None or month > stats[2]:
                stats[2] = month


def _seen(stats: list, longest: bool) -> Seen:
    counts: Counter[str] = stats[3]
    if longest:  # the fullest spelling: "Ủy ban nhân dân" over "UBND"
        text = max(counts, key=lambda s: (len(s), counts[s], new_tone_placement(s) == s))
    else:
        text = max(counts, key=lambda s: (counts[s], new_tone_placement(s) == s, len(s)))
    return Seen(text=text, first=stats[1], last=stats[2], articles=len(stats[0]))


def _merge_titles(stats: dict[str, list]) -> list[Seen]:
    """Titles with shorter forms folded into the longer ones they start, chronologically."""
    keys = sorted(stats)
    # a key no other key extends on a word boundary is a root; sorted order puts extensions of
    # "a b" right after it ("a b c" sorts before "a bc" because " " sorts first)
    roots = [k for i, k in enumerate(keys)
             if not (i + 1 < len(keys) and keys[i + 1].startswith(k + " "))]  # fmt: skip
    root_set = set(roots)
    members: dict[str, list[str]] = {r: [r] for r in roots}
    for i, k in enumerate(keys):
        if k in root_set:
            continue
        prefix = k + " "
        best = None
        for other in keys[i + 1 :]:
            if not other.startswith(prefix):
                break
            if other in root_set and (best is None or len(stats[other][0]) > len(stats[best][0])):
                best = other
        members[best].append(k)  # type: ignore[index]
    seen: list[Seen] = []
    for group in members.values():
        articles: set[int] = set()
        firsts = []
        lasts = []
        for k in group:
            articles |= stats[k][0]
            if stats[k][1]:
                firsts.append(stats[k][1])
                lasts.append(stats[k][2])
        # the longest form, unless it is a rare run-on of a common one: "Bí thư Thành ủy
        # TP.HCM bằng hình thức cảnh cáo" (1 article) must not name a title seen in 45
        top = max(len(stats[k][0]) for k in group)
        shown = max(
            (k for k in group if len(stats[k][0]) * RARE_VARIANT >= top),
            key=lambda k: (k.count(" "), len(stats[k][0])),
        )
        title = _seen(stats[shown], longest=True)
        seen.append(Seen(title.text, min(firsts, default=None), max(lasts, default=None),
                         len(articles)))  # fmt: skip
    seen.sort(key=lambda s: (s.first or "9999", -s.articles, s.text))
    return seen


# ---- searching --------------------------------------------------------------------------------


def find_people(people: list[Person], query: str) -> list[Person]:
    """People whose name (or, after those, titles and ranks) has words starting with every word
    of ``query``; diacritic-insensitive when the query has no diacritics, exact otherwise."""
    normalise = key if has_diacritics(query) else fold
    words = WORD_RE.findall(normalise(query))
    if not words:
        return list(people)
    by_name: list[Person] = []
    by_title: list[Person] = []
    for person in people:
        name_words = WORD_RE.findall(normalise(person.name))
        if _all_prefixes(words, name_words):
            by_name.append(person)
            continue
        more = list(name_words)
        for seen in (*person.titles, *person.ranks):
            more.extend(WORD_RE.findall(normalise(seen.text)))
        if _all_prefixes(words, more):
            by_title.append(person)
    return by_name + by_title


def _all_prefixes(words: list[str], haystack: list[str]) -> bool:
    return all(any(h.startswith(w) for h in haystack) for w in words)


__all__ = [
    "Person", "Seen", "build_directory", "compare_key", "compare_words", "find_people",
]  # fmt: skip
