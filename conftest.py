"""Project-wide fixtures: users, signed-in clients, the breach-check edge, a browser.

Only the edges of the process are replaced (breached-password API here); the
database, cache and broker are the real ones the suite was started with.
"""

from __future__ import annotations

import os

import httpx
import pytest
import respx
from django.conf import settings
from django.core.cache import cache

from accounts.tests.factories import UserFactory

BREACH_RANGE_URL = settings.BREACHED_PASSWORD_API_URL


def pytest_collection_modifyitems(config, items):
    if not settings.REDIS_URL:
        skip = pytest.mark.skip(reason="needs the real Redis server (run through `make test`)")
        for item in items:
            if "redis" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clean_cache(request):
    """Rate-limit counters live in the shared cache: every test starts with none.

    The embedded default's cache is a database table, so a pure test (no
    database access) has nothing to clear and must not touch it.
    """
    uses_db = request.node.get_closest_marker("django_db") is not None or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    if not uses_db and "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
        yield
        return
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_row(request):
    """The Site row allauth reads, for tests whose database a transactional test flushed before.

    A transactional test with serialized_rollback flushes without re-running post_migrate, so the
    default Site is gone for the next transactional test (e.g. a live-server page) until restored.
    """
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        from django.contrib.sites.models import Site

        request.getfixturevalue("transactional_db")
        Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "example.com", "name": "example.com"})
    yield


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # Pages render {% static %} without a collectstatic manifest in tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def breach_api():
    """The breached-password API, answered from recorded range responses.

    By default every prefix answers with a recorded padded range that contains
    no match. Tests that need a breached password add a route.
    """
    from accounts.tests.recordings import clean_range_response

    with respx.mock(assert_all_called=False, assert_all_mocked=False) as mock:
        mock.route(host="api.pwnedpasswords.com").mock(side_effect=lambda request: httpx.Response(200, text=clean_range_response()))
        mock.route(host="127.0.0.1").pass_through()
        mock.route(host="localhost").pass_through()
        yield mock


@pytest.fixture
def password() -> str:
    return "correct horse battery staple 9"


@pytest.fixture
def user(db, password):
    return UserFactory(password=password)


@pytest.fixture
def other_user(db, password):
    return UserFactory(password=password)


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client signed in as that user."""
    from django.test import Client

    def make(u):
        c = Client()
        c.force_login(u)
        return c

    return make


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium through Playwright (never a downloaded browser)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()
