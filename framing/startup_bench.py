"""Start-up of the command line against a bare spaCy load, measured for real.

Each figure is the wall time of a fresh process, best of a few runs (bare and
warm runs taken in turn): a bare
``spacy.load`` of the same model (NER excluded) that parses one sentence,
and ``python -m framing check`` on a short file, with an empty cache folder
(cold: the rule packs and the syllable table are built and stored) and with
the folder it left behind (warm). The difference from the bare load is what
the checker adds to every command-line run. Part of ``make bench``
(:mod:`framing.bench`); ``python -m framing.startup_bench`` runs just it.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .settings import PROJECT_ROOT, Settings

SAMPLE = ("Students who move between homes miss more school than their classmates. "
          "Would your counselors share a one-page referral guide in March?\n")
BARE = ("import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1], exclude=['ner'])\n"
        "nlp('Students who move between homes miss more school.')\n")


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: findings at the fail level, still a full run
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    return elapsed


def machine() -> dict:
    """What the figures were measured on: CPUs and their model, Python, OS, load."""
    model = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info
                          if line.startswith("model name")), model)
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "cpu": model or "unknown",
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": [round(x, 2) for x in load] if load else None}


def startup_benchmark(runs: int = 3) -> dict:
    """Seconds for a bare spaCy load and for ``framing check`` with a cold and a warm cache."""
    model = Settings.from_env().model
    python = sys.executable
    with tempfile.TemporaryDirectory() as work:
        sample = Path(work) / "message.txt"
        sample.write_text(SAMPLE, encoding="utf-8")
        cache = Path(work) / "cache"
        env = {**os.environ, "FRAMING_CACHE_DIR": str(cache)}
        check = [python, "-m", "framing", "check", str(sample)]
        cold = []
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_timed(check, env))
        # Bare and warm runs alternate, so a busy spell on the machine slows both alike.
        bare_times, warm_times = [], []
        for _ in range(runs + 2):
            bare_times.append(_timed([python, "-c", BARE, model], env))
            warm_times.append(_timed(check, env))
        bare, warm = min(bare_times), min(warm_times)
    return {"runs": runs, "bare_spacy_load_s": round(bare, 3),
            "check_cold_cache_s": round(min(cold), 3), "check_warm_cache_s": round(warm, 3),
            "warm_runs": len(warm_times),
            "cold_extra_s": round(min(cold) - bare, 3), "warm_extra_s": round(warm - bare, 3)}


def print_startup(figures: dict) -> None:
    """The start-up figures as plain lines."""
    print(f"start-up (fresh processes, best of {figures['runs']}): bare spacy.load + one "
          f"sentence {figures['bare_spacy_load_s']:.2f} s; framing check of a short file: "
          f"cold cache {figures['check_cold_cache_s']:.2f} s, "
          f"warm cache {figures['check_warm_cache_s']:.2f} s")


def main() -> None:
    figures = {"machine": machine(), "startup": startup_benchmark()}
    if "--json" in sys.argv[1:]:
        print(json.dumps(figures, indent=2))
        return
    print_startup(figures["startup"])
    s = figures["startup"]
    print(f"start-up over bare: warm cache +{s['warm_extra_s']:.2f} s, "
          f"cold cache +{s['cold_extra_s']:.2f} s")


if __name__ == "__main__":
    main()
