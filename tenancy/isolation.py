"""The isolation walk: every route classified, every owner-scoped route attacked.

Each app may declare how its routes are classified in an `isolation.py`
module (also `api/isolation.py`), imported by `autodiscover()`::

    from tenancy.isolation import Fixture, registry

    registry.owner("personas:persona-detail", build=lambda user: Fixture({"pk": make_persona(user).pk}, marker=...))
    registry.public("healthz", reason="load balancer probe")

`walk()` enumerates every URL pattern from the resolver, and for each
owner-scoped route and each method it allows sends the request as an
anonymous visitor, as an outsider (another user) and as the owner, each time
against a fresh fixture. See docs/tenancy.md.
"""

from __future__ import annotations

import fnmatch
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.module_loading import autodiscover_modules

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class Kind(StrEnum):
    PUBLIC = "public"
    AUTH_FLOW = "auth flow"
    ADMIN = "admin"
    OWNER = "owner-scoped"


@dataclass(frozen=True)
class Fixture:
    """What a builder made for one user.

    kwargs: the URL kwargs pointing at the user's object.
    marker: text of the user's data their response shows; an outsider's
        response must never contain it.
    payloads: request bodies per method (JSON for API routes, form data for pages);
        write methods need one when an empty body would not be valid.
    owner_sees_marker: False for pages that don't show the owner's data
        (a blank form): the marker then only has to stay out of the outsider's response.
    """

    kwargs: dict[str, Any] = field(default_factory=dict)
    marker: str | None = None
    payloads: dict[str, Any] = field(default_factory=dict)
    owner_sees_marker: bool = True


Builder = Callable[[Any], "Fixture | dict[str, Any]"]


@dataclass(frozen=True)
class Rule:
    kind: Kind
    reason: str = ""
    build: Builder | None = None
    lists: bool = False  # an outsider gets a 2xx without the owner's data, not a 404
    methods: tuple[str, ...] | None = None  # override method detection
    skip: dict[str, str] = field(default_factory=dict)  # method -> why it is not exercised


@dataclass(frozen=True)
class Route:
    route: str
    name: str | None
    callback: Callable

    @property
    def label(self) -> str:
        return f"/{self.route}" + (f" ({self.name})" if self.name else "")

    @property
    def is_api(self) -> bool:
        return hasattr(self.callback, "cls") or self.route.startswith(("api/", "_allauth/"))


class Registry:
    """Route classifications, keyed by URL name, name glob (`headless:*`) or `route:<prefix>`."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.fallbacks: dict[str, Rule] = {}

    # ------------------------------------------------------------ declaring
    def public(self, *keys: str, reason: str, fallback: bool = False) -> None:
        self._add(keys, Rule(Kind.PUBLIC, reason), fallback)

    def auth_flow(self, *keys: str, reason: str, fallback: bool = False) -> None:
        self._add(keys, Rule(Kind.AUTH_FLOW, reason), fallback)

    def admin(self, *keys: str, reason: str = "operators only (staff login)", fallback: bool = False) -> None:
        self._add(keys, Rule(Kind.ADMIN, reason), fallback)

    def owner(
        self,
        key: str,
        *,
        build: Builder,
        lists: bool = False,
        methods: tuple[str, ...] | None = None,
        skip: dict[str, str] | None = None,
        fallback: bool = False,
    ) -> None:
        """An owner-scoped route; `build(user)` makes the user's object and returns its Fixture."""
        self._add((key,), Rule(Kind.OWNER, "", build, lists, methods, skip or {}), fallback)

    def owner_self(self, *keys: str, marker: Callable[[Any], str] | None = None, fallback: bool = False, **kw) -> None:
        """A route about the signed-in user themself (no object in the URL): outsiders see only their own."""
        for key in keys:
            self.owner(
                key,
                build=lambda user: Fixture({}, marker=marker(user) if marker else None),
                lists=True,
                fallback=fallback,
                **kw,
            )

    def _add(self, keys: tuple[str, ...], rule: Rule, fallback: bool) -> None:
        target = self.fallbacks if fallback else self.rules
        for key in keys:
            if key in target and target[key] != rule:
                raise ValueError(f"route {key!r} is classified twice")
            target[key] = rule

    # ------------------------------------------------------------ looking up
    def classify(self, route: Route) -> Rule | None:
        for rules in (self.rules, self.fallbacks):
            found = self._match(rules, route)
            if found:
                return found
        return None

    @staticmethod
    def _match(rules: dict[str, Rule], route: Route) -> Rule | None:
        if route.name and route.name in rules:
            return rules[route.name]
        if route.name:
            globs = [k for k in rules if any(c in k for c in "*?[") and not k.startswith("route:")]
            for key in sorted(globs, key=len, reverse=True):
                if fnmatch.fnmatchcase(route.name, key):
                    return rules[key]
        prefixes = [k for k in rules if k.startswith("route:")]
        for key in sorted(prefixes, key=len, reverse=True):
            if route.route.startswith(key.removeprefix("route:")):
                return rules[key]
        return None


registry = Registry()
_discovered = False


def autodiscover() -> Registry:
    """Import every installed app's `isolation` and `api.isolation` modules (once)."""
    global _discovered
    if not _discovered:
        from tenancy import routes  # noqa: F401  (project-wide classifications)

        autodiscover_modules("isolation")
        autodiscover_modules("api.isolation")
        _discovered = True
    return registry


# ------------------------------------------------------------------ enumeration
def iter_routes(urlconf: str | None = None) -> Iterator[Route]:
    """Every URL pattern reachable from the root resolver, with its full route and namespaced name."""

    def walk_patterns(patterns, prefix: str, namespace: str | None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk_patterns(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
                yield Route(prefix + str(pattern.pattern), name, pattern.callback)

    yield from walk_patterns(get_resolver(urlconf).url_patterns, "", None)


def declared_methods(callback: Callable) -> tuple[str, ...] | None:
    """The methods a view declares (DRF viewsets and views, class-based views), or None to probe."""
    actions = getattr(callback, "actions", None)
    if actions:
        return tuple(m.upper() for m in actions if m.upper() in METHODS)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None:
        return tuple(m for m in METHODS if hasattr(view_class, m.lower()))
    return None


# ------------------------------------------------------------------ the walk
@dataclass
class WalkReport:
    routes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    exercised_routes: int = 0
    exercised_requests: int = 0  # (route, method) pairs attacked as anonymous, outsider and owner
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
            f"method checks x 3 actors; {len(self.unclassified)} unclassified, {len(self.failures)} failures"
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
    return report


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
