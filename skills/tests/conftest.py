import pytest


@pytest.fixture(autouse=True)
def _clean_cache():
    """The skills app is pure Python and never touches the cache (the root fixture needs a database on SQLite)."""
    yield
