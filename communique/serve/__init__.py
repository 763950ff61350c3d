"""Serve stage: the dashboard and JSON API over the store (FastAPI).

``create_app(db_path, token=None)`` builds the application; ``communique serve`` runs it with
uvicorn. Every page has a JSON twin from the same view; see ``docs/serve.md``.
"""

from .app import create_app

__all__ = ["create_app"]
