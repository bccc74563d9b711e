"""Word documents in and out of the checker and the reframe page: a .docx, .md or .txt
opens as the draft; the revised draft downloads as a .docx with tracked changes; a file
that cannot be opened gets a clear message and the draft is kept."""
from __future__ import annotations

import io
import re
import zipfile

import docx

from view_helpers import DRAFT, html, signed_in

from framing.documents import read_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PITCH = ("Dear Principal Okafor,\n\nWe will utilize the grant for a short check-in. "
         "Could you give us 20 minutes at the March staff meeting?\n\nSincerely,\nDana Ruiz")


def word_file(text: str) -> bytes:
    document = docx.Document()
    for block in text.split("\n\n"):
        document.add_paragraph(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(client, name: str, data: bytes, **form):
    return client.post("/check", data={"kind": "pitch", "against": "sector:education", **form,
                                       "document": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_a_word_document_opens_as_the_draft_and_is_checked(app):
    client = signed_in(app, "reviewer")
    page = html(upload(client, "Pitch to Lincoln.docx", word_file(PITCH), text="old text"))
    assert "Opened “Pitch to Lincoln.docx”" in page
    box = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert box.startswith("Dear Principal Okafor,") and "old text" not in box
    assert 'data-rule="plain.word.utilize"' in page


def test_a_file_that_cannot_be_opened_keeps_the_draft(app):
    client = signed_in(app, "reviewer")
    for name, data, says in (("pitch.pdf", b"%PDF", "not a file the checker can open"),
                             ("pitch.docx", b"PK\x03\x04junk", "not a Word document"),
                             ("pitch.txt", "caf\xe9".encode("latin-1"), "not UTF-8")):
        response = upload(client, name, data, text="My own draft stays.")
        assert response.status_code == 400
        page = html(response)
        assert says in page and "Your draft is unchanged" in page
        assert "My own draft stays." in page


def test_an_oversized_upload_is_refused_with_the_limit(app):
    app.config["MAX_UPLOAD_BYTES"] = 1024 * 1024
    client = signed_in(app, "reviewer")
    response = upload(client, "big.txt", b"word " * 300_000, text="kept")
    assert response.status_code == 400 and "files up to 1 MB" in html(response)


def test_the_draft_downloads_as_word_with_accepted_changes_tracked(app):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check", data={"text": PITCH, "against": "sector:education"}))
    assert "Download as Word" in page
    rewrite = re.search(r'name="accept" value="([^"]+)"', page.split(
        'data-rule="plain.word.utilize"')[1]).group(1)
    accepted = html(client.post("/check", data={"text": PITCH, "against": "sector:education",
                                                "accept": rewrite}))
    assert "Download as Word (changes tracked)" in accepted
    history = re.search(r'name="history" value="([^"]*)"', accepted).group(1)
    text = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', accepted, re.S).group(1)
    unescape = lambda s: (s.replace("&#34;", '"').replace("&#39;", "'").replace("&lt;", "<")
                          .replace("&gt;", ">").replace("&amp;", "&"))
    response = client.post("/check/docx", data={"text": unescape(text),
                                                "history": unescape(history)})
    assert response.status_code == 200 and response.mimetype == DOCX
    assert re.match(r'attachment; filename="Draft-\d{4}-\d\d-\d\d\.docx"',
                    response.headers["Content-Disposition"])
    data = response.get_data()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:delText" in xml and "utilize" in xml and 'w:author="rita"' in xml
    assert read_document("x.docx", data) == unescape(text)


def test_the_reframed_draft_downloads_with_each_change_tracked(app):
    client = signed_in(app, "reviewer")
    letter = f"Dear Principal Okafor,\n\n{DRAFT}\n\nSincerely,\nDana Ruiz"
    response = client.post("/check/reframe/docx", data={"text": letter,
                                                         "against": "sector:education"})
    assert response.status_code == 200 and response.mimetype == DOCX
    xml = zipfile.ZipFile(io.BytesIO(response.get_data())).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml
    assert re.search(r"<w:delText[^>]*>committed</w:delText>", xml)
    text = read_document("x.docx", response.get_data())
    assert text.startswith("Dear Principal Okafor,") and text.endswith("Dana Ruiz")


def test_a_campaign_piece_takes_its_text_from_a_file_and_downloads_as_word(app):
    from campaign_helpers import piece_in
    pid = piece_in(app)
    client = signed_in(app, "editor")
    body = "Most teens in Harbor County don't vape.\n\nTalk with yours. Call or text 988."
    refused = client.post(f"/pieces/{pid}/edit", content_type="multipart/form-data", data={
        "title": "Post", "body": "My edit stays.", "base": "1",
        "document": (io.BytesIO(b"\xd0\xcf\x11\xe0" + b"\x00" * 64), "post.doc")})
    assert refused.status_code == 400 and "My edit stays." in html(refused)
    assert "Nothing was saved" in html(refused)
    saved = client.post(f"/pieces/{pid}/edit", content_type="multipart/form-data", data={
        "title": "Post", "body": "ignored when a file comes", "base": "1",
        "document": (io.BytesIO(word_file(body)), "post.docx")})
    assert saved.status_code == 302
    page = html(client.get(f"/pieces/{pid}"))
    assert "Talk with yours." in page and "Download as Word" in page
    response = client.get(f"/pieces/{pid}/versions/docx")
    assert response.status_code == 200 and response.mimetype == DOCX
    assert read_document("p.docx", response.get_data()) == body
    xml = zipfile.ZipFile(io.BytesIO(response.get_data())).read("word/document.xml").decode()
    assert "<w:del " in xml and "<w:ins " in xml  # changes since version 1
    assert client.get(f"/pieces/{pid}/versions/docx?b=9").status_code == 404
