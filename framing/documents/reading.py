"""Read a draft from a file: a Word document (.docx), Markdown (.md) or plain text (.txt).

The result is the draft's plain text as the checker reads it: one paragraph per
paragraph of the document, separated by a blank line; list items on their own lines
("- ", or "1. " for numbered ones); headings as their own paragraphs; the short lines
of an address or a signature kept together. A Word document's pending tracked changes
are read as if accepted (inserted text in, deleted text out).

Anything that cannot be read raises :class:`DocumentError` with a sentence for the
person who chose the file; nothing is ever half-read.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

OPENABLE = (".docx", ".md", ".markdown", ".txt")
MAX_FILE_BYTES = 5 * 1024 * 1024          # what a person uploads: a letter, not a book
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024     # a .docx unpacked, all parts (a zip bomb stops here)
MAX_RATIO = 200                            # unpacked / packed size of one part, at most

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees whose text is not the document's current text: deleted or moved-away runs,
# the fallback copy of alternate content, text boxes, footnote and comment marks.
SKIPPED = {W + "del", W + "moveFrom", MC + "Fallback", W + "txbxContent", W + "instrText",
           W + "delInstrText", W + "footnoteReference", W + "endnoteReference"}
LINE_WORDS = 6   # an address or signature line: this many words or fewer, no full stop


class DocumentError(ValueError):
    """A file that cannot be opened as a draft; ``str()`` says why, for its reader."""


def read_document(filename: str, data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a .docx, .md or .txt file (by its name's ending).

    Raises :class:`DocumentError` for another kind of file, an empty, oversized, damaged
    or binary one, or text that is not UTF-8 (or UTF-16 with its byte-order mark).
    """
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in OPENABLE:
        raise DocumentError(f"“{_shown(filename)}” is not a file the checker can open; choose "
                            "a Word document (.docx), a Markdown file (.md) or a text file (.txt)")
    if not data:
        raise DocumentError(f"“{_shown(filename)}” is empty")
    if len(data) > max_bytes:
        raise DocumentError(f"“{_shown(filename)}” is {len(data) / 1048576:.1f} MB; files up to "
                            f"{max_bytes / 1048576:.0f} MB can be opened")
    if suffix == ".docx":
        text = docx_text(data, filename)
    else:
        text = decoded(data, filename)
        if suffix in (".md", ".markdown"):
            text = markdown_text(text)
    text = tidy(text)
    if not text.strip():
        raise DocumentError(f"“{_shown(filename)}” has no text in it")
    return text


def _shown(filename: str) -> str:
    """The file's name as it may be shown back: no folders, at most 80 characters."""
    name = PurePath((filename or "the file").replace("\\", "/")).name
    return name if len(name) <= 80 else name[:79] + "…"


def decoded(data: bytes, filename: str) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), or UTF-16 with one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise DocumentError(f"“{_shown(filename)}” is not UTF-8 text. Save it as UTF-8 "
                            "(in most editors: Save As, then choose UTF-8) and open it again") \
            from None
    if "\x00" in text:
        raise DocumentError(f"“{_shown(filename)}” looks like a binary file, not text")
    return text


def tidy(text: str) -> str:
    """One kind of line break, no control characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable() or ch.isspace())
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# -- Markdown ------------------------------------------------------------------------
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
BULLET = re.compile(r"^(\s*)[*+]\s+")
QUOTE = re.compile(r"^ {0,3}>\s?")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
CODE = re.compile(r"`([^`]+)`")


def markdown_text(text: str) -> str:
    """Markdown as the words a reader sees: headings without their marks, lists with
    "- ", links as "text (address)", emphasis and code marks dropped."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if FENCE.match(line) or RULE.match(line):
            continue
        if SETEXT.match(line) and out and out[-1].strip():
            continue  # the underline of a heading written on the line above
        heading = HEADING.match(line)
        if heading:
            out += ["", heading.group(1), ""]
            continue
        line = QUOTE.sub("", line)
        line = BULLET.sub(lambda m: m.group(1) + "- ", line)
        line = IMAGE.sub(lambda m: m.group(1), line)
        line = LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2)
                        else f"{m.group(1)} ({m.group(2)})", line)
        line = CODE.sub(lambda m: m.group(1), line)
        line = STRONG.sub(lambda m: m.group(2), line)
        line = EMPHASIS.sub(lambda m: m.group(2), line)
        out.append(line)
    return "\n".join(out)


# -- Word ----------------------------------------------------------------------------
def docx_text(data: bytes, filename: str) -> str:
    """The text of a Word document's body (see the module's docstring)."""
    _check_package(data, filename)
    import docx  # python-docx: only needed here, so loading the engine stays quick
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _numbering(document)
        paragraphs = list(_paragraphs(document.element.body, numbering))
    except DocumentError:
        raise
    except Exception:  # a damaged part can fail anywhere inside the library
        raise DocumentError(f"“{_shown(filename)}” could not be read as a Word document; it may "
                            "be damaged. Open it in Word or LibreOffice, save it again as .docx "
                            "and retry") from None
    return _joined(paragraphs)


def _check_package(data: bytes, filename: str) -> None:
    """Refuse what is not a .docx package, or unpacks to far more than it weighs."""
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise DocumentError(f"“{_shown(filename)}” is an old Word file (.doc). In Word or "
                            "LibreOffice, save it as .docx and open that")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DocumentError(f"“{_shown(filename)}” is not a Word document (.docx), or it is "
                            "damaged") from None
    if not any(p.filename == "word/document.xml" for p in parts):
        raise DocumentError(f"“{_shown(filename)}” is a zip file but not a Word document")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNZIPPED_BYTES or any(
            p.file_size > 1_000_000 and p.file_size > MAX_RATIO * max(p.compress_size, 1)
            for p in parts):
        raise DocumentError(f"“{_shown(filename)}” unpacks to far more than a draft holds; "
                            "it cannot be opened")


