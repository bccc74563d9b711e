"""Drafts from .docx, .md and .txt files, and revised drafts back out as Word documents
with tracked changes: accepting every change gives the revision, rejecting every
change gives the original."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from framing.documents import DocumentError, docx_with_changes, read_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LETTER = """Subject: Ten minutes at your March staff meeting

Dear Principal Okafor,

Our counselors utilize a short check-in that helps students in unstable housing keep coming to class.

We would like to:
- show it to your staff in ten minutes
- leave the one-page guide

Sincerely,
Dana Ruiz
Harbor County Safe Homes"""


def built(*paragraphs, empty_between=False) -> bytes:
    """A Word document made with python-docx: (text, style) pairs."""
    document = docx.Document()
    for index, (text, style) in enumerate(paragraphs):
        if empty_between and index:
            document.add_paragraph("")
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rejected(data: bytes) -> str:
    """The text of a .docx with every tracked change rejected: deleted text back,
    inserted text and inserted paragraph marks out."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    paragraphs, current = [], ""
    for para in root.iter(W + "p"):
        for node in para.iter():
            inserted = any(a.tag == W + "ins" for a in node.iterancestors())
            if node.tag == W + "t" and not inserted:
                current += node.text or ""
            elif node.tag == W + "delText":
                current += node.text or ""
            elif node.tag == W + "br" and not inserted:
                current += "\n"
        mark_inserted = para.find(f"{W}pPr/{W}rPr/{W}ins") is not None
        if not mark_inserted:
            paragraphs.append(current)
            current = ""
    return "\n\n".join(paragraphs)


def test_a_word_letter_reads_as_the_checker_expects():
    data = built(("Subject: Ten minutes at your March staff meeting", None),
                 ("Dear Principal Okafor,", None),
                 ("Our counselors utilize a short check-in.", "Heading 1"),
                 ("show it to your staff", "List Bullet"), ("leave the guide", "List Bullet"),
                 ("first step", "List Number"), ("second step", "List Number"),
                 ("Sincerely,", None), ("Dana Ruiz", None))
    text = read_document("letter.docx", data)
    assert text == ("Subject: Ten minutes at your March staff meeting\n\nDear Principal Okafor,\n\n"
                    "Our counselors utilize a short check-in.\n\n"
                    "- show it to your staff\n- leave the guide\n\n1. first step\n2. second step"
                    "\n\nSincerely,\nDana Ruiz")


def test_empty_paragraphs_between_paragraphs_are_the_blank_lines():
    data = built(("One sentence here for the reader.", None), ("Another one after it.", None),
                 empty_between=True)
    assert read_document("a.docx", data) == ("One sentence here for the reader.\n\n"
                                             "Another one after it.")


@pytest.mark.parametrize("revised", [
    LETTER.replace("utilize", "use"),
    LETTER.replace("Dear Principal Okafor,\n\n", "Dear Principal Okafor,\n\nThank you.\n\n"),
    LETTER.replace("- leave the one-page guide\n", ""),
    LETTER.replace(" keep coming to class.", " keep coming to class.\n\nIt takes ten minutes."),
    LETTER.replace("class.\n\nWe would", "class. We would"),
    LETTER,
    "A different text altogether.",
])
def test_tracked_changes_accept_to_the_revision_and_reject_to_the_original(revised):
    data = docx_with_changes(LETTER, revised, title="Letter")
    assert read_document("out.docx", data) == revised
    assert rejected(data) == LETTER
    changes = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    ids = [n.get(W + "id") for n in changes.iter(W + "ins", W + "del")]
    assert len(ids) == len(set(ids))  # every change has its own id
    assert all(n.get(W + "author") and n.get(W + "date") for n in changes.iter(W + "ins", W + "del"))
    assert (revised == LETTER) == (not ids)
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Letter"


def test_markdown_and_text_files():
    md = ("# Ten minutes, not a program\n\nOur **counselors** use a [short check-in]"
          "(https://example.org/check-in).\n\n* one\n* two\n\n---\n\n> Quoted line\n")
    assert read_document("pitch.md", md.encode()) == (
        "Ten minutes, not a program\n\nOur counselors use a short check-in "
        "(https://example.org/check-in).\n\n- one\n- two\n\nQuoted line")
    assert read_document("a.txt", "\ufeffLine one\r\nLine two\r\n".encode()) == "Line one\nLine two"
    assert read_document("a.txt", "Hola, señora".encode("utf-16")) == "Hola, señora"


@pytest.mark.parametrize("name, data, says", [
    ("letter.pdf", b"%PDF-1.4", "not a file the checker can open"),
    ("letter.docx", b"", "is empty"),
    ("letter.txt", b"   \n\n ", "has no text"),
    ("letter.txt", "café".encode("latin-1"), "not UTF-8"),
    ("letter.txt", b"abc\x00def", "binary"),
    ("letter.docx", b"PK\x03\x04 not really a zip", "not a Word document"),
    ("letter.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Word file"),
    ("letter.docx", b"x" * 2000, "not a Word document"),
])
def test_files_that_cannot_be_opened_say_why(name, data, says):
    with pytest.raises(DocumentError, match=says):
        read_document(name, data)


def test_a_zip_that_is_not_word_or_unpacks_too_far_is_refused():
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(DocumentError, match="not a Word document"):
        read_document("a.docx", plain.getvalue())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<a/>")
        z.writestr("word/media/big.bin", b"\x00" * (70 * 1024 * 1024))
    with pytest.raises(DocumentError, match="unpacks to far more"):
        read_document("a.docx", bomb.getvalue())


def test_a_damaged_or_deeply_nested_document_is_refused_cleanly():
    good = built(("Hello there.", None))
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for body in (b"<w:document", b"<a>" * 5000 + b"</a>" * 5000):
        broken = io.BytesIO()
        with zipfile.ZipFile(broken, "w") as z:
            for name, content in parts.items():
                z.writestr(name, body if name == "word/document.xml" else content)
        with pytest.raises(DocumentError, match="could not be read"):
            read_document("a.docx", broken.getvalue())


def test_size_limit_names_the_file_without_its_folders():
    with pytest.raises(DocumentError, match=r"“big\.txt” is 2\.0 MB; files up to 1 MB"):
        read_document("C:\\Users\\me\\big.txt", b"a" * (2 * 1024 * 1024), max_bytes=1024 * 1024)
