"""Replay parses each recording once per process while the file is unchanged (a run searches several times)."""

from __future__ import annotations

import shutil

import pytest

from scouter.sources.base import SearchQuery
from scouter.sources.registry import get_source
from scouter.sources.replay import DEFAULT_REPLAY_DIR

pytestmark = pytest.mark.smoke


@pytest.fixture
def replay_copy(tmp_path):
    folder = tmp_path / "replay" / "remotive"
    folder.mkdir(parents=True)
    source = next((DEFAULT_REPLAY_DIR / "remotive").iterdir())
    shutil.copy(source, folder / source.name)
    return tmp_path / "replay", folder / source.name


def test_replay_parses_an_unchanged_file_once(replay_copy, monkeypatch):
    directory, _ = replay_copy
    source = get_source("replay", env={"SCOUTER_REPLAY_DIR": str(directory)})
    calls = []
    original = source.parse_page
    monkeypatch.setattr(source, "parse_page", lambda payload: calls.append(payload[0]) or original(payload))

    first = source.search(SearchQuery())
    second = source.search(SearchQuery(keywords=("python",)))

    assert calls == ["remotive"]
    assert len(first.postings) > len(second.postings) > 0


def test_replay_parses_a_changed_file_again(replay_copy):
    directory, path = replay_copy
    source = get_source("replay", env={"SCOUTER_REPLAY_DIR": str(directory)})
    before = source.search(SearchQuery())

    path.write_bytes(b'{"job-count": 0, "jobs": []}')
    after = source.search(SearchQuery())

    assert (len(before.postings) > 0, after.postings) == (True, [])
