"""Records the extractor produces: officials, awards and where the text mentions them."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]  # (start, end) character offsets into Article.body


@dataclass
class Official:
    """A named person given a title or a rank."""

    name: str
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_json(self, with_mentions: bool = True) -> dict:
        data = {"name": self.name, "rank": self.rank, "titles": list(self.titles)}
        if with_mentions:
            data["mentions"] = [list(s) for s in self.mentions]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Official:
        return cls(
            name=data["name"],
            rank=data.get("rank"),
            titles=list(data.get("titles") or []),
            mentions=[tuple(s) for s in data.get("mentions") or []],
        )


@dataclass
class Award:
    """An award conferred in the reported event."""

    award: str
    issuer: str | None = None
    presenters: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    collectives: int | None = None
    individuals: int | None = None
    mentions: list[Span] = field(default_factory=list)  # the sentences that give it

    def to_json(self, with_mentions: bool = True) -> dict:
        data = {
            "award": self.award,
            "issuer": self.issuer,
            "presenters": list(self.presenters),
            "recipients": list(self.recipients),
            "collectives": self.collectives,
            "individuals": self.individuals,
        }
        if with_mentions:
            data["mentions"] = [list(s) for s in self.mentions]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Award:
        return cls(
            award=data["award"],
            issuer=data.get("issuer"),
            presenters=list(data.get("presenters") or []),
            recipients=list(data.get("recipients") or []),
            collectives=data.get("collectives"),
            individuals=data.get("individuals"),
            mentions=[tuple(s) for s in data.get("mentions") or []],
        )


@dataclass
class Extraction:
    """Everything extracted from one article."""

    officials: list[Official] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)

    def to_json(self, with_mentions: bool = True) -> dict:
        return {
            "officials": [o.to_json(with_mentions) for o in self.officials],
            "awards": [a.to_json(with_mentions) for a in self.awards],
        }

    @classmethod
    def from_json(cls, data: dict) -> Extraction:
        return cls(
            officials=[Official.from_json(o) for o in data.get("officials") or []],
            awards=[Award.from_json(a) for a in data.get("awards") or []],
        )
