"""What a heading or a phrase says about the skills near it: required, preferred or boilerplate.

A posting's headings set the default for the skills listed under them
("Requirements" -> required, "Nice to have" -> preferred, "Benefits" ->
ignored). Cue phrases inside a sentence override the heading for the skills
they point at: a suffix cue ("Go is a plus", "Kubernetes preferred") covers the
skills before it, a prefix cue ("ideally", "bonus if") the skills after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Section(Enum):
    NEUTRAL = "neutral"  # description, responsibilities: skills count as required
    REQUIRED = "required"
    PREFERRED = "preferred"
    BOILERPLATE = "boilerplate"  # benefits, company blurb, EEO: skills are ignored


_BOILERPLATE_STRONG = re.compile(
    r"benefit|perks|what we offer|we offer|what'?s in it for you|compensation|salary|pay range|pay transparency|"
    r"equal (employment )?opportunit|\beeo\b|accommodation|privacy|disclaimer|how to apply|application process|"
    r"interview process|hiring process|our process|wir bieten|was wir bieten|unser angebot|deine vorteile|"
    r"ihre vorteile|über uns|why (join|work)|why you'?ll love|life at|\bour (values|culture|mission|story)|"
    r"who we are|who are we|company|meet the team|^why\b|ready to (apply|join)|sounds good|interested\?|"
    r"about us|diversity|inclusion|what success looks like|\bculture\b|rewards|wellness|well-?being|"
    r"work[- ]life|time off|holidays",
    re.IGNORECASE,
)
_PREFERRED_HEADING = re.compile(
    r"nice[\s-]to[\s-]haves?|bonus|preferred|pluses|\bplus\b|desired|desirable|good[\s-]to[\s-]have|"
    r"would be (great|nice|a plus)|extra credit|not required|optional|ideally|wünschenswert|von vorteil|"
    r"even better|stand out|brownie points|added advantage|an advantage|advantageous",
    re.IGNORECASE,
)
_REQUIRED_HEADING = re.compile(
    r"requirement|required|qualification|must[\s-]haves?|what you('ll)? (need|bring)|who you are|you have|"
    r"you are|you bring|about you|looking for|skills|experience|profile|ideal candidate|competenc|"
    r"background|minimum|basic|essential|knowledge|expertise|stack|technolog|tools|anforderung|profil|"
    r"mitbringst|mitbringen|qualifikation|what it takes|do you have|you'?ll need|you should have",
    re.IGNORECASE,
)
# "About Acme" is the employer's blurb; "About the role", "About you", "About this job" are not.
_ABOUT_OTHER = re.compile(r"^about\b(?!\s+(the|this|you|your)\b)", re.IGNORECASE)
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_LEADING_SYMBOLS = re.compile(r"^[^\w]+")


def classify_heading(heading: str) -> Section:
    """The section a heading opens."""
    text = _LEADING_SYMBOLS.sub("", heading.translate(_DASHES)).strip().rstrip(":").strip()
    if _BOILERPLATE_STRONG.search(text) and not _PREFERRED_HEADING.search(text):
        return Section.BOILERPLATE
    if _PREFERRED_HEADING.search(text):
        return Section.PREFERRED
    if _REQUIRED_HEADING.search(text):
        return Section.REQUIRED
    if _ABOUT_OTHER.search(text):
        return Section.BOILERPLATE
    return Section.NEUTRAL


# Cues inside a sentence. "after" cues point at the skills that follow them,
# "before" cues at the skills written before them.
_PREFERRED_AFTER = re.compile(
    r"\b(ideally|preferably|bonus( points)? (if|for)|nice[\s-]to[\s-]haves?\s*:|a plus if|plus if|even better if|"
    r"(with )?a preference for|preferred (but not required|skills|qualifications)|(we )?prefer|(we are |we're )?open to|"
    r"it would be (great|nice) if|would be (great|nice) if|idealerweise|gerne auch|wünschenswert)\b",
    re.IGNORECASE,
)
_PREFERRED_BEFORE = re.compile(
    r"(\b(is|are|would be|will be|as)? ?(a|an)? ?(big|huge|strong|definite|major|nice|great|real)? ?plus\b|"
    r"\bpreferred\b|\bpreferable\b|\bdesirable\b|\bdesired\b|\b(is|are) (an )?advantage(ous)?\b|\badvantageous\b|"
    r"\bbeneficial\b|\bnice[\s-]to[\s-]have\b|\bbonus\b|\bhelpful\b|\bnot required\b|\bnot a must\b|\boptional\b|"
    r"\bvon vorteil\b|\bwünschenswert\b|\b(is|are) (highly |greatly )?valued\b)",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"\b(required|requires|require|must|mandatory|essential|need to have|needs to have|erforderlich|zwingend|"
    r"vorausgesetzt)\b",
    re.IGNORECASE,
)

@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    required: bool
    points_after: bool


_BOILERPLATE_PARAGRAPH = re.compile(
    r"equal (employment )?opportunit|affirmative action|reasonable accommodation|without regard to|"
    r"protected veteran|pay transparency|salary range|compensation range|e-verify|"
    r"we (celebrate|value) diversity|is proud to be an|recruit(ment|ing) (fraud|scam)|never (ask|request)",
    re.IGNORECASE,
)


_COMPANY_BLURB = re.compile(
    r"\b(founded in|headquartered in|is a leading|is the leading|is a global leader|we are a leading|"
    r"backed by|we'?ve raised|has raised|series [a-e] (funding|round)|our investors|our customers include|"
    r"trusted by (over|more than) \d)",
    re.IGNORECASE,
)


def is_company_blurb(text: str) -> bool:
    """A paragraph about the employer (founding, funding, market position) rather than the job."""
    return bool(_COMPANY_BLURB.search(text))


def is_boilerplate_paragraph(text: str) -> bool:
    """An employer's legal or pay statement written as a plain paragraph, with no heading of its own."""
    return bool(_BOILERPLATE_PARAGRAPH.search(text))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences/clauses of a block (split on . ; ! ? followed by a space)."""
    spans = []
    start = 0
    for m in re.finditer(r"[.;!?]+(?=\s|$)", text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# Every cue contains one of these stems: one cheap search spares the three cue patterns on most clauses.
_ANY_CUE = re.compile(
    r"plus|prefer|ideal|bonus|nice|desir|advantag|benefic|helpful|optional|requir|must|mandatory|essential|"
    r"need|vorteil|wünschens|gerne|erforderlich|zwingend|vorausgesetzt|valued|open to",
    re.IGNORECASE,
)


def find_cues(text: str) -> list[Cue]:
    if not _ANY_CUE.search(text):
        return []
    text = text.translate(_DASHES)
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _PREFERRED_AFTER.finditer(text):
        cues.append(Cue(m.start(), m.end(), required=False, points_after=True))
        taken.append(m.span())
    for m in _PREFERRED_BEFORE.finditer(text):
        if m.group().strip() and free(*m.span()):
            cues.append(Cue(m.start(), m.end(), required=False, points_after=False))
            taken.append(m.span())
    for m in _REQUIRED_CUE.finditer(text):
        if free(*m.span()):
            # "5+ years required" points back; "must have Python" / "strong Python" points forward.
            word = m.group().lower()
            points_after = word not in {"required", "mandatory", "essential", "erforderlich", "vorausgesetzt"}
            cues.append(Cue(m.start(), m.end(), required=True, points_after=points_after))
            taken.append(m.span())
    return sorted(cues, key=lambda c: c.start)


def requiredness(cues: list[Cue], start: int, end: int, default: bool) -> bool:
    """Whether a skill at [start, end) of a clause is required, given the clause's cues."""
    after = [c for c in cues if c.start >= end]
    before = [c for c in cues if c.end <= start]
    # Preferred cues win over required ones when they are the nearest opinion on either side.
    if after and not after[0].points_after:
        nearest_after = after[0]
        if not nearest_after.required:
            return False
    if before and before[-1].points_after and not before[-1].required:
        return False
    if after and not after[0].points_after and after[0].required:
        return True
    if before and before[-1].points_after and before[-1].required:
        return True
    return default
