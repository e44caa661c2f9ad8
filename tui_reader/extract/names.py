"""Person names: Vietnamese names start with a family name; foreign names follow a title or rank."""

from __future__ import annotations

from tui_reader.extract.scan import Scan
from tui_reader.extract.tokens import is_syllable, key_is_syllable

MAX_GIVEN = 4  # syllables after the family name ("Phạm Thị Thanh Thủy" has three)
MAX_FOREIGN = 4
# letters only Vietnamese writes; foreign names share only the acute and grave accents
_VIETNAMESE_ONLY = frozenset("đăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
# a capitalised word and the lower-case word after it that make a common noun, not a name
_COMPOUNDS = frozenset(
    {("đại", "biểu"), ("thanh", "niên"), ("công", "tác"), ("cán", "bộ"), ("thường", "vụ")}
)
_TIMES_OF_DAY = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "hôm"})
_PROVINCE_UNITS = frozenset({"tỉnh", "thành phố", "tp", "nước", "quốc gia"})
_UNSEEN = object()  # a cache miss; None is a cached answer
# family names that do not occur as the third or later syllable of a name: a new name starts
_NEW_NAME = frozenset({"nguyễn", "trần", "phạm", "đặng", "bùi", "đỗ", "ngô", "phan", "huỳnh"})


def _name_word(sc: Scan, i: int) -> bool:
    """A capitalised word that may continue a name (not a head, rank, stop or organisation)."""
    toks = sc.doc.tokens
    if not toks.upper[i]:
        return False
    text = toks.words[i]
    if not text.isalpha():
        return False
    k = toks.keys[i]
    vocab = sc.vocab
    if k in vocab.not_given_names or i in sc.ranks or i in sc.awards:
        return False
    # an organisation word or an abbreviation ("UBND") is not part of a name
    return not (k in vocab.organisations or text.isupper() and len(text) > 1)


def place_at(sc: Scan, i: int) -> int | None:
    """The end of a place name starting at token i, longest first, else None."""
    end = sc.places.get(i, _UNSEEN)
    if end is _UNSEEN:
        end = sc.places[i] = _place_at(sc, i)
    return end


def _place_at(sc: Scan, i: int) -> int | None:
    toks = sc.doc.tokens
    keys = toks.keys
    vocab = sc.vocab
    if keys[i] not in vocab.place_starts or not toks.upper[i]:
        return None
    places, prefixes = vocab.places, vocab.place_prefixes
    best = None
    words = [keys[i]]
    if words[0] in places:
        best = i + 1
    gaps = toks.gaps
    n = len(keys)
    dashed = False
    j = i + 1
    while j < n and len(words) < vocab.max_place_words:
        gap = gaps[j]
        if gap != " ":
            if gap not in (" - ", "-", " – "):
                break
            words.append("-")
            dashed = True
        words.append(keys[j])
        joined = " ".join(words)
        plain = joined.replace(" - ", " ") if dashed else joined
        if joined in places or plain in places:
            best = j + 1
        if joined not in prefixes and plain not in prefixes:
            break  # no longer place starts with these words
        j += 1
    return best


def vietnamese_name_at(sc: Scan, i: int) -> int | None:
    """The end of a Vietnamese person name starting at token i (family name first), else None."""
    toks = sc.doc.tokens
    keys = toks.keys
    if keys[i] not in sc.vocab.surnames:
        return None
    upper = toks.upper
    if not upper[i] or not toks.words[i].isalpha():
        return None
    # a place that runs on into this word needs a capital right before it, one space apart
    if i > 0 and upper[i - 1] and toks.gaps[i] == " " and _inside_place(sc, i):
        return None  # "tỉnh Sơn La Hoàng Văn Chất": "La" ends a place, the name starts after it
    doc = sc.doc
    n = len(keys)
    if (
        i > 0
        and doc.adjacent(i)
        and upper[i - 1]
        and sc.ends_before(sc.honorifics, i) is None
        and sc.ends_before(sc.ranks, i) is None
        and sc.ends_before(sc.positions, i) is None
        and keys[i - 1] not in sc.vocab.not_given_names
        and i + 1 < n
        and doc.adjacent(i + 1)
        and keys[i + 1] in _NEW_NAME
        and _name_run(sc, i + 1) >= 3
    ):
        return None  # "Cty Nam Triệu Bùi Hữu Hùng": the company's last word, then a full name
    gaps, place_starts = toks.gaps, sc.vocab.place_starts
    j = i + 1
    while (
        j < n
        and j - i <= MAX_GIVEN
        and upper[j]  # (the first test of a name word, without the call)
        and (gaps[j] == " " or doc.adjacent(j))
        and _name_word(sc, j)
    ):
        if not key_is_syllable(keys[j]) and not _has_marks(toks.words[j]):
            break
        if j + 1 < n and (keys[j], keys[j + 1]) in _COMPOUNDS:
            break  # "Đoàn Đại biểu Quốc hội", "Đoàn Thanh niên": a body, not a given name
        if j - i >= 3 and keys[j] in _TIMES_OF_DAY:
            break  # "Nguyễn Thành Phong Sáng 15/6 ...": a caption run into the next sentence
        if j - i >= 2 and keys[j] in place_starts and (place_at(sc, j) or j) - j >= 2:
            break  # "Bí thư Tỉnh ủy Lê Đình Sơn Hà Tĩnh" (a caption's place after the name)
        if j - i >= 2 and keys[j] in _NEW_NAME and _name_run(sc, j) >= 3:
            break  # "TP Sầm Sơn Phạm Văn Tuấn": a place we do not know, then a full name
        if j - i >= 3 and keys[j] in _NEW_NAME and j + 1 < n and doc.adjacent(j + 1):
            break  # "Vũ Văn Tám Phạm Anh Tuấn": two names side by side
        j += 1
    if j - i < 2:
        return None
    return j


