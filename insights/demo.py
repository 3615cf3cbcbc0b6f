"""The public demo board: sample applications built in memory (pure: no ORM, never anyone's rows).

The cards quack like tracker Applications where the demo template needs it
(company, title, status, tags, next action, follow-up), grouped into the
tracker's own board columns (tracker.transitions.COLUMNS).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker import transitions


def in_days(days: int) -> str:
    """Relative day in words: the demo has no calendar of its own."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


@dataclass(frozen=True)
class DemoEvent:
    days_ago: int
    message: str

    @property
    def when(self) -> str:
        return in_days(-self.days_ago)


@dataclass(frozen=True)
class DemoInterview:
    in_days: int
    stage: str
    kind: str
    interviewer: str = ""

    @property
    def when(self) -> str:
        return in_days(self.in_days)


@dataclass(frozen=True)
class DemoCard:
    key: str
    company_name: str
    title: str
    status: str
    location: str
    priority: str = "normal"
    tags: tuple[str, ...] = ()
    next_action_title: str = ""
    next_action_in_days: int | None = None
    quiet_days: int = 0
    notes: tuple[str, ...] = ()
    interviews: tuple[DemoInterview, ...] = ()
    timeline: tuple[DemoEvent, ...] = ()

    @property
    def status_label(self) -> str:
        return transitions.label(self.status)

    @property
    def next_action_when(self) -> str:
        return in_days(self.next_action_in_days) if self.next_action_in_days is not None else ""

    @property
    def needs_follow_up(self) -> bool:
        if self.status in transitions.CLOSED:
            return False
        if self.next_action_in_days is not None:
            return self.next_action_in_days <= 0
        return self.quiet_days >= 7


SAMPLE = (
    DemoCard(
        "northwind", "Northwind Analytics", "Senior Backend Engineer", "applied", "Remote (EU)", "high",
        ("python", "remote"), "Follow up with the recruiter", 0, notes=("Referred by a former colleague.",),
        timeline=(DemoEvent(9, "Applied to Senior Backend Engineer at Northwind Analytics"), DemoEvent(2, "Next: Follow up with the recruiter")),
    ),
    DemoCard(
        "lumen", "Lumen Health", "Platform Engineer", "applied", "Berlin", quiet_days=12, tags=("kubernetes",),
        timeline=(DemoEvent(12, "Applied to Platform Engineer at Lumen Health"),),
    ),
    DemoCard(
        "orbital", "Orbital Freight", "Data Engineer", "interviewing", "Hamburg (hybrid)", "high", ("data", "hybrid"),
        "Prepare the system design round", 2,
        notes=("Team of six, on-call one week in six.", "Ask about the migration to streaming."),
        interviews=(DemoInterview(3, "Technical", "video", "Priya, staff engineer"),),
        timeline=(
            DemoEvent(21, "Applied to Data Engineer at Orbital Freight"),
            DemoEvent(14, "Applied → Recruiter screen"),
            DemoEvent(6, "Recruiter screen → Interviewing"),
            DemoEvent(5, "Technical interview scheduled"),
        ),
    ),
    DemoCard(
        "pinecrest", "Pinecrest Bank", "Site Reliability Engineer", "recruiter_screen", "Zurich", tags=("sre",),
        interviews=(DemoInterview(1, "Recruiter screen", "phone", "Marco (talent team)"),),
        timeline=(DemoEvent(8, "Applied to Site Reliability Engineer at Pinecrest Bank"), DemoEvent(3, "Applied → Recruiter screen")),
    ),
    DemoCard(
        "fjord", "Fjord Robotics", "Software Engineer, Controls", "offer", "Oslo", "high", ("robotics",),
        "Reply to the offer", 4, notes=("Offer: base 780k NOK, answer by Friday.",),
        timeline=(
            DemoEvent(40, "Applied to Software Engineer, Controls at Fjord Robotics"),
            DemoEvent(30, "Applied → Interviewing"),
            DemoEvent(12, "Interviewing → Onsite"),
            DemoEvent(2, "Onsite → Offer"),
        ),
    ),
    DemoCard(
        "quarry", "Quarry Games", "Backend Developer", "rejected", "Remote", "low", ("games",),
        notes=("Feedback: wanted more C++ experience.",),
        timeline=(DemoEvent(30, "Applied to Backend Developer at Quarry Games"), DemoEvent(10, "Applied → Rejected")),
    ),
)


@dataclass
class DemoColumn:
    key: str
    label: str
    cards: list[DemoCard] = field(default_factory=list)


def demo_board(cards: tuple[DemoCard, ...] = SAMPLE) -> list[DemoColumn]:
    columns = {key: DemoColumn(key, label) for key, label, _, _ in transitions.COLUMNS}
    for card in cards:
        columns[transitions.COLUMN_OF[card.status]].cards.append(card)
    return list(columns.values())

