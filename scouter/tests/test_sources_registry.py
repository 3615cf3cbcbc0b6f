import pytest

from scouter.sources.base import JobSource
from scouter.sources.registry import LIVE_SOURCES, UnknownSource, all_sources, enabled_sources, get_source

FULL_ENV = {
    "ADZUNA_APP_ID": "id",
    "ADZUNA_APP_KEY": "key",
    "USAJOBS_USER_AGENT": "ops@example.org",
    "USAJOBS_API_KEY": "key",
    "SCOUTER_RSS_FEEDS": "https://feeds.example.test/jobs.rss",
}


@pytest.mark.smoke
def test_registry_knows_every_board():
    assert sorted(LIVE_SOURCES) == [
        "adzuna",
        "arbeitnow",
        "ashby",
        "greenhouse",
        "himalayas",
        "lever",
        "remoteok",
        "remotive",
        "rss",
        "smartrecruiters",
        "themuse",
        "usajobs",
        "weworkremotely",
        "workable",
    ]
    assert all(isinstance(s, JobSource) and s.display_name for s in all_sources(env={}))


def test_get_source_returns_a_fresh_instance_and_refuses_unknown_keys():
    assert get_source("lever", env={}).key == "lever"
    assert get_source("lever", env={}) is not get_source("lever", env={})
    with pytest.raises(UnknownSource):
        get_source("monster")


@pytest.mark.smoke
def test_enabled_sources_skips_sources_without_keys_and_says_why():
    sources, skipped = enabled_sources(env={})

    assert dict(skipped) == {
        "adzuna": "Adzuna is skipped: set ADZUNA_APP_ID, ADZUNA_APP_KEY",
        "usajobs": "USAJobs is skipped: set USAJOBS_USER_AGENT, USAJOBS_API_KEY",
        "rss": "RSS/Atom feeds is skipped: set SCOUTER_RSS_FEEDS to feed URLs",
    }
    assert "themuse" in [s.key for s in sources]  # its key is optional


def test_enabled_sources_with_every_key_runs_every_live_source():
    sources, skipped = enabled_sources(env=FULL_ENV)

    assert (sorted(s.key for s in sources), skipped) == (sorted(LIVE_SOURCES), [])


def test_enabled_sources_blank_keys_count_as_missing():
    _, skipped = enabled_sources(env={**FULL_ENV, "ADZUNA_APP_KEY": "  "})

    assert skipped == [("adzuna", "Adzuna is skipped: set ADZUNA_APP_KEY")]


def test_scouter_sources_chooses_the_sources_including_replay():
    sources, skipped = enabled_sources(env={"SCOUTER_SOURCES": "replay, greenhouse ,monster"})

    assert [s.key for s in sources] == ["replay", "greenhouse"]
    assert skipped == [("monster", "unknown source 'monster' in SCOUTER_SOURCES")]


def test_replay_is_skipped_when_its_folder_is_missing(tmp_path):
    missing = tmp_path / "nothing-here"

    sources, skipped = enabled_sources(env={"SCOUTER_SOURCES": "replay", "SCOUTER_REPLAY_DIR": str(missing)})

    assert sources == []
    assert skipped == [
        ("replay", f"Recorded payloads (replay) is skipped: {missing} is not a folder (SCOUTER_REPLAY_DIR)")
    ]


def test_board_tokens_are_validated_and_merged_with_operator_defaults():
    from scouter.sources.base import SearchQuery

    greenhouse = get_source("greenhouse", env={"SCOUTER_GREENHOUSE_BOARDS": "stripe, airbnb"})
    query = SearchQuery(board_tokens={"greenhouse": ["airbnb", "../etc/passwd", "new-co"], "lever": ["palantir"]})

    assert greenhouse.boards(query) == ["stripe", "airbnb", "new-co"]