def _inside_place(sc: Scan, i: int) -> bool:
    """True when token i continues a place name that starts a few words before it."""
    toks = sc.doc.tokens
    upper, gaps, keys, place_starts = toks.upper, toks.gaps, toks.keys, sc.vocab.place_starts
    for back in range(1, sc.vocab.max_place_words):
        t = i - back
        if t < 0 or not upper[t] or gaps[t + 1] != " ":
            return False
        if keys[t] not in place_starts:
            continue
        end = place_at(sc, t)
        if end is not None and end > i:
            return True
    return False


def _name_run(sc: Scan, j: int) -> int:
    """How many capitalised name words follow one another from token j (up to five)."""
    n = 1
    while j + n < len(sc.doc.tokens) and n < 5 and sc.doc.adjacent(j + n) and _name_word(sc, j + n):
        n += 1
    return n


def foreign_name_at(sc: Scan, i: int) -> int | None:
    """The end of a foreign name at token i: capitalised words, one at least not Vietnamese."""
    toks = sc.doc.tokens
    keys, words, upper = toks.keys, toks.words, toks.upper
    vocab = sc.vocab
    if keys[i] in vocab.place_starts or (
        i > 0 and keys[i - 1] in vocab.admin_units and not upper[i - 1]
    ):
        return None  # "Hàn Park Geun-hye", "bang Tây Bengal": a place comes first
    n = len(keys)
    if all(map(key_is_syllable, keys[i : i + MAX_FOREIGN])):
        return None  # a foreign name has a word that is no Vietnamese syllable
    gaps, stop_firsts, place_starts = toks.gaps, vocab.stop_phrases, vocab.place_starts
    j = i
    foreign = False
    while j < n and j - i < MAX_FOREIGN and (j == i or gaps[j] == " " or _foreign_adjacent(sc, j)):
        text = words[j]
        if j > i and text in _REGNAL and foreign:
            j += 1  # "Elizabeth II": a monarch's number belongs to the name
            break
        if (
            not upper[j]
            or keys[j] in stop_firsts
            and j in sc.stops
            or j in sc.positions
            or j in sc.ranks
        ):
            break
        k = keys[j]
        if k in vocab.not_given_names or j > i and vietnamese_name_at(sc, j):
            break
        if sum(map(str.isupper, text[:3])) > 1 and not text.isupper():
            break  # "TPHồ": two words run together, not a name
        if k in vocab.organisations or (text.isupper() and len(text) > 1):
            break
        if k in place_starts and place_at(sc, j) is not None:
            break
        if not key_is_syllable(k):
            if _VIETNAMESE_ONLY & set(k) and not _transliterated(toks[j]):
                break  # "Đắk R’lấp": a Vietnamese (minority) place or word, not a foreign name
            foreign = True
        j += 1
    # one capitalised word ("Prudential", "Interpol") is more often an organisation than a person,
    # and words right before a Vietnamese name ("Viettel Post Trần Trung Hưng") name its employer
    if foreign and j - i == 1 and len(words[i]) > 2 and _after_monarch(sc, i):
        return j  # "Vua George": a monarch is named by one name
    if not foreign or j - i < 2 or len(words[i]) < 2:
        return None
    if j < n and sc.doc.adjacent(j) and vietnamese_name_at(sc, j) is not None:
        return None
    if j - i > 2 and _standalone_word(sc, i):
        return None  # "Tổng Thư ký Interpol Jurgen Stock": a word written alone elsewhere and
        # before a name written without it elsewhere is the employer, not the first name
    return j


