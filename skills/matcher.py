"""Fast phrase matching of taxonomy spellings over tokens, with context rules for ambiguous words.

The taxonomy's spellings are indexed by their first token; a scan walks the
tokens once and at each position tries the spellings that start there,
longest first (leftmost-longest, like flashtext), so "Spring Boot" wins over
"Spring" and "Node.js" over "Node". Consecutive tokens of one spelling may be
separated only by spaces or hyphens, never by a comma or a full stop.

Guarded spellings (Go, R, C, Rust, Swift, Oracle, spoken languages...) must
match in the exact case and have a context: another technical skill close by
("Python, Go or Java"), or a telling word next to them ("Go developer",
"experience with Rust", "fluent German"). Short spellings glued to a hyphen or
an ampersand ("C-suite", "R&D", "bi-weekly") never match.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from skills.taxonomy import SkillEntry, SurfaceForm, Taxonomy, load_taxonomy
from skills.tokens import Tokens

_GAP_OK = frozenset(" \t\n\r\u00a0-–")
_CONTEXT_WINDOW = 4
# Categories whose skills vouch for a guarded neighbour ("Python, Go and Rust").
_TECH_CATEGORIES = frozenset({
    "programming_language", "web_and_markup", "frontend", "backend", "mobile", "database", "cloud", "devops",
    "testing", "data_ml", "security", "business_software",
})
_TECH_NEXT = frozenset({
    "developer", "developers", "engineer", "engineers", "engineering", "programming", "programmer", "programmers",
    "language", "languages", "code", "codebase", "codebases", "services", "microservices", "backend", "backends",
    "stack", "development", "framework", "frameworks", "ecosystem", "library", "libraries", "scripts",
    "scripting", "apps", "applications", "expertise", "proficiency", "skills", "experience", "knowledge", "sdk",
    "api", "apis", "runtime", "projects", "modules", "packages", "toolchain", "compiler", "tooling", "database",
    "databases", "db", "server", "servers", "cloud", "platform", "models", "tools", "cookbooks",
    "playbooks", "manifests", "plugins", "components", "boot", "dev",
})
_TECH_PREV = frozenset({
    "using", "with", "in", "proficient", "proficiency", "experience", "experienced", "knowledge", "writing",
    "write", "written", "programming", "coding", "including", "like", "such", "as", "of", "and", "or", "/",
    "expert", "expertise", "familiar", "familiarity", "modern", "idiomatic", "strong",
})
_LANGUAGE_CONTEXT = frozenset({
    "fluent", "fluency", "fluently", "proficient", "proficiency", "native", "speaker", "speakers", "speaking",
    "speak", "spoken", "written", "verbal", "oral", "level", "c1", "c2", "b1", "b2", "bilingual", "skills",
    "knowledge", "kenntnisse", "sprachkenntnisse", "conversational", "business", "language", "languages",
    "read", "write", "communicate", "communication", "fließend", "fliessend", "verhandlungssicher", "gute",
    "sehr", "mother", "tongue", "command", "excellent", "kommunizieren", "sprechen", "sprichst", "beherrschst",
    "beherrschen", "mündlich", "schriftlich", "wort", "schrift", "niveau", "muttersprache", "muttersprachlich",
})

_LANGUAGE_OF_MEDIUM = frozenset({
    "written", "posted", "published", "conducted", "held", "taught", "delivered", "available", "offered", "run",
})


@dataclass(frozen=True, slots=True)
class Match:
    entry: SkillEntry
    start: int  # character offsets in the scanned text
    end: int
    first_token: int
    last_token: int


class PhraseMatcher:
    """Leftmost-longest matching of every spelling in a taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        # first word -> [(phrase length, {token tuple: forms})], longest first
        grouped: dict[str, dict[int, dict[tuple[str, ...], list[SurfaceForm]]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for form in taxonomy.forms:
            grouped[form.key[0]][len(form.key)].setdefault(form.key, []).append(form)
        self._index = {
            word: sorted(by_size.items(), reverse=True) for word, by_size in grouped.items()
        }

    def find(self, text: str, tokens: Tokens) -> list[Match]:
        index = self._index
        lowers = tokens.lowers
        hits = [i for i, word in enumerate(lowers) if word in index]
        if not hits:
            return []
        spans = tokens.spans
        lowers = tokens.lowers
        confirmed: list[Match] = []
        pending: list[Match] = []
        n = len(lowers)
        next_free = 0
        for i in hits:
            if i < next_free:
                continue  # inside the previous match
            for size, table in index[lowers[i]]:
                last = i + size - 1
                if last >= n:
                    continue
                forms = table.get(tuple(lowers[i : last + 1]))
                if forms is None or (size > 1 and not _joined(text, spans, i, last)):
                    continue
                start, end = spans[i][0], spans[last][1]
                match = None
                for form in forms:
                    if (form.mode == "any" or text[start:end] == form.text) and not _glued(text, start, end, form):
                        match = Match(form.entry, start, end, i, last)
                        (pending if form.mode == "guarded" else confirmed).append(match)
                        break
                if match is not None:
                    next_free = last + 1
                    break
        if pending:
            confirmed = _resolve_guarded(text, tokens, confirmed, pending)
        return confirmed


def _joined(text: str, spans: list[tuple[int, int]], first: int, last: int) -> bool:
    for k in range(first, last):
        gap = text[spans[k][1] : spans[k + 1][0]]
        if gap and not set(gap) <= _GAP_OK:
            return False
    return True


def _glued(text: str, start: int, end: int, form: SurfaceForm) -> bool:
    """Short or guarded spellings stuck to a hyphen, an ampersand or an apostrophe are other words."""
    if form.mode != "guarded" and len(form.text) > 2:
        return False
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if after[:1] in {"&", "'", "’"} or before[-1:] in {"&"}:
        return True
    if after[:1] == "-" and after[1:2].isalnum():
        return True
    return before[-1:] == "-" and before[:1].isalnum()


def _resolve_guarded(text: str, tokens: Tokens, confirmed: list[Match], pending: list[Match]) -> list[Match]:
    accepted = list(confirmed)
    waiting = list(pending)
    changed = True
    while waiting and changed:
        changed = False
        for match in list(waiting):
            if _has_context(text, tokens, match, accepted):
                accepted.append(match)
                waiting.remove(match)
                changed = True
    return sorted(accepted, key=lambda m: m.start)


def _has_context(text: str, tokens: Tokens, match: Match, accepted: list[Match]) -> bool:
    lowers, spans = tokens.lowers, tokens.spans
    lo, hi = match.first_token, match.last_token
    prev_word = lowers[lo - 1] if lo > 0 and _same_sentence(text, spans[lo - 1][1], match.start) else None
    next_word = lowers[hi + 1] if hi + 1 < len(lowers) and _same_sentence(text, match.end, spans[hi + 1][0]) else None
    if next_word is not None and next_word[:1].isdigit():
        return False  # "Spring 2025", "Go 1" are dates or versions of something else
    spoken = match.entry.category == "spoken_language"
    for other in accepted:
        near = lo - _CONTEXT_WINDOW <= other.last_token and other.first_token <= hi + _CONTEXT_WINDOW
        if not near or not _same_sentence(text, *sorted((other.start, match.start))):
            continue
        if spoken and other.entry.category == "spoken_language":
            return True
        if not spoken and other.entry.category in _TECH_CATEGORIES:
            return True
    if spoken:
        if prev_word == "in" and lo > 1 and lowers[lo - 2] in _LANGUAGE_OF_MEDIUM:
            return False  # "written in English" describes the posting, "fluent in English" the candidate
        window = lowers[max(0, lo - _CONTEXT_WINDOW) : hi + 1 + _CONTEXT_WINDOW]
        return any(word in _LANGUAGE_CONTEXT for word in window)
    return next_word in _TECH_NEXT or prev_word in _TECH_PREV


def _same_sentence(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return not any(mark in gap for mark in (". ", "! ", "? ", "\n", ": "))


@lru_cache(maxsize=1)
def default_matcher() -> PhraseMatcher:
    return PhraseMatcher(load_taxonomy())
