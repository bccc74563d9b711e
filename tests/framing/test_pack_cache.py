"""The compiled rule packs kept between runs: never stale, never trusted blindly,
never a reason to fail."""
from __future__ import annotations

import ast
import dataclasses
import importlib
import importlib.util
import inspect
import os
import shutil
import time

import pytest
from repo_paths import LEXICONS, ROOT

from framing import cache
from framing.lexicon import LexiconError, load_lexicons
from framing.lexicon import cached as pack_cache
from framing.lexicon.compiled import prepare, term_patterns
from framing.lexicon.structure_spec import StructureSpec
from framing.settings import cache_root
from framing.structure import analyze_structure
from framing.typography import PlainPattern

SAMPLES = ["Youth homelessness is an epidemic and it is out of control in our county.",
           "He committed suicide after years of substance abuse; the addict's family grieves.",
           "Teachers will be required to complete our survey. Call or text 988 any time.",
           # Typography the patterns see in plain form, with offsets mapped back.
           "Don\u2019t say \u201ccommitted suicide\u201d\u2014call our 24\u2011hour "
           "help\u00a0line\u2026 Our cri\u00adsis line is open.",
           "SUBJECT: Suicide prevention\nDear Editor,\nWe offer help. Call 988.\n"
           "Sincerely,\nAna Ruiz\n###"]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def packs(tmp_path):
    """A small lexicon folder (one guideline pack) that loads quickly."""
    root = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, root, ignore=shutil.ignore_patterns("guidelines"))
    (root / "guidelines").mkdir()
    shutil.copy(LEXICONS / "guidelines" / "suicide.yaml", root / "guidelines")
    return root


def entries(folder):
    return sorted(folder.glob("lexicons-*.pickle"))


def test_second_load_comes_from_the_cache(cache_dir, packs, monkeypatch):
    first = pack_cache.cached_lexicons(packs)
    [entry] = entries(cache_dir)
    assert entry.stat().st_mode & 0o777 == 0o600
    assert cache_dir.stat().st_mode & 0o077 == 0

    def no_load(root):
        raise AssertionError("the packs were loaded again")

    monkeypatch.setattr(pack_cache, "load_lexicons", no_load)
    again = pack_cache.cached_lexicons(packs)
    assert [r.id for r in again.rules] == [r.id for r in first.rules]
    assert again.version == first.version


def test_changing_a_lexicon_file_invalidates_the_cache(cache_dir, packs):
    before = pack_cache.cached_lexicons(packs)
    rule = next(r for r in before.rules if r.id == "suicide.committed")
    path = packs / "guidelines" / "suicide.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(rule.message, "Reworded message."),
                    encoding="utf-8")
    after = pack_cache.cached_lexicons(packs)
    assert after.rule("suicide.committed").message == "Reworded message."
    assert after.version != before.version
    assert len(entries(cache_dir)) == 1  # the stale entry is gone


def test_a_new_lexicon_file_invalidates_the_cache(cache_dir, packs):
    before = pack_cache.cached_lexicons(packs)
    extra = (LEXICONS / "guidelines" / "suicide.yaml").read_text(encoding="utf-8")
    extra = extra.replace("pack: suicide", "pack: suicide-copy").replace("id: suicide.",
                                                                          "id: suicide-copy.")
    (packs / "guidelines" / "zz-copy.yaml").write_text(extra, encoding="utf-8")
    after = pack_cache.cached_lexicons(packs)
    assert len(after.rules) > len(before.rules)


