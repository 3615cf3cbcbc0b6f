import json
import logging
import uuid

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_healthz_reports_every_dependency_up(client):
    response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "up",
        "cache": "up",
        "broker": "up",
    }


def test_healthz_is_503_when_the_broker_is_down(client, settings, monkeypatch):
    from zentropy.core import health

    def broken():
        raise ConnectionRefusedError("broker down")

    monkeypatch.setitem(health.CHECKS, "broker", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == {"status": "down", "error": "ConnectionRefusedError"}


@pytest.mark.smoke
def test_api_anonymous_gets_401_in_the_envelope(client):
    response = client.get("/api/v1/me")

    assert response.status_code == 401
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == "UNAUTHORIZED"
    assert body["error"]["request_id"] == response["X-Request-ID"]


def test_unknown_api_path_is_a_404_envelope_not_a_page(client):
    response = client.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


def test_request_id_is_echoed_when_well_formed_and_replaced_otherwise(client):
    good = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")
    bad = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")

    assert good["X-Request-ID"] == "abc-123"
    assert bad["X-Request-ID"] != "<script>"
    assert uuid.UUID(hex=bad["X-Request-ID"])


def test_one_log_line_per_request_carries_the_request_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="zentropy.request"):
        client.get("/healthz", HTTP_X_REQUEST_ID="trace-me-1")

    lines = [r for r in caplog.records if r.name == "zentropy.request"]
    assert len(lines) == 1
    assert lines[0].request_id == "trace-me-1"
    assert lines[0].getMessage().startswith("GET /healthz 200")


def test_tasks_enqueued_during_a_request_carry_its_request_id():
    from zentropy.celery import app
    from zentropy.core.logging import request_id_var

    captured = {}

    @app.task(name="tests.capture_request_id")
    def capture():
        captured["id"] = request_id_var.get()

    token = request_id_var.set("req-42")
    try:
        capture.apply_async()
    finally:
        request_id_var.reset(token)

    assert captured["id"] == "req-42"


@pytest.mark.smoke
def test_api_schema_documents_the_error_envelope(client):
    response = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json")

    schema = json.loads(response.content)
    assert schema["components"]["schemas"]["Error"]["required"] == ["error"]
    me = schema["paths"]["/api/v1/me"]["get"]["responses"]
    assert me["401"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_api_docs_page_loads_without_a_cdn(client):
    response = client.get(reverse("api-docs"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html


def test_theme_is_remembered_on_the_account(user, client_for):
    client = client_for(user)

    client.post(reverse("core:set-theme"), {"theme": "dark", "next": "/dashboard/"})

    user.refresh_from_db()
    assert user.theme == "dark"
    assert 'data-theme="dark"' in client.get(reverse("core:dashboard")).content.decode()


def test_security_headers_on_pages(client):
    response = client.get(reverse("account_login"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
