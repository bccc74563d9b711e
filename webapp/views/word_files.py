"""Files in and out of the forms: a draft opened from a .docx, .md or .txt upload, and a
revised draft sent back as a Word document with its edits as tracked changes.

Shared by the checker, the reframe page and campaign pieces; the reading and
writing themselves are :mod:`framing.documents`.
"""
from __future__ import annotations

import re
from datetime import date

from flask import Response, current_app, request

from framing.documents import OPENABLE, DocumentError, docx_with_changes, read_document

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACCEPT = ",".join(OPENABLE)


def upload_limit() -> int:
    """The largest file that can be opened, in bytes (``MAX_UPLOAD_BYTES``)."""
    return int(current_app.config["MAX_UPLOAD_BYTES"])


def uploaded_text(name: str = "document") -> tuple[str, str] | None:
    """``(text, file name)`` of the file posted in the field ``name``; None when no
    file was chosen. Raises DocumentError (a sentence for the page) when the file
    cannot be opened as a draft."""
    upload = request.files.get(name)
    if upload is None or not upload.filename:
        return None
    limit = upload_limit()
    data = upload.read(limit + 1)
    text = read_document(upload.filename, data, max_bytes=limit)
    return text, upload.filename


def body_from_upload(doc: dict, key: str = "body") -> str | None:
    """Put an uploaded file's text in ``doc[key]`` (a piece form's text); the sentence to
    show when the file cannot be opened (``doc`` is then unchanged), or None."""
    try:
        opened = uploaded_text()
    except DocumentError as exc:
        return f"{exc}. Nothing was saved; your text is kept below."
    if opened:
        doc[key] = opened[0]
    return None


def file_name(title: str, fallback: str = "draft") -> str:
    """A safe .docx file name from a title: letters, digits and dashes, dated."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title or "").strip("-")[:60] or fallback
    return f"{stem}-{date.today().isoformat()}.docx"


def docx_download(original: str, revised: str, title: str, author: str) -> Response:
    """The revised text as a Word document, its changes from ``original`` tracked."""
    data = docx_with_changes(original, revised, title=title, author=author or "Framing")
    response = Response(data, mimetype=DOCX_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name(title)}"'
    response.headers["Cache-Control"] = "no-store"  # drafts are private
    return response


__all__ = ["ACCEPT", "DocumentError", "body_from_upload", "docx_download", "file_name",
           "upload_limit", "uploaded_text"]
