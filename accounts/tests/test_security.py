"""CORS allow-list, security headers and cookie flags."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = "https://app.zentropy.example"


@pytest.fixture
def cors(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]


@pytest.mark.django_db
def test_cors_preflight_from_an_allowed_origin_is_answered_with_credentials(client, cors):
    response = client.options(
        "/api/v1/me", HTTP_ORIGIN=ALLOWED, HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH", HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type"
    )

    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert "PATCH" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"]


@pytest.mark.django_db
def test_cors_other_origins_get_no_allow_headers(client, cors):
    response = client.get("/api/v1/me", HTTP_ORIGIN="https://evil.example")

    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_cors_headers_only_on_api_and_headless_paths(client, cors):
    page = client.get(reverse("account_login"), HTTP_ORIGIN=ALLOWED)
    headless = client.get("/_allauth/browser/v1/config", HTTP_ORIGIN=ALLOWED)

    assert "Access-Control-Allow-Origin" not in page
    assert headless["Access-Control-Allow-Origin"] == ALLOWED


@pytest.mark.smoke
@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/", "/accounts/magic-link/", "/api/v1/me"])
def test_security_headers_on_account_pages_and_api(client, url):
    response = client.get(url)

    csp = response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


@pytest.mark.django_db
def test_magic_link_confirm_page_sends_no_referrer(client):
    response = client.get(reverse("accounts:magic-link-confirm", args=["sometoken"]))

    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_httponly_and_lax(client, user, password):
    client.get(reverse("account_login"))
    client.post(reverse("account_login"), {"login": user.email, "password": password})

    session, csrf = client.cookies["sessionid"], client.cookies["csrftoken"]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert csrf["httponly"] and csrf["samesite"] == "Lax"


def _production_settings(tmp_path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "zentropy.settings",
            "DATA_DIR": str(tmp_path),
            "DEBUG": "false",
            "SITE_URL": "https://scout.example.com",
            "SECURE_HSTS_SECONDS": "31536000",
            **extra,
        }
    )
    probe = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS, s.ACCOUNT_DEFAULT_HTTP_PROTOCOL]))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_make_cookies_secure_and_turn_on_hsts(tmp_path):
    assert _production_settings(tmp_path) == '[true, true, true, "Lax", 31536000, "https"]'


def test_development_settings_keep_cookies_usable_over_http(tmp_path):
    assert _production_settings(tmp_path, SITE_URL="http://127.0.0.1:8000", SECURE_HSTS_SECONDS="0").startswith("[false, false, true")


@pytest.mark.django_db
def test_login_page_passkey_script_is_external_or_data_only(client):
    import re

    page = client.get(reverse("account_login")).content.decode()

    scripts = re.findall(r"<script([^>]*)>", page)
    assert 'id="passkey_login"' in page and 'id="mfa_login"' in page
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
