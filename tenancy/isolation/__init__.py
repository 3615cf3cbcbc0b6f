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
    registry,
)
from tenancy.isolation.walker import WalkReport, walk

__all__ = [
    "METHODS",
    "Fixture",
    "Kind",
    "Registry",
    "Route",
    "Rule",
    "WalkReport",
    "autodiscover",
    "declared_methods",
    "iter_routes",
    "registry",
    "walk",
]
