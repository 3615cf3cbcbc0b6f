"""The scouter's one door into matching (ARCHITECTURE §3, §7: matching is the pool's).

After a run the scouter calls exactly two things of `jobpool.matching`:

- `score_links(persona, link_ids)`: embed what is missing and score the persona's new or stale
  links with the one scoring function the surfacing pass and rescoring also use;
- `request_surfacing()`: enqueue the pool's surfacing pass (on commit), which offers the run's
  new postings to every other persona they fit.
"""

from __future__ import annotations

from jobpool.matching import request_surfacing, score_links

__all__ = ["request_surfacing", "score_links"]
