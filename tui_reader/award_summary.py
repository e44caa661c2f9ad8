"""Awards across all articles, grouped by kind (with its issuer) or by issuer.

Kinds and issuers are compared on ``directory.compare_key`` (case, NFC/NFD, tone placement and
abbreviations such as UBND, HĐND, MTTQ, TƯ/TW merged), with "danh hiệu" before a kind and
"Cộng hòa xã hội chủ nghĩa Việt Nam" or "Việt Nam" after an issuer left out. A shorter form
folds into a longer one it starts when that is its only longer form and not a rare run-on
("Thủ tướng" into "Thủ tướng Chính phủ"); "Huân chương Lao động" with no class stays apart from
its three classes, and "UBND tỉnh" from the provinces it could be.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui_reader.directory import RARE_VARIANT, compare_key
from tui_reader.text import fold, key, nfc

# Words that say nothing about which award or issuer it is.
AWARD_LEADING = ("danh hiệu",)
ISSUER_TRAILING = ("cộng hòa xã hội chủ nghĩa việt nam", "việt nam")
KINDS_SEPARATOR = "; "


@dataclass
class AwardGroup:
    """One kind of award (with its issuer), or one issuer, over all articles."""

    award: str  # kind with class, e.g. "Huân chương Lao động hạng Ba"; issuer groups: the kinds
    issuer: str | None
    article_ids: list[int]  # newest first
    collectives: int  # totals over the articles that give counts
    individuals: int
    recipients: list[str]
    presenters: list[str]
    first: str | None
    last: str | None


def award_key(text: str) -> str:
    """The comparison key of an award kind."""
    k = compare_key(text)
    for lead in AWARD_LEADING:
        if k.startswith(lead + " "):
            k = k[len(lead) + 1 :]
    return k


def issuer_key(text: str) -> str:
    """The comparison key of an issuer."""
    k = compare_key(text)
    for tail in ISSUER_TRAILING:
        if k.endswith(" " + tail):
            return k[: -len(tail) - 1]
    return k


class _Tally:
    """Everything gathered for one group."""

    __slots__ = ("articles", "collectives", "individuals", "kinds", "presenters", "recipients")

    def __init__(self) -> None:
        self.articles: dict[int, str | None] = {}
        self.collectives = 0
        self.individuals = 0
        self.kinds: dict[str, int] = {}
        self.recipients: dict[str, dict[str, int]] = {}
        self.presenters: dict[str, dict[str, int]] = {}


def group_awards(metas: dict[int, dict], by: str = "award") -> list[AwardGroup]:
    """Awards grouped by kind and issuer (``by="award"``) or by issuer alone (``by="issuer"``),
    most reported first."""
    if by not in ("award", "issuer"):
        raise ValueError(f'group awards by "award" or "issuer", not {by!r}')
    records = []
    award_texts: dict[str, dict[str, int]] = {}  # key -> spelling -> count
    issuer_texts: dict[str, dict[str, int]] = {}
    award_keys: dict[str, str] = {}
    issuer_keys: dict[str, str] = {}
    for article_id, meta in metas.items():
        month = _month(meta.get("date"))
        for award in meta.get("awards") or ():
            raw = award.get("award") or ""
            a = award_keys.get(raw)
            if a is None:
                a = award_keys[raw] = award_key(raw)
            if not a:
                continue
            _count(award_texts, a, _clean(raw))
            i = None
            raw_issuer = award.get("issuer")
            if raw_issuer:
                i = issuer_keys.get(raw_issuer)
                if i is None:
                    i = issuer_keys[raw_issuer] = issuer_key(raw_issuer)
                if i:
                    _count(issuer_texts, i, _clean(raw_issuer))
                else:
                    i = None
            records.append((article_id, month, award, a, i))

    award_of = _fold_prefixes(award_texts)
    issuer_of = _fold_prefixes(issuer_texts)
    tallies: dict[tuple[str, str | None], _Tally] = {}
    for article_id, month, award, a, i in records:
        a = award_of[a]
        i = issuer_of[i] if i is not None else None
        group = (a, i) if by == "award" else ("", i)
        tally = tallies.get(group)
        if tally is None:
            tally = tallies[group] = _Tally()
        tally.articles[article_id] = month
        tally.kinds[a] = tally.kinds.get(a, 0) + 1
        if isinstance(award.get("collectives"), int):
            tally.collectives += award["collectives"]
        if isinstance(award.get("individuals"), int):
            tally.individuals += award["individuals"]
        _names(tally.recipients, award.get("recipients"))
        _names(tally.presenters, award.get("presenters"))

    award_shown = {k: _shown(v) for k, v in _merged_texts(award_texts, award_of).items()}
    issuer_shown = {k: _shown(v) for k, v in _merged_texts(issuer_texts, issuer_of).items()}
    groups = []
    for (a, i), tally in tallies.items():
        if by == "award":
            label = award_shown[a]
        else:
            kinds = sorted(tally.kinds, key=lambda k: (-tally.kinds[k], fold(award_shown[k])))
            label = KINDS_SEPARATOR.join(award_shown[k] for k in kinds)
        months = tally.articles
        dated = [m for m in months.values() if m]
        groups.append(
            AwardGroup(
                award=label,
                issuer=issuer_shown[i] if i is not None else None,
                article_ids=sorted(months, key=lambda n: (months[n] or "", n), reverse=True),
                collectives=tally.collectives,
                individuals=tally.individuals,
                recipients=_ranked(tally.recipients),
                presenters=_ranked(tally.presenters),
                first=min(dated, default=None),
                last=max(dated, default=None),
            )
        )
    groups.sort(key=lambda g: (-len(g.article_ids), fold(g.award), fold(g.issuer or "")))
    return groups


def _month(value: object) -> str | None:
    if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
        return value[:7]
    return None


def _clean(text: str) -> str:
    return " ".join(nfc(text).split())


def _count(table: dict[str, dict[str, int]], k: str, spelling: str) -> None:
    spellings = table.setdefault(k, {})
    spellings[spelling] = spellings.get(spelling, 0) + 1


def _fold_prefixes(texts: dict[str, dict[str, int]]) -> dict[str, str]:
    """Each key -> the key of its group: a key whose only longer forms lie on one line folds
    into the longest of them, unless that is a rare run-on."""
    count = {k: sum(v.values()) for k, v in texts.items()}
    keys = sorted(count)
    target = {k: k for k in keys}
    for n, k in enumerate(keys):
        prefix = k + " "
        longer = []
        j = n + 1
        while j < len(keys) and keys[j].startswith(prefix):
            longer.append(keys[j])
            j += 1
        if not longer:
            continue
        leaves = [d for d in longer if not any(e.startswith(d + " ") for e in longer)]
        if len(leaves) == 1 and count[leaves[0]] * RARE_VARIANT >= count[k]:
            target[k] = leaves[0]
    return target


def _merged_texts(texts: dict[str, dict[str, int]], target: dict[str, str]) -> dict[str, dict]:
    merged: dict[str, dict[str, int]] = {}
    for k, spellings in texts.items():
        if target[k] != k:
            continue
        merged[k] = dict(spellings)
    return merged


def _shown(spellings: dict[str, int]) -> str:
    """The most used spelling (ties: written with a capital, then the shorter), capitalised."""
    text = max(spellings, key=lambda s: (spellings[s], s[:1].isupper(), -len(s)))
    return text[:1].upper() + text[1:]


def _names(table: dict[str, dict[str, int]], names: Iterable[str] | None) -> None:
    for name in names or ():
        if name:
            _count(table, " ".join(key(name).split()), _clean(name))


def _ranked(table: dict[str, dict[str, int]]) -> list[str]:
    """One spelling per name, the most often named first (then first named)."""
    order = {k: n for n, k in enumerate(table)}
    keys = sorted(table, key=lambda k: (-sum(table[k].values()), order[k]))
    return [max(table[k], key=table[k].__getitem__) for k in keys]
