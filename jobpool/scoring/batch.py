"""`score()` for one job against many personas at once: the same rules, as array arithmetic.

The surfacing pass decides links for millions of persona–job pairs; calling `score()` per pair
costs ~100 µs, so the pass uses this instead:

    columns = PersonaColumns.build(prepared_personas)          # once per pass
    scores = score_candidates(columns, prepared_job, rows)     # per job, rows = candidate personas

`score_candidates` returns, for each candidate row, exactly what `score()` would give for that
pair: whether the dealbreakers pass, the fit and the stretch score. It computes no explanation
(callers store none and let the reader build it with `score()`, see jobpool.matching.explained).

Exactness is by construction and by test (`jobpool/tests/test_scoring_batch.py` compares every
pair of the golden set and thousands of generated pairs with `score()`):

- each component is computed with the same floating-point operations in the same order as its
  scalar rule in fit.py, stretch.py and dealbreakers.py (this module imports their constants);
- pairs that need a rule with no array form are scored by `score()` itself: personas with custom
  dealbreakers, a soft-skills vector against a posting's culture vector, and titles compared
  lexically because a vector is missing;
- cosines a caller passes in (the surfacing pass's float32 matrix products) may differ from the
  scalar float64 ones in the 7th digit, so any pair whose unrounded score lies within `EDGE` of
  a rounding boundary is rescored by `score()` as well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from . import fit as fit_rules
from . import stretch as stretch_rules
from . import workmodel
from .engine import score
from .prepared import PreparedJob, PreparedPersona
from .text import TextIndex
from .titles import level_rank

PREFERENCES = ("remote_only", "hybrid_ok", "onsite_ok", "no_preference")
MODELS = ("remote", "hybrid", "onsite", "unknown")
# [work model, preference] → the dealbreaker's verdict and the logistics score before the commute factor.
ACCEPTS = np.array([[workmodel.accepts(p, m) for p in PREFERENCES] for m in MODELS], dtype=bool)
LOGISTICS = np.array([[float(workmodel.fit(p, m)) for p in PREFERENCES] for m in MODELS], dtype=np.float64)
# Unrounded scores this close to a .5 boundary are rescored by score() (passed-in cosines are float32).
EDGE = 1e-4


def _code(values: Sequence[str], value: str, default: int) -> int:
    return values.index(value) if value in values else default


class _PhraseVocabulary:
    """Phrase keys (places, target-skill phrases) and which of them a `TextIndex` contains."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._single: dict[str, int] = {}
        # Phrases of several words, by their first word (a cheap set test before the substring search).
        self._multi: dict[str, list[tuple[str, int]]] = defaultdict(list)

    def add(self, phrase: str) -> int:
        if phrase not in self.ids:
            self.ids[phrase] = len(self.ids)
            if " " in phrase:
                self._multi[phrase.split(" ", 1)[0]].append((f" {phrase} ", self.ids[phrase]))
            elif phrase:
                self._single[phrase] = self.ids[phrase]
        return self.ids[phrase]

    def __len__(self) -> int:
        return len(self.ids)

    def found_in(self, index: TextIndex) -> list[int]:
        """Ids of the phrases `phrase in index` holds for (whole words, as TextIndex.__contains__)."""
        found = [self._single[word] for word in index.words & self._single.keys()]
        for first in index.words & self._multi.keys():
            found.extend(i for needle, i in self._multi[first] if needle in index.joined)
        return found


