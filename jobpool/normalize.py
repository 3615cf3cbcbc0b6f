"""Canonical forms of posting facts: title, company, location, URL, words.

Pure functions (no ORM). Every dedup key is built from these, so two boards
that spell the same job differently ("ACME, Inc." / "Acme"; a URL with
`utm_source`) produce the same key, while facts that tell jobs apart (the
city, the title's level) survive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# Gender markers of German/Austrian postings: "(m/w/d)", "(w/m/x)", "(all genders)".
_GENDER_MARKER = re.compile(r"\((?:[mwfdx](?:\s*/\s*[mwfdx]){1,3}|all genders?|gn\*?)\)", re.IGNORECASE)
_LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh",
        "ag", "sa", "sas", "srl", "bv", "nv", "oy", "ab", "as", "kg", "pty", "pvt", "private", "llp", "lp", "ug", "se",
    }
)
_REMOTE_WORDS = frozenset({"remote", "anywhere", "worldwide", "home", "wfh", "distributed"})

# Query parameters that identify a campaign or a referrer, never the job.
_TRACKING_PARAMS = frozenset(
    {
        "gclid", "fbclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid",
        "ref", "referer", "referrer", "source", "src", "gh_src", "lever-source", "lever-origin", "lever-via",
        "trk", "trackingid", "refid", "adref", "campaign", "cmp", "ccuid", "iis", "iisn", "utm",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hs_", "_ga", "li_")


def fold(text: str | None) -> str:
    """NFKC, case-folded, whitespace collapsed: the base of every comparison."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def words(text: str | None) -> list[str]:
    """The word tokens of a text, case- and width-folded, punctuation and whitespace dropped."""
    if not text:
        return []
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def canonical_title(title: str | None) -> str:
    """Lower-case words of a title without gender markers: 'Sr. Engineer (m/w/d)' -> 'sr engineer'."""
    return " ".join(words(_GENDER_MARKER.sub(" ", title or "")))


def canonical_company(name: str | None) -> str:
    """Company words without legal suffixes: 'ACME, Inc.' -> 'acme'; empty when nothing is left."""
    tokens = words(name)
    while tokens and tokens[-1] in _LEGAL_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


def canonical_location(location: str | None) -> str:
    """Location words; any purely remote wording ('Remote', 'Anywhere (Remote)') becomes 'remote'."""
    tokens = words(location)
    if tokens and set(tokens) <= _REMOTE_WORDS | {"in", "the", "world", "only", "100", "fully"}:
        return "remote"
    return " ".join(tokens)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str | None) -> str:
    """The URL without tracking parameters or fragment, otherwise as given."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def canonical_url(url: str | None) -> str:
    """A comparison key for a URL: scheme-less, lower-case host without www, no tracking, sorted query.

    'https://WWW.Example.com/jobs/1/?utm_source=x&b=2&a=1#apply' -> 'example.com/jobs/1?a=1&b=2'.
    Empty for anything that is not an http(s) URL.
    """
    if not url:
        return ""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    path = parts.path.rstrip("/") or ""
    key = f"{host}{path}"
    if query:
        key += "?" + urlencode(query)
    return key[:500]


def content_hash(*, title: str, company: str, location: str, description_words: list[str]) -> str:
    """SHA-256 over the canonical title, company, location and the description's words.

    Whitespace, case, punctuation and markup do not change it; a different city does.
    """
    payload = "\x1f".join(
        [canonical_title(title), canonical_company(company), canonical_location(location), " ".join(description_words)]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
