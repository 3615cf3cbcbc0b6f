"""Greenhouse, Lever, Ashby, Workable and SmartRecruiters against their recorded payloads."""

from decimal import Decimal

import pytest

from scouter.tests.postings import summary

D = Decimal
PHONEPE = "greenhouse/greenhouse_jobs_content_true_phonepe_69jobs.json"
SMARTERDX = "greenhouse/greenhouse_jobs_content_true_2of11_trimmed.json"
GODADDY = "greenhouse/greenhouse_jobs_list_no_content_godaddy_wrapped.json"
LEVERDEMO = "lever/lever_postings_leverdemo_6_with_salaryRange.json"
MEESHO = "lever/lever_postings_meesho_mode_json_49.json"
PERMITFLOW = "ashby/ashby_job_board_permitflow_with_compensation.json"
SARVAM = "ashby/ashby_job_board_sarvam_raw_63jobs.json"
CURSOR = "ashby/ashby_job_board_cursor_no_compensation.json"


@pytest.mark.smoke
def test_greenhouse_phonepe_complete_board(parse_recording, by_id):
    page = parse_recording("greenhouse", PHONEPE)
    posting = by_id(page)["7650503003"]

    assert (len(page.postings), page.skipped) == (69, 0)
    assert summary(posting) == {
        "external_id": "7650503003",
        "title": "AI Creative Lead",
        "company_name": "PhonePe",
        "location": ("Bangalore", "", "IN"),
        "work_model": "unknown",
        "seniority": "lead",
        "employment_type": "full_time",
        "salary": (None, None, "", ""),
        "posted_at": "2026-03-06T09:36:13+00:00",
        "source_url": "https://job-boards.greenhouse.io/phonepe/jobs/7650503003",
        "apply_url": "https://job-boards.greenhouse.io/phonepe/jobs/7650503003",
    }


def test_greenhouse_content_is_unescaped_once_and_sanitised(parse_recording, by_id):
    posting = by_id(parse_recording("greenhouse", PHONEPE))["7650503003"]

    assert posting.description_html.startswith("<div><p><strong>About PhonePe Limited:</strong></p>")
    assert "&lt;" not in posting.description_html
    assert "class=" not in posting.description_html
    assert posting.description_text.startswith("About PhonePe Limited:\n\nHeadquartered in India")


def test_greenhouse_requirements_culture_and_years_come_from_sections(parse_recording, by_id):
    posting = by_id(parse_recording("greenhouse", PHONEPE))["7650503003"]

    assert posting.requirements.startswith("Ideal Candidate Profile\n- 8 to 12 or more years in marketing")
    assert posting.culture_text.startswith("About PhonePe Limited\nHeadquartered in India")
    assert (posting.years_min, posting.years_max) == (8, 12)


def test_greenhouse_salary_found_in_the_compensation_section(parse_recording):
    posting = parse_recording("greenhouse", SMARTERDX).postings[0]

    assert summary(posting)["salary"] == (D("34.62"), D("34.62"), "USD", "hour")
    assert (posting.location.country, posting.work_model, posting.seniority) == ("US", "remote", "entry")


def test_greenhouse_metadata_gives_remote_flag_country_and_currency_ranges(parse_recording, by_id):
    postings = by_id(parse_recording("greenhouse", GODADDY))

    canada = postings["7242446003"]
    santa_clara = postings["7837197003"]
    bulgaria = postings["7728168003"]
    assert (len(postings), canada.description_html) == (25, "")
    assert summary(canada)["salary"] == (D(101500), D(152500), "CAD", "year")
    assert (canada.location.country, canada.work_model) == ("CA", "remote")
    assert (santa_clara.location.city, santa_clara.location.region, santa_clara.work_model) == (
        "Santa Clara",
        "California",
        "onsite",
    )
    assert (bulgaria.location.country, bulgaria.work_model, bulgaria.salary_min) == ("BG", "remote", None)
    assert bulgaria.source_url == "https://careers.godaddy/jobs?gh_jid=7728168003"


@pytest.mark.smoke
def test_lever_salary_range_workplace_type_and_epoch_ms(parse_recording, by_id):
    postings = by_id(parse_recording("lever", LEVERDEMO))

    assert summary(postings["cdb8268a-ec7f-413b-9664-27b428627b5c"]) == {
        "external_id": "cdb8268a-ec7f-413b-9664-27b428627b5c",
        "title": "Account Executive",
        "company_name": "Leverdemo",
        "location": ("San Francisco", "California", "US"),
        "work_model": "hybrid",
        "seniority": "",
        "employment_type": "",
        "salary": (D(50000), D(70000), "USD", "year"),
        "posted_at": "2021-11-24T19:25:59.711000+00:00",
        "source_url": "https://jobs.lever.co/leverdemo/cdb8268a-ec7f-413b-9664-27b428627b5c",
        "apply_url": "https://jobs.lever.co/leverdemo/cdb8268a-ec7f-413b-9664-27b428627b5c/apply",
    }
    assert postings["c559265a-55ec-4f75-ac56-78290081f6e7"].work_model == "remote"


def test_lever_posting_with_only_a_team_and_no_country_still_parses(parse_recording, by_id):
    posting = by_id(parse_recording("lever", LEVERDEMO))["79eda854-d6ba-4e73-9eb0-524daefed2d8"]

    assert (posting.location_raw, posting.location.country, posting.work_model, posting.tags) == (
        "",
        "",
        "unknown",
        ["Sales"],
    )


