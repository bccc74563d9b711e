"""Write a revised draft as a Word document whose edits are tracked changes.

The document holds the revised text; every word the revision took out is a deletion
(``w:del``) and every word it put in an insertion (``w:ins``), attributed to one author
and time, so a reviewer accepts or rejects them one by one in Word or LibreOffice.
Accepting every change gives the revised text, rejecting every change the original.

Paragraphs are the text's blank-line-separated blocks; a single line break inside a
block (an address, a signature, a list) is a line break in the paragraph. A paragraph
break that the revision added or removed is itself a tracked change (the paragraph
mark carries ``w:ins`` or ``w:del``), so rejecting it joins or splits the paragraphs
back as they were.
"""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone

from ..textdiff import merge_changes, word_diff

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def docx_with_changes(original: str, revised: str, *, title: str = "",
                      author: str = "Framing", when: datetime | None = None) -> bytes:
    """A .docx of ``revised`` with its differences from ``original`` as tracked changes
    (none when the texts are the same). ``title`` goes into the document's properties."""
    import docx  # python-docx: only needed here, so loading the engine stays quick
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    stamp = (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = docx.Document()
    document.core_properties.title = title[:200]
    document.core_properties.author = author
    body = document.element.body
    for para in list(body.iterchildren(qn("w:p"))):
        body.remove(para)  # the template's empty first paragraph
    anchor = body.find(qn("w:sectPr"))
    ids = iter(range(1, 10**9))

    def mark(kind: str):
        node = OxmlElement(f"w:{kind}")
        node.set(qn("w:id"), str(next(ids)))
        node.set(qn("w:author"), author)
        node.set(qn("w:date"), stamp)
        return node

    def run(text: str, deleted: bool):
        r = OxmlElement("w:r")
        for index, line in enumerate(text.split("\n")):
            if index:
                r.append(OxmlElement("w:br"))
            if line:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = line
                r.append(t)
        return r

    paragraph = OxmlElement("w:p")

    def end_paragraph(change: str | None):
        nonlocal paragraph
        if change:  # the paragraph mark itself was added or removed
            props = OxmlElement("w:pPr")
            run_props = OxmlElement("w:rPr")
            run_props.append(mark(change))
            props.append(run_props)
            paragraph.insert(0, props)
        anchor.addprevious(paragraph)
        paragraph = OxmlElement("w:p")

    for kind, text in _pieces(original, revised):
        change = {"ins": "ins", "del": "del"}.get(kind)
        parts = PARAGRAPH_BREAK.split(text)
        for index, part in enumerate(parts):
            if index:
                end_paragraph(change)
            if part:
                node = run(part, kind == "del")
                if change:
                    wrapper = mark(change)
                    wrapper.append(node)
                    node = wrapper
                paragraph.append(node)
    end_paragraph(None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pieces(original: str, revised: str) -> list[tuple[str, str]]:
    """The texts merged in reading order as ("same" | "del" | "ins", text) pieces,
    each deletion before the insertion that replaces it; changes only a space apart are
    one change, so a rewritten phrase reads as one. Leading and trailing blank lines are
    dropped (they would be empty paragraphs)."""
    out: list[tuple[str, str]] = []
    for op in merge_changes(word_diff(original.strip("\n"), revised.strip("\n"))):
        if op["op"] == "equal":
            out.append(("same", op["before"]))
            continue
        if op["before"]:
            out.append(("del", op["before"]))
        if op["after"]:
            out.append(("ins", op["after"]))
    return out
