"""Recorded answers of the services the accounts flows call (tests/fixtures/recorded/).

The breached-password range body and the OAuth responses reproduce each
service's wire format; see tests/fixtures/recorded/README.md for what each
file stands for and how it was made.
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jwt
import responses

RECORDED = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "recorded"


@cache
def clean_range_response() -> str:
    return (RECORDED / "pwned_range_padded.txt").read_bytes().decode()  # keep the CRLF line ends


def range_response_with(password: str, count: int = 42) -> str:
    """The recorded body with the given password's suffix added, as a breached one."""
    suffix = hashlib.sha1(password.encode()).hexdigest().upper()[5:]
    return clean_range_response() + f"\r\n{suffix}:{count}"


def recording(name: str, **values) -> dict:
    """A recorded JSON body with its {{PLACEHOLDERS}} filled (a whole-string placeholder keeps the value's type)."""

    def fill(node):
        if isinstance(node, dict):
            return {k: fill(v) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(v) for v in node]
        if isinstance(node, str) and node.startswith("{{") and node.endswith("}}"):
            return values[node[2:-2]]
        return node

    return fill(json.loads((RECORDED / name).read_text()))


def id_token(claims_file: str, *, client_id: str, email: str, email_verified: bool) -> str:
    now = int(time.time())
    claims = recording(claims_file, CLIENT_ID=client_id, EMAIL=email, EMAIL_VERIFIED=email_verified, IAT=now, EXP=now + 3600)
    # Received straight from the token endpoint over TLS, so allauth doesn't check the signature.
    return jwt.encode(claims, "recorded-signing-key-not-checked-0123456789", algorithm="HS256")


def mock_google(rsps: responses.RequestsMock, *, client_id: str, email: str, email_verified: bool = True) -> None:
    token = id_token("google_id_token_claims.json", client_id=client_id, email=email, email_verified=email_verified)
    rsps.post("https://oauth2.googleapis.com/token", json=recording("google_token_response.json", ID_TOKEN=token))
    rsps.get(
        "https://www.googleapis.com/oauth2/v2/userinfo",
        json=recording("google_userinfo.json", EMAIL=email, EMAIL_VERIFIED=email_verified),
    )


def mock_linkedin(rsps: responses.RequestsMock, *, client_id: str, email: str, email_verified: bool = True) -> None:
    config = recording("linkedin_openid_configuration.json")
    token = id_token("linkedin_id_token_claims.json", client_id=client_id, email=email, email_verified=email_verified)
    rsps.get("https://www.linkedin.com/oauth/.well-known/openid-configuration", json=config)
    rsps.post(config["token_endpoint"], json=recording("linkedin_token_response.json", ID_TOKEN=token))
    rsps.get(config["userinfo_endpoint"], json=recording("linkedin_userinfo.json", EMAIL=email, EMAIL_VERIFIED=email_verified))


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
