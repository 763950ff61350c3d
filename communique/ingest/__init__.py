"""Ingest stage: turn files, folders, globs, corpora, stdin (and later URLs/feeds) into Articles.

Every reader yields :class:`~communique.records.Article` records (body text included) or, for an
item that cannot be read, an :class:`~communique.records.ItemError`; one bad item never stops
the others.
"""

from .normalize import article_id, parse_header
from .sources import iter_articles

__all__ = ["article_id", "iter_articles", "parse_header"]
