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
from skills.tokens import Token

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
    "sehr", "mother", "tongue", "command", "excellent",
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
        index: dict[str, list[SurfaceForm]] = defaultdict(list)
        for form in taxonomy.forms:
            index[form.key[0]].append(form)
        for forms in index.values():
            forms.sort(key=lambda f: len(f.key), reverse=True)
        self._index = dict(index)

    def find(self, text: str, tokens: list[Token]) -> list[Match]:
        index = self._index
        lowers = [t.lower for t in tokens]
        confirmed: list[Match] = []
        pending: list[tuple[Match, SurfaceForm]] = []
        n = len(tokens)
        next_free = 0
        for i in [i for i, word in enumerate(lowers) if word in index]:
            if i < next_free:
                continue  # inside the previous match
            for form in index[lowers[i]]:
                size = len(form.key)
                if i + size > n or (size > 1 and tuple(lowers[i : i + size]) != form.key):
                    continue
                if size > 1 and not _joined(text, tokens, i, size):
                    continue
                if form.mode != "any" and text[tokens[i].start : tokens[i + size - 1].end] != form.text:
                    continue
                match = Match(form.entry, tokens[i].start, tokens[i + size - 1].end, i, i + size - 1)
                if _glued(text, match, form):
                    continue
                if form.mode == "guarded":
                    pending.append((match, form))
                else:
                    confirmed.append(match)
                next_free = i + size
                break
        return _resolve_guarded(text, tokens, confirmed, pending)


def _joined(text: str, tokens: list[Token], i: int, size: int) -> bool:
    for k in range(i, i + size - 1):
        gap = text[tokens[k].end : tokens[k + 1].start]
        if gap and not set(gap) <= _GAP_OK:
            return False
    return True


def _glued(text: str, match: Match, form: SurfaceForm) -> bool:
    """Short or guarded spellings stuck to a hyphen, an ampersand or an apostrophe are other words."""
    if form.mode != "guarded" and len(form.text) > 2:
        return False
    before = text[max(0, match.start - 2) : match.start]
    after = text[match.end : match.end + 2]
    if after[:1] in {"&", "'", "’"} or before[-1:] in {"&"}:
        return True
    if after[:1] == "-" and after[1:2].isalnum():
        return True
    return before[-1:] == "-" and before[:1].isalnum()


def _resolve_guarded(
    text: str, tokens: list[Token], confirmed: list[Match], pending: list[tuple[Match, SurfaceForm]]
) -> list[Match]:
    accepted = list(confirmed)
    waiting = list(pending)
    changed = True
    while waiting and changed:
        changed = False
        for item in list(waiting):
            match, _form = item
            if _has_context(text, tokens, match, accepted):
                accepted.append(match)
                waiting.remove(item)
                changed = True
    return sorted(accepted, key=lambda m: m.start)


def _has_context(text: str, tokens: list[Token], match: Match, accepted: list[Match]) -> bool:
    lo, hi = match.first_token, match.last_token
    prev_word = tokens[lo - 1].lower if lo > 0 and _same_sentence(text, tokens[lo - 1].end, match.start) else None
    next_word = tokens[hi + 1].lower if hi + 1 < len(tokens) and _same_sentence(text, match.end, tokens[hi + 1].start) else None
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
        if prev_word == "in" and lo > 1 and tokens[lo - 2].lower in _LANGUAGE_OF_MEDIUM:
            return False  # "written in English" describes the posting, "fluent in English" the candidate
        window = tokens[max(0, lo - _CONTEXT_WINDOW) : hi + 1 + _CONTEXT_WINDOW]
        return any(t.lower in _LANGUAGE_CONTEXT for t in window)
    return next_word in _TECH_NEXT or prev_word in _TECH_PREV


def _same_sentence(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return not any(mark in gap for mark in (". ", "! ", "? ", "\n", ": "))


@lru_cache(maxsize=1)
def default_matcher() -> PhraseMatcher:
    return PhraseMatcher(load_taxonomy())
