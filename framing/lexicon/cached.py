"""The loaded packs, kept between runs in the on-disk cache (:mod:`framing.cache`).

The key is a digest of everything the loaded packs are built from: the folder
they come from (rules name their file), the path and content of every
``*.yaml`` file under it (rule packs, topics, names, sectors, and the
``structure.yaml`` and ``resources.yaml`` patterns), the source of the modules that load, validate and
compile them, and the Python version. Changing any of them changes the key,
so a stale entry is never read. A folder that fails to load is never cached:
the error is raised as by :func:`load_lexicons`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .. import cache, constants, findings, settings, typography, validation
from . import (anchor, compiled, kinds, loader, model, prefilter, scan, schema, sectors,
               structure_spec, requests_spec, rewrite_spec)
from .compiled import prepare
from .loader import load_lexicons
from .model import Lexicons

# Every module whose code decides what a loaded pack holds (the loaders and all they
# import from the package: tests/framing/test_pack_cache.py checks none is missing).
BUILDERS = (loader, model, schema, kinds, sectors, structure_spec, requests_spec, rewrite_spec,
            typography,
            prefilter, anchor, scan, compiled, findings, constants, validation, settings, cache)
_CODE: list[str] = []


def code_version() -> str:
    """Digest of the loaders' source (read once per process)."""
    if not _CODE:
        _CODE.append(cache.source_digest(*BUILDERS, sys.modules[__name__]))
    return _CODE[0]


def content_key(root: Path) -> str:
    """The cache key of the packs under ``root``: folder, files, code and Python version."""
    parts: list[bytes | str] = [code_version(), str(root)]
    for path in sorted(root.rglob("*.yaml")):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return cache.digest(*parts)


def entry_name(root: Path) -> str:
    """One entry per lexicon folder (a new version replaces the folder's old one)."""
    return "lexicons-" + cache.digest(str(root))[:16]


def cached_lexicons(root: Path | str) -> Lexicons:
    """The packs under ``root``, from the cache when it holds this exact content,
    else loaded, validated, compiled and stored."""
    root = Path(root)
    if not root.is_dir():
        return prepare(load_lexicons(root))  # raises the loader's error
    try:
        key = content_key(root)
    except OSError:  # a file that cannot be read: let the loader name it
        return prepare(load_lexicons(root))
    found = cache.read(entry_name(root), key, avoid=root)
    if isinstance(found, Lexicons) and found.root == str(root):
        return found
    lexicons = prepare(load_lexicons(root))
    cache.write(entry_name(root), key, lexicons, avoid=root)
    return lexicons
