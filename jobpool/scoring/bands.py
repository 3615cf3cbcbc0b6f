"""Score bands (reference §5.5, §6.3, §6.4): each list is (lowest score of the band, label), highest first."""

from __future__ import annotations

FIT_BANDS = ((90, "High"), (75, "Medium"), (60, "Low"), (0, "Poor"))
STRETCH_BANDS = ((80, "High Growth"), (60, "Moderate"), (40, "Lateral"), (0, "Low"))
GHOST_BANDS = ((76, "High Risk"), (51, "Elevated"), (26, "Moderate"), (0, "Fresh"))

# The UI marks a job a "Growth Role" when its stretch score beats its fit score by more than this.
GROWTH_ROLE_MARGIN = 10


def _band(score: int, bands: tuple[tuple[int, str], ...]) -> str:
    for floor, label in bands:
        if score >= floor:
            return label
    return bands[-1][1]


def fit_band(score: int) -> str:
    return _band(score, FIT_BANDS)


def stretch_band(score: int) -> str:
    return _band(score, STRETCH_BANDS)


def ghost_band(score: int) -> str:
    return _band(score, GHOST_BANDS)


def is_growth_role(fit: int, stretch: int) -> bool:
    return stretch > fit + GROWTH_ROLE_MARGIN