def _standalone_word(sc: Scan, i: int) -> bool:
    """True when the word at token i stands elsewhere without the word after it, and that next
    word stands elsewhere without it."""
    keys = sc.doc.tokens.keys
    table = sc.capitals_by_key()
    first, second = keys[i], keys[i + 1]
    alone = any(t + 1 >= len(keys) or keys[t + 1] != second for t in table.get(first, ()))
    return alone and any(t == 0 or keys[t - 1] != first for t in table.get(second, ()))


# one-letter numerals are left out: they are more often initials ("Konstantin V.Vnukov")
_REGNAL = frozenset(
    ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XVI")
)
_MONARCHS = frozenset(("vua", "nu hoang", "quoc vuong", "hoang de", "nha vua"))


def _after_monarch(sc: Scan, i: int) -> bool:
    """True when token i follows a monarch's title, or one with its country ("Nữ hoàng Anh")."""
    for before in (i, i - 1):
        start = sc.ends_before(sc.positions, before)
        if start is not None and before <= i and sc.doc.adjacent(before):
            head = " ".join(sc.doc.tokens[t].fold for t in range(start, before))
            if head in _MONARCHS and (before == i or place_at(sc, before) == i):
                return True
    return False


def _transliterated(tok) -> bool:
    """A foreign name written syllable by syllable with hyphens ("Phết-tha-von")."""
    parts = tok.fold.split("-")
    # later syllables are lower case ("Phi-lạ-văn"); "Lào-Việt" joins two places
    later = tok.text.split("-")[1:]
    return (
        len(parts) > 1
        and all(is_syllable(p) for p in parts)
        and not any(w[:1].isupper() for w in later)
    )


def _foreign_adjacent(sc: Scan, j: int) -> bool:
    """Adjacent words of a foreign name; an initial keeps its full stop ("John F. Kennedy")."""
    if sc.doc.adjacent(j):
        return True
    prev = sc.doc.tokens.words[j - 1]
    return sc.doc.gap(j) == ". " and len(prev) == 1 and prev.isupper()


def _has_marks(text: str) -> bool:
    # a syllable with Vietnamese diacritics is Vietnamese even when the shape check is unsure
    return not text.isascii()


def person_name_at(sc: Scan, i: int, after_title: bool) -> int | None:
    """A person name at token i: Vietnamese anywhere, foreign only right after a title or rank."""
    end = sc.people.get((i, after_title), _UNSEEN)
    if end is _UNSEEN:
        end = sc.people[i, after_title] = _person_name_at(sc, i, after_title)
    return end


def _person_name_at(sc: Scan, i: int, after_title: bool) -> int | None:
    doc = sc.doc
    keys = doc.tokens.keys
    vocab = sc.vocab
    # most words asked about are no family name: no call for them
    end = vietnamese_name_at(sc, i) if keys[i] in vocab.surnames else None
    if end is None:
        return foreign_name_at(sc, i) if after_title else None
    unit = keys[i - 1] if i > 0 and doc.adjacent(i) else ""
    # "huyện Thạch Thành", "phường Nguyễn Cư Trinh": districts and wards are often named after
    # people; after a bare "tỉnh" a person may follow ("Chủ tịch UBND tỉnh Nguyễn Ngọc Hai")
    # since every province is a known place
    if unit in vocab.admin_units and (
        unit not in _PROVINCE_UNITS
        or end < len(keys)
        and doc.adjacent(end)
        and vietnamese_name_at(sc, end)
    ):
        return None
    place_end = place_at(sc, i) if keys[i] in vocab.place_starts else None
    if place_end is not None and place_end < end and vietnamese_name_at(sc, place_end):
        return None  # "TP Hồ Chí Minh Nguyễn Thành Trung": a place, then a name
    if place_end is not None and place_end >= end:
        # "Hà Tĩnh", "Hồ Chí Minh": a person only when a title names them directly
        prev = keys[i - 1] if i > 0 else ""
        if not after_title or prev in vocab.admin_units:
            return None
        if " ".join(keys[i:end]) not in vocab.people_named_like_places:
            return None  # "Chủ tịch Hà Nội Nguyễn Đức Chung"
    return end
