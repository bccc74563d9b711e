"""A comparison outside the page: the bar chart as an SVG image, the figures as CSV
and a printable page.

The routes live on the comparison blueprint (:mod:`.compare_common`).
"""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Response, abort, render_template

from ..auth import login_required
from .compare_common import bp, context, get_comparison
from .compare_scores import analysis_or_error, chart_svg


@bp.get("/<int:comparison_id>/chart.svg")
@login_required
def chart(comparison_id: int):
    """The bar chart as an SVG image (text labels, <title> and <desc>; no script)."""
    comparison = get_comparison(comparison_id)
    result, error = analysis_or_error(comparison)
    if result is None:
        abort(404, description=error)
    response = Response(chart_svg(comparison, result), mimetype="image/svg+xml")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.get("/<int:comparison_id>/export.csv")
@login_required
def export(comparison_id: int):
    """The comparison's figures as CSV (RFC 4180, UTF-8 with a BOM for spreadsheets)."""
    comparison = get_comparison(comparison_id)
    result, error = analysis_or_error(comparison)
    if result is None:
        abort(404, description=error)
    body = result.to_csv()
    if not body.startswith("\ufeff"):
        body = "\ufeff" + body
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="comparison-{comparison.id}.csv"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/<int:comparison_id>/print")
@login_required
def print_view(comparison_id: int):
    """A printable page: figures, texts, decisions and feedback; no forms."""
    comparison = get_comparison(comparison_id)
    printed = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return render_template("compare/print.html", printed=printed, **context(comparison))
