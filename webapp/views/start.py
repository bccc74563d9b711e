"""The start page: what the app is for, three things to try first with the data this
database holds (the demo partners and pitches on a first run), and where each part lives."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..auth import can, login_required
from . import install_helpers, pitch_store, profile_store
from .campaign_common import campaign_store

bp = Blueprint("start", __name__)
install_helpers(bp)


@bp.get("/")
@login_required
def index():
    """The start page. Each first step links to a real record, or says how to make one."""
    every_pitch = pitch_store().list()
    pitches = [p for p in every_pitch if p.profile_id is not None]
    # The oldest pitch is the first demo one on a demo database.
    sample = pitches[-1] if pitches else None
    profiles = profile_store().list()
    partner = next((p for p in profiles if sample and p.id == sample.profile_id),
                   profiles[0] if profiles else None)
    campaigns = campaign_store().list_campaigns()
    return render_template("start.html", sample=sample, partner=partner,
                           campaign=campaigns[0] if campaigns else None,
                           profile_count=len(profiles), pitch_count=len(every_pitch),
                           campaign_count=len(campaigns), can_edit=can("edit"))
