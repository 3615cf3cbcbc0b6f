"""Bearer JWT authentication for app clients (allauth headless tokens)."""

from __future__ import annotations

from allauth.headless.contrib.rest_framework.authentication import JWTTokenAuthentication


class BearerJWTAuthentication(JWTTokenAuthentication):
    """allauth's access-token check, answering 401 (not 403) when absent.

    DRF answers 401 only when the first authenticator names a challenge; this
    one names the Bearer scheme so anonymous API calls get a proper 401.
    """

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'
