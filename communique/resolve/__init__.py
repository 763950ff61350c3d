"""Resolve stage: link extracted mentions to reference tables (gazetteer, actor dictionary)."""
