"""The library's front door: one article or a stream of them through the whole pipeline."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import metadata
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .config import load_config
from .errors import ExtractionError, InputError
from .ingest.guards import guard_sentence_length, published_warnings
from .ingest.sources import article_from_text
from .parse.pipeline import load_pipeline, make_doc
from .records import Article, Document, ItemError

__all__ = ["coder_string", "document_from_doc", "extract", "process_batch"]


def _version() -> str:
    try:
        return metadata.version("communique")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def coder_string(nlp: Language) -> str:
    """What coded a record: package version, lexicon versions and the spaCy model."""
    from .data import lexicon_versions

    lex = ", ".join(f"{k} {v}" for k, v in sorted(lexicon_versions().items()))
    meta = nlp.meta
    model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    return f"communique {_version()} ({lex}; model {model})"


def document_from_doc(doc: Doc, article: Article, *, coder: str) -> Document:
    """Assemble the Document record from a processed ``Doc`` (no text in ``article`` needed)."""
    return Document(
        coder=coder,
        article=article,
        actors=list(doc._.communique_actors or ()),
        places=list(doc._.communique_places or ()),
        times=list(doc._.communique_times or ()),
        events=list(doc._.communique_events or ()),
        amounts=list(doc._.communique_amounts or ()),
        agreements=list(doc._.communique_agreements or ()),
        warnings=list(doc._.communique_warnings or ()),
    )


def _where(exc: BaseException) -> str:
    """Where ``exc`` was raised: ' at <module>:<line>' of the innermost Communique frame."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "communique" in f.filename]
    if not frames:
        return ""
    path = frames[-1].filename.replace("\\", "/")
    return f" at {path[path.rfind('communique/') :]}:{frames[-1].lineno}"


def _published(article: Article) -> date | None:
    return date.fromisoformat(article.published) if article.published else None


def process_batch(
    items: Iterable[Article | ItemError],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    batch_size: int | None = None,
) -> Iterator[Document | ItemError]:
    """Run the pipeline over a stream of articles, keeping input order.

    Errors from ingest pass through in place; an article the pipeline fails on becomes an
    ``ItemError`` (code X001) and the rest of the batch goes on. Documents carry the article
    text (``Document.to_json(with_text=...)`` decides whether it is printed).
    """
    config: dict[str, Any] = load_config()
    nlp = nlp or load_pipeline(model or config["pipeline"]["model"])
    coder = coder_string(nlp)
    size = batch_size or int(config["pipeline"]["batch_size"])
    buffer: list[Article | ItemError] = []

    def prepare(art: Article) -> Doc:
        published = _published(art)
        doc = make_doc(nlp, art.text or "", published=published)
        doc._.communique_warnings.extend(published_warnings(published))
        warning = guard_sentence_length(doc)
        if warning:
            doc._.communique_warnings.append(warning)
        return doc

    def failed(art: Article, exc: Exception) -> ItemError:
        err = ExtractionError(
            f"{art.source}: extraction failed ({type(exc).__name__}: {exc}){_where(exc)}"
        )
        return ItemError(source=art.source, code=err.code, message=err.message)

    def flush() -> Iterator[Document | ItemError]:
        done: dict[int, Document | ItemError] = {}
        articles: list[Article] = []
        docs: list[Doc] = []
        for art in (a for a in buffer if isinstance(a, Article)):
            try:
                docs.append(prepare(art))
                articles.append(art)
            except Exception as exc:  # noqa: BLE001 - e.g. over nlp.max_length; the batch goes on
                done[id(art)] = failed(art, exc)
        try:
            for art, doc in zip(articles, nlp.pipe(docs, batch_size=size), strict=True):
                done[id(art)] = document_from_doc(doc, art, coder=coder)
        except Exception:  # noqa: BLE001 - isolate the failing article, then go on
            for art in articles:
                if id(art) in done:
                    continue
                try:
                    # A fresh Doc: the one nlp.pipe was working on may be half-annotated.
                    done[id(art)] = document_from_doc(nlp(prepare(art)), art, coder=coder)
                except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
                    done[id(art)] = failed(art, exc)
        for item in buffer:
            yield item if isinstance(item, ItemError) else done[id(item)]

    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield from flush()
            buffer.clear()
    if buffer:
        yield from flush()


def extract(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    nlp: Language | None = None,
) -> Document:
    """Extract every record from one article's text.

    Header lines at the start (``date 2021-10-11 By Jane Doe``) are parsed as in the CLI.

    Args:
        text: the article.
        published: its publication date (the anchor for relative dates), if the text has none.
        source: where it came from (a path or URL); ``"<text>"`` when not given.
        title: its headline, if known.
        nlp: a pipeline from :func:`load_pipeline`; the configured one when not given.

    Raises:
        InputError: the text is empty or over the size cap.
        ExtractionError: the pipeline failed.
    """
    pub = date.fromisoformat(published) if isinstance(published, str) else published
    article = article_from_text(text, source=source or "<text>", published=pub, title=title)
    (result,) = process_batch([article], nlp=nlp)
    if isinstance(result, ItemError):
        raise ExtractionError(result.message)
    return result


# Re-exported for type checkers of callers that catch ingest errors from extract().
_ = InputError
