"""Route classifications: the registry every app's isolation.py writes to."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
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
    converters: dict[str, Any] = field(default_factory=dict, compare=False)

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

    def walk_patterns(patterns, prefix: str, namespace: str | None, converters: dict):
        for pattern in patterns:
            found = {**converters, **getattr(pattern.pattern, "converters", {})}
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk_patterns(pattern.url_patterns, prefix + str(pattern.pattern), ns, found)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
                yield Route(prefix + str(pattern.pattern), name, pattern.callback, found)

    yield from walk_patterns(get_resolver(urlconf).url_patterns, "", None, {})


def declared_methods(callback: Callable) -> tuple[str, ...] | None:
    """The methods a view declares (DRF viewsets and views, class-based views), or None to probe."""
    actions = getattr(callback, "actions", None)
    if actions:
        return tuple(m.upper() for m in actions if m.upper() in METHODS)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None:
        return tuple(m for m in METHODS if hasattr(view_class, m.lower()))
    return None
