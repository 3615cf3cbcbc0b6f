"""The Muse, Adzuna, USAJobs and RSS feeds (We Work Remotely) against their recorded payloads."""

from decimal import Decimal

import pytest

from scouter.tests.postings import summary

D = Decimal
ADZUNA = "adzuna/adzuna_search_gb_it_2025-08-10_50results.json"
USAJOBS_2025 = "usajobs/usajobs_search_2025-08-05_3items_raw.json"
USAJOBS_2021 = "usajobs/usajobs_search_2021-04_25items.json"
MUSE = "themuse/themuse_jobs_results_array_first100_of_496.json"
WWR_2022 = "weworkremotely/wwr_remote-jobs_rss_2022-11-08_100items.rss"
WWR_PROGRAMMING = "weworkremotely/wwr_remote-programming-jobs_rss_2022-10_25items.rss"
WWR_2026 = "weworkremotely/wwr_remote-jobs_rss_2026-07_4items.xml"


@pytest.mark.smoke
def test_adzuna_predicted_salary_snippet_and_area(parse_recording, by_id):
    page = parse_recording("adzuna", ADZUNA)
    posting = by_id(page)["5346670339"]

    assert (len(page.postings), page.skipped) == (50, 0)
    assert summary(posting) == {
        "external_id": "5346670339",
        "title": "Senior Project Manager [Experience & Engineering]",
        "company_name": "Dept",
        "location": ("London", "", "GB"),
        "work_model": "unknown",
        "seniority": "senior",
        "employment_type": "contract",
        "salary": (D("44493.92"), D("44493.92"), "GBP", "year"),
        "posted_at": "2025-08-10T11:13:04+00:00",
        "source_url": "https://www.adzuna.co.uk/jobs/details/5346670339?utm_medium=api&utm_source=276f06d5",
        "apply_url": "https://www.adzuna.co.uk/jobs/details/5346670339?utm_medium=api&utm_source=276f06d5",
    }
    assert posting.salary_is_estimated is True
    assert posting.description_html.startswith("<p>Senior Project Manager Dublin, London")
    assert posting.description_text.endswith("…")


def test_adzuna_marks_only_predicted_salaries_as_estimates(parse_recording):
    page = parse_recording("adzuna", ADZUNA)

    assert {p.salary_is_estimated for p in page.postings if p.raw["salary_is_predicted"] == "0"} == {False}
    assert {p.salary_is_estimated for p in page.postings if p.raw["salary_is_predicted"] == "1"} == {True}


def test_adzuna_missing_contract_fields_leave_employment_empty(parse_recording):
    page = parse_recording("adzuna", ADZUNA)
    without = [p for p in page.postings if "contract_time" not in p.raw and "contract_type" not in p.raw]

    assert without
    assert {p.employment_type for p in without} == {""}


@pytest.mark.smoke
def test_usajobs_2025_nested_descriptor_pay_codes_and_duty_stations(parse_recording, by_id):
    page = parse_recording("usajobs", USAJOBS_2025)
    posting = by_id(page)["547366900"]

    assert (len(page.postings), page.skipped) == (3, 0)
    assert summary(posting)["salary"] == (D(38560), D(123652), "USD", "year")
    assert (posting.company_name, posting.work_model, posting.deadline.isoformat()) == (
        "Federal Aviation Administration",
        "onsite",
        "2026-08-03",
    )
    assert posting.posted_at.isoformat() == "2025-08-04T14:13:21.827000+00:00"
    assert (posting.location.city, posting.location.country, len(posting.extra_locations)) == ("Saint Croix", "US", 50)
    assert posting.location_raw == "FAA Tech Ops 2101 ERR Duty Locations Throughout the Nation"
    assert posting.description_text.startswith("Summary\n\nThis announcement is for FAA permanent employees")
    assert posting.requirements.startswith("Applicants must possess experience")


def test_usajobs_2021_date_only_values_and_per_year_code(parse_recording, by_id):
    posting = by_id(parse_recording("usajobs", USAJOBS_2021))["451842500"]

    assert summary(posting) == {
        "external_id": "451842500",
        "title": "Attorney and Assistant United States Attorney",
        "company_name": "Offices, Boards and Divisions",
        "location": ("Washington", "District of Columbia", "US"),
        "work_model": "onsite",
        "seniority": "",
        "employment_type": "full_time",
        "salary": (D(55204), D(142180), "USD", "year"),
        "posted_at": "2020-12-03T00:00:00+00:00",
        "source_url": "https://www.usajobs.gov:443/GetJob/ViewDetails/451842500",
        "apply_url": "https://www.usajobs.gov:443/GetJob/ViewDetails/451842500?PostingChannelID=",
    }
    assert posting.deadline.isoformat() == "2021-12-02"


