"""The extraction pipeline: scan the body once, then read officials and awards from it."""

from __future__ import annotations

from tui_reader.extract.awards import find_awards
from tui_reader.extract.model import Extraction
from tui_reader.extract.officials import find_officials
from tui_reader.extract.scan import scan
from tui_reader.text import nfc


def extract_article(title: str, body: str) -> Extraction:
    """Officials and awards of one article; offsets point into ``body``."""
    body = nfc(body) if not body.isascii() else body
    sc = scan(body)
    officials = find_officials(sc)
    awards = find_awards(sc, officials)
    return Extraction(officials=officials, awards=awards)
