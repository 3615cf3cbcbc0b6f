import pytest

from scouter.parsing.employment import normalise_employment_type
from scouter.parsing.location import normalise_location
from scouter.parsing.sections import extract_culture, extract_requirements, split_sections
from scouter.parsing.seniority import extract_years, guess_seniority
from scouter.parsing.work_model import detect_work_model, normalise_workplace_type


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"workplace_type": "OnSite", "remote_flag": True}, "onsite"),  # the board's field wins
        ({"workplace_type": "hybrid"}, "hybrid"),
        ({"workplace_type": "unspecified", "remote_flag": True}, "remote"),
        ({"title": "Account Director (Inside/Outside Hybrid Sales)"}, "hybrid"),
        ({"location": normalise_location("Remote - US")}, "remote"),
        ({"title": "Backend Engineer (Remote)"}, "remote"),
        ({"remote_flag": True, "text": "We have a flexible hybrid work model for Boston staff."}, "remote"),
        ({"text": "This is a hybrid role with 3 days a week in the office."}, "hybrid"),
        ({"text": "We are a remote-first company."}, "remote"),
        ({"text": "This is an on-site role in Austin."}, "onsite"),
        ({"remote_flag": False, "location": normalise_location("Bengaluru")}, "onsite"),
        ({"location": normalise_location("Bangalore")}, "unknown"),
    ],
)
def test_detect_work_model(kwargs, expected):
    assert detect_work_model(**kwargs) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("OnSite", "onsite"), ("on-site", "onsite"), ("REMOTE", "remote"), ("unspecified", ""), (None, "")],
)
def test_normalise_workplace_type(value, expected):
    assert normalise_workplace_type(value) == expected


@pytest.mark.parametrize(
    ("title", "hints", "expected"),
    [
        ("Senior Sales Engineer", (), "senior"),
        ("Sr. Data Analyst", (), "senior"),
        ("Client Support Analyst I", (), "entry"),
        ("Software Engineer II", (), "mid"),
        ("Staff Engineer", (), "lead"),
        ("AI Creative Lead", (), "lead"),
        ("Head of Growth Marketing", (), "executive"),
        ("VP Corporate Marketing", (), "executive"),
        ("Associate Director, Sales", (), "executive"),
        ("Summer 2027 Intern - Hardware Engineering", (), "entry"),
        ("Junior Developer", (), "entry"),
        ("Product Specialist", ("Senior Level",), "senior"),
        ("Implementation Manager", ("Mid-Senior level",), "mid"),
        ("Engineer", (), ""),
    ],
)
def test_guess_seniority(title, hints, expected):
    assert guess_seniority(title, hints=hints) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of experience with Python", (5, None)),
        ("3-5 years of professional experience", (3, 5)),
        ("at least 2 years working with SQL", (2, None)),
        ("Minimum of three years of relevant experience", (3, None)),
        ("You have 7 years’ experience in sales", (7, None)),
        ("10+ yrs exp", (10, None)),
        ("Over 10 years we have grown into a team of 200", (None, None)),
        ("", (None, None)),
    ],
)
def test_extract_years(text, expected):
    assert extract_years(text) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("FullTime",), "full_time"),
        (("full_time",), "full_time"),
        (("Regular Full Time (Salary)",), "full_time"),
        (("FTE - Regular",), "full_time"),
        (("Contractor",), "contract"),
        (("Part Time",), "part_time"),
        (("Working student",), "part_time"),
        (("Intern",), "internship"),
        (("berufserfahren", "Freelance"), "freelance"),
        ((None, ""), ""),
    ],
)
def test_normalise_employment_type(values, expected):
    assert normalise_employment_type(*values) == expected


DESCRIPTION = """We build payments.

About us
We are a team of 40 people who value kindness.

Requirements:
- 5+ years of Python
- PostgreSQL

Benefits
- Health insurance"""


def test_split_sections_by_short_heading_lines():
    assert split_sections(DESCRIPTION) == [
        ("", "We build payments."),
        ("About us", "We are a team of 40 people who value kindness."),
        ("Requirements", "- 5+ years of Python\n- PostgreSQL"),
        ("Benefits", "- Health insurance"),
    ]


def test_extract_requirements_and_culture_by_heading():
    assert extract_requirements(DESCRIPTION) == "Requirements\n- 5+ years of Python\n- PostgreSQL"
    assert (
        extract_culture(DESCRIPTION)
        == "About us\nWe are a team of 40 people who value kindness.\n\nBenefits\n- Health insurance"
    )
