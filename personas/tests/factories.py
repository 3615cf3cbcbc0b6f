"""Factories for personas and their parts.

Every part copies its owner from its persona (or role), as the services do;
pass `persona=` (or `work_history=`) to attach parts to an existing persona.
"""

from __future__ import annotations

import datetime

import factory

from accounts.tests.factories import UserFactory
from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    Persona,
    PersonaSkill,
    VoiceProfile,
    WorkHistory,
)


class PersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persona

    owner = factory.SubFactory(UserFactory)
    full_name = factory.Faker("name")
    email = factory.Faker("email")
    phone = "+1 555 0100"
    home_city = "Portland"
    home_state = "OR"
    home_country = "US"
    professional_summary = "Backend engineer who ships reliable services."
    current_role = "Senior Software Engineer"
    current_company = factory.Faker("company")
    years_experience = 7
    target_roles = factory.LazyFunction(lambda: ["Staff Engineer", "Backend Engineer"])
    target_skills = factory.LazyFunction(lambda: ["Kubernetes"])
    commutable_cities = factory.LazyFunction(lambda: ["Portland"])


class _PartFactory(factory.django.DjangoModelFactory):
    persona = factory.SubFactory(PersonaFactory)
    owner = factory.LazyAttribute(lambda o: o.persona.owner)
    position = factory.Sequence(int)


class PersonaSkillFactory(_PartFactory):
    class Meta:
        model = PersonaSkill

    name = factory.Sequence(lambda n: f"Skill {n}")
    skill_type = PersonaSkill.SkillType.HARD
    proficiency = PersonaSkill.Proficiency.PROFICIENT
    years_used = 3


class WorkHistoryFactory(_PartFactory):
    class Meta:
        model = WorkHistory

    company = factory.Faker("company")
    title = "Software Engineer"
    start_date = datetime.date(2019, 1, 1)
    end_date = datetime.date(2022, 6, 30)
    work_model = "hybrid"
    location = "Portland, OR"


class BulletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bullet

    work_history = factory.SubFactory(WorkHistoryFactory)
    owner = factory.LazyAttribute(lambda o: o.work_history.owner)
    position = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Cut p95 latency of service {n} by 40%")
    metrics = "40% faster"


class EducationFactory(_PartFactory):
    class Meta:
        model = Education

    institution = "Oregon State University"
    degree = "BSc"
    field_of_study = "Computer Science"
    start_year = 2010
    end_year = 2014


class CertificationFactory(_PartFactory):
    class Meta:
        model = Certification

    name = factory.Sequence(lambda n: f"Certified Thing {n}")
    issuer = "CNCF"
    issued_on = datetime.date(2021, 5, 1)


class AchievementStoryFactory(_PartFactory):
    class Meta:
        model = AchievementStory

    title = factory.Sequence(lambda n: f"Migration story {n}")
    context = "A monolith that fell over at peak."
    action = "Split the hot path into a queue-backed worker."
    outcome = "Zero peak-time outages for a year."


class VoiceProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceProfile

    persona = factory.SubFactory(PersonaFactory)
    owner = factory.LazyAttribute(lambda o: o.persona.owner)
    tone = "Warm, direct"
    style = "Short sentences, concrete numbers."
    things_to_avoid = factory.LazyFunction(lambda: ["synergy"])
    sample_phrases = factory.LazyFunction(lambda: ["Here is what I shipped"])


class CustomDealbreakerFactory(_PartFactory):
    class Meta:
        model = CustomDealbreaker

    mode = CustomDealbreaker.Mode.EXCLUDE
    job_field = CustomDealbreaker.JobField.INDUSTRY
    value = factory.Sequence(lambda n: f"Gambling {n}")
