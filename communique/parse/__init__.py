"""Parse stage: the spaCy pipeline that every extractor runs inside."""

from .pipeline import load_pipeline, register_extensions

__all__ = ["load_pipeline", "register_extensions"]
