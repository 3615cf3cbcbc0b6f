from datetime import UTC, datetime

import pytest

from scouter.parsing.location import normalise_location
from scouter.sources.base import SearchQuery, SourcePosting
from scouter.sources.filters import matches_query


def posting(title="Backend Engineer", *, location="", work_model="onsite", tags=(), text="", posted_at=None):
    return SourcePosting(
        source="test",
        external_id="1",
        title=title,
        company_name="Acme",
        source_url="https://jobs.example.test/1",
        location_raw=location,
        location=normalise_location(location),
        work_model=work_model,
        tags=list(tags),
        description_text=text,
        posted_at=posted_at,
    )


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("title", "wanted", "expected"),
    [
        ("Senior Software Engineer, Backend", "Software Engineer", True),
        ("Engineer, Software (Platform)", "Software Engineer", True),
        ("Software Engineering Manager", "Software Engineer", False),
        ("Café Manager", "Cafe Manager", True),
        ("Data Scientist", "Software Engineer", False),
    ],
)
def test_titles_match_whole_words_in_any_order(title, wanted, expected):
    assert matches_query(posting(title), SearchQuery(titles=[wanted])) is expected


def test_keywords_match_title_tags_or_description():
    query = SearchQuery(keywords=["Kubernetes"])

    assert matches_query(posting(tags=["kubernetes"]), query) is True
    assert matches_query(posting(text="You run Kubernetes clusters."), query) is True
    assert matches_query(posting(text="You run servers."), query) is False


def test_location_matches_city_region_or_country():
    assert matches_query(posting(location="Austin, TX"), SearchQuery(location="Austin")) is True
    assert matches_query(posting(location="Austin, TX"), SearchQuery(location="Texas")) is True
    assert matches_query(posting(location="Austin, TX"), SearchQuery(location="United States")) is True
    assert matches_query(posting(location="Berlin, Germany"), SearchQuery(location="Austin, TX")) is False


def test_remote_postings_pass_a_location_unless_limited_to_other_countries():
    query = SearchQuery(location="San Francisco, CA")

    assert matches_query(posting(location="Anywhere", work_model="remote"), query) is True
    assert matches_query(posting(location="Remote - US", work_model="remote"), query) is True
    assert matches_query(posting(location="Brazil", work_model="remote"), query) is False


def test_remote_only_and_since():
    since = datetime(2026, 1, 1, tzinfo=UTC)

    assert matches_query(posting(work_model="hybrid"), SearchQuery(remote_only=True)) is False
    assert matches_query(posting(work_model="remote"), SearchQuery(remote_only=True)) is True
    assert matches_query(posting(posted_at=datetime(2025, 12, 31, tzinfo=UTC)), SearchQuery(since=since)) is False
    assert matches_query(posting(posted_at=datetime(2026, 1, 2, tzinfo=UTC)), SearchQuery(since=since)) is True
    assert matches_query(posting(posted_at=None), SearchQuery(since=since)) is True  # undated: kept
