"""The one work-model rule set: what each remote preference accepts and how well each work model fits it.

The reference's quick pool score and its full score used different matrices (reference §10);
here the dealbreaker check and the logistics component both read these two tables and nothing else.
An unknown work model counts as on-site in both, as the reference's dealbreaker rule says.
"""

from __future__ import annotations

# remote preference → work models that pass the dealbreaker.
ACCEPTED = {
    "remote_only": frozenset({"remote"}),
    "hybrid_ok": frozenset({"remote", "hybrid"}),
    "onsite_ok": frozenset({"remote", "hybrid", "onsite"}),
    "no_preference": frozenset({"remote", "hybrid", "onsite"}),
}

# remote preference → work model → logistics score before the commute multiplier.
FIT = {
    "remote_only": {"remote": 100, "hybrid": 50, "onsite": 0},
    "hybrid_ok": {"remote": 100, "hybrid": 100, "onsite": 60},
    "onsite_ok": {"remote": 100, "hybrid": 100, "onsite": 100},
    "no_preference": {"remote": 100, "hybrid": 100, "onsite": 100},
}

# A non-remote job outside the persona's commutable (or relocation) cities keeps this share of its score.
OUTSIDE_COMMUTE_FACTOR = 0.7

LABELS = {"remote_only": "remote only", "hybrid_ok": "hybrid or remote", "onsite_ok": "on-site is fine"}


def effective_model(work_model: str) -> str:
    return "onsite" if work_model == "unknown" else work_model


def accepts(preference: str, work_model: str) -> bool:
    return effective_model(work_model) in ACCEPTED.get(preference, ACCEPTED["no_preference"])


def fit(preference: str, work_model: str) -> int:
    return FIT.get(preference, FIT["no_preference"])[effective_model(work_model)]
