"""``framing campaign ...``: campaign commands for the command line.

``framing campaign export ID --format html|csv|ics --output FILE`` writes the
print-ready package, the pieces as CSV, or the calendar, from the app's
database (``$FRAMING_DATABASE`` or ``instance/framing.sqlite``). The ``framing``
group finds :data:`campaign` through the ``framing.commands`` entry point in
``pyproject.toml`` (the engine does not import campaigns). Heavy imports stay
inside the command so ``framing --help`` stays fast.
"""
from __future__ import annotations

import click

FORMATS = ("html", "csv", "ics")


@click.group("campaign")
def campaign() -> None:
    """Media campaigns: export packages, piece lists and calendars."""


@campaign.command("export")
@click.argument("campaign_id", type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: print-ready package; csv: pieces (RFC 4180); ics: calendar.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write (default: standard output).")
def export(campaign_id: int, fmt: str, output: str) -> None:
    """Export campaign ID. Internal comments are never included."""
    from framing.cli_common import InputProblem, default_database
    from framing.store import connect, migrate

    from . import calendar
    from .export import export_csv, export_html
    from .migrations import with_engine
    from .models import CampaignNotFound
    from .store import CampaignStore

    path = default_database()
    if not path.exists():
        raise InputProblem(f"no database at {path} (run the app once, or set FRAMING_DATABASE)")
    db = connect(path)
    try:
        migrate(db, with_engine())
        store = CampaignStore(db)
        try:
            if fmt == "csv":
                text = export_csv(store, campaign_id)
            elif fmt == "ics":
                text = calendar.to_ics(calendar.events(store, campaign_id=campaign_id))
            else:
                text = export_html(store, campaign_id)
        except CampaignNotFound:
            raise InputProblem(f"campaign {campaign_id}: no such campaign") from None
    finally:
        db.conn.close()
    data = text.encode("utf-8")  # bytes: CSV and ICS keep their CRLF line ends exactly
    if output == "-":
        click.get_binary_stream("stdout").write(data)
        return
    try:
        with open(output, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise InputProblem(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"wrote {output} ({fmt}, {len(data):,} bytes)", err=True)