def test_lever_lists_become_headed_sections(parse_recording, by_id):
    page = parse_recording("lever", MEESHO)
    posting = page.postings[0]

    assert (len(page.postings), page.skipped) == (49, 0)
    assert "<h3>What you will need</h3><ul>" in posting.description_html.replace("\n", "")
    assert posting.requirements.startswith("What you will need")
    assert (posting.location.city, posting.location.region, posting.location.country, posting.work_model) == (
        "Bangalore",
        "Karnataka",
        "IN",
        "onsite",
    )
    assert posting.employment_type == "full_time"


@pytest.mark.smoke
def test_ashby_compensation_tiers(parse_recording, by_id):
    page = parse_recording("ashby", PERMITFLOW)
    posting = by_id(page)["ed61efab-33af-4613-a15a-38a0e3b8bf29"]

    assert (len(page.postings), page.skipped) == (29, 0)
    assert summary(posting) == {
        "external_id": "ed61efab-33af-4613-a15a-38a0e3b8bf29",
        "title": "Business Development Representative",
        "company_name": "Permitflow",
        "location": ("New York City", "New York", "US"),
        "work_model": "remote",
        "seniority": "",
        "employment_type": "full_time",
        "salary": (D(100000), D(100000), "USD", "year"),
        "posted_at": "2025-07-30T16:02:52.271000+00:00",
        "source_url": "https://jobs.ashbyhq.com/permitflow/ed61efab-33af-4613-a15a-38a0e3b8bf29",
        "apply_url": "https://jobs.ashbyhq.com/permitflow/ed61efab-33af-4613-a15a-38a0e3b8bf29/application",
    }
    assert all(p.salary_max for p in page.postings)


def test_ashby_hourly_compensation(parse_recording):
    hourly = [p for p in parse_recording("ashby", PERMITFLOW).postings if p.salary_period == "hour"]

    assert [(p.title, p.salary_min, p.salary_max, p.salary_currency) for p in hourly] == [
        ("Administrative Assistant", D(4), D(7), "USD")
    ]


def test_ashby_onsite_workplace_and_country_names(parse_recording, by_id):
    posting = by_id(parse_recording("ashby", SARVAM))["3d479c06-8537-40ee-bcbb-a7d337013da4"]

    assert (posting.location.city, posting.location.country, posting.work_model, posting.seniority) == (
        "Bengaluru",
        "IN",
        "onsite",
        "executive",
    )
    assert (posting.salary_min, posting.salary_max) == (None, None)


def test_ashby_empty_compensation_and_remote_location(parse_recording):
    page = parse_recording("ashby", CURSOR)
    remote = [p for p in page.postings if p.location_raw == "Remote"]

    assert (len(page.postings), page.skipped) == (21, 0)
    assert {p.work_model for p in remote} == {"remote"}
    assert {p.company_name for p in page.postings} == {"Cursor"}


def test_workable_account_widget(parse_recording):
    page = parse_recording("workable", "workable/workable_widget_accounts_workable_1job.json")

    assert [summary(p) for p in page.postings] == [
        {
            "external_id": "401786A940",
            "title": "Implementation Manager",
            "company_name": "Workable",
            "location": ("Boston", "Massachusetts", "US"),
            "work_model": "onsite",
            "seniority": "mid",
            "employment_type": "full_time",
            "salary": (D(80000), D(95000), "USD", "year"),
            "posted_at": "2026-06-22T00:00:00+00:00",
            "source_url": "https://apply.workable.com/j/401786A940",
            "apply_url": "https://apply.workable.com/j/401786A940/apply",
        }
    ]


def test_smartrecruiters_list_items_without_description(parse_recording, by_id):
    page = parse_recording("smartrecruiters", "smartrecruiters/smartrecruiters_postings_list_westerndigital_3.json")
    japanese = by_id(page)["744000141247940"]

    assert (len(page.postings), page.skipped) == (3, 0)
    assert japanese.title == "環境・安全衛生マネージャー (Environmental Health & Safety Manager)"
    assert (japanese.location.city, japanese.location.country, japanese.description_text) == ("Fujisawa", "JP", "")
    assert japanese.source_url == "https://jobs.smartrecruiters.com/WesternDigital/744000141247940"


def test_smartrecruiters_detail_with_sections_and_hourly_compensation(parse_recording):
    page = parse_recording("smartrecruiters", "smartrecruiters/smartrecruiters_posting_detail_westerndigital.json")
    posting = page.postings[0]

    assert summary(posting) == {
        "external_id": "744000140949875",
        "title": "Summer 2027 Intern - Hardware Engineering",
        "company_name": "Western Digital",
        "location": ("San Jose", "California", "US"),
        "work_model": "hybrid",
        "seniority": "entry",
        "employment_type": "internship",
        "salary": (D(34), D(47), "USD", "hour"),
        "posted_at": "2026-07-31T15:44:17.247000+00:00",
        "source_url": "https://jobs.smartrecruiters.com/WesternDigital/744000140949875-summer-2027-intern-hardware-engineering",
        "apply_url": "https://jobs.smartrecruiters.com/WesternDigital/744000140949875-summer-2027-intern-hardware-engineering?oga=true",
    }
    assert posting.requirements.startswith("Required:")
    assert posting.culture_text.startswith("WD is building the infrastructure")
