"""RemoteOK, Remotive, Himalayas and Arbeitnow against their recorded payloads."""

from collections import Counter
from decimal import Decimal

import pytest

from scouter.tests.postings import summary

D = Decimal


@pytest.mark.smoke
def test_remoteok_2026_skips_the_legal_element_and_the_blank_item(parse_recording):
    page = parse_recording("remoteok", "remoteok/remoteok_api_2026-03-16.json")

    assert (len(page.postings), page.skipped) == (96, 1)
    assert all(p.source == "remoteok" and p.work_model == "remote" for p in page.postings)


def test_remoteok_maps_position_epoch_and_salary_ints(parse_recording, by_id):
    posting = by_id(parse_recording("remoteok", "remoteok/remoteok_api_2026-03-16.json"))["1130780"]

    assert summary(posting) == {
        "external_id": "1130780",
        "title": "VP Corporate Marketing Brand & Communications",
        "company_name": "Blackpoint Cyber",
        "location": ("", "", ""),
        "work_model": "remote",
        "seniority": "executive",
        "employment_type": "",
        "salary": (D(180000), D(210000), "USD", "year"),
        "posted_at": "2026-03-14T16:00:04+00:00",
        "source_url": "https://remoteok.com/remote-jobs/remote-vp-corporate-marketing-brand-communications-blackpoint-cyber-1130780",
        "apply_url": "https://remoteok.com/remote-jobs/remote-vp-corporate-marketing-brand-communications-blackpoint-cyber-1130780",
    }


def test_remoteok_zero_salary_means_not_given(parse_recording, by_id):
    posting = by_id(parse_recording("remoteok", "remoteok/remoteok_api_2026-03-16.json"))["1130788"]

    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (None, None, "")
    assert posting.raw["salary_min"] == 0


def test_remoteok_descriptions_are_repaired(parse_recording, recording):
    page = parse_recording("remoteok", "remoteok/remoteok_api_2026-03-16.json")

    texts = [p.description_html + p.description_text + p.location_raw for p in page.postings]
    assert b"\\u00e2\\u0080\\u0099" in recording("remoteok/remoteok_api_2026-03-16.json")
    assert [t for t in texts if "\u00e2\u0080" in t or "\\n" in t] == []
    assert "What You\u2019ll Do" in page.postings[0].description_text


def test_remoteok_places_locations_and_lowercases_hosts(parse_recording, by_id):
    postings = by_id(parse_recording("remoteok", "remoteok/remoteok_api_2026-03-16.json"))

    assert postings["1130787"].location.display == "Remote (Saint Louis, Missouri, US)"
    assert postings["1130779"].location.city == "Gdańsk"
    assert all(p.source_url.startswith("https://remoteok.com/") for p in postings.values())


def test_remoteok_2025_pretty_printed_file_parses_the_same_way(parse_recording):
    page = parse_recording("remoteok", "remoteok/remoteok_api_2025-08-28.json")

    assert len(page.postings) + page.skipped == 97
    assert page.skipped <= 1


@pytest.mark.smoke
def test_remotive_tolerates_the_bom_and_reads_free_text_salaries(parse_recording, recording, by_id):
    assert recording("remotive/remotive_remote_jobs_2026-07_35jobs_bom.json")[:3] == b"\xef\xbb\xbf"

    page = parse_recording("remotive", "remotive/remotive_remote_jobs_2026-07_35jobs_bom.json")
    postings = by_id(page)

    assert (len(page.postings), page.skipped) == (35, 0)
    assert summary(postings["2090903"]) == {
        "external_id": "2090903",
        "title": "Data Labeling Specialists",
        "company_name": "Workada",
        "location": ("", "", "US"),
        "work_model": "remote",
        "seniority": "",
        "employment_type": "freelance",
        "salary": (D(18), D(22), "USD", "hour"),
        "posted_at": "2026-07-26T20:49:11+00:00",
        "source_url": "https://remotive.com/remote-jobs/data/data-labeling-specialists-2090903",
        "apply_url": "https://remotive.com/remote-jobs/data/data-labeling-specialists-2090903",
    }


def test_remotive_salary_texts_across_both_files(parse_recording):
    postings = [
        *parse_recording("remotive", "remotive/remotive_remote_jobs_2026-07_35jobs_bom.json").postings,
        *parse_recording("remotive", "remotive/remotive_remote_jobs_2025-12_limit20.json").postings,
    ]
    by_text = {p.raw["salary"]: (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) for p in postings}

    assert by_text["up to $19/hour"] == (None, D(19), "USD", "hour")
    assert by_text["€80k-€110k"] == (D(80000), D(110000), "EUR", "year")
    assert by_text["$31,2k- $52k"] == (D(31200), D(52000), "USD", "year")
    assert by_text["$90 - $150 /hour"] == (D(90), D(150), "USD", "hour")


def test_remotive_strips_the_tracking_pixel_and_reads_country_lists(parse_recording, by_id):
    postings = by_id(parse_recording("remotive", "remotive/remotive_remote_jobs_2025-12_limit20.json"))

    assert [p for p in postings.values() if "<img" in p.description_html or "blank.gif" in p.description_html] == []
    assert postings["2069746"].location.countries == ("US", "CA")


def test_himalayas_maps_epoch_dates_restrictions_and_null_salaries(parse_recording):
    page = parse_recording("himalayas", "himalayas/himalayas_jobs_api_2026-05_20jobs.json")
    first = page.postings[0]

    assert (len(page.postings), page.skipped) == (20, 0)
    assert (first.title, first.company_name, first.location.country, first.work_model) == (
        "Business Development Manager",
        "SIXT",
        "US",
        "remote",
    )
    assert (first.salary_min, first.salary_max, first.posted_at.isoformat(), first.deadline.isoformat()) == (
        None,
        None,
        "2026-05-17T04:00:21+00:00",
        "2026-07-16",
    )
    assert first.seniority == "senior"


def test_himalayas_salary_period_field(parse_recording):
    page = parse_recording("himalayas", "himalayas/himalayas_jobs_api_2026-07_4jobs.json")
    trainer = next(p for p in page.postings if p.title.startswith("Portfolio Manager"))

    assert (trainer.salary_min, trainer.salary_max, trainer.salary_currency, trainer.salary_period) == (
        D(50),
        D(50),
        "USD",
        "hour",
    )
    assert trainer.employment_type == "contract"


def test_arbeitnow_maps_german_jobs(parse_recording, by_id):
    page = parse_recording("arbeitnow", "arbeitnow/arbeitnow_job_board_api_page1_data_only_100jobs.json")
    posting = by_id(page)["recruiting-partner-projektbasis-remote-wutoschingen-469876"]

    assert (len(page.postings), page.skipped) == (100, 0)
    assert (posting.title, posting.company_name, posting.location.city, posting.work_model) == (
        "Recruiting Partner (m/w/d) - Projektbasis (Remote)",
        "Global Treats GmbH",
        "Wutöschingen",
        "remote",
    )
    assert posting.posted_at.isoformat() == "2026-02-15T13:31:25+00:00"
    assert Counter(p.work_model for p in page.postings)["remote"] >= 14
