"""Vietnamese text normalisation: one canonical form for reading, comparing and searching.

Text is stored in NFC as written. For comparison two keys are derived, both the same length as
the NFC text so that offsets found in a key point at the same characters of the original:

- ``key``: lower case, old tone placement rewritten to the new one ("hoà" -> "hòa",
  "uỷ" -> "ủy"): diacritic-exact comparison.
- ``fold``: ``key`` without any diacritics, "đ" -> "d": diacritic-free comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_OLD_TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
# "o[àá…]|u[ỳý…]": the same matches as the alternation of the pairs, found faster
_OLD_TONE_RE = re.compile(
    "|".join(
        f"{first}[{''.join(sorted(p[1] for p in _OLD_TONE_PAIRS if p[0] == first))}]"
        for first in sorted({p[0] for p in _OLD_TONE_PAIRS})
    )
)

# Vietnamese letters live in Latin-1, Latin Extended-A/B and Latin Extended Additional.
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for lo, hi in _LATIN_RANGES:
        for code in range(lo, hi + 1):
            char = chr(code)
            decomposed = unicodedata.normalize("NFD", char)
            if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
                table[code] = decomposed[0]
    return table


FOLD_TABLE = _build_fold_table()  # code point -> the letter without its marks
_DIACRITIC_CHARS = frozenset(chr(c) for c in FOLD_TABLE)

WORD_RE = re.compile(r"\w+")


def nfc(text: str) -> str:
    """The text in Unicode NFC, the form everything is stored in."""
    return unicodedata.normalize("NFC", text)


def new_tone_placement(text: str) -> str:
    """Rewrite old-style tone placement ("hoà", "Thuỷ") to the new style, keeping case."""
    lower = text.lower()
    if len(lower) != len(text) or _OLD_TONE_RE.search(lower) is None:
        return text
    out = []
    last = 0
    for m in _OLD_TONE_RE.finditer(lower):
        out.append(text[last : m.start()])
        swapped = _OLD_TONE_PAIRS[m.group(0)]
        original = text[m.start() : m.end()]
        pairs = zip(original, swapped, strict=True)
        out.append("".join(s.upper() if o.isupper() else s for o, s in pairs))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=65536)
def _key_cached(text: str) -> str:
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE_PAIRS[m.group(0)], nfc(text).lower())


def key(text: str) -> str:
    """Diacritic-exact comparison key: NFC, lower case, new tone placement."""
    if len(text) < 64:
        return _key_cached(text)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE_PAIRS[m.group(0)], nfc(text).lower())


def strip_diacritics(text: str) -> str:
    """Remove every diacritic and map đ to d, keeping case; same length for NFC input."""
    return text.translate(FOLD_TABLE)


def fold(text: str) -> str:
    """Diacritic-free comparison key: ``key`` without tones, marks or the stroke of đ."""
    return key(text).translate(FOLD_TABLE)


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (or đ)."""
    return any(c in _DIACRITIC_CHARS for c in nfc(text))


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name, whatever their normal form or tone placement."""
    return " ".join(key(a).split()) == " ".join(key(b).split())