def test_usajobs_hourly_rates(parse_recording):
    hourly = [p for p in parse_recording("usajobs", USAJOBS_2021).postings if p.salary_period == "hour"]

    assert hourly
    assert all(p.salary_max < 200 for p in hourly)


@pytest.mark.smoke
def test_themuse_bare_results_array(parse_recording, by_id):
    page = parse_recording("themuse", MUSE)
    posting = by_id(page)["19150838"]

    assert (len(page.postings), page.skipped) == (100, 0)
    assert summary(posting) == {
        "external_id": "19150838",
        "title": "Product Specialist I (Structuring, Origination & UHNW Solutions)",
        "company_name": "Bank of America",
        "location": ("New York", "New York", "US"),
        "work_model": "unknown",
        "seniority": "entry",
        "employment_type": "",
        "salary": (D(97500), D(134700), "USD", "year"),
        "posted_at": "2025-08-08T04:03:07+00:00",
        "source_url": "https://www.themuse.com/jobs/bankofamerica/product-specialist-i-structuring-origination-uhnw-solutions",
        "apply_url": "https://www.themuse.com/jobs/bankofamerica/product-specialist-i-structuring-origination-uhnw-solutions",
    }


def test_themuse_flexible_remote_and_many_locations(parse_recording):
    page = parse_recording("themuse", MUSE)
    only_remote = [p for p in page.postings if [loc["name"] for loc in p.raw["locations"]] == ["Flexible / Remote"]]
    many = max(page.postings, key=lambda p: len(p.raw["locations"]))

    assert only_remote
    assert {p.work_model for p in only_remote} == {"remote"}
    assert len(many.raw["locations"]) == 64
    assert len(many.extra_locations) == 50  # capped: a posting is not a list of 64 cities


def test_themuse_levels_are_hints_when_the_title_says_nothing(parse_recording):
    page = parse_recording("themuse", MUSE)
    plain = [p for p in page.postings if p.title == "Vendor Supervisor"]

    assert [(p.raw["levels"][0]["name"], p.seniority) for p in plain] == [("Mid Level", "mid")]


@pytest.mark.smoke
def test_weworkremotely_splits_company_title_and_keeps_feed_fields(parse_recording):
    page = parse_recording("weworkremotely", WWR_2022)
    posting = page.postings[0]

    assert (len(page.postings), page.skipped) == (100, 0)
    assert (posting.title, posting.company_name, posting.company_url) == (
        "Fullstack Developer (React, React Native, Node.js) - Remote",
        "G2i Inc.",
        "https://g2i.co",
    )
    assert (posting.location.region, posting.work_model, posting.employment_type) == ("Americas", "remote", "contract")
    assert (posting.posted_at.isoformat(), posting.deadline.isoformat()) == ("2022-11-08T00:08:24+00:00", "2022-12-08")
    assert "Headquarters" not in posting.description_text
    assert "<img" not in posting.description_html
    assert posting.tags == ["Full-Stack Programming"]


def test_weworkremotely_category_feed_without_type_or_expiry(parse_recording):
    page = parse_recording("weworkremotely", WWR_PROGRAMMING)
    follow_up = next(p for p in page.postings if p.company_name == "Follow Up Boss")

    assert (len(page.postings), page.skipped) == (25, 0)
    assert {p.deadline for p in page.postings} == {None}
    assert (follow_up.location.country, follow_up.salary_min, follow_up.salary_max) == ("US", D(130000), D(146000))


def test_weworkremotely_2026_feed_with_country_state_and_missing_logo(parse_recording):
    page = parse_recording("weworkremotely", WWR_2026)

    assert [(p.company_name, p.title, p.location.is_anywhere) for p in page.postings] == [
        ("Mathmo", "Maths Coach", True),
        ("Qase", "Developer Advocate", True),
        ("APEX TRADE", "Entry-Level Crypto Market Specialist", True),
        ("Qase", "Technical Customer Support Specialist", True),
    ]
    assert [p.tags for p in page.postings] == [
        ["All Other Remote"],
        ["Sales and Marketing"],
        ["All Other Remote", "Cryptocurrency"],
        ["Customer Support"],
    ]


def test_generic_rss_source_reads_a_feed_without_board_quirks(parse_recording):
    page = parse_recording("rss", WWR_2026)

    assert [p.title for p in page.postings][:2] == ["Mathmo: Maths Coach", "Qase: Developer Advocate"]
    assert {p.company_name for p in page.postings} == {
        "We Work Remotely: Remote jobs in design, programming, marketing and more"
    }
    assert page.postings[0].external_id == "https://weworkremotely.com/remote-jobs/mathmo-maths-coach"


def test_feed_postings_keep_a_json_safe_raw_entry(parse_recording):
    import json

    page = parse_recording("weworkremotely", WWR_2026)

    assert json.loads(json.dumps(page.postings[0].raw))["title"] == "Mathmo: Maths Coach"
