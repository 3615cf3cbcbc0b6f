"""The application state machine (pure: no ORM). tracker.services.applications.change_status applies it.

Open statuses move forward along the pipeline, or to a closing status:

    applied -> recruiter_screen -> interviewing -> onsite -> offer
    any open status -> rejected | withdrawn | archived
    offer -> accepted

Closing statuses are terminal: accepted, rejected and withdrawn may only be
archived; archived goes nowhere. Leaving a closing status is an explicit
reopen (`reopen_target`), which the timeline records as its own event.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN = ("applied", "recruiter_screen", "interviewing", "onsite", "offer")
CLOSED = ("accepted", "rejected", "withdrawn", "archived")
ALL = OPEN + CLOSED

# Board columns: (key, label, statuses shown, status a dropped card takes).
COLUMNS = (
    ("applied", "Applied", ("applied",), "applied"),
    ("interviewing", "Interviewing", ("recruiter_screen", "interviewing", "onsite"), "interviewing"),
    ("offer", "Offer", ("offer",), "offer"),
    ("closed", "Closed", CLOSED, "rejected"),
)
COLUMN_OF = {status: key for key, _, statuses, _ in COLUMNS for status in statuses}
DROP_STATUS = {key: target for key, _, _, target in COLUMNS}


@dataclass(frozen=True)
class InvalidTransition(Exception):
    """A move the pipeline does not allow; `message` says why in words a user understands."""

    current: str
    target: str
    message: str

    def __str__(self) -> str:
        return self.message


def allowed_targets(current: str) -> tuple[str, ...]:
    """The statuses an application in `current` may move to (reopening aside)."""
    if current in OPEN:
        later = OPEN[OPEN.index(current) + 1 :]
        closing = ("rejected", "withdrawn", "archived") + (("accepted",) if current == "offer" else ())
        return later + closing
    if current in ("accepted", "rejected", "withdrawn"):
        return ("archived",)
    return ()


def check(current: str, target: str) -> None:
    """Raise InvalidTransition unless `current -> target` is allowed. Same status: nothing to check."""
    if target not in ALL:
        raise InvalidTransition(current, target, f"“{target}” is not a status.")
    if target == current:
        return
    if target in allowed_targets(current):
        return
    label_from, label_to = label(current), label(target)
    if current in CLOSED:
        reason = f"{label_from} is a closed status: reopen the application before moving it to {label_to}."
    elif target == "accepted":
        reason = "Only an offer can be accepted."
    else:
        reason = f"An application cannot go back from {label_from} to {label_to}."
    raise InvalidTransition(current, target, reason)


def reopen_target(current: str, before_close: str) -> str:
    """The status a closed application returns to: the one it had before it closed (Applied if unknown)."""
    if current not in CLOSED:
        raise InvalidTransition(current, current, f"{label(current)} is not closed; there is nothing to reopen.")
    return before_close if before_close in OPEN else "applied"


def label(status: str) -> str:
    return status.replace("_", " ").capitalize()
