"""HEAD answered like GET without the body, on every route.

Starlette adds HEAD to a plain ``Route`` that has GET, but FastAPI's API routes do not, so
``curl -I``, link checkers and uptime monitors got 405 from every page. Raw ASGI (as
``guard.py``): the request goes to the app as a GET, the status and headers (Content-Length
included) come back unchanged, the body is dropped. Static files answer HEAD themselves.
"""

from __future__ import annotations

from .guard import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HeadMiddleware"]


class HeadMiddleware:
    """Serves HEAD requests from the GET handler of the same path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"",
                           "more_body": message.get("more_body", False)}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
