"""Scoring is pure: these tests touch no database, cache or network."""

import pytest


@pytest.fixture(autouse=True)
def _clean_cache():
    """Replaces the project-wide cache reset, which on SQLite would need the database."""
    yield
