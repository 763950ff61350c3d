"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import trafilatura

from ..errors import MissingText
from .normalize import parse_date

__all__ = ["HtmlPage", "extract_html"]

# trafilatura's default drops any page date after today. A future publication date is kept and
# flagged instead (see ingest/guards.py: analysts want the article, with a warning), so the
# ceiling is lifted; the other settings are trafilatura's defaults.
_DATE_CONFIG = {"original_date": True, "extensive_search": True, "max_date": "2199-12-31"}


class HtmlPage:
    """The main text and metadata trafilatura found in one page."""

    __slots__ = ("byline", "published", "text", "title", "url")

    def __init__(
        self, *, text: str, title: str | None, byline: str | None, published: str | None,
        url: str | None,
    ) -> None:
        self.text = text
        self.title = title
        self.byline = byline
        self.published = published
        self.url = url


def extract_html(html: str, *, source: str, url: str | None = None) -> HtmlPage:
    """Extract main text and metadata (title, author, date, canonical URL) from a page.

    Raises:
        MissingText: trafilatura finds no main text (a page of scripts, an empty body).
    """
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, favor_precision=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise MissingText(f"{source}: no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html, default_url=url, date_config=_DATE_CONFIG)
    published = None
    title = author = page_url = None
    if meta is not None:
        title = meta.title or None
        author = meta.author or None
        page_url = meta.url or None
        if meta.date and parse_date(meta.date):
            published = str(parse_date(meta.date))
    return HtmlPage(text=text, title=title, byline=author, published=published, url=page_url or url)
