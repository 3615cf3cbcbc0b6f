import pytest

from scouter.parsing.location import Location, country_code, location_from_parts, normalise_location


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("raw", "city", "region", "country", "is_remote"),
    [
        ("San Francisco, CA", "San Francisco", "California", "US", False),
        ("Saint Louis, MO, USA", "Saint Louis", "Missouri", "US", False),
        ("Remote - US", "", "", "US", True),
        ("Remote, USA", "", "", "US", True),
        ("Canada (Remote)", "", "", "CA", True),
        ("Remote (United States)", "", "", "US", True),
        ("Remote,,Bulgaria", "", "", "BG", True),
        ("Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", False),
        ("Santa Clara, California, United States", "Santa Clara", "California", "US", False),
        ("Melbourne, Victoria, Australia", "Melbourne", "Victoria", "AU", False),
        ("Washington, District of Columbia", "Washington", "District of Columbia", "US", False),
        ("Amsterdam, Netherlands", "Amsterdam", "", "NL", False),
        ("Singapore, Singapore", "Singapore", "", "SG", False),
        ("London", "London", "", "", False),
        ("Ontario", "", "Ontario", "CA", False),
    ],
)
def test_normalise_location_splits_city_region_country(raw, city, region, country, is_remote):
    place = normalise_location(raw)

    assert (place.city, place.region, place.country, place.is_remote) == (city, region, country, is_remote)


@pytest.mark.parametrize("raw", ["Anywhere in the World", "Worldwide", "Globally Remote", "Anywhere"])
def test_normalise_location_marks_anywhere_as_remote_with_no_country(raw):
    place = normalise_location(raw)

    assert (place.is_anywhere, place.is_remote, place.country, place.display) == (True, True, "", "Anywhere")


def test_normalise_location_reads_country_lists_and_drops_timezones():
    place = normalise_location("USA, Canada, USA timezones")

    assert place == Location(country="", countries=("US", "CA"), raw="USA, Canada, USA timezones")


def test_normalise_location_keeps_world_regions():
    assert normalise_location("Americas Only").region == "Americas"
    assert normalise_location("EMEA").region == "EMEA"


def test_normalise_location_two_letter_code_after_a_city_is_not_a_country_unless_hinted():
    assert normalise_location("Bombay, MH") == Location(city="Bombay", region="MH", raw="Bombay, MH")
    assert normalise_location("Bombay, MH", country_hint="IN").country == "IN"


def test_normalise_location_repairs_mojibake():
    assert normalise_location("GdaÅ\x84sk").city == "Gdańsk"


def test_normalise_location_empty_is_empty():
    assert normalise_location("") == Location()
    assert normalise_location(None).display == ""


def test_location_display_reads_naturally():
    assert normalise_location("Remote - US").display == "Remote (US)"
    assert normalise_location("San Francisco, CA").display == "San Francisco, California, US"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("USA", "US"),
        ("United States", "US"),
        ("UK", "GB"),
        ("India", "IN"),
        ("gb", "GB"),
        ("Türkiye", "TR"),
        ("Narnia", ""),
    ],
)
def test_country_code_resolves_names_and_codes(name, code):
    assert country_code(name) == code


def test_location_from_parts_expands_us_state_codes_and_lowercase_country_codes():
    assert location_from_parts("San Jose", "CA", "us") == Location(
        city="San Jose", region="California", country="US", countries=("US",), raw="San Jose, CA, us"
    )
    assert location_from_parts("Fujisawa", "Kanagawa", "jp").country == "JP"
