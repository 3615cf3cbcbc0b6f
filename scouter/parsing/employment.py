"""Employment types in one vocabulary, whatever case and language the board uses."""

from __future__ import annotations

import re

EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "temporary", "internship", "freelance", "volunteer")

_RULES = (
    ("internship", r"intern|praktikum|praktikant|trainee|apprentice|ausbildung"),
    ("freelance", r"freelanc|freiberuf"),
    ("part_time", r"part[\s_-]*time|teilzeit|werkstudent|working\s+student|mini[- ]?job"),
    ("contract", r"contract|contractor|fixed[\s_-]*term|befristet"),
    ("temporary", r"temp(?:orary)?\b|seasonal|aushilf|hilfst"),
    ("volunteer", r"volunteer|ehrenamt"),
    ("full_time", r"full[\s_-]*time|fulltime|permanent|regular|vollzeit|festanstellung|salaried"),
)
_RULE_RES = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES)


def normalise_employment_type(*values: object) -> str:
    """The first recognisable employment type among the values ("FullTime", "full_time", "Regular Full Time (Salary)")."""
    for value in values:
        if not value:
            continue
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value))
        for kind, pattern in _RULE_RES:
            if pattern.search(text):
                return kind
    return ""