@pytest.mark.parametrize("damage", [
    lambda data: data[:len(data) // 2],                   # truncated
    lambda data: data[:-10] + b"0123456789",              # body corrupted
    lambda data: b"not a cache file at all",              # foreign file
    lambda data: data.replace(b"framing-cache 1", b"framing-cache 9"),  # other format
    lambda data: b"",
])
def test_a_damaged_entry_is_rebuilt(cache_dir, packs, damage):
    fresh = pack_cache.cached_lexicons(packs)
    [entry] = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    again = pack_cache.cached_lexicons(packs)
    assert [r.id for r in again.rules] == [r.id for r in fresh.rules]
    assert cache.read(pack_cache.entry_name(packs), pack_cache.content_key(packs)) is not None


def test_an_entry_under_another_key_is_not_read(cache_dir):
    assert cache.write("sample", "a" * 64, {"rules": 1})
    stored = next(cache_dir.glob("sample-*.pickle"))
    stored.rename(cache_dir / f"sample-{'b' * 40}.pickle")
    assert cache.read("sample", "b" * 64) is None


def test_files_others_could_have_written_are_not_read(cache_dir):
    assert cache.write("sample", "k" * 64, [1, 2, 3])
    assert cache.read("sample", "k" * 64) == [1, 2, 3]
    entry = next(cache_dir.glob("sample-*.pickle"))
    entry.chmod(0o666)
    assert cache.read("sample", "k" * 64) is None
    entry.chmod(0o600)
    cache_dir.chmod(0o777)
    assert cache.read("sample", "k" * 64) is None
    assert not cache.write("sample", "k" * 64, [1])  # nor written there
    cache_dir.chmod(0o700)
    link = cache_dir / f"sample-{'l' * 40}.pickle"
    os.symlink(entry, link)
    assert cache.read("sample", "l" * 64) is None


def test_entries_unused_for_a_month_are_removed(cache_dir):
    assert cache.write("old", "o" * 64, 1) and cache.write("recent", "r" * 64, 2)
    old = next(cache_dir.glob("old-*.pickle"))
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    assert cache.write("new", "n" * 64, 3)
    assert not old.exists()
    assert cache.read("recent", "r" * 64) == 2 and cache.read("new", "n" * 64) == 3


def test_reading_marks_an_entry_used_at_most_once_a_day(cache_dir):
    assert cache.write("sample", "u" * 64, 1)
    entry = next(cache_dir.glob("sample-*.pickle"))
    hour_ago, week_ago = time.time() - 3600, time.time() - 7 * 86400
    os.utime(entry, (hour_ago, hour_ago))
    assert cache.read("sample", "u" * 64) == 1
    assert abs(entry.stat().st_mtime - hour_ago) < 1  # recently marked: left alone
    os.utime(entry, (week_ago, week_ago))
    assert cache.read("sample", "u" * 64) == 1
    assert time.time() - entry.stat().st_mtime < 60  # marked again


def test_a_failed_load_is_not_cached(cache_dir, packs):
    path = packs / "guidelines" / "suicide.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - bad: [unclosed\n",
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LexiconError):
            pack_cache.cached_lexicons(packs)
    assert not entries(cache_dir)


def test_unwritable_cache_still_loads(tmp_path, monkeypatch, packs):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker / "cache"))
    assert pack_cache.cached_lexicons(packs).rules


def test_cache_folder_setting(tmp_path):
    assert cache_root({"FRAMING_CACHE_DIR": "off"}) is None
    assert cache_root({"FRAMING_CACHE_DIR": str(tmp_path / "c")}) == tmp_path / "c"
    assert cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "framing"
    # Never inside the source tree or the lexicon folder.
    assert cache_root({"FRAMING_CACHE_DIR": str(ROOT / "cache")}) is None
    assert cache_root({"FRAMING_CACHE_DIR": str(LEXICONS / "cache")}) is None
    assert cache_root({"FRAMING_CACHE_DIR": str(tmp_path / "c"),
                       "FRAMING_LEXICONS": str(tmp_path)}) is None


def test_no_cache_inside_the_folder_it_caches(tmp_path, monkeypatch, packs):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(packs / "cache"))
    assert cache.folder(avoid=packs) is None
    assert pack_cache.cached_lexicons(packs).rules
    assert not (packs / "cache").exists()


def regex_of(pattern):
    return pattern.regex if isinstance(pattern, PlainPattern) else pattern


