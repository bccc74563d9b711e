"""Radio and video scripts: what is read aloud is what gets measured and checked."""
from __future__ import annotations

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store

from campaigns import piece_checks as checks
from campaigns.channels import load_channels, measure
from campaigns.script import spoken_text

CHANNELS, RATE = load_channels()
DIRECTIONS = CHANNELS["psa-30"].script_directions
SCRIPT = ("ANNOUNCER: Most Lincoln teens don't vape.\n"
          "SFX: phone buzzes twice\n"
          "TEEN 2: (quietly) I asked my friend how she was doing.\n"
          "MUSIC UNDER: soft piano\n"
          "ANNOUNCER: Need to talk? Call or text 988, or (555) 123-4567.")


def test_directions_labels_and_asides_are_blanked_in_place():
    spoken = spoken_text(SCRIPT, DIRECTIONS)
    assert len(spoken) == len(SCRIPT) and spoken.count("\n") == SCRIPT.count("\n")
    said = " ".join(spoken.split())
    assert said == ("Most Lincoln teens don't vape. I asked my friend how she was doing. "
                    "Need to talk? Call or text 988, or (555) 123-4567.")
    # offsets hold: every spoken word sits where it was
    start = spoken.index("I asked")
    assert SCRIPT[start:start + 7] == "I asked"


def test_only_script_channels_are_read_as_spoken():
    assert CHANNELS["psa-30"].spoken(SCRIPT) != SCRIPT
    assert CHANNELS["video-30"].script_directions
    assert CHANNELS["op-ed"].spoken(SCRIPT) == SCRIPT  # "TEEN 2:" in an op-ed is text


def test_read_aloud_time_leaves_out_stage_directions():
    fit = measure(SCRIPT, CHANNELS["psa-30"], RATE)
    plain = measure(" ".join(spoken_text(SCRIPT, DIRECTIONS).split()), CHANNELS["psa-30"], RATE)
    assert fit.spoken_words == plain.spoken_words
    assert fit.spoken_words < measure(SCRIPT.replace(":", ""), CHANNELS["op-ed"], RATE).words + 10


@pytest.fixture
def setup(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    return store, store.create_campaign(campaign_doc(lusd, courier), "maria")


def test_a_radio_script_is_checked_as_spoken(setup, analyzer):
    store, campaign = setup
    body = ("ANNOUNCER: " + NORMS_POST + "\nSFX: door closes\nMUSIC: piano bed\n"
            "ANNOUNCER: Most of Us Lincoln. Need to talk? Call or text 988.")
    piece = store.add_piece(campaign.id, "psa-60", "Radio spot", body, "maria")
    found = checks.findings_for(store, analyzer, piece.id)
    flagged = {body[f.start:f.end] for f in found if f.end > f.start}
    assert not {"SFX", "ANNOUNCER", "MUSIC"} & flagged
    assert not [f for f in found if f.rule.startswith("consistency.")]
