"""Odd articles through the whole pipeline: guards, warnings, spans inside the text, isolation."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import communique
from communique.errors import InputError, TooLarge
from communique.ingest.guards import MAX_SENTENCE_TOKENS, guard_sentence_length, published_warnings
from communique.ingest.sources import article_from_text
from communique.parse.pipeline import register_extensions
from communique.records import Article, Document, ItemError

pytestmark = pytest.mark.slow

GOOD = "Kenya and Uganda signed a border agreement in Nairobi on Monday, officials said."


def _spans(doc: Document) -> list[tuple[int, int]]:
    spans = [m for a in doc.actors for m in a.mentions] + [
        m for p in doc.places for m in p.mentions
    ]
    spans += [t.span for t in doc.times] + [e.span for e in doc.events]
    spans += [a.span for a in doc.amounts] + [m for g in doc.agreements for m in g.mentions]
    return spans


def _assert_spans_inside(doc: Document) -> None:
    text = doc.article.text or ""
    for start, end in _spans(doc):
        assert 0 <= start <= end <= len(text), (start, end, len(text))


def test_pipeline_long_sentence_is_cut_and_completes(nlp: Language) -> None:
    text = ("the delegation of the republic discussed trade and water with envoys " * 1500)[
        :100_000
    ]
    started = time.perf_counter()
    doc = communique.extract(text, published="2021-10-11", nlp=nlp)
    elapsed = time.perf_counter() - started
    assert doc.article.text == text
    assert any("sentence-length guard" in w for w in doc.warnings)
    _assert_spans_inside(doc)
    # spaCy is linear here; the bound only catches a quadratic stage (2 shared cores, slack x10).
    assert elapsed < 60


def test_pipeline_sentence_guard_caps_parsed_sentences(nlp: Language) -> None:
    text = ", ".join(["Egypt and Sudan discussed the dam"] * 400) + ". Talks ended."
    doc = nlp.make_doc(text)
    assert guard_sentence_length(doc) is not None
    parsed = nlp(doc)
    assert max(len(s) for s in parsed.sents) <= MAX_SENTENCE_TOKENS
    # The text and its tokens are unchanged; only sentence starts were preset.
    assert parsed.text == text


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "Talks ended.\n\nThe ministers met in Cairo. " * 30,
        "word " * (MAX_SENTENCE_TOKENS - 5),
    ],
)
def test_pipeline_sentence_guard_leaves_normal_text(blank_nlp: Language, text: str) -> None:
    doc = blank_nlp.make_doc(text)
    assert guard_sentence_length(doc) is None
    assert not any(t.is_sent_start for t in doc[1:])


@pytest.mark.parametrize(
    ("published", "warned"),
    [
        (date(2031, 1, 5), True),
        (date(2024, 3, 2), True),
        (date(2024, 3, 1), False),  # a day ahead: time zones
        (date(2024, 2, 29), False),
        (None, False),
    ],
)
def test_pipeline_future_date_kept_with_warning(published: date | None, warned: bool) -> None:
    warnings = published_warnings(published, today=date(2024, 2, 29))
    assert bool(warnings) == warned
    if warned:
        assert "future" in warnings[0] and str(published) in warnings[0]


def test_pipeline_future_date_article_processed(nlp: Language) -> None:
    future = (date.today() + timedelta(days=400)).isoformat()
    doc = communique.extract(f"date {future} By A. Writer\n\n{GOOD}", nlp=nlp)
    assert doc.article.published == future
    assert any("future" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Israel's foreign minister met his Jordanian counterpart in Amman, where a banner read "
        '"سلام" and "שלום". The talks in العقبة ended with a joint statement on water.',
        "وزير الخارجية المصري Sameh Shoukry met Sudan's envoy in Cairo on Monday, 2 مارس.",
        "Egypt and Sudan\x07 resumed talks in Cairo.\x1b The ministers\x0b agreed to meet.\x00",
        "\u202eTurkey and Azerbaijan\u202c signed \u200d11 agreements in Ankara\ufeff on Feb. 18.",
    ],
    ids=["rtl_quotes", "arabic_english", "control_chars", "bidi_marks"],
)
def test_pipeline_mixed_scripts_spans_inside(nlp: Language, text: str) -> None:
    doc = communique.extract(text, published="2021-10-11", nlp=nlp)
    assert doc.article.text == text
    _assert_spans_inside(doc)
    doc.to_json(with_text=True)  # serialisable


def test_pipeline_extract_refuses_oversize_before_spacy() -> None:
    # No nlp is loaded or passed: the cap is checked before the pipeline is touched.
    with pytest.raises(TooLarge):
        article_from_text("Talks. " * 40_000, source="<text>")
    assert issubclass(TooLarge, InputError)


def _failing_pipeline() -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.max_length = 5_000

    @Language.component("communique_test_fail_on_boom")
    def fail_on_boom(doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise RuntimeError("component crashed")
        return doc

    nlp.add_pipe("communique_test_fail_on_boom")
    return nlp


def _article(text: str, n: int) -> Article:
    return article_from_text(text, source=f"mem:{n}")


def test_pipeline_batch_isolates_failing_articles() -> None:
    nlp = _failing_pipeline()
    items: list[Article | ItemError] = [
        _article(GOOD, 0),
        _article("Sudan said BOOM in Khartoum.", 1),
        ItemError(source="mem:2", code="I001", message="mem:2 is empty"),
        _article("word " * 2_000, 3),  # over nlp.max_length: make_doc itself fails
        _article(GOOD + " Again.", 4),
    ]
    out = list(communique.process_batch(items, nlp=nlp, batch_size=8))
    assert [type(o).__name__ for o in out] == [
        "Document",
        "ItemError",
        "ItemError",
        "ItemError",
        "Document",
    ]
    assert (
        isinstance(out[1], ItemError)
        and out[1].code == "X001"
        and "component crashed" in out[1].message
    )
    assert isinstance(out[3], ItemError) and out[3].code == "X001" and out[3].source == "mem:3"
    assert isinstance(out[2], ItemError) and out[2].code == "I001"
