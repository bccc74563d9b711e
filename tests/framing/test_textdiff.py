"""Word differences: the parts always join back into both texts; long texts are matched
paragraph by paragraph first, so only the paragraphs that changed are compared word by word."""
from __future__ import annotations

from framing.textdiff import WORD_PRODUCT, word_diff


def joined(ops, side):
    return "".join(op[side] for op in ops)


def test_a_short_text_is_matched_word_by_word():
    ops = word_diff("We utilize the grant.", "We use the grant.")
    assert [op["op"] for op in ops] == ["equal", "replace", "equal"]
    assert ops[1] == {"op": "replace", "before": "utilize", "after": "use"}


def test_a_long_text_keeps_its_unchanged_paragraphs_whole():
    paragraphs = [f"Paragraph {n} says the shelter on Main Street had {n} beds open and the "
                  f"outreach team met {n * 3} people on the night of the count." for n in range(400)]
    before = "\n\n".join(paragraphs)
    after = before.replace("had 7 beds", "had seven beds").replace(paragraphs[300] + "\n\n", "")
    assert len(before.split()) ** 2 > WORD_PRODUCT  # the paragraph-first path
    ops = word_diff(before, after)
    assert joined(ops, "before") == before and joined(ops, "after") == after
    changes = [op for op in ops if op["op"] != "equal"]
    assert {"op": "replace", "before": "7", "after": "seven"} in changes
    assert any(paragraphs[300] in op["before"] and not op["after"] for op in changes)
    assert sum(len(op["before"]) for op in changes) < 400  # nothing else marked


def test_a_long_text_rewritten_whole_is_removed_and_added_whole():
    before = " ".join(f"word{n % 50}" for n in range(5000))
    after = " ".join(f"term{n % 40}" for n in range(5000))
    ops = word_diff(before, after)
    assert joined(ops, "before") == before and joined(ops, "after") == after
    assert ops == [{"op": "replace", "before": before, "after": after}]
