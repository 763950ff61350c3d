"""Running the application with uvicorn (what ``communique serve`` and ``demo`` call)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

__all__ = ["LOOPBACK_HOSTS", "is_loopback", "serve"]

# Host headers accepted when bound to loopback (a page on another site cannot reach the API
# through DNS rebinding: its requests carry that site's name).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is on the loopback interface."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    cache: int = 256,
    start_page: str = "/",
) -> None:
    """Serve the dashboard and API over ``db_path`` until interrupted.

    Args:
        db_path: the store file or URL.
        host: the interface to bind; loopback unless told otherwise.
        port: the TCP port.
        token: enables the ingest endpoint; None keeps the server read-only.
        cache: aggregate views kept per store version (0: none).
        start_page: the page whose address is printed at start.
    """
    import uvicorn

    from .app import create_app

    allowed = LOOPBACK_HOSTS if host in ("127.0.0.1", "localhost") else None
    app = create_app(db_path, token=token, cache=cache, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    print(f"communique: dashboard on http://{shown}:{port}{start_page} "
          f"({'ingest endpoint on' if token else 'read-only'}; Ctrl-C stops)", file=sys.stderr)
    if not is_loopback(host):
        print("communique: listening beyond this machine; put TLS in front before sending a "
              "token over a network", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False, timeout_keep_alive=5, limit_concurrency=256)
