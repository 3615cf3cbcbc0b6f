"""The local filter: does a posting answer a search query?

Used by sources whose API cannot search (company boards, RemoteOK, The Muse)
and by replay. Terms match on whole words, in any order: "Software Engineer"
matches "Engineer, Software (Backend)". Titles are looked for in the title,
keywords in the title, tags and description.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from scouter.parsing.location import country_code, normalise_location
from scouter.sources.base import SearchQuery, SourcePosting

_WORD = re.compile(r"[a-z0-9+#]+(?:\.[a-z0-9]+)*")


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return frozenset(_WORD.findall(folded))


def _term_in(term: str, words: frozenset[str]) -> bool:
    term_words = _words(term)
    return bool(term_words) and term_words <= words


def matches_terms(posting: SourcePosting, query: SearchQuery) -> bool:
    if not query.titles and not query.keywords:
        return True
    title_words = _words(posting.title)
    if any(_term_in(t, title_words) for t in query.titles):
        return True
    if query.keywords:
        body_words = title_words | _words(" ".join(posting.tags)) | _words(posting.description_text[:20000])
        return any(_term_in(k, body_words) for k in query.keywords)
    return False


def matches_location(posting: SourcePosting, query: SearchQuery) -> bool:
    if query.remote_only:
        return posting.work_model == "remote"
    if not query.location:
        return True
    wanted = normalise_location(query.location)
    if posting.work_model == "remote":
        # Remote work counts wherever you are, unless the posting limits it to other countries.
        allowed = posting.location.countries or ((posting.location.country,) if posting.location.country else ())
        return not (wanted.country and allowed and wanted.country not in allowed)
    places = [posting.location, *posting.extra_locations]
    for place in places:
        if wanted.city and place.city and _words(wanted.city) <= _words(place.city):
            return True
        if not wanted.city and wanted.region and place.region and wanted.region.lower() == place.region.lower():
            return True
        if (
            not wanted.city
            and not wanted.region
            and wanted.country
            and wanted.country in (place.countries or (place.country,))
        ):
            return True
    # Free text the normaliser could not place ("SF / NY") is matched by words.
    query_code = country_code(query.location)
    raw_words = _words(" ".join([posting.location_raw, *(p.raw for p in posting.extra_locations)]))
    return bool(_words(wanted.city or query.location) <= raw_words) or bool(
        query_code and query_code.lower() in raw_words
    )


def matches_query(posting: SourcePosting, query: SearchQuery, *, check_terms: bool = True) -> bool:
    """True when the posting fits the query's terms, place, remote wish and since window."""
    if query.since is not None and posting.posted_at is not None and posting.posted_at < query.since:
        return False
    if check_terms and not matches_terms(posting, query):
        return False
    return matches_location(posting, query)