class Cells:
    """Values at (persona row, column) cells, stored sparsely: a persona names a handful of the
    thousands of skills, places and phrases all personas name together, so a dense personas ×
    vocabulary matrix would cost hundreds of megabytes at 10,000 personas.

    A cell given twice keeps its first value, or with `add=True` the sum of its values."""

    def __init__(self, cells: Sequence[tuple[int, int, object]], width: int, empty, dtype, *, add: bool = False) -> None:
        self.width, self.empty, self.dtype = max(1, width), empty, dtype
        keys = np.array([r * self.width + c for r, c, _ in cells], dtype=np.int64)
        values = np.array([v for _, _, v in cells], dtype=dtype)
        self.keys, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        if add and keys.size:
            self.values = np.bincount(inverse, weights=values, minlength=self.keys.size).astype(dtype)
        else:
            self.values = values[first] if keys.size else values

    def dense(self, rows: int, columns: np.ndarray) -> Cells:
        """A copy holding only `columns`, as a dense rows × len(columns) matrix: fast gathers for one
        batch of postings, whose few hundred columns bound the memory."""
        return _DenseCells(self, rows, columns)

    def get(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The value of each (rows[k], columns[k]) cell; `empty` where there is none or the column is -1."""
        out = np.full(rows.size, self.empty, dtype=self.dtype)
        if not self.keys.size or not rows.size:
            return out
        wanted = rows.astype(np.int64) * self.width + columns
        at = np.minimum(np.searchsorted(self.keys, wanted), self.keys.size - 1)
        hit = (self.keys[at] == wanted) & (columns >= 0)
        out[hit] = self.values[at[hit]]
        return out


class _DenseCells(Cells):
    def __init__(self, sparse: Cells, rows: int, columns: np.ndarray) -> None:
        self.empty, self.dtype = sparse.empty, sparse.dtype
        wanted = np.unique(columns[columns >= 0])
        self.local = np.full(sparse.width + 1, -1, dtype=np.intp)  # column → local column; -1 → the empty column
        self.local[wanted] = np.arange(wanted.size)
        self.matrix = np.full((rows, wanted.size + 1), sparse.empty, dtype=sparse.dtype)
        if sparse.keys.size and wanted.size:
            cell_rows, cell_columns = np.divmod(sparse.keys, sparse.width)
            keep = np.isin(cell_columns, wanted)
            self.matrix[cell_rows[keep], self.local[cell_columns[keep]]] = sparse.values[keep]

    def get(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return self.matrix[rows, self.local[np.where(columns >= 0, columns, -1)]]


class _KeySet:
    """Which (persona row, value) pairs hold, e.g. "persona 7 has the title 'data analyst'"."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._pairs: list[tuple[int, int]] = []
        self.keys = np.zeros(0, dtype=np.int64)

    def add(self, row: int, values) -> None:
        for value in values:
            self._pairs.append((row, self.ids.setdefault(value, len(self.ids))))

    def freeze(self) -> None:
        width = max(1, len(self.ids))
        self.keys = np.unique(np.array([r * width + v for r, v in self._pairs], dtype=np.int64))
        self._pairs = []

    def id_of(self, value: str) -> int:
        return self.ids.get(value, -1) if value else -1

    def holds(self, persona_rows: np.ndarray, value_ids: np.ndarray) -> np.ndarray:
        """Per pair: whether persona persona_rows[k] has value value_ids[k] (-1: no value, never)."""
        if not self.keys.size:
            return np.zeros(persona_rows.size, dtype=bool)
        wanted = persona_rows.astype(np.int64) * max(1, len(self.ids)) + value_ids
        at = np.minimum(np.searchsorted(self.keys, wanted), self.keys.size - 1)
        return (self.keys[at] == wanted) & (value_ids >= 0)


@dataclass
class BatchScores:
    """Per candidate row (same order as the rows given): dealbreakers passed, fit, stretch."""

    rows: np.ndarray
    passed: np.ndarray
    fit: np.ndarray
    stretch: np.ndarray
    # How many of the rows `score()` decided (rules without an array form, or rounding edges).
    scalar: int = 0


class PersonaColumns:
    """Every prepared persona's scoring facts as arrays, one row per persona (built once, read per job)."""

    def __init__(self, personas: Sequence[PreparedPersona]) -> None:
        self.personas = list(personas)
        n = len(self.personas)
        self.hard_ids: dict[str, int] = {}
        self.soft_ids: dict[str, int] = {}
        self.places = _PhraseVocabulary()
        # Target skills: a mention needs the name among the posting's skills or the phrase in its text.
        self.target_ids: dict[tuple[str, str], int] = {}
        self.target_names: dict[str, list[int]] = defaultdict(list)
        self.target_phrases = _PhraseVocabulary()
        self.target_by_phrase: dict[int, list[int]] = defaultdict(list)
        # Set memberships (titles, target roles, excluded industries and companies) as sorted pair keys.
        self.titles = _KeySet()
        self.target_roles = _KeySet()
        self.industries = _KeySet()
        self.companies = _KeySet()

        hard: list[tuple[int, int, float]] = []
        soft: list[tuple[int, int]] = []
        places: list[tuple[int, int]] = []
        targets: list[tuple[int, int]] = []
        self.years = np.zeros(n)
        self.level = np.full(n, -1, dtype=np.int8)
        self.preference = np.zeros(n, dtype=np.int8)
        self.floor = np.full(n, np.nan)
        self.currency = np.zeros(n, dtype=np.int32)
        self._currencies: dict[str, int] = {}
        self.commute_limited = np.zeros(n, dtype=bool)
        self.visa_required = np.zeros(n, dtype=bool)
        self.has_titles = np.zeros(n, dtype=bool)
        self.has_targets = np.zeros(n, dtype=bool)
        self.has_soft = np.zeros(n, dtype=bool)
        self.has_target_skills = np.zeros(n, dtype=bool)
        self.soft_vector = np.zeros(n, dtype=bool)
        self.custom = np.zeros(n, dtype=bool)
        dims = next((p.title_vector.size for p in self.personas if p.title_vector is not None), 0) or next(
            (p.target_vector.size for p in self.personas if p.target_vector is not None), 0
        )
        self.title_vectors = np.zeros((n, dims), dtype=np.float32)
        self.target_vectors = np.zeros((n, dims), dtype=np.float32)
        self.has_title_vector = np.zeros(n, dtype=bool)
        self.has_target_vector = np.zeros(n, dtype=bool)

        for row, p in enumerate(self.personas):
            for name, years in p.hard_years.items():
                hard.append((row, self.hard_ids.setdefault(name, len(self.hard_ids)), years))
            for name in p.soft:
                soft.append((row, self.soft_ids.setdefault(name, len(self.soft_ids))))
            for place in p.acceptable_places:
                places.append((row, self.places.add(place)))
            for name, phrase, _display in p.target_skills:
                key = (name, phrase)
                if key not in self.target_ids:
                    self.target_ids[key] = len(self.target_ids)
                    self.target_names[name].append(self.target_ids[key])
                    if phrase:
                        self.target_by_phrase[self.target_phrases.add(phrase)].append(self.target_ids[key])
                targets.append((row, self.target_ids[key]))
            self.titles.add(row, p.titles)
            self.target_roles.add(row, p.target_roles)
            self.industries.add(row, p.industry_exclusions)
            self.companies.add(row, p.company_exclusions)
            self.years[row] = float(p.profile.years_experience or 0.0)
            rank = level_rank(p.current_level)
            self.level[row] = -1 if rank is None else rank
            self.preference[row] = _code(PREFERENCES, p.remote_preference, 3)
            if p.salary_floor is not None:
                self.floor[row] = p.salary_floor
            self.currency[row] = self._currency(p.salary_currency)
            self.commute_limited[row] = p.commute_limited
            self.visa_required[row] = bool(p.profile.visa_sponsorship_required)
            self.has_titles[row] = bool(p.titles)
            self.has_targets[row] = bool(p.target_roles)
            self.has_soft[row] = bool(p.soft)
            self.has_target_skills[row] = bool(p.target_skills)
            self.soft_vector[row] = p.soft_vector is not None
            self.custom[row] = bool(p.custom_dealbreakers)
            for vector, matrix, present in (
                (p.title_vector, self.title_vectors, self.has_title_vector),
                (p.target_vector, self.target_vectors, self.has_target_vector),
            ):
                if vector is not None and vector.size == dims:
                    matrix[row] = vector
                    present[row] = True

        self.hard_years = Cells(hard, len(self.hard_ids), np.nan, np.float64)
        self.soft_skills = Cells([(r, c, True) for r, c in soft], len(self.soft_ids), False, bool)
        self.place_cells = Cells([(r, c, True) for r, c in places], len(self.places), False, bool)
        # A persona may list one (name, phrase) twice under two spellings; score() counts both.
        self.target_counts = Cells([(r, c, 1) for r, c in targets], len(self.target_ids), 0, np.int64, add=True)
        for keys in (self.titles, self.target_roles, self.industries, self.companies):
            keys.freeze()

    @classmethod
    def build(cls, personas: Sequence[PreparedPersona]) -> PersonaColumns:
        return cls(personas)

    def __len__(self) -> int:
        return len(self.personas)

    def _currency(self, code: str | None) -> int:
        if not code:
            return 0
        return self._currencies.setdefault(code, len(self._currencies) + 1)

    def target_mentions(self, job: PreparedJob) -> list[int]:
        """Target-skill ids the posting mentions: the name among its skills, or the phrase in its text."""
        found = {i for name in job.skill_names & self.target_names.keys() for i in self.target_names[name]}
        for phrase_id in self.target_phrases.found_in(job.text_index):
            found.update(self.target_by_phrase[phrase_id])
        return sorted(found)




class JobColumns:
    """A batch of prepared jobs as arrays, keyed against one `PersonaColumns`' vocabularies."""

    def __init__(self, jobs: Sequence[PreparedJob], personas: PersonaColumns) -> None:
        self.jobs = list(jobs)
        m = len(self.jobs)
        dims = personas.title_vectors.shape[1]
        self.model = np.array([_code(MODELS, j.work_model, 3) for j in self.jobs], dtype=np.intp)
        self.remote = np.array([j.work_model == "remote" for j in self.jobs], dtype=bool)
        self.effective_remote = np.array([workmodel.effective_model(j.work_model) == "remote" for j in self.jobs])
        self.salary_max = np.array([np.nan if j.annual_salary_max is None else j.annual_salary_max for j in self.jobs])
        # 0: no currency; -1: one no persona uses (so comparable only with personas that give none).
        self.currency = np.array(
            [personas._currencies.get(j.salary_currency, -1) if j.salary_currency else 0 for j in self.jobs], dtype=np.int32
        )
        self.has_place = np.array([bool(j.place) for j in self.jobs], dtype=bool)
        self.industry = np.array([personas.industries.id_of(j.industry) for j in self.jobs], dtype=np.int64)
        self.company = np.array([personas.companies.id_of(j.company) for j in self.jobs], dtype=np.int64)
        self.visa_no = np.array([j.visa_sponsorship == "no" for j in self.jobs], dtype=bool)
        self.has_title = np.array([bool(j.title) for j in self.jobs], dtype=bool)
        self.title = np.array([personas.titles.id_of(j.title) for j in self.jobs], dtype=np.int64)
        self.target_role = np.array([personas.target_roles.id_of(j.title) for j in self.jobs], dtype=np.int64)
        self.level = np.array([_rank(j.level) for j in self.jobs], dtype=np.int8)
        self.culture = np.array([j.culture_vector is not None for j in self.jobs], dtype=bool)
        self.title_vectors = np.zeros((m, dims))
        self.has_title_vector = np.zeros(m, dtype=bool)
        self.years_low = np.full(m, np.nan)
        self.years_high = np.full(m, np.nan)
        hard: list[list[tuple[int, float, int]]] = []
        soft: list[list[int]] = []
        places: list[list[int]] = []
        targets: list[list[int]] = []
        self.required = np.zeros(m)
        self.preferred = np.zeros(m)
        self.soft_count = np.zeros(m)
        for k, job in enumerate(self.jobs):
            low, high = job.facts.years_min, job.facts.years_max
            if low is not None and high is not None and low > high:
                low, high = high, low
            self.years_low[k] = np.nan if low is None else low
            self.years_high[k] = np.nan if high is None else high
            if job.title_vector is not None and job.title_vector.size == dims:
                self.title_vectors[k] = job.title_vector
                self.has_title_vector[k] = True
            hard.append(
                [(personas.hard_ids.get(n, -1), np.nan if y is None else y, 0) for n, y, _ in job.required_hard]
                + [(personas.hard_ids.get(n, -1), np.nan if y is None else y, 1) for n, y, _ in job.preferred_hard]
            )
            self.required[k], self.preferred[k] = len(job.required_hard), len(job.preferred_hard)
            soft.append([personas.soft_ids.get(name, -1) for name, _ in job.soft])
            self.soft_count[k] = len(job.soft)
            places.append(personas.places.found_in(job.field_index["location"]) if len(personas.places) else [])
            targets.append(personas.target_mentions(job))
        self.hard_ptr, hard_cells = _ragged(hard)
        self.hard_column = np.array([c[0] for c in hard_cells], dtype=np.intp)
        self.hard_requested = np.array([c[1] for c in hard_cells], dtype=np.float64)
        self.hard_preferred = np.array([c[2] for c in hard_cells], dtype=bool)
        self.soft_ptr, soft_cells = _ragged(soft)
        self.soft_column = np.array(soft_cells, dtype=np.intp)
        self.place_ptr, place_cells = _ragged(places)
        self.place_column = np.array(place_cells, dtype=np.intp)
        self.target_ptr, target_cells = _ragged(targets)
        self.target_column = np.array(target_cells, dtype=np.intp)
        # The personas' cells for just the columns these postings name, dense for fast gathers.
        n = len(personas)
        self.persona_years = personas.hard_years.dense(n, self.hard_column)
        self.persona_soft = personas.soft_skills.dense(n, self.soft_column)
        self.persona_places = personas.place_cells.dense(n, self.place_column)
        self.persona_targets = personas.target_counts.dense(n, self.target_column)

    def __len__(self) -> int:
        return len(self.jobs)


def _rank(level: str | None) -> int:
    rank = level_rank(level)
    return -1 if rank is None else rank


def _ragged(lists: list[list]) -> tuple[np.ndarray, list]:
    """(offsets, flat cells) of a list of lists, as CSR stores them."""
    ptr = np.zeros(len(lists) + 1, dtype=np.intp)
    np.cumsum([len(cells) for cells in lists], out=ptr[1:])
    return ptr, [cell for cells in lists for cell in cells]


def _expand(ptr: np.ndarray, job_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For pairs with jobs job_rows: (pair index, cell index) of every cell of each pair's job, in order."""
    starts = ptr[job_rows]
    counts = ptr[job_rows + 1] - starts
    pair = np.repeat(np.arange(job_rows.size), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    return pair, np.repeat(starts, counts) + (np.arange(pair.size) - first)


def _per_pair(pair: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum of `values` per pair, added in cell order (so the float sums equal the scalar loops')."""
    return np.bincount(pair, weights=values, minlength=n)


def _round_half_up(values: np.ndarray) -> np.ndarray:
    # result.round_half_up: floor(round(v, 9) + 0.5); scores near a boundary are rescored by score().
    return np.floor(np.round(values, 9) + 0.5).astype(np.int16)


def _near_half(values: np.ndarray) -> np.ndarray:
    return np.abs(values - np.floor(values) - 0.5) < EDGE


def score_pairs(
    personas: PersonaColumns,
    jobs: JobColumns,
    persona_rows: np.ndarray,
    job_rows: np.ndarray,
    *,
    title_cosines: np.ndarray | None = None,
    target_cosines: np.ndarray | None = None,
    now: datetime | None = None,
) -> BatchScores:
    """What `score(personas.personas[p], jobs.jobs[j])` gives for each pair (p, j) of the two row arrays.

    `title_cosines` / `target_cosines` (optional, aligned with the pairs): the cosine of the job's
    title vector with the persona's title / target-roles vector, when the caller already has them
    from a matrix product; otherwise they are computed here. `now` dates the ghost score of the
    pairs handed to score().
    """
    p = np.asarray(persona_rows, dtype=np.intp)
    j = np.asarray(job_rows, dtype=np.intp)
    n = p.size
    if not n:
        empty = np.zeros(0, dtype=np.int16)
        return BatchScores(p, np.zeros(0, dtype=bool), empty, empty)
    preference = personas.preference[p]
    commute = personas.commute_limited[p]
    located = _located(personas, jobs, p, j)
    vectors = jobs.has_title_vector[j]
    title_vec = personas.has_title_vector[p] & vectors
    target_vec = personas.has_target_vector[p] & vectors
    title_cos = _cosines(personas.title_vectors, jobs, p, j, title_cosines)
    target_cos = _cosines(personas.target_vectors, jobs, p, j, target_cosines)

    # Dealbreakers (dealbreakers.check_dealbreakers).
    passed = ACCEPTS[jobs.model[j], preference]
    persona_currency, job_currency = personas.currency[p], jobs.currency[j]
    comparable = (persona_currency == 0) | (job_currency == 0) | (persona_currency == job_currency)
    with np.errstate(invalid="ignore"):
        passed &= ~(comparable & (jobs.salary_max[j] < personas.floor[p]))
    passed &= jobs.remote[j] | ~commute | (jobs.has_place[j] & located)
    passed &= ~personas.industries.holds(p, jobs.industry[j])
    passed &= ~personas.companies.holds(p, jobs.company[j])
    passed &= ~(jobs.visa_no[j] & personas.visa_required[p])

    # Fit (fit.fit_components), summed in score()'s order.
    has_title = jobs.has_title[j]
    title_exact = personas.titles.holds(p, jobs.title[j])
    role_title = np.where(title_exact, 100.0, (title_cos + 1.0) * 50.0)
    role_title = np.where(personas.has_titles[p] & has_title, role_title, fit_rules.NEUTRAL)
    logistics = LOGISTICS[jobs.model[j], preference]
    outside = commute & ~jobs.effective_remote[j] & ~located
    logistics = np.where(outside, logistics * workmodel.OUTSIDE_COMMUTE_FACTOR, logistics)
    fit_sum = (
        _hard_points(personas, jobs, p, j) * fit_rules.WEIGHTS["hard_skills"]
        + _soft_points(personas, jobs, p, j) * fit_rules.WEIGHTS["soft_skills"]
        + _experience_points(personas, jobs, p, j) * fit_rules.WEIGHTS["experience"]
        + role_title * fit_rules.WEIGHTS["role_title"]
        + logistics * fit_rules.WEIGHTS["logistics"]
    )

    # Stretch (stretch.stretch_components).
    role_exact = personas.target_roles.holds(p, jobs.target_role[j])
    span = stretch_rules.TARGET_ROLE_FLOOR + (target_cos + 1.0) * stretch_rules.TARGET_ROLE_SPAN
    target_role = np.where(role_exact, 100.0, np.minimum(100.0, np.maximum(0.0, span)))
    target_role = np.where(personas.has_targets[p] & has_title, target_role, stretch_rules.NEUTRAL)
    pair, cell = _expand(jobs.target_ptr, j)
    counts = _per_pair(pair, jobs.persona_targets.get(p[pair], jobs.target_column[cell]), n).astype(np.intp)
    target_skills = np.where(
        personas.has_target_skills[p], np.array(stretch_rules.TARGET_SKILL_SCORES)[np.minimum(counts, 3)], stretch_rules.NEUTRAL
    )
    stretch_sum = (
        target_role * stretch_rules.WEIGHTS["target_role"]
        + target_skills * stretch_rules.WEIGHTS["target_skills"]
        + _growth(personas, jobs, p, j) * stretch_rules.WEIGHTS["growth"]
    )

    # Pairs whose rules have no array form, or whose rounding a float32 cosine could tip: score() decides.
    scalar = personas.custom[p] | (jobs.culture[j] & personas.soft_vector[p])
    scalar |= has_title & personas.has_titles[p] & ~title_exact & ~title_vec
    scalar |= has_title & personas.has_targets[p] & ~role_exact & ~target_vec
    scalar |= _near_half(fit_sum) | _near_half(stretch_sum)
    fit, stretch = _round_half_up(fit_sum), _round_half_up(stretch_sum)
    for k in np.flatnonzero(scalar):
        result = score(personas.personas[p[k]], jobs.jobs[j[k]], now=now)
        passed[k], fit[k], stretch[k] = result.passed_dealbreakers, result.fit_score, result.stretch_score
    return BatchScores(p, passed, fit, stretch, int(scalar.sum()))


def score_candidates(personas: PersonaColumns, job: PreparedJob, rows, **options) -> BatchScores:
    """`score_pairs` for one job against the persona rows `rows`."""
    rows = np.asarray(rows, dtype=np.intp)
    return score_pairs(personas, JobColumns([job], personas), rows, np.zeros(rows.size, dtype=np.intp), **options)


def _located(personas: PersonaColumns, jobs: JobColumns, p: np.ndarray, j: np.ndarray) -> np.ndarray:
    """located_in(job, persona.acceptable_places) per pair."""
    pair, cell = _expand(jobs.place_ptr, j)
    hits = jobs.persona_places.get(p[pair], jobs.place_column[cell])
    return np.bincount(pair[hits], minlength=p.size) > 0


def _cosines(matrix: np.ndarray, jobs: JobColumns, p: np.ndarray, j: np.ndarray, given) -> np.ndarray:
    """Cosines clamped to [-1, 1] (meaningless where a side has no vector; those pairs go to score())."""
    if given is not None:
        return np.clip(np.asarray(given, dtype=np.float64), -1.0, 1.0)
    out = np.zeros(p.size)
    if matrix.shape[1]:
        for job in np.unique(j):
            at = np.flatnonzero(j == job)
            out[at] = matrix[p[at]].astype(np.float64) @ jobs.title_vectors[job]
    return np.clip(out, -1.0, 1.0)


def _hard_points(personas: PersonaColumns, jobs: JobColumns, p: np.ndarray, j: np.ndarray) -> np.ndarray:
    """fit.hard_skills per pair: required skills share 80 points and preferred 20, each skill weighed by years."""
    n = p.size
    pair, cell = _expand(jobs.hard_ptr, j)
    column = jobs.hard_column[cell]
    have = jobs.persona_years.get(p[pair], column)
    requested = jobs.hard_requested[cell]
    with np.errstate(invalid="ignore"):
        short = np.maximum(fit_rules.MIN_SHORT_SKILL_WEIGHT, 1.0 - fit_rules.SKILL_YEARS_PENALTY * (requested - have))
        weight = np.where(np.isnan(have), 0.0, np.where(np.isnan(requested) | (have >= requested), 1.0, short))
    preferred = jobs.hard_preferred[cell]
    points = np.zeros(n)
    for group, count, share in (
        (~preferred, jobs.required[j], fit_rules.REQUIRED_POINTS),
        (preferred, jobs.preferred[j], fit_rules.PREFERRED_POINTS),
    ):
        total = _per_pair(pair[group], weight[group], n)
        with np.errstate(invalid="ignore", divide="ignore"):
            points += np.where(count > 0, total / count * share, share)
    return np.where(jobs.required[j] + jobs.preferred[j] > 0, points, fit_rules.NEUTRAL)


def _soft_points(personas: PersonaColumns, jobs: JobColumns, p: np.ndarray, j: np.ndarray) -> np.ndarray:
    """fit.soft_skills without vectors (pairs with them go to score())."""
    n = p.size
    pair, cell = _expand(jobs.soft_ptr, j)
    column = jobs.soft_column[cell]
    matched = jobs.persona_soft.get(p[pair], column)
    count = jobs.soft_count[j]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.bincount(pair[matched], minlength=n) / count
    return np.where(personas.has_soft[p] & (count > 0), (share + 1.0) * 50.0, fit_rules.SOFT_NEUTRAL)


def _experience_points(personas: PersonaColumns, jobs: JobColumns, p: np.ndarray, j: np.ndarray) -> np.ndarray:
    """fit.experience per pair."""
    low, high = jobs.years_low[j], jobs.years_high[j]
    years = personas.years[p]
    with np.errstate(invalid="ignore"):
        value = np.where(years > high, np.maximum(fit_rules.OVER_FLOOR, 100.0 - fit_rules.OVER_PENALTY_PER_YEAR * (years - high)), 100.0)
        value = np.where(years < low, np.maximum(0.0, 100.0 - fit_rules.UNDER_PENALTY_PER_YEAR * (low - years)), value)
    return np.where(np.isnan(low) & np.isnan(high), fit_rules.NEUTRAL, value)


def _growth(personas: PersonaColumns, jobs: JobColumns, p: np.ndarray, j: np.ndarray) -> np.ndarray:
    """stretch.growth per pair."""
    offered, current = jobs.level[j], personas.level[p]
    value = np.where(
        offered > current, stretch_rules.GROWTH_UP, np.where(offered == current, stretch_rules.GROWTH_SAME, stretch_rules.GROWTH_DOWN)
    )
    return np.where((offered < 0) | (current < 0), stretch_rules.NEUTRAL, value)
