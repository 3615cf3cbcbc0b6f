"""Location strings into city, region and country, with the remote hints boards put in them.

Handles "San Francisco, CA", "Saint Louis, MO, USA", "Remote - US",
"Canada (Remote)", "Remote,,Bulgaria", "Anywhere in the World", Remotive's
country lists ("USA, Canada, USA timezones") and region names ("EMEA",
"Americas Only"). Countries come back as ISO 3166-1 alpha-2 codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from scouter.parsing.markup import clean_inline

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}  # fmt: skip
CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
    "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip
# Named regions of a few large countries, for "City, Region" strings with no country.
_REGION_COUNTRY = {
    **{name.lower(): "US" for name in US_STATES.values()},
    **{name.lower(): "CA" for name in CA_PROVINCES.values()},
    **{name.lower(): "AU" for name in ("New South Wales", "Victoria", "Queensland", "Western Australia", "Tasmania")},
    **{name.lower(): "IN" for name in (
        "Karnataka", "Maharashtra", "Tamil Nadu", "Telangana", "Gujarat", "Rajasthan", "Odisha", "Kerala",
        "Uttar Pradesh", "West Bengal", "Haryana", "Punjab", "Delhi", "Andhra Pradesh", "Madhya Pradesh",
    )},
    **{name.lower(): "GB" for name in ("England", "Scotland", "Wales", "Northern Ireland")},
}  # fmt: skip
_COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u.k.": "GB", "united kingdom": "GB", "great britain": "GB", "britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "russia": "RU", "south korea": "KR", "korea": "KR",
    "vietnam": "VN", "iran": "IR", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "czech republic": "CZ", "turkey": "TR", "türkiye": "TR", "uae": "AE", "the netherlands": "NL",
    "holland": "NL", "deutschland": "DE", "laos": "LA", "moldova": "MD", "syria": "SY", "ivory coast": "CI",
}  # fmt: skip
REGIONS = {
    "americas": "Americas", "north america": "North America", "northern america": "North America",
    "latam": "Latin America", "latin america": "Latin America", "south america": "South America",
    "europe": "Europe", "eu": "Europe", "emea": "EMEA", "apac": "APAC", "asia": "Asia", "africa": "Africa",
    "oceania": "Oceania", "middle east": "Middle East", "asia pacific": "APAC", "nordics": "Nordics",
}  # fmt: skip
_CITY_ALIASES = {"sf": "San Francisco", "nyc": "New York", "ny": "New York", "bengaluru": "Bengaluru"}
_REMOTE_WORDS = re.compile(
    r"\b(?:fully\s+|globally\s+|100%\s+)?(?:remote(?:ly)?|work\s+from\s+home|wfh|telecommute|distributed)\b|\bflexible\b",
    re.IGNORECASE,
)
_ANYWHERE = re.compile(r"\b(?:anywhere(?:\s+in\s+the\s+world)?|worldwide|world\s*wide|global(?:ly)?)\b", re.IGNORECASE)
_NOISE = re.compile(
    r"\b(?:only|based|timezones?|time\s+zones?|preferred|hybrid|on-?site|in[- ]office|office|locations?|multiple)\b",
    re.IGNORECASE,
)
_TIMEZONE_PART = re.compile(
    r"\b(?:UTC|GMT|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MST|IST|BST)\b|timezone|hours?\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Location:
    """A normalised place; every field may be empty when the board said too little."""

    city: str = ""
    region: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    countries: tuple[str, ...] = field(default_factory=tuple)  # every country named, for "USA, Canada"
    is_remote: bool = False
    is_anywhere: bool = False
    raw: str = ""

    @property
    def display(self) -> str:
        parts = [p for p in (self.city, self.region, self.country) if p]
        if not parts and self.countries:
            parts = list(self.countries)
        if not parts and self.is_anywhere:
            return "Anywhere"
        text = ", ".join(dict.fromkeys(parts))
        if self.is_remote:
            return f"Remote ({text})" if text else "Remote"
        return text


@lru_cache(maxsize=4096)
def country_code(name: str) -> str:
    """ISO alpha-2 for a country name or code ("USA", "India", "gb", "Türkiye"), else ""."""
    key = name.strip().strip(".").lower()
    if not key:
        return ""
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if len(key) == 2 and not key.isalpha():
        return ""
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return ""


def _region_name(part: str) -> str:
    return REGIONS.get(part.strip().lower(), "")


def normalise_location(raw: object, *, country_hint: str = "", remote_hint: bool = False) -> Location:
    """Split a board's location text into a Location.

    ``country_hint`` is a country the board states elsewhere (Lever ``country``,
    an Ashby address) and wins when the text names none.
    """
    text = clean_inline(raw)
    hint = country_code(country_hint) if country_hint else ""
    is_remote = bool(_REMOTE_WORDS.search(text)) or remote_hint
    is_anywhere = bool(_ANYWHERE.search(text))
    stripped = _ANYWHERE.sub(" ", _REMOTE_WORDS.sub(" ", text))
    stripped = re.sub(r"[()\[\]]", ",", stripped)
    stripped = re.sub(r"\s[-–—|/]\s|;|\s{2,}", ",", stripped)
    parts = []
    for part in stripped.split(","):
        if _TIMEZONE_PART.search(part):
            continue
        part = _NOISE.sub(" ", part)
        part = re.sub(r"\s+", " ", part).strip(" -–—:/.")
        if part:
            parts.append(part)
    if not parts:
        return Location(country=hint, countries=(hint,) if hint else (), is_remote=is_remote or is_anywhere,
                        is_anywhere=is_anywhere, raw=text)  # fmt: skip
    return _from_parts(parts, hint=hint, is_remote=is_remote or is_anywhere, is_anywhere=is_anywhere, raw=text)


def _from_parts(parts: list[str], *, hint: str, is_remote: bool, is_anywhere: bool, raw: str) -> Location:
    countries = [code for code in (_country_of_part(p, alone=len(parts) == 1) for p in parts) if code]
    regions = [name for name in (_region_name(p) for p in parts) if name]
    # City-states and "Singapore, Singapore": the first part is the city.
    if len(parts) == 2 and len(countries) == 2 and countries[0] == countries[1]:
        return Location(city=parts[0], country=countries[0], countries=(countries[0],), is_remote=is_remote,
                        is_anywhere=is_anywhere, raw=raw)  # fmt: skip
    # A list made only of countries and world regions ("USA, Canada", "Europe, UK").
    if len(countries) + len(regions) == len(parts):
        unique = tuple(dict.fromkeys(countries))
        return Location(
            region=regions[0] if regions and not unique else "",
            country=unique[0] if len(unique) == 1 else (hint if hint in unique else ""),
            countries=unique,
            is_remote=is_remote,
            is_anywhere=is_anywhere,
            raw=raw,
        )
    city, region, country = parts[0], "", ""
    rest = parts[1:]
    if rest:
        last = rest[-1]
        country = _country_of_part(last, alone=False)
        if country:
            rest = rest[:-1]
    for part in rest:
        upper = part.upper()
        if upper in US_STATES and country in ("", "US"):
            region, country = US_STATES[upper], "US"
        elif upper in CA_PROVINCES and country in ("", "CA") and hint in ("", "CA"):
            region, country = CA_PROVINCES[upper], "CA"
        elif part.lower() in _REGION_COUNTRY and country in ("", _REGION_COUNTRY[part.lower()]):
            region, country = part, _REGION_COUNTRY[part.lower()]
        elif not region:
            region = part
    if not region and parts[0].lower() in _REGION_COUNTRY and not rest and len(parts) == 1:
        region, city, country = parts[0], "", _REGION_COUNTRY[parts[0].lower()]
    country = country or hint
    city = _CITY_ALIASES.get(city.lower(), city)
    return Location(
        city=city, region=region, country=country, countries=(country,) if country else (),
        is_remote=is_remote, is_anywhere=is_anywhere, raw=raw,
    )  # fmt: skip


def _country_of_part(part: str, *, alone: bool) -> str:
    """A country code for a list part; a bare two-letter code only counts when it stands alone
    ("US") or is not a US state or Canadian province ("San Francisco, CA" is California)."""
    stripped = part.strip()
    if len(stripped) == 2 and stripped.isalpha():
        if not alone and (stripped.upper() in US_STATES or stripped.upper() in CA_PROVINCES):
            return ""
        if not alone and stripped.upper() not in ("US", "UK", "GB"):
            return ""
    if stripped.lower() in _REGION_COUNTRY and stripped.lower() not in _COUNTRY_ALIASES:
        return ""
    return country_code(stripped)


def location_from_parts(
    city: object = "", region: object = "", country: object = "", *, is_remote: bool = False
) -> Location:
    """A Location from separate fields (SmartRecruiters, Workable, USAJobs)."""
    city_text, region_text, country_text = clean_inline(city), clean_inline(region), clean_inline(country)
    raw = ", ".join(p for p in (city_text, region_text, country_text) if p)
    code = country_code(country_text) if country_text else ""
    if region_text.upper() in US_STATES and code in ("", "US"):
        region_text, code = US_STATES[region_text.upper()], "US"
    return Location(city=city_text, region=region_text, country=code, countries=(code,) if code else (),
                    is_remote=is_remote, raw=raw)  # fmt: skip
