"""Small-audience statistics against campaigns.md §6.1."""
from __future__ import annotations

import pytest

from framing.stats import (detectable_lift, margin_of_error, min_unanimous_raters,
                           sample_size_per_arm, sign_test_p, small_sample_warning)


@pytest.mark.parametrize("p1, p2, n", [
    (0.20, 0.25, 1094), (0.20, 0.30, 293), (0.20, 0.40, 81),
    (0.50, 0.55, 1565), (0.50, 0.60, 387), (0.50, 0.70, 93),
])
def test_sample_size_table(p1, p2, n):
    assert sample_size_per_arm(p1, p2) == n
    assert sample_size_per_arm(p2, p1) == n  # direction does not matter


@pytest.mark.parametrize("n, points", [(10, 31), (20, 22), (30, 18), (50, 14), (100, 10)])
def test_margin_of_error(n, points):
    assert round(margin_of_error(n) * 100) == points


@pytest.mark.parametrize("n, lift", [(50, 26), (100, 18), (250, 11), (500, 7.5), (1000, 5)])
def test_smallest_detectable_lift_at_20_percent(n, lift):
    assert detectable_lift(n) * 100 == pytest.approx(lift, abs=0.3)


def test_sign_test_and_unanimous_raters():
    assert sign_test_p(5, 5) == pytest.approx(0.0625)
    assert sign_test_p(0, 5) == pytest.approx(0.0625)
    assert sign_test_p(6, 6) == pytest.approx(0.03125)
    assert sign_test_p(3, 6) == 1.0 and sign_test_p(0, 0) == 1.0
    assert sign_test_p(8, 10) == pytest.approx(0.109375)
    assert min_unanimous_raters() == 6
    assert min_unanimous_raters(0.01) == 8


def test_bad_inputs():
    for args in ((0, 0.5), (0.5, 0.5), (0.2, 1.2)):
        with pytest.raises(ValueError):
            sample_size_per_arm(*args)
    with pytest.raises(ValueError):
        margin_of_error(0)
    with pytest.raises(ValueError):
        sign_test_p(4, 3)


def test_small_group_warning_is_plain_and_sized():
    text = small_sample_warning({"A": 7, "B": 5})
    assert "not evidence" in text
    assert "387 people per variant" in text and "10-point difference" in text
    assert "A: 7 people, B: 5 people" in text and "±44 percentage points" in text
    assert "at least 6 raters" in text
    assert "about 387" in small_sample_warning({})
    assert "only differences larger than about" in small_sample_warning({"A": 60, "B": 60})


def test_large_groups_get_no_small_group_warning():
    text = small_sample_warning({"A": 400, "B": 450})
    assert "not evidence" not in text and "at least 400 people" in text
