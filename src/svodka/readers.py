"""Reading articles from files: plain text, HTML pages and JSON lines, in any common encoding.

Every reader yields ``Record`` objects; a record that cannot be read becomes a
``Record`` with ``error`` set (and its line number), so a batch never stops on
one bad line.  A whole file that cannot be read raises ``InputError``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterator
from typing import IO
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # one article larger than this is not a news article
MAX_RECORD_CHARS = 2_000_000


@dataclass(slots=True)
class Record:
    text: str = ""
    title: str | None = None
    published: str | None = None
    url: str | None = None
    id: str | None = None
    source: str = ""  # file path (and line number for JSON lines)
    line: int | None = None
    error: str | None = None


def decode(data: bytes, source: str = "input") -> str:
    """Decode bytes in any common encoding (UTF-8 first, then charset-normalizer's guess)."""
    if not data.strip():
        raise InputError(f"{source}: empty input")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: cannot decode the text (unknown encoding)")
    text = str(best)
    if _looks_binary(text):
        raise InputError(f"{source}: binary data, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample) > 0.05


def split_title(text: str) -> tuple[str | None, str]:
    """A plain-text article's first line is its title when a blank line follows it."""
    m = re.match(r"\s*([^\n]{1,300})\n[ \t\r]*\n", text)
    if m:
        return m.group(1).strip(), text[m.end() :]
    return None, text


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    size = p.stat().st_size
    if size > MAX_BYTES and not _is_batch(p):
        raise InputError(f"{path}: {size / 2**20:.0f} MB is too large for one article (limit {MAX_BYTES // 2**20} MB)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    if p.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"{path}: broken gzip ({exc})") from exc
    return data


def _is_batch(p: Path) -> bool:
    return p.name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def read_text_record(text: str, source: str) -> Record:
    title, body = split_title(text)
    return Record(text=body, title=title, source=source)


# Content a browser never shows: <template> holds markup for scripts to clone.
_HIDDEN = re.compile(r"<template\b[^>]*>.*?</template\s*>", re.I | re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
# lxml gives up below 255 levels of nesting (libxml2's limit without huge_tree) and drops
# everything deeper, the article included; past MAX_DEPTH the layout tags are taken out.
MAX_DEPTH = 200
_LAYOUT = re.compile(r"</?(?:div|span|section|font|center|main|aside|header|footer|nav|figure)\b[^<>]*>", re.I)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _depth(html: str) -> int:
    """The deepest nesting of tags, by one linear scan (void and self-closed tags do not nest)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _prepare_html(html: str) -> str:
    html = _HIDDEN.sub(" ", html)
    if _depth(html) > MAX_DEPTH:
        html = _LAYOUT.sub("\n", html)
    return html


def _plain_text(html: str) -> str:
    """The page's visible text when trafilatura finds no article (broken markup): paragraphs
    and line breaks kept, every tag, script and style removed."""
    import html as entities

    html = re.sub(r"<(script|style|noscript|head)\b.*?</\1\s*>", " ", html, flags=re.I | re.S)
    html = re.sub(r"<(?:p|br|li|h\d|tr|div|article|section)\b[^<>]*>|</(?:p|li|h\d|tr|div)\s*>", "\n\n", html, flags=re.I)
    text = entities.unescape(re.sub(r"<[^<>]*>|<[/!a-zA-Z][^<>]*(?=<|$)", " ", html))
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paras if p)


def read_html_record(html: str, source: str) -> Record:
    """Main text, title, date and URL of an HTML page, by trafilatura (the page's plain text
    when trafilatura finds none)."""
    import trafilatura

    html = _prepare_html(html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if doc is not None and not isinstance(doc, dict):
            doc = doc.as_dict()
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise InputError(f"{source}: cannot parse the HTML page ({type(exc).__name__})") from exc
    if not doc or not (doc.get("text") or "").strip():
        text = _plain_text(html)
        if len(text.split()) < 5:
            raise InputError(f"{source}: no article text found in the HTML page")
        doc = {**(doc or {}), "text": text}
    return Record(
        text=doc["text"],
        title=doc.get("title"),
        published=(doc.get("date") or None),
        url=doc.get("url"),
        source=source,
    )


def parse_json_record(line: str, source: str, lineno: int) -> Record:
    where = f"{source}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Record(source=where, line=lineno, error=f"broken JSON line ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return Record(source=where, line=lineno, error=f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Record(source=where, line=lineno, id=_str(obj.get("id")), error="record has no text")
    if len(text) > MAX_RECORD_CHARS:
        return Record(source=where, line=lineno, id=_str(obj.get("id")), error=f"text of {len(text)} characters is too large")
    return Record(
        text=text,
        title=_str(obj.get("title")),
        published=_str(obj.get("published") or obj.get("date")),
        url=_str(obj.get("url")),
        id=_str(obj.get("id")),
        source=where,
        line=lineno,
    )


def _str(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def iter_jsonl(text: str, source: str) -> Iterator[Record]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield parse_json_record(line, source, lineno)


class _LineDecoder:
    """Decodes JSON lines one by one, as a file or a pipe delivers them.

    A line is UTF-8 if it can be.  Until a non-ASCII UTF-8 line is seen, a line
    that is not UTF-8 is taken for a legacy encoding (charset-normalizer's guess,
    then kept for the next such lines); once the stream has shown UTF-8, a line
    that is not UTF-8 is a corrupt record and becomes an error record.
    """

    def __init__(self) -> None:
        self.utf8_seen = False
        self.legacy: str | None = None

    def __call__(self, raw: bytes) -> str | None:
        try:
            line = raw.decode("utf-8-sig")
            self.utf8_seen = self.utf8_seen or not raw.isascii()
            return line
        except UnicodeDecodeError:
            if self.utf8_seen:
                return None
        if self.legacy:
            try:
                return raw.decode(self.legacy)
            except UnicodeDecodeError:
                pass
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None or _looks_binary(str(best)):
            return None
        self.legacy = best.encoding
        return str(best)


MAX_LINE_BYTES = 4 * MAX_RECORD_CHARS + 1024  # a longer line is skipped unread, as one error record


def iter_jsonl_stream(stream: IO[bytes], source: str, first: bytes = b"") -> Iterator[Record]:
    """JSON lines read from a binary stream one at a time (bounded memory), each decoded on its own."""
    decode_line = _LineDecoder()
    lineno = 0
    pending = first
    while True:
        raw, pending = (pending or stream.readline(MAX_LINE_BYTES)), b""
        if not raw:
            return
        lineno += 1
        if len(raw) >= MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the line
            yield Record(source=f"{source}:{lineno}", line=lineno, error=f"line of more than {MAX_LINE_BYTES} bytes is too large")
            continue
        if not raw.strip():
            continue
        line = decode_line(raw)
        if line is None:
            yield Record(source=f"{source}:{lineno}", line=lineno, error="line is not valid UTF-8")
        else:
            yield parse_json_record(line, source, lineno)


def _jsonl_file(p: Path) -> Iterator[Record]:
    source = str(p)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory")
    try:
        fh = gzip.open(p, "rb") if p.name.endswith(".gz") else open(p, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{p}: {exc.strerror or exc}") from exc
    with fh:
        try:
            yield from iter_jsonl_stream(fh, source)  # type: ignore[arg-type]
        except (OSError, EOFError, gzip.BadGzipFile) as exc:  # a truncated or corrupt .gz, met while reading
            raise InputError(f"{p}: broken gzip ({exc})" if p.name.endswith(".gz") else f"{p}: {exc}") from exc


def _stdin(stream: IO[bytes]) -> Iterator[Record]:
    """Standard input: JSON lines when the first line looks like one (read as they come), else one article."""
    first = stream.readline(MAX_LINE_BYTES)
    while first and not first.strip():
        first = stream.readline(MAX_LINE_BYTES)
    if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        yield from iter_jsonl_stream(stream, "stdin", first)
        return
    data = first + stream.read(MAX_BYTES + 1 - len(first))
    if len(data) > MAX_BYTES:
        raise InputError(f"stdin: more than {MAX_BYTES // 2**20} MB is too large for one article")
    yield read_text_record(decode(data, "stdin"), "stdin")


def read_path(path: str | Path) -> Iterator[Record]:
    """Records from one file (``-`` is standard input, read as JSON lines if it looks like them)."""
    source = str(path)
    if source == "-":
        yield from _stdin(sys.stdin.buffer)
        return
    p = Path(path)
    if _is_batch(p):  # read line by line: a feed of any size in bounded memory
        yield from _jsonl_file(p)
        return
    data = read_bytes(p)
    text = decode(data, source)
    name = p.name.lower()
    if name.endswith((".html", ".htm", ".xhtml")) or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
        yield read_html_record(text, source)
    elif name.endswith(".json"):
        rec = parse_json_record(text, source, 1)
        if rec.error:
            raise InputError(f"{source}: {rec.error}")
        yield rec
    else:
        yield read_text_record(text, source)
