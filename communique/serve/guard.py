"""Request limits and security headers, as one pure ASGI middleware in front of the app.

- Query strings: at most ``max_query`` bytes, ``MAX_PARAMS`` parameters, ``max_param``
  characters a value, no control characters (a NUL in a bound parameter is legal SQL but no
  filter value we know needs one). Over-long URLs get 414, the rest 400.
- Request bodies: at most ``max_body`` bytes, counted as they arrive (a lying or absent
  Content-Length does not help); over it, 413 before the app reads more.
- Every response: a Content-Security-Policy that allows scripts, styles, images and fetches
  from this origin only (no inline scripts or styles: the templates have none), nosniff, no
  framing, no referrer, and no caching of API answers by shared caches.

Written as raw ASGI rather than Starlette's ``BaseHTTPMiddleware`` so that the body limit can
act on the stream itself before any handler buffers it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException

__all__ = ["CSP", "SECURITY_HEADERS", "BodyTooLarge", "GuardMiddleware"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
)
MAX_PARAMS = 32


class BodyTooLarge(HTTPException):
    """The request body grew past the limit while it was being read (413).

    An ``HTTPException`` so that FastAPI's body parsing passes it through unchanged (it turns
    other exceptions raised while reading into a 400).
    """

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body over {limit} bytes")


def _has_control(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


class GuardMiddleware:
    """Size limits on requests and security headers on responses (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int = 1 << 20,
        max_query: int = 8192,
        max_param: int = 256,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_query = max_query
        self.max_param = max_param

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._check_query(scope.get("query_string", b""))
        if problem is None:
            problem = self._check_length(scope)
        if problem is not None:
            await _reply(send, *problem)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v) for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in {h for h, _ in SECURITY_HEADERS}
                ]
                headers.extend((k.encode(), v.encode()) for k, v in SECURITY_HEADERS)
                message["headers"] = headers
            await send(message)

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if started:
                raise
            await _reply(send, 413, f"request body over {self.max_body} bytes")

    def _check_length(self, scope: Scope) -> tuple[int, str] | None:
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return 400, "Content-Length is not a number"
                if length > self.max_body:
                    return 413, f"request body over {self.max_body} bytes"
        return None

    def _check_query(self, raw: bytes) -> tuple[int, str] | None:
        if len(raw) > self.max_query:
            return 414, f"query string over {self.max_query} bytes"
        if not raw:
            return None
        try:
            pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True, errors="strict",
                              encoding="utf-8")
        except (UnicodeDecodeError, ValueError):
            return 400, "query string is not valid UTF-8"
        if len(pairs) > MAX_PARAMS:
            return 400, f"more than {MAX_PARAMS} query parameters"
        for name, value in pairs:
            if len(name) > 64 or len(value) > self.max_param:
                return 400, f"query parameter over {self.max_param} characters"
            if _has_control(name) or _has_control(value):
                return 400, "control characters in a query parameter"
        return None


async def _reply(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
