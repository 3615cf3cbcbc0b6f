"""Skills a job posting asks for, from its text or HTML.

    >>> extract_skills("Requirements: 5+ years of Python. Nice to have: Kubernetes.")
    [ExtractedSkill(name='Python', ..., is_required=True, years_requested=5),
     ExtractedSkill(name='Kubernetes', ..., is_required=False, years_requested=None)]

Pure Python: no ORM, no network. The jobpool stores the result as JobSkill rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skills.matcher import Match, PhraseMatcher, default_matcher
from skills.sections import (
    Section,
    classify_heading,
    clause_spans,
    find_cues,
    is_boilerplate_paragraph,
    is_company_blurb,
    requiredness,
)
from skills.text import Block, html_to_blocks, text_to_blocks
from skills.tokens import Tokens
from skills.years import find_years


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    name: str  # canonical taxonomy name
    kind: str  # "hard" or "soft"
    category: str
    is_required: bool
    years_requested: int | None


@dataclass(slots=True)
class _Found:
    match_name: str
    kind: str
    category: str
    is_required: bool
    years: int | None
    order: int


def extract_skills(
    text: str,
    html: str | None = None,
    *,
    title: str | None = None,
    matcher: PhraseMatcher | None = None,
) -> list[ExtractedSkill]:
    """Skills named in a posting, in order of first mention.

    `html`, when given, is used instead of `text` because its headings and
    lists carry the structure (required vs preferred sections). `title`, when
    given, is scanned too ("Senior Go Engineer" asks for Go). A skill named
    several times is required if any mention is required, and asks for the
    largest number of years mentioned. Skills named only in boilerplate
    (benefits, company blurb, EEO statement) are left out.
    """
    matcher = matcher or default_matcher()
    blocks = html_to_blocks(html) if html else text_to_blocks(text or "")
    found: dict[str, _Found] = {}
    if title:
        _scan_block(Block(title.strip()), Section.NEUTRAL, matcher, found)
    section = Section.NEUTRAL
    for block in blocks:
        heading_section = _heading_section(block)
        if heading_section is not None:
            # A long bold line that names no section ("Own the payments API end to end") is a
            # highlighted sentence, not a heading: it keeps the section it sits in.
            if heading_section is not Section.NEUTRAL or len(block.text) < _MAX_NEUTRAL_HEADING_CHARS:
                section = heading_section
            if section is Section.BOILERPLATE or block.is_boilerplate:
                continue
        elif _is_boilerplate(block, section):
            continue
        _scan_block(block, section, matcher, found)
    ordered = sorted(found.values(), key=lambda f: f.order)
    return [ExtractedSkill(f.match_name, f.kind, f.category, f.is_required, f.years) for f in ordered]


_LINK_RE = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


_SHORT_HEADING_WORDS = 6
_MAX_NEUTRAL_HEADING_CHARS = 40


def _is_boilerplate(block: Block, section: Section) -> bool:
    """Text that says nothing about the job: benefits, legal and pay statements, the employer's blurb."""
    if block.is_boilerplate or section is Section.BOILERPLATE or is_boilerplate_paragraph(block.text):
        return True
    return not block.is_item and section is Section.NEUTRAL and is_company_blurb(block.text)


def _heading_section(block: Block) -> Section | None:
    """The section a block opens, or None when the block is ordinary text.

    Marked-up headings always open a section; a short unmarked line opens one
    only when it reads like a known heading ("Nice to have", "Benefits").
    """
    if block.is_heading:
        return classify_heading(block.text)
    words = block.text.split()
    if not block.is_item and len(words) <= _SHORT_HEADING_WORDS and not block.text.rstrip().endswith((".", "!", ",")):
        section = classify_heading(block.text)
        if section is not Section.NEUTRAL:
            return section
    return None


def _scan_block(block: Block, section: Section, matcher: PhraseMatcher, found: dict[str, _Found]) -> None:
    # Links and e-mail addresses are blanked (same length, so offsets hold): "https://" is not HTTP.
    text = block.text
    if "://" in text or "www." in text or "@" in text:
        text = _LINK_RE.sub(lambda m: " " * len(m.group()), text)
    matches = matcher.find(text, Tokens(text))
    if not matches:
        return
    default_required = section is not Section.PREFERRED
    for clause_start, clause_end in clause_spans(text):
        in_clause = [m for m in matches if clause_start <= m.start < clause_end]
        if not in_clause:
            continue
        clause = text[clause_start:clause_end]
        cues = find_cues(clause)
        years = _years_by_match(clause, clause_start, in_clause)
        for match in in_clause:
            required = requiredness(cues, match.start - clause_start, match.end - clause_start, default_required)
            _record(found, match, required, years.get(match.start))


def _years_by_match(clause: str, offset: int, matches: list[Match]) -> dict[int, int]:
    """Years asked for each skill: the nearest "N years" phrase before it in the clause, else right after it."""
    mentions = find_years(clause)
    if not mentions:
        return {}
    result: dict[int, int] = {}
    for match in matches:
        start = match.start - offset
        before = [y for y in mentions if y.end <= start]
        if before:
            result[match.start] = before[-1].years
            continue
        after = [y for y in mentions if y.start >= match.end - offset]
        if after and _points_back(clause[match.end - offset : after[0].start]):
            result[match.start] = after[0].years
    return result


def _points_back(gap: str) -> bool:
    """ "Python (5+ years)", "Python: 3 years", "Python - 2 years" """
    return len(gap) <= 4 and any(ch in gap for ch in "(:-–,") or gap.strip() == ""


def _record(found: dict[str, _Found], match: Match, required: bool, years: int | None) -> None:
    entry = match.entry
    current = found.get(entry.name)
    if current is None:
        found[entry.name] = _Found(entry.name, entry.kind, entry.category, required, years, len(found))
        return
    current.is_required = current.is_required or required
    if years is not None and (current.years is None or years > current.years):
        current.years = years
