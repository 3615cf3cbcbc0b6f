"""Resume import pages: upload → draft in the session → review every field → save (or discard)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from personas.models import Bullet, Certification, Education, Persona, PersonaSkill, WorkHistory
from personas.resume_import import MAX_RESUME_BYTES, ResumeDraft
from personas.review_forms import ReviewForms
from personas.tests.factories import PersonaFactory, PersonaSkillFactory
from personas.views.resume import SESSION_KEY

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "resumes"


def upload(client, name, *, url=None, content_type="application/pdf", data=None):
    content = data if data is not None else (SAMPLES / name).read_bytes()
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(url or reverse("personas:import-new"), {"resume": file})


def review_data(client, persona=None, **overrides):
    """The review form as the browser would submit it untouched, plus `overrides`."""
    draft = ResumeDraft.from_dict(client.session[SESSION_KEY]["draft"])
    forms = ReviewForms(draft, persona=persona)
    data = {}
    for formset in (forms.roles, forms.education, forms.certifications, forms.skills):
        data.update({f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()})
    for form in (forms.contact, *forms.roles, *forms.education, *forms.certifications, *forms.skills):
        for bound in form:
            value = bound.field.prepare_value(bound.value())
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
                continue
            if isinstance(value, datetime.date):
                value = value.strftime("%Y-%m")
            data[bound.html_name] = "" if value is None else value
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.mark.smoke
def test_upload_keeps_a_draft_in_the_session_and_saves_nothing(user, client_for):
    client = client_for(user)

    response = upload(client, "classic.pdf")

    assert response.url == reverse("personas:import-review")
    stored = client.session[SESSION_KEY]
    assert (stored["persona"], stored["filename"], stored["draft"]["full_name"]) == (None, "classic.pdf", "Ada Quinn")
    assert not Persona.objects.for_user(user).exists()


def test_review_page_shows_every_drafted_field_prefilled(user, client_for):
    client = client_for(user)
    upload(client, "classic.pdf")

    body = client.get(reverse("personas:import-review")).content.decode()

    for text in ('value="Ada Quinn"', 'value="ada.quinn@example.com"', 'value="Senior Software Engineer"',
                 'value="Northwind Labs"', 'value="2021-01"', "Led the migration of billing", 'value="Kubernetes"',
                 'value="University of Texas at Austin"', "From <strong>classic.pdf</strong>"):  # fmt: skip
        assert text in body
    assert not Persona.objects.for_user(user).exists()


@pytest.mark.smoke
def test_confirm_creates_the_persona_with_everything_kept(user, client_for):
    client = client_for(user)
    upload(client, "classic.pdf")

    response = client.post(reverse("personas:import-review"), review_data(client))

    persona = Persona.objects.for_user(user).get()
    assert response.url == reverse("personas:onboarding", kwargs={"pk": persona.pk})
    assert (persona.full_name, persona.email, persona.home_city, persona.onboarding_step) == (
        "Ada Quinn",
        "ada.quinn@example.com",
        "Austin",
        "work_history",
    )
    roles = list(WorkHistory.objects.for_user(user).order_by("position"))
    assert [(r.title, r.company, r.start_date, r.end_date, r.is_current) for r in roles] == [
        ("Senior Software Engineer", "Northwind Labs", datetime.date(2021, 1, 1), None, True),
        ("Software Engineer", "Contoso Inc.", datetime.date(2016, 6, 1), datetime.date(2020, 12, 1), False),
    ]
    assert Bullet.objects.for_user(user).count() == 5
    assert list(Education.objects.for_user(user).values_list("institution", "degree", "end_year")) == [
        ("University of Texas at Austin", "B.S.", 2016)
    ]
    assert Certification.objects.for_user(user).get().issuer == "Amazon Web Services"
    assert {"Python", "Django", "PostgreSQL", "Kubernetes"} <= set(
        PersonaSkill.objects.for_user(user).values_list("name", flat=True)
    )
    assert SESSION_KEY not in client.session


def test_confirm_respects_unticked_parts_and_edits(user, client_for):
    client = client_for(user)
    upload(client, "classic.pdf")
    data = review_data(
        client,
        **{"roles-1-keep": None, "roles-0-title": "Principal Engineer", "skills-0-keep": None, "contact-phone": ""},
    )

    client.post(reverse("personas:import-review"), data)

    assert list(WorkHistory.objects.for_user(user).values_list("title", flat=True)) == ["Principal Engineer"]
    assert "Python" not in PersonaSkill.objects.for_user(user).values_list("name", flat=True)
    assert Persona.objects.for_user(user).get().phone == ""


def test_confirm_with_errors_shows_them_next_to_fields_and_saves_nothing(user, client_for):
    client = client_for(user)
    upload(client, "classic.pdf")

    response = client.post(
        reverse("personas:import-review"), review_data(client, **{"roles-0-title": "", "contact-full_name": ""})
    )

    body = response.content.decode()
    assert 'id="id_roles-0-title_error"' in body and "untick “Keep”" in body
    assert 'id="id_contact-full_name_error"' in body
    assert not Persona.objects.for_user(user).exists()
    assert SESSION_KEY in client.session


def test_import_docx_into_existing_persona_adds_parts_and_skips_known_skills(user, client_for):
    persona = PersonaFactory(
        owner=user,
        full_name="Jordan L.",
        phone="+1 000",
        onboarding_step="review",
        onboarding_completed_at="2026-01-01T00:00:00Z",
    )
    PersonaSkillFactory(persona=persona, name="sql")
    client = client_for(user)
    upload(
        client,
        "headings.docx",
        url=reverse("personas:import-into", kwargs={"pk": persona.pk}),
        content_type="application/octet-stream",
    )

    response = client.post(reverse("personas:import-review"), review_data(client, persona=persona))

    assert response.url == reverse("personas:detail", kwargs={"pk": persona.pk})
    persona.refresh_from_db()
    assert (persona.full_name, persona.phone, persona.onboarding_step) == ("Jordan Lee", "415-555-0199", "review")
    assert list(WorkHistory.objects.for_user(user).filter(persona=persona).values_list("company", flat=True)) == [
        "Fabrikam Payments",
        "Tailspin Retail",
    ]
    names = list(
        PersonaSkill.objects.for_user(user).filter(persona=persona).order_by("position").values_list("name", flat=True)
    )
    assert names[:3] == ["sql", "Python", "Tableau"]
    assert [n.casefold() for n in names].count("sql") == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert len(messages) == 1
    assert messages[0].startswith("Imported 2 roles, ") and messages[0].endswith("Already listed, so skipped: SQL.")


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("image_renamed.pdf", "This file is an image"),
        ("encrypted.pdf", "password-protected"),
        ("empty.pdf", "could not find any text"),
    ],
)
def test_bad_uploads_show_a_clear_error_next_to_the_file_field(user, client_for, name, phrase):
    client = client_for(user)

    response = upload(client, name)

    body = response.content.decode()
    assert phrase in body
    assert 'id="id_resume_error"' in body
    assert SESSION_KEY not in client.session


def test_oversize_upload_is_refused(user, client_for):
    client = client_for(user)

    response = upload(client, "big.pdf", data=b"%PDF-1.4\n" + b"0" * MAX_RESUME_BYTES)

    assert "larger than 10 MB" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_discard_forgets_the_draft(user, client_for):
    client = client_for(user)
    upload(client, "compact.pdf")

    response = client.post(reverse("personas:import-discard"))

    assert response.url == reverse("personas:create")
    assert SESSION_KEY not in client.session
    assert not Persona.objects.for_user(user).exists()


def test_review_without_a_draft_goes_back_to_the_start(user, client_for):
    assert client_for(user).get(reverse("personas:import-review")).url == reverse("personas:create")


def test_review_of_a_draft_whose_persona_was_deleted_is_dropped(user, client_for):
    persona = PersonaFactory(owner=user)
    client = client_for(user)
    upload(client, "compact.pdf", url=reverse("personas:import-into", kwargs={"pk": persona.pk}))
    Persona.objects.for_user(user).filter(pk=persona.pk).delete()

    response = client.get(reverse("personas:import-review"))

    assert response.url == reverse("personas:create")
    assert SESSION_KEY not in client.session


def test_import_into_an_unfinished_persona_returns_to_its_onboarding(user, client_for):
    persona = PersonaFactory(owner=user, onboarding_step="work_history")
    client = client_for(user)
    upload(client, "compact.pdf", url=reverse("personas:import-into", kwargs={"pk": persona.pk}))

    response = client.post(reverse("personas:import-review"), review_data(client, persona=persona))

    assert response.url == reverse("personas:onboarding", kwargs={"pk": persona.pk})
    assert list(WorkHistory.objects.for_user(user).values_list("company", flat=True)) == ["Lumen GmbH", "Kite Studio"]


def test_uploads_are_rate_limited_per_user(user, client_for, monkeypatch):
    from personas.views import resume

    monkeypatch.setattr(resume, "UPLOAD_RATE", "2/h")
    client = client_for(user)

    statuses = [upload(client, "compact.pdf").status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
