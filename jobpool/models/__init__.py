"""The shared job pool (facts about jobs) and the owned per-persona links to it.

Shared rows (no owner): JobSource, JobPosting, JobSkill, and the internal
JobSighting / MinHashBand bookkeeping. Owned rows: PersonaJob (a persona's
link to a posting) and JobReport (a user's report). ModerationAction is the
operators' log. See docs/pool.md.
"""

from jobpool.models.intake import IngestToken
from jobpool.models.links import DiscoveryMethod, LinkStatus, PersonaJob
from jobpool.models.matching import (
    JobVector,
    JobVectorKind,
    PersonaVector,
    PersonaVectorKind,
    SurfacedPosting,
    SurfacingState,
)
from jobpool.models.moderation import JobReport, ModerationAction, ReportReason, ReportStatus
from jobpool.models.pool import (
    DedupDecision,
    JobPosting,
    JobSighting,
    JobSkill,
    JobSource,
    MinHashBand,
    QuarantineStatus,
    SalaryPeriod,
    Seniority,
    SkillKind,
    SourceKind,
    WorkModel,
)

__all__ = [
    "DedupDecision",
    "DiscoveryMethod",
    "IngestToken",
    "JobPosting",
    "JobReport",
    "JobSighting",
    "JobSkill",
    "JobVector",
    "JobVectorKind",
    "JobSource",
    "LinkStatus",
    "MinHashBand",
    "ModerationAction",
    "PersonaJob",
    "PersonaVector",
    "PersonaVectorKind",
    "QuarantineStatus",
    "ReportReason",
    "ReportStatus",
    "SalaryPeriod",
    "Seniority",
    "SkillKind",
    "SourceKind",
    "SurfacedPosting",
    "SurfacingState",
    "WorkModel",
]
