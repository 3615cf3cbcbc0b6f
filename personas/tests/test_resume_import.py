"""Resume import: type by content, size limit, clear errors, and drafts from the sample resumes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personas.resume_import import (
    MAX_RESUME_BYTES,
    DraftCertification,
    DraftEducation,
    Encrypted,
    NoText,
    ResumeDraft,
    ResumeImportError,
    TooLarge,
    Unreadable,
    UnsupportedType,
    read_resume,
    read_resume_bytes,
)
from personas.resume_import.dates import find_range, parse_point
from personas.resume_import.detect import ResumeType, detect_type
from personas.resume_import.parse import parse_resume_text

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "resumes"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture
def without_taxonomy(monkeypatch):
    """Parse as written: the skills taxonomy (another app's data) would canonicalise names."""
    from personas.resume_import import skill_names

    monkeypatch.setattr(skill_names, "_taxonomy", lambda: (None, None))


def test_read_resume_classic_pdf_fills_contact_roles_education_skills(without_taxonomy):
    draft = read_resume_bytes(sample("classic.pdf"))

    assert (draft.full_name, draft.email, draft.phone) == ("Ada Quinn", "ada.quinn@example.com", "+1 (512) 555-0147")
    assert (draft.linkedin_url, draft.portfolio_url) == ("https://linkedin.com/in/ada-quinn", "https://adaquinn.dev")
    assert (draft.home_city, draft.home_state, draft.home_country) == ("Austin", "TX", "United States")
    assert draft.professional_summary.startswith("Backend engineer with eight years")
    assert [(r.title, r.company, r.start, r.end, r.is_current) for r in draft.roles] == [
        ("Senior Software Engineer", "Northwind Labs", (2021, 1), None, True),
        ("Software Engineer", "Contoso Inc.", (2016, 6), (2020, 12), False),
    ]
    assert draft.roles[0].bullets == [
        "Led the migration of billing to PostgreSQL 15, cutting invoice run time by 70%.",
        "Mentored four engineers through their first on-call rotations.",
        "Designed a Celery pipeline that processes 2M events a day.",
    ]
    assert draft.education == [DraftEducation("University of Texas at Austin", "B.S.", "Computer Science", 2016)]
    assert draft.certifications == [
        DraftCertification("AWS Certified Solutions Architect – Associate", "Amazon Web Services", 2022)
    ]
    assert draft.skills[:3] == ["Python", "Go", "Django"]
    assert {"Communication", "Mentoring", "Kubernetes"} <= set(draft.skills)


def test_read_resume_compact_pdf_splits_company_and_city_and_year_only_dates(without_taxonomy):
    draft = read_resume_bytes(sample("compact.pdf"))

    assert (draft.full_name, draft.email, draft.phone) == (
        "Marta Kowalski",
        "marta.kowalski@example.org",
        "+49 30 1234 5678",
    )
    assert (draft.home_city, draft.home_country, draft.portfolio_url) == (
        "Berlin",
        "Germany",
        "https://www.martakowalski.design",
    )
    assert [(r.title, r.company, r.location, r.start, r.end) for r in draft.roles] == [
        ("Lead Product Designer", "Lumen GmbH", "Berlin", (2019, 3), (2023, 6)),
        ("UX Designer", "Kite Studio", "Warsaw", (2015, None), (2019, None)),
    ]
    assert [len(r.bullets) for r in draft.roles] == [2, 1]
    assert draft.education == [
        DraftEducation("Berlin University of the Arts", "Master of Arts", "Interaction Design", 2015)
    ]
    assert draft.skills == ["Figma", "User Research", "Prototyping", "Design Systems", "Accessibility", "HTML", "CSS"]


def test_read_resume_docx_with_headings_and_list_bullets(without_taxonomy):
    draft = read_resume_bytes(sample("headings.docx"))

    assert (draft.full_name, draft.email, draft.phone) == ("Jordan Lee", "jordan.lee@example.net", "415-555-0199")
    assert (draft.linkedin_url, draft.portfolio_url) == (
        "https://www.linkedin.com/in/jordanlee",
        "https://github.com/jordanlee",
    )
    assert [(r.title, r.company, r.start, r.end, r.is_current) for r in draft.roles] == [
        ("Data Analyst", "Fabrikam Payments", (2020, 2), None, True),
        ("Junior Analyst", "Tailspin Retail", (2017, 8), (2020, 1), False),
    ]
    assert draft.roles[1].bullets == ["Forecast store demand with Excel models for 120 stores."]
    assert draft.education[0].degree == "Bachelor of Science"
    assert draft.skills == ["SQL", "Python", "Tableau", "Excel", "Statistics", "A/B Testing"]


def test_read_resume_docx_with_contact_table_and_iso_dates():
    draft = read_resume_bytes(sample("table_header.docx"))

    assert (draft.full_name, draft.email, draft.home_city, draft.home_country) == (
        "Priya Raman",
        "priya.raman@example.com",
        "London",
        "United Kingdom",
    )
    assert [(r.title, r.company, r.start, r.end) for r in draft.roles] == [
        ("Nurse Practitioner", "St Mary Hospital", (2018, 9), (2024, 2)),
        ("Staff Nurse", "Riverside Health", (2014, 7), (2018, 8)),
    ]
    assert draft.education == [
        DraftEducation("King's College London", "Master of Science", "Advanced Clinical Practice", 2018)
    ]


@pytest.mark.parametrize(
    ("name", "error", "phrase"),
    [
        ("image_renamed.pdf", UnsupportedType, "image"),
        ("empty.pdf", NoText, "could not find any text"),
        ("encrypted.pdf", Encrypted, "password-protected"),
    ],
)
def test_read_resume_bad_samples_raise_clear_errors(name, error, phrase):
    with pytest.raises(error) as caught:
        read_resume_bytes(sample(name))

    assert phrase in caught.value.message


def test_read_resume_rejects_files_over_the_limit_without_reading_them_whole():
    oversize = io.BytesIO(b"%PDF-1.4\n" + b"0" * MAX_RESUME_BYTES)

    with pytest.raises(TooLarge) as caught:
        read_resume(oversize)

    assert "10 MB" in caught.value.message


def test_read_resume_rejects_declared_size_over_the_limit():
    with pytest.raises(TooLarge):
        read_resume(io.BytesIO(sample("classic.pdf")), size=MAX_RESUME_BYTES + 1)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "older Word"),
        (b"Just some text saved as resume.pdf", "neither"),
        (b"PK\x03\x04broken", "damaged archive"),
    ],
)
def test_detect_type_explains_what_the_file_is(data, phrase):
    with pytest.raises(UnsupportedType) as caught:
        detect_type(data)

    assert phrase in caught.value.message


