"""The pipeline: named components, each adding one layer to a Document.

A component declares what it requires and assigns (spaCy's habit); the order
is checked once, when the module is imported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .budget import Budget, OutOfTime
from .clean import clean, clean_field, clean_line
from .document import Document, Span
from .errors import AnalysisError, InputError, SvodkaError
from .models import Models, freeze_loaded, load_models
from .settings import Settings

MAX_CHARS = 1_000_000  # beyond this an input is not one news article


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    func: Callable[[Document, Models], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    setting: str | None = None  # the Settings flag that switches it off


def _parse(doc: Document, models: Models, time_limit: float | None = None) -> None:
    """Tokens, sentences and natasha's raw NER spans; a document ``nlp.parse_many`` parsed
    already (``analyze_batch``) keeps them."""
    from .nlp import parse

    if not doc.sents:
        parse(doc, models, time_limit)


def _entities(doc: Document, models: Models) -> None:
    from .entities import extract_entities

    doc.entities = extract_entities(doc, models)


def _times(doc: Document, models: Models) -> None:
    from .times import extract_times

    doc.times = extract_times(doc)


def _quotes(doc: Document, models: Models) -> None:
    from .quotes import extract_quotes

    doc.quotes = extract_quotes(doc, models)


def _facts(doc: Document, models: Models) -> None:
    from .facts import extract_facts

    times = doc.times
    doc.times = [t for t in times if t.value is not None]  # a time with no value dates no fact
    try:
        doc.facts = extract_facts(doc, models)
    finally:
        doc.times = times


def _brief(doc: Document, models: Models) -> None:
    from .brief import make_brief

    doc.brief = make_brief(doc)


COMPONENTS: tuple[Component, ...] = (
    Component("parse", _parse, ("text",), ("tokens", "sents", "ner")),
    Component("entities", _entities, ("tokens", "ner"), ("entities",), "entities"),
    Component("times", _times, ("tokens",), ("times",), "times"),
    Component("quotes", _quotes, ("tokens", "entities"), ("quotes",), "quotes"),
    Component("facts", _facts, ("tokens", "entities", "times", "quotes"), ("facts",), "facts"),
    Component("brief", _brief, ("text", "entities", "facts"), ("brief",), "brief"),
)


def _check_order(components: Iterable[Component]) -> None:
    have = {"text"}
    for comp in components:
        missing = set(comp.requires) - have
        if missing:
            raise RuntimeError(f"component {comp.name!r} requires {sorted(missing)} before it")
        have |= set(comp.assigns)


_check_order(COMPONENTS)


def _published(value: str | dt.date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise InputError(f"published: expected a date YYYY-MM-DD, got {text!r}") from None


def make_document(
    text: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Document:
    """Clean the input and build the Document that the components fill."""
    if not isinstance(text, str):
        raise InputError(f"text: expected str, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"text of {len(text)} characters is too large for one article (limit {MAX_CHARS})")
    cleaned = clean(text)
    title = clean_line(title) if title else None
    body, offsets, paras = cleaned.text, cleaned.offsets, cleaned.paragraphs
    if not body.strip() and not title:
        raise InputError("empty text: nothing to analyse")
    if title and not body.startswith(title):
        # The title is analysed as the first paragraph: headlines carry names and facts.
        shift = len(title) + 2
        body = f"{title}\n\n{body}" if body else title
        offsets = array("l", [-1] * shift) + offsets
        paras = [(s + shift, e + shift) for s, e in paras]
    doc = Document(
        text=body,
        title=title,
        published=_published(published),
        url=clean_field(url),
        id=clean_field(id),
        paragraphs=[Span(s, e, body[s:e]) for s, e in paras],
    )
    doc.raw_offsets = offsets
    doc.line_breaks = line_breaks(body, offsets, text)
    return doc


def line_breaks(body: str, offsets: array, raw: str) -> frozenset[int]:
    """Spaces of the cleaned text that were a single line break of the input.  Text hard-wrapped
    at a fixed width (most lines 55–85 characters long) breaks lines inside names: none count."""
    if "\n" not in raw:
        return frozenset()
    out = []
    for i in (m.start() for m in re.finditer(" ", body)):
        off = offsets[i]
        if 0 <= off < len(raw) and raw[off] == "\n":
            out.append(i)
    if len(out) >= 4:
        lines = [len(line) for line in raw.split("\n") if line.strip()]
        if sum(55 <= n <= 85 for n in lines) >= 0.7 * len(lines):
            return frozenset()
    return frozenset(out)


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
    models: Models | None = None,
    **flags: bool,
) -> Document:
    """Analyse one article.  ``flags`` switch layers off: ``analyze(text, quotes=False)``."""
    settings = settings or Settings()
    if flags:
        settings = dataclasses.replace(settings, **flags)
    doc = make_document(text, title=title, published=published, url=url, id=id)
    return run(doc, settings, models)


def run(doc: Document, settings: Settings | None = None, models: Models | None = None) -> Document:
    """Run the components on a made Document, skipping those ``settings`` switch off.

    The layers after the parse share ``settings.time_budget`` seconds (the parse itself is
    linear in the text, see docs/reliability.md): a layer that runs out is skipped, and so are
    the ones after it, each with a warning in ``doc.warnings``."""
    settings = settings or Settings()
    models = models or load_models()
    budget: Budget | None = None
    for comp in COMPONENTS:
        if comp.setting and not getattr(settings, comp.setting):
            continue
        if budget is None:  # the parse: linear, and a long document's stops on time (nlp._parse_long)
            _parse(doc, models, settings.time_budget)
            budget = Budget(settings.time_budget)
            continue
        try:
            budget.run(lambda: comp.func(doc, models))
        except OutOfTime:
            doc.warnings.append(f"{comp.name}: skipped, the time budget of {settings.time_budget:g} s ran out")
    freeze_loaded()  # after the first document everything lazily loaded is there (a no-op later)
    return doc


def analyze_batch(
    records: list[dict], settings: Settings | None = None, models: Models | None = None
) -> list[Document | SvodkaError]:
    """Analyse several records ({text, title, published, url, id}) at once: the neural models see
    all their sentences in shared batches (faster than one by one); the output is what
    ``analyze`` gives each record.  Each record is isolated: a bad one yields its InputError in
    its place, one that trips a bug an AnalysisError, and the others go on."""
    from .nlp import parse_many

    settings = settings or Settings()
    models = models or load_models()
    out: list[Document | SvodkaError] = []
    for rec in records:
        out.append(_guarded(_make_record, rec))
    docs = [doc for doc in out if isinstance(doc, Document)]
    try:
        parse_many(docs, models, settings.time_budget)
    except Exception:  # one document trips the shared parse: parse each alone, so only it fails
        for i, doc in enumerate(out):
            if isinstance(doc, Document):
                out[i] = _guarded(_parse_alone, doc, models, settings.time_budget)
    for i, doc in enumerate(out):
        if isinstance(doc, Document):
            out[i] = _guarded(run, doc, settings, models)
    return out


def _parse_alone(doc: Document, models: Models, time_limit: float | None) -> Document:
    from .nlp import parse_many

    parse_many([doc], models, time_limit)
    return doc


def _make_record(rec: dict) -> Document:
    if not isinstance(rec, dict):
        raise InputError(f"record: expected a dict, got {type(rec).__name__}")
    return make_document(rec.get("text", ""), title=rec.get("title"), published=rec.get("published"),
                         url=rec.get("url"), id=rec.get("id"))


def _guarded(func: Callable, *args) -> Document | SvodkaError:  # type: ignore[type-arg]
    """``func(*args)``, or the error that one record's analysis ended with."""
    try:
        return func(*args)
    except SvodkaError as exc:
        return exc
    except Exception as exc:
        return AnalysisError(f"internal error: {type(exc).__name__}: {exc}"[:500])


def analyze_record(
    rec, settings: Settings | None = None, published: str | None = None, title: str | None = None,
    models: Models | None = None,
) -> Document:
    """Analyse a ``readers.Record``; ``published`` and ``title`` given here win over the record's."""
    return analyze(
        rec.text,
        title=title or rec.title,
        published=published or rec.published,
        url=rec.url,
        id=rec.id,
        settings=settings,
        models=models,
    )


def analyze_many(
    records: Iterable[dict], settings: Settings | None = None, chunk: int = 16
) -> Iterator[Document | InputError]:
    """Analyse records ({text, title, published, url, id}) in order, ``chunk`` at a time through
    ``analyze_batch``; a bad one yields its error, the rest go on."""
    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= chunk:
            yield from analyze_batch(batch, settings)
            batch = []
    if batch:
        yield from analyze_batch(batch, settings)
