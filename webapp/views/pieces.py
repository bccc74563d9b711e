"""Campaign pieces: the page showing a piece's current version with findings and
comments marked in the text, channel fit, the review buttons for the user's role,
the audit log and the versions.

The pieces blueprint and the page itself are in :mod:`.piece_common`; status
changes, comments and the partner link are :mod:`.piece_review`, editing and
versions :mod:`.piece_versions`.
"""
from __future__ import annotations

from ..auth import login_required
from .piece_common import bp, get_piece, page


@bp.get("/<int:piece_id>")
@login_required
def view(piece_id: int):
    """The current version with findings and comments marked, and what happens next."""
    return page(get_piece(piece_id))
