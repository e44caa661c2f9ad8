"""Officials and awards extracted from an article by rules and vocabularies."""

from tui_reader.extract.model import Award, Extraction, Official, Span

__all__ = ["Award", "Extraction", "Official", "Span", "extract"]


def extract(title: str, body: str) -> Extraction:
    """Officials and awards of one article; mention offsets point into ``body``."""
    from tui_reader.extract.pipeline import extract_article

    return extract_article(title, body)
