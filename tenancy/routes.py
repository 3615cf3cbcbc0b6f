"""Project-wide route classifications: core pages, the admin, allauth and our account pages.

These are fallbacks: an app's own `isolation.py` may classify the same URL
name and wins. New routes are classified next to the code that adds them.
"""

from __future__ import annotations

from tenancy.isolation import Fixture, registry


def _short_name(user) -> str:
    # Every signed-in page shows it in the nav; the API's /me returns the email containing it.
    return user.get_short_name()


# ---------------------------------------------------------------- core
registry.public("healthz", reason="load-balancer probe; reveals only service health", fallback=True)
registry.public("core:home", reason="redirects to the dashboard or the login page", fallback=True)
registry.public(
    "core:set-theme",
    reason="stores a theme cookie (and the caller's own preference); reads nothing",
    fallback=True,
)
registry.public("api-schema", "api-docs", reason="the OpenAPI description, no data", fallback=True)
registry.owner_self("core:dashboard", marker=_short_name, fallback=True)
# Enqueues rescoring of the caller's own personas only (jobpool.matching.request_rescore_for_user).
registry.owner_self("core:rescore-matches", methods=("POST",), fallback=True)
registry.owner_self("api-me", marker=_short_name, fallback=True)

# ---------------------------------------------------------------- admin
registry.auth_flow("admin:login", "admin:logout", reason="the admin's own sign-in and sign-out", fallback=True)
registry.admin(
    "admin:*",
    "route:admin/",
    reason="operators only: staff login, every model through OwnedAdmin",
    fallback=True,
)

# ---------------------------------------------------------------- allauth pages (/accounts/)
# allauth scopes each of these to request.user itself; the walk checks the
# pages that show the user's own data, the write flows are allauth's.
registry.owner_self(
    "account_email",
    "usersessions_list",
    "mfa_index",
    "socialaccount_connections",
    marker=_short_name,
    methods=("GET",),
    fallback=True,
)
registry.auth_flow(
    "account_*",
    "mfa_*",
    "socialaccount_*",
    "google_*",
    "openid_connect_*",
    reason="allauth's sign-in, sign-up, verification, reset, MFA and provider flows",
    fallback=True,
)
registry.auth_flow(
    "route:accounts/social/",
    reason="allauth's redirects from its old social URLs to /accounts/3rdparty/",
    fallback=True,
)

# ---------------------------------------------------------------- allauth headless (/_allauth/)
registry.auth_flow(
    "headless:*",
    reason="allauth headless API: its session and token flows act only on the authenticated user",
    fallback=True,
)


# ---------------------------------------------------------------- our account pages (accounts app)
def _user_session(user) -> Fixture:
    from allauth.usersessions.models import UserSession

    session = UserSession.objects.create(
        user=user, session_key=f"walk{user.pk.hex}"[:40], ip="192.0.2.10", user_agent="isolation walk"
    )
    return Fixture({"session_id": session.pk})


registry.owner_self("accounts:settings", marker=_short_name, fallback=True)
registry.owner(
    "accounts:name-update",
    build=lambda user: Fixture({}, payloads={"POST": {"name": "Walk Tester"}}),
    lists=True,
    methods=("POST",),
    fallback=True,
)
# GET asks to re-authenticate first; the POST that deletes is tested in accounts.
registry.owner_self("accounts:delete", methods=("GET",), fallback=True)
registry.owner("accounts:session-end", build=_user_session, methods=("POST",), fallback=True)
registry.auth_flow(
    "accounts:magic-link-*",
    reason="emailed sign-in link: request, code entry and the scanner-safe confirm page",
    fallback=True,
)
