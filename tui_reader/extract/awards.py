"""Awards conferred in the reported event: kind, issuer, presenters, recipients and counts."""

from __future__ import annotations

from tui_reader.extract.model import Award, Official
from tui_reader.extract.scan import Scan


def find_awards(sc: Scan, officials: list[Official]) -> list[Award]:
    """The awards given in the body's sentences."""
    return []