def test_detect_type_refuses_a_zip_that_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")

    with pytest.raises(UnsupportedType) as caught:
        detect_type(buffer.getvalue())

    assert "not a Word" in caught.value.message


def test_detect_type_goes_by_content_not_name():
    assert detect_type(sample("headings.docx")) is ResumeType.DOCX
    assert detect_type(sample("compact.pdf")) is ResumeType.PDF


def test_read_resume_truncated_pdf_is_unreadable():
    with pytest.raises(Unreadable):
        read_resume_bytes(sample("classic.pdf")[:200])


def test_read_resume_empty_upload_is_an_error():
    with pytest.raises(NoText):
        read_resume_bytes(b"")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2020", (2020, 1)),
        ("September 2019", (2019, 9)),
        ("Sept. 2019", (2019, 9)),
        ("03/2018", (2018, 3)),
        ("2018-11", (2018, 11)),
        ("2015", (2015, None)),
        ("13/2018", (2018, None)),
        ("soon", None),
    ],
)
def test_parse_point_reads_common_date_forms(text, expected):
    assert parse_point(text) == expected


def test_find_range_open_end_is_current():
    found = find_range("Acme — Engineer   Mar 2022 to present")

    assert (found.start, found.end, found.is_current) == ((2022, 3), None, True)


def test_read_resume_uses_the_taxonomy_for_names_and_finds_skills_in_the_text():
    pytest.importorskip("skills.extract")

    draft = read_resume_bytes(sample("classic.pdf"))

    assert draft.skills[:4] == ["Python", "Go", "Django", "PostgreSQL"]
    assert "Django REST Framework" in draft.skills  # named only in a bullet, not in the skills section
    assert len({s.casefold() for s in draft.skills}) == len(draft.skills)


def test_draft_round_trips_through_json_shape():
    draft = read_resume_bytes(sample("classic.pdf"))

    assert ResumeDraft.from_dict(draft.to_dict()) == draft


resume_lines = st.lists(
    st.one_of(
        st.sampled_from(
            ["Experience", "EDUCATION", "Skills:", "Summary", "• ", "- ", "Jan 2020 – Present", "2019 - 2021"]
        ),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(resume_lines)
def test_parse_resume_text_never_fails_on_arbitrary_text(lines):
    draft = parse_resume_text("\n".join(lines))

    assert isinstance(draft, ResumeDraft)
    assert all(isinstance(s, str) and s for s in draft.skills)
    assert all(r.start is not None for r in draft.roles)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2048))
def test_read_resume_bytes_on_a_pdf_header_with_garbage_raises_only_import_errors(tail):
    try:
        read_resume_bytes(b"%PDF-1.4\n" + tail)
    except ResumeImportError:
        pass


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,  # one endless line without an @ (email patterns backtrack on these)
        "Name Here\n" + "x " * 100_000 + "y",  # a run of short words
        "Experience\n" + "2019 - " * 30_000,  # dates that never close
        "Ada Quinn\n" + "1" * 150_000 + "\nSkills\n" + ", ".join(["Python"] * 20_000),
    ],
)
def test_parse_resume_text_handles_pathological_text(text):
    draft = parse_resume_text(text)

    assert isinstance(draft, ResumeDraft)
