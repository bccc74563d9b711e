"""Drafts in and out of files people already use: a Word document (.docx), Markdown
(.md) or plain text (.txt) is read into the draft's text (:mod:`.reading`), and a
revised draft is written as a Word document whose edits are tracked changes
(:mod:`.writing`), so reviewers can accept or reject them in Word or LibreOffice.
"""
from __future__ import annotations

from .reading import DocumentError, read_document, OPENABLE
from .writing import docx_with_changes

__all__ = ["DocumentError", "OPENABLE", "docx_with_changes", "read_document"]
