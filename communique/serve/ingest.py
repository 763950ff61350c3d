"""The ingest endpoint: ``POST /api/ingest``, present only when a token is configured.

The token is sent as ``Authorization: Bearer <token>`` and compared in constant time
(``hmac.compare_digest``), so the time of a refusal says nothing about how much of a guess was
right. Articles go through the same checks as a JSONL corpus line (``article_from_text``: size
cap, empty text, unpaired surrogates) and the same pipeline; the pipeline runs before the store
is opened for writing, so readers wait only for the write itself.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..errors import InputError
from ..ingest.article import article_from_text, item_error
from ..records import Article, Document, ItemError
from .models import ErrorBody, IngestRequest, IngestResult
from .reader import StoreReader

__all__ = ["Process", "add_ingest"]

Process = Callable[[Iterable[Article | ItemError]], Iterator[Document | ItemError]]

_bearer = HTTPBearer(auto_error=False, description="the token given to `communique serve`")


def _articles(body: IngestRequest, *, max_chars: int) -> list[Article | ItemError]:
    items: list[Article | ItemError] = []
    for n, art in enumerate(body.articles, start=1):
        source = art.url or f"api:{art.id or n}"
        try:
            items.append(article_from_text(
                art.text, source=source, published=art.published, external_id=art.id,
                title=art.title, byline=art.byline, url=art.url, parse_headers=False,
                max_chars=max_chars,
            ))
        except InputError as exc:
            items.append(item_error(source, exc))
    return items


def add_ingest(app: FastAPI, *, token: str, process: Process, max_chars: int) -> None:
    """Register ``POST /api/ingest`` on ``app``, guarded by ``token``."""
    expected = token.encode("utf-8")

    def authorised(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        given = (credentials.credentials if credentials else "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            raise HTTPException(401, "a valid bearer token is required",
                                headers={"WWW-Authenticate": "Bearer"})

    def ingest(body: IngestRequest, request: Request) -> IngestResult:
        """Extract and store up to 50 articles (needs the token)."""
        reader: StoreReader = request.app.state.reader
        docs = list(process(_articles(body, max_chars=max_chars)))
        with reader.write() as st:
            result = st.ingest_documents(docs)
        return IngestResult(
            added=result.added, skipped=result.skipped, failed=result.failed,
            errors=[{"source": e.source, "code": e.code, "message": e.message}
                    for e in result.errors],
        )

    app.add_api_route(
        "/api/ingest", ingest, methods=["POST"], response_model=IngestResult,
        dependencies=[Depends(authorised)], tags=["write"],
        summary="Extract and store articles (needs the token)",
        responses={
            400: {"model": ErrorBody, "description": "a body that is not JSON"},
            401: {"model": ErrorBody, "description": "missing or wrong token"},
            413: {"model": ErrorBody, "description": "request body over its size limit"},
            422: {"model": ErrorBody, "description": "a malformed request body"},
            503: {"model": ErrorBody, "description": "the store is held by an ingest"},
        },
    )
