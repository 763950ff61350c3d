"""URLs and RSS/Atom feeds: fetched politely with httpx, pages extracted with trafilatura.

Politeness: a user agent that names the project, a timeout per request, retries with backoff
on timeouts, connection errors, 429 and 5xx, and a minimum delay between two requests to the
same host. A feed (RSS/Atom, recognised by its content type or by feedparser finding entries)
yields one article per entry link; an entry's own date fills in when the page gives none.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from ..errors import InputError, MissingText, NotFound
from ..records import Article, ItemError
from .html import extract_html
from .normalize import parse_date
from .sources import DEFAULT_MAX_CHARS, article_from_text

__all__ = ["FetchError", "FetchOptions", "Fetcher", "iter_urls"]

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(InputError):
    """A URL could not be fetched (after retries): network error, timeout or HTTP status."""

    code = "I008"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How to fetch: user agent, timeout (seconds), retries, delay between hits on one host."""

    user_agent: str = "communique/0.1 (+event data research)"
    timeout: float = 20.0
    retries: int = 2
    per_host_delay: float = 1.0
    backoff: float = 0.5

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FetchOptions:
        """Options from the ``[fetch]`` table of the configuration."""
        f = config.get("fetch", {})
        # With slots=True the class attributes are slot descriptors, not the defaults: read the
        # defaults from an instance.
        d = cls()
        return cls(
            user_agent=str(f.get("user_agent", d.user_agent)),
            timeout=float(f.get("timeout", d.timeout)),
            retries=int(f.get("retries", d.retries)),
            per_host_delay=float(f.get("per_host_delay", d.per_host_delay)),
        )


class Fetcher:
    """An httpx client with retries and a per-host rate limit (one per ingest run).

    Args:
        options: politeness settings.
        transport: an httpx transport (tests pass a mock; None for the network).
        sleep: the sleep function (tests pass a fake clock).
    """

    def __init__(
        self,
        *,
        options: FetchOptions | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self.client = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=self.options.timeout,
            follow_redirects=True,
            transport=transport,
        )

    def close(self) -> None:
        """Close the underlying connection pool."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self.options.per_host_delay - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str) -> httpx.Response:
        """GET ``url`` with retries; the final response has a 2xx status.

        Raises:
            FetchError: every attempt failed (network error, timeout, or an error status).
            NotFound: the server answered 404/410 (not retried).
        """
        problem = "no attempt made"
        for attempt in range(self.options.retries + 1):
            if attempt:
                self._sleep(self.options.backoff * 2 ** (attempt - 1))
            self._wait_turn(url)
            try:
                response = self.client.get(url)
            except httpx.TimeoutException:
                problem = f"timed out after {self.options.timeout:g}s"
                continue
            except httpx.TransportError as exc:
                problem = f"network error ({type(exc).__name__}: {exc})"
                continue
            if response.status_code in (404, 410):
                raise NotFound(f"{url}: HTTP {response.status_code}")
            if response.status_code in _RETRY_STATUS:
                problem = f"HTTP {response.status_code}"
                continue
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            return response
        raise FetchError(f"{url}: {problem} ({self.options.retries + 1} attempt(s))")


def _is_feed(response: httpx.Response) -> bool:
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in _FEED_TYPES:
        return True
    head = response.text[:500].lstrip().lower()
    return head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed")


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _page(
    fetcher: Fetcher, url: str, *, published: date | None, title: str | None, max_chars: int
) -> Article:
    response = fetcher.get(url)
    page = extract_html(response.text, source=url, url=str(response.url))
    pub = (parse_date(page.published) if page.published else None) or published
    return article_from_text(
        page.text, source=url, url=url, published=pub, title=page.title or title,
        byline=page.byline, parse_headers=False, max_chars=max_chars,
    )


def _one(
    fetcher: Fetcher, url: str, *, published: date | None, max_chars: int
) -> Iterator[Article | ItemError]:
    try:
        response = fetcher.get(url)
        if not _is_feed(response):
            page = extract_html(response.text, source=url, url=str(response.url))
            pub = (parse_date(page.published) if page.published else None) or published
            yield article_from_text(
                page.text, source=url, url=url, published=pub, title=page.title,
                byline=page.byline, parse_headers=False, max_chars=max_chars,
            )
            return
        feed = feedparser.parse(response.content)
        if not feed.entries:
            raise MissingText(f"{url}: feed has no entries")
    except InputError as exc:
        yield ItemError(source=url, code=exc.code, message=exc.message)
        return
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        try:
            yield _page(fetcher, link, published=_entry_date(entry) or published,
                        title=entry.get("title"), max_chars=max_chars)
        except InputError as exc:
            yield ItemError(source=link, code=exc.code, message=exc.message)


def iter_urls(
    urls: Iterable[str],
    *,
    options: FetchOptions | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Article | ItemError]:
    """Articles (or per-item errors) from web pages and RSS/Atom feeds, in input order.

    Args:
        urls: page or feed URLs.
        options: politeness settings (defaults: see ``FetchOptions``).
        published: publication date for pages that carry none (and feed entries without one).
        max_chars: the per-article size cap.
        transport: an httpx transport to use instead of the network.
    """
    with Fetcher(options=options, transport=transport) as fetcher:
        for url in urls:
            yield from _one(fetcher, url, published=published, max_chars=max_chars)
