"""``make bench`` ends with the two figures the engine is held to."""
from __future__ import annotations

from framing.bench import print_targets
from framing.startup_bench import machine, print_startup


def test_bench_prints_both_ratios(capsys):
    results = {"batch": {"full_to_bare_ratio": 1.093, "full_to_own_parse_ratio": 1.31},
               "startup": {"runs": 3, "bare_spacy_load_s": 1.0, "check_cold_cache_s": 3.1,
                           "check_warm_cache_s": 1.15, "cold_extra_s": 2.1, "warm_extra_s": 0.15}}
    print_startup(results["startup"])
    print_targets(results)
    out = capsys.readouterr().out.splitlines()
    assert "cold cache 3.10 s, warm cache 1.15 s" in out[0]
    assert out[1].startswith("ratio: full analysis / bare spaCy pipeline") and "1.093" in out[1]
    # what the checks cost over the app's own (faster) parse is printed beside it
    assert "over the app's own parse: 1.310" in out[1]
    assert out[2].startswith("ratio: CLI start-up minus bare spaCy load")
    assert "warm cache +0.15 s" in out[2] and "cold cache +2.10 s" in out[2]


def test_machine_is_described():
    described = machine()
    assert described["cpus"] and described["cpu"] and described["python"]
