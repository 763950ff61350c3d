"""Guards applied to an article on its way into the pipeline, recorded as Document warnings.

Two inputs are odd but still worth coding, so they are kept with a warning rather than refused:

- A publication date in the future. Scraped metadata is often a day ahead (time zones, embargoed
  or scheduled pages) and sometimes plain wrong; the article's events are still news, so
  analysts want it kept and flagged, not dropped. The date stays the anchor for relative dates.
  A date that does not exist (2021-02-30) is different: it is an error for that item (I004).
- A run of text with no sentence end (a table flattened to one line, a 100,000-character
  "sentence"). spaCy's parser copes, but every extractor works per sentence, so a sentence of
  thousands of tokens makes per-sentence work balloon. Such runs are cut into parts of at most
  ``max_tokens`` tokens by presetting sentence starts, which the parser respects; the text and
  the offsets are unchanged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from spacy.tokens import Doc

__all__ = ["MAX_SENTENCE_TOKENS", "guard_sentence_length", "published_warnings"]

MAX_SENTENCE_TOKENS = 250
# Publication dates up to a day ahead of UTC today are normal (UTC+14 is a day ahead).
_FUTURE_GRACE = timedelta(days=1)
_SENTENCE_END = frozenset({".", "!", "?", "…", "。", "؟", "！", "？"})
# A cut is moved back to just after one of these when one lies in the last quarter of a part.
_SOFT_BREAK = frozenset({",", ";", ":", "،", "؛", "—", "–"})


def published_warnings(published: date | None, *, today: date | None = None) -> list[str]:
    """Warnings about a publication date: one when it lies in the future.

    Args:
        published: the article's publication date, if any.
        today: the reference day (UTC today when not given).
    """
    if published is None:
        return []
    today = today or datetime.now(UTC).date()
    if published - today <= _FUTURE_GRACE:
        return []
    return [
        f"publication date {published.isoformat()} lies in the future (today is "
        f"{today.isoformat()}); kept as the anchor for relative dates, check the source"
    ]


def _is_boundary(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.text in _SENTENCE_END:
        return True
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def _cuts(doc: Doc, start: int, end: int, max_tokens: int) -> list[int]:
    cuts: list[int] = []
    pos = start
    while end - pos > max_tokens:
        cut = pos + max_tokens
        for j in range(cut - 1, cut - max_tokens // 4, -1):
            if doc[j].text in _SOFT_BREAK:
                cut = j + 1
                break
        cuts.append(cut)
        pos = cut
    return cuts


def guard_sentence_length(doc: Doc, *, max_tokens: int = MAX_SENTENCE_TOKENS) -> str | None:
    """Preset sentence starts inside runs of more than ``max_tokens`` tokens with no sentence end.

    Call on a tokenised ``Doc`` before the parser runs. Runs of ordinary length are left to the
    parser entirely.

    Returns:
        A warning describing what was split, or None when nothing was.
    """
    longest = 0
    parts = 0
    start = 0
    for i in range(len(doc) + 1):
        if i < len(doc) and not _is_boundary(doc, i):
            continue
        end = min(i + 1, len(doc))
        if end - start > max_tokens:
            cuts = _cuts(doc, start, end, max_tokens)
            for cut in cuts:
                doc[cut].is_sent_start = True
            longest = max(longest, end - start)
            parts += len(cuts) + 1
        start = end
    if not parts:
        return None
    return (
        f"sentence-length guard: text with no sentence end for {longest:,} tokens was cut into "
        f"{parts} parts of at most {max_tokens} tokens before parsing"
    )
