"""Word files in ``make bench``: writing a revised draft as a .docx with tracked changes
and reading it back, for drafts from a letter to the largest text the app takes.

Figures are printed, never asserted. The revision changes one word in every tenth
paragraph, the way accepted rewrites do, and one pass also rewrites the text whole
(the worst case for the word difference behind the tracked changes).
"""
from __future__ import annotations

import time

from .reading import read_document
from .writing import docx_with_changes

SENTENCE = ("Our counselors utilize a short check-in that helps students in unstable housing "
            "keep coming to class, and we will bring the one-page guide ourselves. ")


def _draft(chars: int) -> str:
    paragraphs, size = [], 0
    while size < chars:
        paragraph = SENTENCE * 3
        paragraphs.append(paragraph.strip())
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _revised(text: str) -> str:
    paragraphs = text.split("\n\n")
    return "\n\n".join(p.replace("utilize", "use", 1) if i % 10 == 0 else p
                       for i, p in enumerate(paragraphs))


def documents_benchmark(sizes=(2_000, 20_000, 100_000)) -> dict:
    """Seconds to write (tracked changes) and read back a .docx per draft size."""
    out = {}
    for chars in sizes:
        before = _draft(chars)
        after = _revised(before)
        t = time.perf_counter()
        data = docx_with_changes(before, after)
        written = time.perf_counter() - t
        t = time.perf_counter()
        read_document("draft.docx", data, max_bytes=len(data) + 1)
        read = time.perf_counter() - t
        t = time.perf_counter()
        docx_with_changes(before, after[::-1])  # every word changed
        rewritten = time.perf_counter() - t
        out[f"{len(before):,} characters"] = {"write_s": round(written, 3),
                                               "read_s": round(read, 3),
                                               "rewritten_whole_write_s": round(rewritten, 3),
                                               "bytes": len(data)}
    return out


def print_documents(figures: dict) -> None:
    """One line per draft size."""
    for size, f in figures.items():
        print(f"word file {size}: write with tracked changes {f['write_s']:.3f} s, read back "
              f"{f['read_s']:.3f} s ({f['bytes']:,} bytes); rewritten whole "
              f"{f['rewritten_whole_write_s']:.3f} s")
