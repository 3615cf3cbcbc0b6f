"""The draft a resume becomes: plain data the user reviews before anything is saved.

Dates are kept as (year, month) pairs so the draft round-trips through the
session as JSON; month is None when the resume gives only a year.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

YearMonth = tuple[int, int | None]


@dataclass
class DraftRole:
    title: str = ""
    company: str = ""
    location: str = ""
    start: YearMonth | None = None
    end: YearMonth | None = None
    is_current: bool = False
    bullets: list[str] = field(default_factory=list)


@dataclass
class DraftEducation:
    institution: str = ""
    degree: str = ""
    field_of_study: str = ""
    graduation_year: int | None = None


@dataclass
class DraftCertification:
    name: str = ""
    issuer: str = ""
    year: int | None = None


@dataclass
class ResumeDraft:
    full_name: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    portfolio_url: str = ""
    home_city: str = ""
    home_state: str = ""
    home_country: str = ""
    professional_summary: str = ""
    roles: list[DraftRole] = field(default_factory=list)
    education: list[DraftEducation] = field(default_factory=list)
    certifications: list[DraftCertification] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResumeDraft:
        def year_month(value) -> YearMonth | None:
            return (int(value[0]), int(value[1]) if value[1] is not None else None) if value else None

        roles = [
            DraftRole(**{**r, "start": year_month(r.get("start")), "end": year_month(r.get("end"))})
            for r in data.get("roles", [])
        ]
        scalars = {k: v for k, v in data.items() if k not in {"roles", "education", "certifications", "skills"}}
        return cls(
            **scalars,
            roles=roles,
            education=[DraftEducation(**e) for e in data.get("education", [])],
            certifications=[DraftCertification(**c) for c in data.get("certifications", [])],
            skills=list(data.get("skills", [])),
        )

    @property
    def is_empty(self) -> bool:
        return not (self.full_name or self.email or self.roles or self.education or self.skills)
