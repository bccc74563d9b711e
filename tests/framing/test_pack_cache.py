"""The compiled rule packs kept between runs: never stale, never trusted blindly,
never a reason to fail."""
from __future__ import annotations

import os
import shutil
import time

import pytest
from repo_paths import LEXICONS, ROOT

from framing import cache
from framing.lexicon import LexiconError, load_lexicons
from framing.lexicon import cached as pack_cache
from framing.lexicon.compiled import prepare, term_patterns
from framing.settings import cache_root

SAMPLES = ["Youth homelessness is an epidemic and it is out of control in our county.",
           "He committed suicide after years of substance abuse; the addict's family grieves.",
           "Teachers will be required to complete our survey. Call or text 988 any time."]


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


def test_cached_patterns_match_as_freshly_compiled_ones(cache_dir, packs):
    pack_cache.cached_lexicons(packs)  # stored
    warm = pack_cache.cached_lexicons(packs)  # read back
    fresh = prepare(load_lexicons(packs))
    for mine, theirs in zip(term_patterns(warm), term_patterns(fresh)):
        for a, b in ((mine.fast, theirs.fast), (mine.pattern, theirs.pattern)):
            assert (a.pattern, a.flags, a.groups) == (b.pattern, b.flags, b.groups)
            for text in SAMPLES:
                lowered = text.lower()
                assert ([m.span() for m in a.finditer(lowered)]
                        == [m.span() for m in b.finditer(lowered)])
        assert (mine.literals, mine.starts) == (theirs.literals, theirs.starts)
    for topic in warm.topics:
        for text in SAMPLES:
            assert (warm.topics[topic].cues.findall(text)
                    == fresh.topics[topic].cues.findall(text))
