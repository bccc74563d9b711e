"""An on-disk cache for data that is slow to build and quick to read back.

Loading the rule packs (YAML parsing, validation, some 2,000 regular
expressions) and the CMU pronouncing dictionary takes most of a second; a
command-line check pays it on every run. Both are kept here between runs,
each under a key that changes whenever anything they were built from changes
(the content of the files read, the code that built them, the Python
version), so a stale entry is never read: it is simply not found.

Where: ``$FRAMING_CACHE_DIR`` (``off`` disables the cache), else
``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing`` (see
:func:`framing.settings.cache_root`). A folder inside the project or the
lexicon folder is refused: the cache never writes into the source tree.

Safety: entries are pickles, read only from a folder and files owned by the
current user that no one else may write to (so nobody else can plant one),
each with a header naming its key and the SHA-256 of its body. A missing,
truncated, corrupt, foreign or unreadable entry reads as absent and is
rebuilt; nothing here ever raises for a bad cache. Files are written to a
temporary file with mode 0600 and renamed into place, so a reader never sees
half a file.

Compiled regular expressions pickle as their source and are compiled again on
load, which would cost most of what the cache saves; :func:`dumps` stores
their compiled program instead and :func:`restore_pattern` rebuilds the
pattern from it without parsing (falling back to ``re.compile``).
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import re
import stat
import sys
import time
from pathlib import Path
from typing import Any, Callable, TypeVar

from .settings import cache_root

T = TypeVar("T")

MAGIC = b"framing-cache 1\n"
# Entries not read for this long are removed when another is written (e.g. those of a
# lexicon folder that no longer exists).
UNUSED_DAYS = 30
MARK_USED_SECONDS = 86400  # an entry read is marked as used when last marked this long ago
# The compiled form of a regex depends on the interpreter's regex engine.
try:  # private modules of ``re``: without them patterns are stored as source
    import _sre
    from re import _compiler as _re_compiler  # type: ignore[attr-defined]
    from re import _parser as _re_parser  # type: ignore[attr-defined]
    ENGINE = f"{sys.version}|sre {_sre.MAGIC} {_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover
    _sre = _re_compiler = _re_parser = None
    ENGINE = sys.version


def digest(*parts: bytes | str) -> str:
    """SHA-256 (hex) of ``parts``, each length-prefixed so no two lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def source_digest(*modules) -> str:
    """A digest of the source files of ``modules`` (the code that builds an entry)."""
    return digest(*(Path(m.__file__).read_bytes() for m in modules), ENGINE)


def folder(avoid: Path | str | None = None) -> Path | None:
    """The cache folder, or None when the cache is off or set inside the source tree
    (or inside ``avoid``: the lexicon folder an entry is built from)."""
    root = cache_root()
    if root is not None and avoid is not None:
        resolved, avoided = root.resolve(), Path(avoid).resolve()
        if resolved == avoided or avoided in resolved.parents:
            return None
    return root


def _private(path: Path, *, directory: bool) -> bool:
    """Owned by the current user and writable by nobody else (a file: not a link)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no ownership to check: do not trust pickles
        return False
    try:
        info = os.stat(path) if directory else os.lstat(path)
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    return kind_ok and info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _path(where: Path, name: str, key: str) -> Path:
    return where / f"{name}-{key[:40]}.pickle"


def read(name: str, key: str, avoid: Path | str | None = None) -> Any | None:
    """The entry ``name`` stored under ``key``, or None (absent, stale, corrupt or untrusted)."""
    where = folder(avoid)
    if where is None or not _private(where, directory=True):
        return None
    path = _path(where, name, key)
    if not _private(path, directory=False):
        return None
    try:
        data = path.read_bytes()
        head, _, rest = data.partition(b"\n\n")
        magic, stored_key, checksum = head.split(b"\n")
        if (magic + b"\n" != MAGIC or stored_key.decode() != key
                or hashlib.sha256(rest).hexdigest().encode() != checksum):
            return None
        value = _unpickle(rest)
    except Exception:  # a bad entry of any kind is a miss, never an error
        return None
    try:
        # In use: kept by the clean-up in write(). Marked at most once a day: a write
        # to the file's metadata on every start can wait on the file system's journal.
        if time.time() - path.stat().st_mtime > MARK_USED_SECONDS:
            os.utime(path)
    except OSError:
        pass
    return value


def _unpickle(body: bytes) -> Any:
    # Unpickling allocates thousands of objects at once: cyclic garbage collection
    # passes in between find nothing to free and make a warm start a third slower.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(body)
    finally:
        if enabled:
            gc.enable()


def write(name: str, key: str, value: Any, avoid: Path | str | None = None) -> bool:
    """Store ``value`` as ``name`` under ``key`` (atomically, mode 0600); drop the
    older entries of ``name``. False when the cache is off or cannot be written."""
    where = folder(avoid)
    if where is None:
        return False
    tmp = None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where, directory=True):
            return False
        import tempfile  # only to write: a start-up that reads the cache does without it
        body = dumps(value)
        head = MAGIC + key.encode() + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n\n"
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as out:
            out.write(head + body)
        path = _path(where, name, key)
        os.replace(tmp, path)
        tmp = None
        unused = time.time() - UNUSED_DAYS * 86400
        for old in where.glob("*.pickle"):
            if old != path and (old.name.startswith(f"{name}-")
                                or old.stat().st_mtime < unused):
                old.unlink(missing_ok=True)
        return True
    except Exception:  # a cache that cannot be written costs time, never a failure
        return False
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def remember(name: str, key: str, build: Callable[[], T],
             avoid: Path | str | None = None) -> T:
    """The entry ``name`` under ``key``, built by ``build()`` and stored when absent."""
    value = read(name, key, avoid)
    if value is None:
        value = build()
        write(name, key, value, avoid)
    return value


# -- compiled regular expressions -------------------------------------------------
def restore_pattern(pattern: str, flags: int, program: tuple | None) -> re.Pattern:
    """A compiled pattern from its stored program (``re.compile`` when that fails)."""
    if program is not None and _sre is not None:
        try:
            code, groups, groupindex, indexgroup = program
            return _sre.compile(pattern, flags, list(code), groups, dict(groupindex),
                                tuple(indexgroup))
        except Exception:  # a program this interpreter rejects: compile the source
            pass
    return re.compile(pattern, flags)


def _program(compiled: re.Pattern) -> tuple | None:
    """What ``re.compile`` hands the regex engine for ``compiled`` (as ``re._compiler``
    does), or None when it cannot be worked out here."""
    if _re_compiler is None or not isinstance(compiled.pattern, str):
        return None
    try:
        parsed = _re_parser.parse(compiled.pattern, compiled.flags)
        code = _re_compiler._code(parsed, compiled.flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        if compiled.flags | parsed.state.flags != compiled.flags:
            return None
        # Opcodes are int subclasses that refuse to pickle: store plain ints.
        return (tuple(map(int, code)), parsed.state.groups - 1, dict(groupindex),
                tuple(indexgroup))
    except Exception:
        return None


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            return restore_pattern, (obj.pattern, obj.flags, _program(obj))
        return NotImplemented


def dumps(value: Any) -> bytes:
    """Pickle ``value``, storing compiled regexes as their engine program."""
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()
