import pytest

from skills.sections import Section, classify_heading, find_cues, requiredness


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Requirements", Section.REQUIRED),
        ("Minimum Qualifications:", Section.REQUIRED),
        ("What you'll need", Section.REQUIRED),
        ("Must have", Section.REQUIRED),
        ("Nice to have", Section.PREFERRED),
        ("Nice‑to‑haves", Section.PREFERRED),
        ("Bonus points", Section.PREFERRED),
        ("Preferred Qualifications", Section.PREFERRED),
        ("Benefits", Section.BOILERPLATE),
        ("💙 Perks", Section.BOILERPLATE),
        ("About Acme", Section.BOILERPLATE),
        ("About the role", Section.NEUTRAL),
        ("Equal Opportunity Employer", Section.BOILERPLATE),
        ("Responsibilities", Section.NEUTRAL),
        ("Was wir bieten", Section.BOILERPLATE),
        ("Dein Profil", Section.REQUIRED),
    ],
)
def test_classify_heading(heading, section):
    assert classify_heading(heading) is section


@pytest.mark.parametrize(
    ("clause", "skill", "required"),
    [
        ("Kubernetes is a plus", "Kubernetes", False),
        ("Experience with Terraform preferred", "Terraform", False),
        ("Ideally you know Rust", "Rust", False),
        ("Python is required", "Python", True),
        ("Python required, Go preferred", "Go", False),
        ("Python required, Go preferred", "Python", True),
        ("You know SQL", "SQL", None),
    ],
)
def test_requiredness_follows_the_nearest_cue(clause, skill, required):
    start = clause.index(skill)

    result = requiredness(find_cues(clause), start, start + len(skill), default=None)

    assert result is required
