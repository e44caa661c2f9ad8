"""Headless full-text search over articles: diacritic-aware, prefix-while-typing, persisted.

Query language (see ``query``): words (all must match; the last one as a prefix while typing),
"phrases", -exclusions, official: award: author: title: fields and date:2023-01..2023-06.
A word without diacritics matches any diacritics ("phuong" finds "Phượng"); a word with
diacritics matches them exactly (tone placement, NFC/NFD and case never matter).
"""

from tui_reader.search.highlight import find_hits
from tui_reader.search.index import IndexFileError, SearchIndex
from tui_reader.search.query import DateRange, Query, Term, Word, parse_query
from tui_reader.search.terms import IndexDoc, IndexTerms, index_terms

__all__ = [
    "DateRange",
    "IndexDoc",
    "IndexFileError",
    "IndexTerms",
    "Query",
    "SearchIndex",
    "Term",
    "Word",
    "find_hits",
    "index_terms",
    "parse_query",
]
