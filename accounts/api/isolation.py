"""How /api/v1/me is classified for the isolation walk (tenancy.isolation).

It is about the caller themself: an outsider only ever sees their own
record, and PATCH needs a body to succeed for the owner.
"""

from __future__ import annotations

from tenancy.isolation import Fixture, registry

registry.owner(
    "api-me",
    build=lambda user: Fixture({}, marker=user.email, payloads={"PATCH": {"name": "Walk Tester"}}),
    lists=True,
)