def _numbering(document) -> dict[tuple[str, str], str]:
    """Number format by (list id, level): "decimal", "bullet", "lowerLetter"..."""
    try:
        part = document.part.numbering_part
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    root = part.element
    abstract: dict[tuple[str, str], str] = {}
    for node in root.iter(W + "abstractNum"):
        for level in node.iter(W + "lvl"):
            fmt = level.find(W + "numFmt")
            abstract[(node.get(W + "abstractNumId"), level.get(W + "ilvl"))] = \
                fmt.get(W + "val") if fmt is not None else "bullet"
    formats: dict[tuple[str, str], str] = {}
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is None:
            continue
        for (aid, level), fmt in abstract.items():
            if aid == ref.get(W + "val"):
                formats[(num.get(W + "numId"), level)] = fmt
    return formats


def _paragraphs(container, numbering):
    """``(text, kind)`` for each paragraph in document order, tables cell by cell;
    kind is "list:<list id>" for a list item, else "text"."""
    counters: dict[tuple[str, str], int] = {}
    joined: tuple[str, str] | None = None  # a paragraph whose mark was deleted
    for node in container.iterchildren():
        tag = node.tag
        if tag == W + "p":
            text, kind = _paragraph(node, numbering, counters)
            if joined is not None:  # the deleted mark joins it to this one
                text, kind = joined[0] + text, joined[1]
                joined = None
            if _mark_deleted(node):
                joined = (text, kind)
                continue
            yield text.strip(), kind
        elif tag == W + "tbl":
            for cell in node.iter(W + "tc"):
                for para in cell.iterchildren(W + "p"):
                    text, kind = _paragraph(para, numbering, counters)
                    yield text.strip(), kind
        elif tag in (W + "sdt", W + "customXml"):
            content = node.find(W + "sdtContent")
            yield from _paragraphs(content if content is not None else node, numbering)
    if joined is not None:
        yield joined[0].strip(), joined[1]


def _mark_deleted(para) -> bool:
    """Whether the paragraph's own mark is a tracked deletion (accepting it joins the
    paragraph to the next)."""
    props = para.find(W + "pPr")
    run_props = props.find(W + "rPr") if props is not None else None
    return run_props is not None and run_props.find(W + "del") is not None


def _paragraph(para, numbering, counters) -> tuple[str, str]:
    text = "".join(_runs_text(para))
    props = para.find(W + "pPr")
    num = props.find(W + "numPr") if props is not None else None
    style = props.find(W + "pStyle") if props is not None else None
    style_id = style.get(W + "val", "") if style is not None else ""
    if num is None and not style_id.startswith("List"):
        return text, "text"
    if not text.strip():
        return text, "text"
    text = text.strip()
    num_id, level = f"style:{style_id}", "0"
    if num is not None:
        id_node, level_node = num.find(W + "numId"), num.find(W + "ilvl")
        num_id = id_node.get(W + "val", "0") if id_node is not None else "0"
        level = level_node.get(W + "val", "0") if level_node is not None else "0"
    fmt = numbering.get((num_id, level), "decimal" if "Number" in style_id else "bullet")
    key = (num_id, level)
    counters[key] = counters.get(key, 0) + 1
    for other in [k for k in counters if k[0] == num_id and k[1] > level]:
        del counters[other]  # a deeper list starts again under its next parent item
    indent = "  " * min(int(level) if level.isdecimal() else 0, 4)
    return f"{indent}{_marker(fmt, counters[key])}{text}", f"list:{num_id}"


def _marker(fmt: str, n: int) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{n}. "
    if fmt in ("lowerLetter", "upperLetter") and n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if fmt == 'upperLetter' else letter}. "
    return "- "


def _runs_text(node):
    """The current text under ``node``: text, tabs and line breaks, skipping SKIPPED."""
    for child in node.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag == W + "tab":
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield "\n"
        elif tag == W + "noBreakHyphen":
            yield "-"
        else:
            yield from _runs_text(child)


def _joined(paragraphs: list[tuple[str, str]]) -> str:
    """The paragraphs as one text. A document that puts empty paragraphs between its
    paragraphs already says where the blank lines go; otherwise each paragraph is
    followed by a blank line, except between list items and between short lines
    (an address, a signature)."""
    texts = [text for text, _ in paragraphs]
    filled = [i for i, text in enumerate(texts) if text]
    gaps = sum(1 for a, b in zip(filled, filled[1:]) if b > a + 1)
    if filled and gaps * 2 >= len(filled) - 1 > 0:
        return "\n".join(texts)
    out: list[str] = []
    previous = None
    for text, kind in paragraphs:
        if not text:
            continue
        if previous is not None:
            together = ((kind == previous[1] and kind.startswith("list"))
                        or (kind == previous[1] == "text" and _line_like(text)
                            and _line_like(previous[0])))
            out.append("\n" if together else "\n\n")
        out.append(text)
        previous = (text, kind)
    return "".join(out)


def _line_like(text: str) -> bool:
    return len(text.split()) <= LINE_WORDS and not text.rstrip().endswith((".", "?", "!", ":"))
