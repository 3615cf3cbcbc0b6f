"""The walk: classify every route, attack every owner-scoped one."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from tenancy.isolation.registry import (
    METHODS,
    Fixture,
    Kind,
    Registry,
    Route,
    Rule,
    autodiscover,
    declared_methods,
    iter_routes,
)


# ------------------------------------------------------------------ the walk
@dataclass
class WalkReport:
    routes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    exercised_routes: int = 0
    exercised_requests: int = 0  # (route, method) pairs attacked as anonymous, outsider and owner
    admin_checked: int = 0  # admin routes a signed-in non-staff user was turned away from
    unclassified: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def classified(self) -> int:
        return sum(self.by_kind.values())

    @property
    def ok(self) -> bool:
        return not self.failures and not self.unclassified

    def summary(self) -> str:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.by_kind.items()))
        return (
            f"isolation walk: {self.routes} routes, {self.classified} classified ({kinds}); "
            f"{self.exercised_routes} owner-scoped routes exercised with {self.exercised_requests} "
            f"method checks x 3 actors; {self.admin_checked} admin routes refused a non-staff user; "
            f"{len(self.unclassified)} unclassified, {len(self.failures)} failures"
        )

    def problems(self) -> str:
        lines = [
            f"UNCLASSIFIED route {label}: declare it in the app's isolation.py (see docs/tenancy.md)"
            for label in self.unclassified
        ]
        return "\n".join(lines + self.failures)


def walk(urlconf: str | None = None, reg: Registry | None = None) -> WalkReport:
    """Classify every route and exercise every owner-scoped one. Needs database access."""
    reg = reg or autodiscover()
    report = WalkReport()
    member = None
    for route in iter_routes(urlconf):
        report.routes += 1
        rule = reg.classify(route)
        if rule is None:
            report.unclassified.append(route.label)
            continue
        report.by_kind[rule.kind.value] = report.by_kind.get(rule.kind.value, 0) + 1
        if rule.kind is Kind.OWNER:
            checked = _exercise(route, rule, urlconf, report)
            if checked:
                report.exercised_routes += 1
                report.exercised_requests += checked
        elif rule.kind is Kind.ADMIN:
            member = member or _make_user("member")
            _check_admin(route, member, report)
    return report


_CONVERTER_SAMPLES = {"IntConverter": "1", "UUIDConverter": "00000000-0000-4000-8000-000000000000"}


def _check_admin(route: Route, member, report: WalkReport) -> None:
    """A signed-in user without staff rights is sent to the admin login, never shown the page."""
    if route.route.startswith("^") or "(?P<" in route.route:
        return  # regex routes (the admin's catch-all, app index): no sample URL to build
    path = re.sub(
        r"<(?:\w+:)?(\w+)>",
        lambda m: _CONVERTER_SAMPLES.get(type(route.converters.get(m.group(1))).__name__, "1"),
        route.route,
    )
    response = _client(member).get("/" + path)
    if response.status_code not in (301, 302) or response.url.split("?")[0] != reverse("admin:login"):
        report.failures.append(
            f"{route.label}: a signed-in non-staff user got {response.status_code}, expected the admin login"
        )
        return
    report.admin_checked += 1


def _exercise(route: Route, rule: Rule, urlconf: str | None, report: WalkReport) -> int:
    if not route.name:
        report.failures.append(f"{route.label}: an owner-scoped route needs a URL name so the walk can reverse it")
        return 0
    declared = rule.methods or declared_methods(route.callback)
    candidates = [m for m in (declared or METHODS) if m not in rule.skip]
    checked = 0
    for method in candidates:
        # Each method gets fresh users and a fresh fixture, inside a savepoint
        # rolled back afterwards, so a DELETE never starves the next check.
        try:
            with transaction.atomic():
                outcome = _check_method(
                    route, rule, urlconf, method, strict=declared is not None, readable="GET" in (declared or ())
                )
                transaction.set_rollback(True)
        except Exception as exc:  # a crash is a finding, not a reason to stop the walk
            outcome = f"{route.label} {method}: raised {type(exc).__name__}: {exc}"
        if outcome == "not allowed":
            continue
        checked += 1
        if outcome is not None:
            report.failures.append(outcome)
    return checked


def _check_method(
    route: Route, rule: Rule, urlconf: str | None, method: str, *, strict: bool, readable: bool
) -> str | None:
    owner, outsider = _make_user("owner"), _make_user("outsider")
    fixture = rule.build(owner)
    if not isinstance(fixture, Fixture):
        fixture = Fixture(dict(fixture))
    url = reverse(route.name, kwargs=fixture.kwargs, urlconf=urlconf)
    where = f"{route.label} {method} {url}"
    payload = fixture.payloads.get(method)

    owner_client = _client(owner)
    # For API writes, the owner's view of the object before and after the
    # attacks must be identical: a 404 that still wrote something is a leak too.
    watch = route.is_api and readable and method != "GET"
    before = _body(_send(owner_client, "GET", url, None, True)) if watch else ""

    anonymous = _send(Client(), method, url, payload, route.is_api)
    outsider_client = _client(outsider)
    as_outsider = [_send(outsider_client, method, url, payload, route.is_api)]
    if not route.is_api:
        # HTMX requests often take another branch (a partial): attack that one too.
        as_outsider.append(_send(outsider_client, method, url, payload, False, htmx=True))
    elif method == "GET":
        # The browsable API renders forms (related-field choices): attack the HTML rendering too.
        as_outsider.append(outsider_client.get(url, HTTP_ACCEPT="text/html"))
    if watch and _body(_send(owner_client, "GET", url, None, True)) != before:
        return f"{where}: LEAK: an anonymous or outsider {method} changed the owner's data"
    as_owner = _send(owner_client, method, url, payload, route.is_api)

    if as_owner.status_code == 405:
        if strict:
            return f"{where}: the view declares {method} but the owner got 405"
        return "not allowed"
    owner_body = _body(as_owner)
    if as_owner.status_code >= 400 or _is_login_redirect(as_owner):
        return f"{where}: the owner got {as_owner.status_code}, expected success ({owner_body[:200]!r})"
    if method == "GET" and fixture.marker and fixture.owner_sees_marker and fixture.marker not in owner_body:
        return f"{where}: the owner's response does not show the owner's data ({fixture.marker!r})"

    if route.is_api:
        if anonymous.status_code != 401 or '"UNAUTHORIZED"' not in _body(anonymous):
            return f"{where}: anonymous got {anonymous.status_code}, expected the 401 UNAUTHORIZED envelope"
    elif not _is_login_redirect(anonymous):
        return f"{where}: anonymous got {anonymous.status_code}, expected a redirect to the login page"

    for response in as_outsider:
        headers = response.wsgi_request.headers
        how = " (HTMX)" if headers.get("HX-Request") else " (HTML)" if headers.get("Accept") == "text/html" else ""
        if fixture.marker and fixture.marker in _body(response):
            return f"{where}{how}: LEAK: the outsider's response contains the owner's data ({fixture.marker!r})"
        if rule.lists:
            if response.status_code >= 500 or _is_login_redirect(response):
                return f"{where}{how}: the outsider got {response.status_code} on a list route"
        elif response.status_code != 404:
            return f"{where}{how}: LEAK: the outsider got {response.status_code}, expected 404"
    return None


def _make_user(role: str):
    user_model = get_user_model()
    user = user_model._default_manager.create_user(
        email=f"walk-{role}-{uuid.uuid4().hex[:12]}@example.com", password=None
    )
    from django.apps import apps

    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _send(client: Client, method: str, url: str, payload: Any, is_api: bool, *, htmx: bool = False):
    if htmx:
        client.defaults["HTTP_HX_REQUEST"] = "true"
    try:
        return _request(client, method, url, payload, is_api)
    finally:
        client.defaults.pop("HTTP_HX_REQUEST", None)


def _request(client: Client, method: str, url: str, payload: Any, is_api: bool):
    if is_api:
        body = json.dumps(payload if payload is not None else {}) if method != "GET" else None
        if method == "GET":
            return client.get(url, HTTP_ACCEPT="application/json")
        return client.generic(method, url, body, content_type="application/json", HTTP_ACCEPT="application/json")
    if method == "GET":
        return client.get(url)
    if method == "POST":
        return client.post(url, payload or {})
    return client.generic(method, url, json.dumps(payload or {}), content_type="application/json")


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _is_login_redirect(response) -> bool:
    if response.status_code not in (301, 302, 303):
        return False
    return response.url.split("?")[0] == resolve_url(settings.LOGIN_URL)
