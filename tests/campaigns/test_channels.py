"""Channel limits for campaign pieces."""
from __future__ import annotations

from campaigns.channels import load_channels, measure, sms_segments, spoken_word_count

CHANNELS, RATE = load_channels()


def test_spoken_words_count_phone_digits_and_urls():
    assert spoken_word_count("Call 988.") == 4            # "call nine eight eight"
    assert spoken_word_count("Visit 988lifeline.org") == 4  # visit, 988lifeline, dot, org
    assert spoken_word_count("Since 2024, 1,500 teens joined.") == 9  # 2 + 4 for the numbers
    assert spoken_word_count("We have 21 members.") == 5  # twenty-one counts as two


def test_psa_too_long_for_fifteen_seconds():
    script = "Most teens at Central High treat their partners with respect. " * 4
    fit = measure(script, CHANNELS["psa-15"], RATE)
    assert not fit.fits and fit.spoken_seconds > 15


def test_sms_segments_and_encoding():
    assert sms_segments("a" * 160) == ("GSM-7", 1)
    assert sms_segments("a" * 161) == ("GSM-7", 2)
    assert sms_segments("Hi 😊") == ("UCS-2", 1)
    assert sms_segments("é" * 20)[0] == "GSM-7"
    assert sms_segments("á" * 71) == ("UCS-2", 2)


def test_letter_to_editor_limits():
    assert measure("word " * 300, CHANNELS["letter-to-editor"], RATE).fits is False
    fit = measure("word " * 180, CHANNELS["letter-to-editor"], RATE)
    assert fit.fits and not fit.problems
