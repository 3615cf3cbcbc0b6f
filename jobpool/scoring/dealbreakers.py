"""Dealbreakers (the reference's non-negotiables, §6.2) plus the persona's custom rules.

Every check runs; a job passes only when none fails. A check that cannot be decided because
the posting leaves the fact out passes with a warning, except where the reference says
otherwise (an unknown work model counts as on-site; a non-remote job with no location fails
a commute limit).

Custom dealbreakers (`exclude` / `require` a value on a named job field):

| field                                   | a value *matches* when                                          |
|---|---|
| title, company, industry, location      | it appears in the field as whole words, ignoring case and accents |
| description                             | it appears as whole words in the posting's title, description or culture text |
| work_model, seniority, employment_type, visa_sponsorship, salary_currency | it equals the field (case, spaces and hyphens ignored) |
| skill                                   | it names one of the posting's required or preferred skills        |

`exclude` fails a job whose field matches; `require` fails a job whose field does not. When
the field is empty on the posting, the rule cannot be decided and passes with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import workmodel
from .prepared import PreparedDealbreaker, PreparedJob, PreparedPersona, located_in
from .text import enum_value, normalise_skill

PHRASE_FIELDS = ("title", "company", "industry", "location", "description")
EQUALS_FIELDS = ("work_model", "seniority", "employment_type", "visa_sponsorship", "salary_currency")
CUSTOM_FIELDS = (*PHRASE_FIELDS, *EQUALS_FIELDS, "skill")
_FIELD_ALIASES = {"company_name": "company", "skills": "skill", "text": "description", "remote": "work_model"}

_WORK_MODEL_WORDS = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}


@dataclass(frozen=True, slots=True)
class DealbreakerOutcome:
    failed_checks: tuple[str, ...]
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.reasons


def _money(amount: float, currency: str | None) -> str:
    return f"{currency + ' ' if currency else ''}{amount:,.0f}"


def check_dealbreakers(persona: PreparedPersona, job: PreparedJob) -> DealbreakerOutcome:
    failed: list[str] = []
    reasons: list[str] = []
    warnings: list[str] = []

    def fail(check: str, reason: str) -> None:
        failed.append(check)
        reasons.append(reason)

    _check_remote(persona, job, fail)
    _check_salary(persona, job, fail, warnings)
    _check_commute(persona, job, fail)
    _check_industry(persona, job, fail, warnings)
    if job.company and job.company in persona.company_exclusions:
        fail("company_exclusions", f"You excluded the company {job.facts.company_name.strip().rstrip('.')}.")
    _check_visa(persona, job, fail, warnings)
    for rule in persona.custom_dealbreakers:
        _check_custom(rule, job, fail, warnings)
    return DealbreakerOutcome(tuple(failed), tuple(reasons), tuple(warnings))


def _check_remote(persona: PreparedPersona, job: PreparedJob, fail) -> None:
    preference = persona.remote_preference
    if workmodel.accepts(preference, job.work_model):
        return
    wanted = workmodel.LABELS.get(preference, preference)
    if job.work_model == "unknown":
        fail(
            "remote_preference",
            f"The posting does not say how the work is done, so it counts as on-site; you want {wanted}.",
        )
    else:
        fail("remote_preference", f"The job is {_WORK_MODEL_WORDS[job.work_model]}; you want {wanted}.")


def _check_salary(persona: PreparedPersona, job: PreparedJob, fail, warnings: list[str]) -> None:
    floor = persona.salary_floor
    if floor is None:
        return
    if job.annual_salary_max is None and job.annual_salary_min is None:
        warnings.append("The salary is not disclosed, so your minimum could not be checked.")
        return
    if persona.salary_currency and job.salary_currency and persona.salary_currency != job.salary_currency:
        warnings.append(
            f"The salary is in {job.salary_currency}, so it could not be compared with your minimum in "
            f"{persona.salary_currency}."
        )
        return
    currency = job.salary_currency or persona.salary_currency
    if job.annual_salary_max is None:
        if job.annual_salary_min is not None and job.annual_salary_min < floor:
            warnings.append(
                f"Only a lower salary bound is given ({_money(job.annual_salary_min, currency)} a year), "
                f"below your minimum of {_money(floor, currency)}."
            )
        return
    if job.annual_salary_max < floor:
        fail(
            "minimum_base_salary",
            f"The salary tops out at {_money(job.annual_salary_max, currency)} a year, below your minimum of "
            f"{_money(floor, currency)}.",
        )


def _check_commute(persona: PreparedPersona, job: PreparedJob, fail) -> None:
    if not persona.commute_limited or job.work_model == "remote":
        return
    if not job.place:
        fail("commutable_cities", "The job is not remote and gives no location to check against your cities.")
    elif not located_in(job, persona.acceptable_places):
        loc = job.facts.location
        where = loc.city or loc.raw or loc.region or loc.country
        fail("commutable_cities", f"The job is in {where.strip()}, outside your commutable and relocation cities.")


def _check_industry(persona: PreparedPersona, job: PreparedJob, fail, warnings: list[str]) -> None:
    if not persona.industry_exclusions:
        return
    if not job.industry:
        warnings.append("The job's industry is unknown, so your industry exclusions could not be checked.")
    elif job.industry in persona.industry_exclusions:
        fail("industry_exclusions", f"The job is in the {job.facts.industry.strip()} industry, which you excluded.")


def _check_visa(persona: PreparedPersona, job: PreparedJob, fail, warnings: list[str]) -> None:
    if not persona.profile.visa_sponsorship_required:
        return
    answer = job.visa_sponsorship
    if answer == "no":
        fail("visa_sponsorship", "The job does not sponsor visas, and you need sponsorship.")
    elif answer != "yes":
        warnings.append("The posting does not say whether it sponsors visas.")


def _custom_field_value(field: str, job: PreparedJob) -> str:
    facts = job.facts
    if field == "location":
        loc = facts.location
        return " ".join(p for p in (loc.city, loc.region, loc.country, loc.raw) if p)
    if field == "description":
        return facts.description_text or facts.culture_text
    if field == "work_model":
        return "" if job.work_model == "unknown" else job.work_model
    if field == "visa_sponsorship":
        return "" if job.visa_sponsorship == "unknown" else job.visa_sponsorship
    if field == "salary_currency":
        return job.salary_currency or ""
    if field == "skill":
        return "present" if job.skill_names else ""
    return getattr(facts, "company_name" if field == "company" else field)


def custom_rule_matches(rule: PreparedDealbreaker, field: str, job: PreparedJob) -> bool:
    if field in PHRASE_FIELDS:
        index = job.text_index if field == "description" else job.field_index[field]
        return rule.phrase in index
    if field in EQUALS_FIELDS:
        return enum_value(rule.value) == enum_value(_custom_field_value(field, job))
    return normalise_skill(rule.value) in job.skill_names


def _check_custom(rule: PreparedDealbreaker, job: PreparedJob, fail, warnings: list[str]) -> None:
    field = _FIELD_ALIASES.get(rule.field, rule.field)
    label = field.replace("_", " ")
    if field not in CUSTOM_FIELDS or rule.mode not in ("exclude", "require") or not rule.phrase:
        warnings.append(f"Your rule to {rule.mode} “{rule.value}” on “{rule.field}” is not one that can be checked.")
        return
    if not _custom_field_value(field, job).strip():
        verb = "requiring" if rule.mode == "require" else "excluding"
        warnings.append(f"The job's {label} is not given, so your rule {verb} “{rule.value}” could not be checked.")
        return
    matches = custom_rule_matches(rule, field, job)
    if rule.mode == "exclude" and matches:
        fail(f"custom:{field}", f"The job's {label} matches “{rule.value}”, which you excluded.")
    elif rule.mode == "require" and not matches:
        fail(f"custom:{field}", f"The job's {label} does not match “{rule.value}”, which you require.")
