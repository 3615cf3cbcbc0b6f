from decimal import Decimal

import pytest

from scouter.parsing.salary import (
    Salary,
    find_salary_in_text,
    infer_period,
    normalise_currency,
    normalise_period,
    parse_salary_text,
    salary_from_fields,
)

D = Decimal


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$30k - $100k", Salary(D(30000), D(100000), "USD", "year")),
        ("up to $19/hour", Salary(None, D(19), "USD", "hour")),
        ("€80k-€110k", Salary(D(80000), D(110000), "EUR", "year")),
        ("USD 120,000–150,000 per year", Salary(D(120000), D(150000), "USD", "year")),
        ("$18 - $22/hr", Salary(D(18), D(22), "USD", "hour")),
        ("$45,000 - $50,000", Salary(D(45000), D(50000), "USD", "year")),
        ("$14/hr", Salary(D(14), D(14), "USD", "hour")),
        ("$36k", Salary(D(36000), D(36000), "USD", "year")),
        ("$90 - $150 /hour", Salary(D(90), D(150), "USD", "hour")),
        ("$31,2k- $52k", Salary(D(31200), D(52000), "USD", "year")),
        ("OTE $25k - $35k", Salary(D(25000), D(35000), "USD", "year")),
        ("$220k-$300k OTE", Salary(D(220000), D(300000), "USD", "year")),
        ("$60k-$130k (depending on experience)", Salary(D(60000), D(130000), "USD", "year")),
        ("$20k -$35k", Salary(D(20000), D(35000), "USD", "year")),
        ("£45,000 per annum", Salary(D(45000), D(45000), "GBP", "year")),
        ("$4.00 – $7.50 per hour", Salary(D(4), D("7.5"), "USD", "hour")),
        ("CA$120,000 - CA$150,000", Salary(D(120000), D(150000), "CAD", "year")),
        ("$100 - 150k", Salary(D(100000), D(150000), "USD", "year")),
        ("€4.500 - €5.500 per month", Salary(D(4500), D(5500), "EUR", "month")),
        ("from £300 a day", Salary(D(300), None, "GBP", "day")),
    ],
)
def test_parse_salary_text_reads_ranges_periods_and_currencies(text, expected):
    assert parse_salary_text(text) == expected


@pytest.mark.parametrize("text", ["", "5 years of experience", "120000", "Competitive", "Team of 40 people"])
def test_parse_salary_text_returns_none_when_no_amount_is_stated(text):
    assert parse_salary_text(text) is None


def test_parse_salary_text_uses_default_currency_for_bare_numbers_with_multiplier():
    assert parse_salary_text("80k - 100k", default_currency="EUR") == Salary(D(80000), D(100000), "EUR", "year")


def test_salary_from_fields_treats_zero_as_not_given():
    assert salary_from_fields(0, 0, currency="USD") is None


def test_salary_from_fields_keeps_one_bound_and_orders_swapped_bounds():
    assert salary_from_fields(0, 90000, currency="USD") == Salary(None, D(90000), "USD", "year")
    assert salary_from_fields("150000", "120000", currency="usd", period="PA") == Salary(
        D(120000), D(150000), "USD", "year"
    )


def test_salary_from_fields_marks_estimates_and_keeps_cents():
    assert salary_from_fields(44493.92, 44493.92, currency="GBP", period="year", is_estimated=True) == Salary(
        D("44493.92"), D("44493.92"), "GBP", "year", True
    )


@pytest.mark.parametrize(
    ("label", "period"),
    [
        ("PA", "year"),
        ("Per Year", "year"),
        ("per-year-salary", "year"),
        ("1 YEAR", "year"),
        ("annual", "year"),
        ("HOURLY", "hour"),
        ("PH", "hour"),
        ("per-hour-wage", "hour"),
        ("per-month-salary", "month"),
        ("weekly", "week"),
        ("Per Day", "day"),
        ("", ""),
        ("sometimes", ""),
    ],
)
def test_normalise_period_maps_board_labels(label, period):
    assert normalise_period(label) == period


@pytest.mark.parametrize(
    ("value", "code"), [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("usd", "USD"), ("CAD", "CAD"), ("XYZ", ""), ("", "")]
)
def test_normalise_currency_accepts_symbols_and_iso_codes_only(value, code):
    assert normalise_currency(value) == code


@pytest.mark.parametrize(("amount", "period"), [(D(25), "hour"), (D(450), "day"), (D(85000), "year"), (None, "")])
def test_infer_period_from_magnitude(amount, period):
    assert infer_period(amount) == period


def test_find_salary_in_text_reads_the_line_with_a_salary_cue():
    text = "We need 5+ years of Python.\n\nThe base salary range for this role is $150,000 - $180,000 USD plus equity."

    assert find_salary_in_text(text) == Salary(D(150000), D(180000), "USD", "year")


def test_find_salary_in_text_reads_the_line_after_a_pay_range_heading():
    text = "Pay range\n$117,200—$175,800 USD\nBenefits"

    assert find_salary_in_text(text) == Salary(D(117200), D(175800), "USD", "year")


@pytest.mark.parametrize(
    "text",
    [
        "- Remote working budget: €1,000 per year\n- Learning budget: 3.5% of salary per year",
        "We raised $40M in funding last year to grow the salary bands",
        "Salary: competitive, depending on 5+ years of experience",
    ],
)
def test_find_salary_in_text_ignores_budgets_funding_and_vague_pay(text):
    assert find_salary_in_text(text) is None
