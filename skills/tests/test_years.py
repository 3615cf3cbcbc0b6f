import pytest

from skills.years import find_years, parse_years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of Python", 5),
        ("3-5 years experience with AWS", 3),
        ("3 to 5 years", 3),
        ("at least two years of React", 2),
        ("minimum of 4 yrs", 4),
        ("ten (10) years of experience", 10),
        ("two-plus years", 2),
        ("5 Jahre Berufserfahrung", 5),
        ("Python", None),
        ("the company is over 100 years old", None),
        ("must be 18 years old", None),
    ],
)
def test_parse_years_reads_the_minimum_requested(text, years):
    assert parse_years(text) == years


def test_find_years_returns_every_mention_with_its_position():
    text = "2+ years of Go and 4 years of Python"

    assert [(m.years, text[m.start : m.end]) for m in find_years(text)] == [(2, "2+ years"), (4, "4 years")]
