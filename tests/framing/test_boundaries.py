"""The engine stays apart from the web layer."""
from __future__ import annotations

import ast
import subprocess
import sys

from repo_paths import ENGINE


def test_no_module_in_framing_imports_flask():
    offenders = []
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "flask" or n.startswith(("flask.", "flask_", "werkzeug")) for n in names):
                offenders.append(str(path.relative_to(ENGINE.parent)))
    assert offenders == []


def test_importing_the_engine_does_not_load_flask():
    code = "import sys, framing, framing.engine, framing.cli; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