def same_pattern(mine, theirs) -> None:
    """Two compiled patterns (``re.Pattern`` or ``PlainPattern``) alike in kind, source
    and matches (offsets of the original text)."""
    assert type(mine) is type(theirs)
    a, b = regex_of(mine), regex_of(theirs)
    assert (a.pattern, a.flags, a.groups) == (b.pattern, b.flags, b.groups)
    for text in SAMPLES + [t.lower() for t in SAMPLES]:
        assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_cached_patterns_match_as_freshly_compiled_ones(cache_dir, packs):
    pack_cache.cached_lexicons(packs)  # stored
    warm = pack_cache.cached_lexicons(packs)  # read back
    fresh = prepare(load_lexicons(packs))
    for mine, theirs in zip(term_patterns(warm), term_patterns(fresh)):
        same_pattern(mine.fast, theirs.fast)
        same_pattern(mine.pattern, theirs.pattern)
        assert isinstance(mine.pattern, PlainPattern)
        assert (mine.literals, mine.starts) == (theirs.literals, theirs.starts)
    for topic in warm.topics:
        for text in SAMPLES:
            assert (warm.topics[topic].cues.findall(text)
                    == fresh.topics[topic].cues.findall(text))


def test_structure_and_help_patterns_survive_the_cache(cache_dir, packs):
    """The document structure's patterns (StructureSpec), the help statements and the
    recommended wording come back from the cache as the plain-form patterns they were
    built as, and read a text as the freshly loaded ones do."""
    pack_cache.cached_lexicons(packs)
    warm = pack_cache.cached_lexicons(packs)
    fresh = load_lexicons(packs)
    assert isinstance(warm.structure, StructureSpec)
    for field in dataclasses.fields(StructureSpec):
        mine, theirs = getattr(warm.structure, field.name), getattr(fresh.structure, field.name)
        if isinstance(theirs, dict):
            assert mine.keys() == theirs.keys()
            for key in theirs:
                same_pattern(mine[key], theirs[key])
        elif isinstance(theirs, PlainPattern):
            same_pattern(mine, theirs)
        else:
            assert mine == theirs, field.name
    for name in ("help_statements", "not_help", "guideline_wording", "local_resources", "names"):
        if getattr(fresh, name) is not None:
            same_pattern(getattr(warm, name), getattr(fresh, name))
    assert warm.help_statements.search(SAMPLES[3]).group(0) == "24\u2011hour help\u00a0line"
    for text in SAMPLES:
        lines = [line for line in text.split("\n") if line.strip()]
        assert (analyze_structure(text, lines, warm.structure)
                == analyze_structure(text, lines, fresh.structure))
    letter = analyze_structure(SAMPLES[-1], SAMPLES[-1].split("\n"), warm.structure)
    assert {kind for _, _, kind in letter.frame} >= {"subject", "salutation", "closing"}


@pytest.mark.parametrize("name, old, new", [
    ("structure.yaml", "max_words: 18", "max_words: 3"),
    ("resources.yaml", "help_statements:\n", "help_statements:\n  - 'ring\\s+the\\s+bell'\n"),
])
def test_changing_structure_or_resources_invalidates_the_cache(cache_dir, packs, name, old,
                                                               new):
    before = pack_cache.cached_lexicons(packs)
    path = packs / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    after = pack_cache.cached_lexicons(packs)
    if name == "structure.yaml":
        assert (before.structure.headline_max_words, after.structure.headline_max_words) == (18, 3)
    else:
        assert before.help_statements.search("ring the bell") is None
        assert after.help_statements.search("ring the bell") is not None
    assert len(entries(cache_dir)) == 1  # the stale entry is gone


def _framing_imports(module) -> set[str]:
    """The framing modules ``module`` imports (relative or absolute)."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if isinstance(node, ast.ImportFrom):
            base = (importlib.util.resolve_name("." * node.level + (node.module or ""),
                                                module.__package__)
                    if node.level else node.module or "")
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if importlib.util.find_spec(base) and
                          _is_module(candidate) else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "framing" or name.startswith("framing.")}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def test_the_cache_key_covers_every_module_that_builds_the_packs():
    """The code that loads, validates and compiles the packs (the loaders and every
    framing module they import) is in the key: a change to any of it means a new key."""
    covered = {module.__name__ for module in pack_cache.BUILDERS} | {pack_cache.__name__}
    seen, todo = set(), [module.__name__ for module in pack_cache.BUILDERS]
    while todo:
        name = todo.pop()
        if name in seen or name in ("framing", "framing.lexicon"):
            continue
        seen.add(name)
        todo.extend(_framing_imports(importlib.import_module(name)))
    assert seen - covered == set()
    assert {"framing.typography", "framing.lexicon.structure_spec",
            "framing.lexicon.loader"} <= covered
