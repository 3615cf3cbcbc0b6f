"""Replay: recorded payloads through each adapter's own parsing, filtered by the query."""

import re
import shutil
from datetime import UTC, datetime

import pytest

from scouter.sources.base import SearchQuery
from scouter.sources.registry import get_source
from scouter.sources.replay import DEFAULT_REPLAY_DIR, ReplaySource


@pytest.fixture
def replay_dir(tmp_path, fixtures_dir):
    """A small replay folder: two boards, one feed, an unknown folder and a corrupt file."""
    for key, name in [
        ("lever", "lever_postings_leverdemo_6_with_salaryRange.json"),
        ("remotive", "remotive_remote_jobs_2025-12_limit20.json"),
        ("weworkremotely", "wwr_remote-jobs_rss_2026-07_4items.xml"),
    ]:
        (tmp_path / key).mkdir(exist_ok=True)
        shutil.copy(fixtures_dir / key / name, tmp_path / key / name)
    (tmp_path / "monster").mkdir()
    (tmp_path / "monster" / "jobs.json").write_text("[]")
    (tmp_path / "remotive" / "broken.json").write_text("{not json")
    (tmp_path / "remotive" / "notes.txt").write_text("ignored: not a payload")
    return tmp_path


def replay(directory) -> ReplaySource:
    return get_source("replay", env={"SCOUTER_REPLAY_DIR": str(directory)})


@pytest.mark.smoke
def test_replay_parses_each_recording_with_its_own_adapter(replay_dir):
    result = replay(replay_dir).search(SearchQuery())

    assert (result.pages_fetched, len(result.postings), result.skipped_items) == (3, 30, 0)
    assert sorted({p.source for p in result.postings}) == ["lever", "remotive", "weworkremotely"]
    assert [(e.kind, e.message.rsplit("(", 1)[-1]) for e in result.errors] == [("bad_payload", "remotive/broken.json)")]


def test_replay_postings_equal_the_live_adapters_output(replay_dir, parse_recording):
    replayed = [p for p in replay(replay_dir).search(SearchQuery()).postings if p.source == "lever"]
    direct = parse_recording("lever", "lever/lever_postings_leverdemo_6_with_salaryRange.json").postings

    assert replayed == direct


def test_replay_filters_by_title(replay_dir):
    result = replay(replay_dir).search(SearchQuery(titles=["Account Executive"]))

    assert [(p.source, p.title) for p in result.postings] == [("lever", "Account Executive")] * 4


def test_replay_filters_by_keyword_in_tags_or_text(replay_dir):
    result = replay(replay_dir).search(SearchQuery(keywords=["elasticsearch"]))

    assert [p.title for p in result.postings] == ["Tech Lead Full-Stack Rails Engineer"]


def test_replay_remote_only_and_location(replay_dir):
    remote = replay(replay_dir).search(SearchQuery(remote_only=True)).postings
    in_atlanta = replay(replay_dir).search(SearchQuery(location="Atlanta, GA")).postings

    assert {p.work_model for p in remote} == {"remote"}
    assert len(remote) == 25  # 20 Remotive + 4 WWR + 1 Lever posting marked remote
    assert {p.location.city for p in in_atlanta if p.work_model != "remote"} == {"Atlanta"}


def test_replay_honours_the_since_window(replay_dir):
    since = datetime(2026, 1, 1, tzinfo=UTC)

    result = replay(replay_dir).search(SearchQuery(since=since))

    assert {p.source for p in result.postings} == {"weworkremotely"}
    assert all(p.posted_at >= since for p in result.postings)


def test_replay_defaults_to_the_shipped_recordings():
    source = get_source("replay", env={})

    assert source.directory == DEFAULT_REPLAY_DIR
    assert source.is_configured() == (True, "")


@pytest.mark.smoke
def test_shipped_replay_data_parses_cleanly_and_serves_a_persona_search():
    source = get_source("replay", env={})

    everything = source.search(SearchQuery())
    engineers = source.search(SearchQuery(titles=["Software Engineer"], keywords=["Python"]))

    assert everything.errors == []
    assert len({p.source for p in everything.postings}) == 12
    assert len(everything.postings) > 350
    assert len({p.source for p in engineers.postings}) >= 3
    for posting in engineers.postings:
        title = posting.title.lower()
        body = " ".join([posting.title, posting.description_text, *posting.tags]).lower()
        assert re.search(r"\bsoftware\b", title) and re.search(r"\bengineer\b", title) or re.search(r"\bpython\b", body)
