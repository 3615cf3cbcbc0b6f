import html

import pytest

from skills.extract import ExtractedSkill, extract_skills


def names(skills: list[ExtractedSkill]) -> list[str]:
    return [s.name for s in skills]


def by_name(skills: list[ExtractedSkill]) -> dict[str, ExtractedSkill]:
    return {s.name: s for s in skills}


# ------------------------------------------------------------------ aliases
@pytest.mark.smoke
def test_extract_skills_maps_aliases_to_canonical_names():
    skills = extract_skills("We use JS, k8s, postgres and psql, golang and ReactJS.")

    assert names(skills) == ["JavaScript", "Kubernetes", "PostgreSQL", "Go", "React"]


def test_extract_skills_returns_kind_and_category():
    skills = extract_skills("Python and strong stakeholder management.")

    assert skills == [
        ExtractedSkill("Python", "hard", "programming_language", True, None),
        ExtractedSkill("Stakeholder Management", "soft", "soft_skill", True, None),
    ]


def test_extract_skills_prefers_the_longest_spelling():
    skills = extract_skills("Spring Boot, React Native and Node.js on Amazon Web Services")

    assert names(skills) == ["Spring Boot", "React Native", "Node.js", "Amazon Web Services"]


@pytest.mark.parametrize(
    "text",
    [
        "Strong JavaScript skills",  # not Java
        "Scalable systems and reactive streams",  # not Scala, not React
        "Apply at https://jobs.example.com/http/rest or mail jobs@python.org",  # links are not skills
        "Candidates should go-getters",
    ],
)
def test_extract_skills_respects_word_boundaries(text):
    assert "Java" not in names(extract_skills(text))
    assert "Scala" not in names(extract_skills(text))
    assert "React" not in names(extract_skills(text))
    assert "HTTP" not in names(extract_skills(text))
    assert "Python" not in names(extract_skills(text))
    assert "Go" not in names(extract_skills(text))


def test_extract_skills_does_not_join_words_across_punctuation():
    # "data, science" is not "Data Science"
    assert "Data Science" not in names(extract_skills("We love data, science is fun."))


# ------------------------------------------------------------------ ambiguous words
@pytest.mark.smoke
@pytest.mark.parametrize(
    "text",
    [
        "We go above and beyond for our customers.",
        "Go the extra mile with us.",
        "Experience in R&D is welcome.",
        "You will present to the C-suite.",
        "Our Series C round closed in May.",
        "Rust-proof coatings and swift delivery.",
        "Spring 2025 internship.",
        "You excel at building relationships.",
        "Access to our gym.",
        "We offer bi-weekly pay.",
    ],
)
def test_extract_skills_ignores_ambiguous_words_outside_a_technical_context(text):
    found = names(extract_skills(text))

    assert not {"Go", "R", "C", "Rust", "Swift", "Spring", "Microsoft Excel", "Business Intelligence"} & set(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Services in Go and Python.", ["Go", "Python"]),
        ("We are hiring Go developers.", ["Go"]),
        ("Models in R or Python", ["R", "Python"]),
        ("Drivers written in C and C++", ["C", "C++"]),
        ("Experience with Rust is required.", ["Rust"]),
        ("Native iOS apps in Swift.", ["iOS", "Swift"]),
        ("Java, Spring, Hibernate", ["Java", "Spring", "Hibernate"]),
        ("Reports in Excel and PowerPoint", ["Microsoft Excel", "Microsoft PowerPoint"]),
    ],
)
def test_extract_skills_finds_ambiguous_words_in_a_technical_context(text, expected):
    assert names(extract_skills(text)) == expected


def test_extract_skills_needs_exact_case_for_guarded_words():
    assert names(extract_skills("we use go and python")) == ["Python"]


def test_extract_skills_finds_spoken_languages_only_when_asked_for():
    assert names(extract_skills("Fluent German and English skills required.")) == ["German", "English"]
    assert names(extract_skills("This posting is written in English. We love German beer.")) == []


# ------------------------------------------------------------------ required vs preferred
@pytest.mark.smoke
def test_extract_skills_reads_required_and_preferred_sections_from_html():
    markup = """
        <h2>About the role</h2><p>You will build APIs in Python.</p>
        <h3>Requirements</h3><ul><li>Django</li><li>PostgreSQL</li></ul>
        <h3>Nice to have</h3><ul><li>Kubernetes</li><li>Terraform</li></ul>
    """

    skills = extract_skills("", markup)

    assert [(s.name, s.is_required) for s in skills] == [
        ("API Design", True),
        ("Python", True),
        ("Django", True),
        ("PostgreSQL", True),
        ("Kubernetes", False),
        ("Terraform", False),
    ]


def test_extract_skills_reads_sections_from_plain_text_headings():
    text = "Must have:\n- Java\n- SQL\nBonus:\n- Kafka\nPreferred qualifications\n- Scala"

    skills = extract_skills(text)

    assert [(s.name, s.is_required) for s in skills] == [
        ("Java", True), ("SQL", True), ("Apache Kafka", False), ("Scala", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with Docker is a plus.", {"Docker": False}),
        ("Terraform preferred.", {"Terraform": False}),
        ("Ideally you have worked with GraphQL.", {"GraphQL": False}),
        ("Bonus points for Rust experience.", {"Rust": False}),
        ("Python is required; Go is nice to have.", {"Python": True, "Go": False}),
        ("Python required, Go preferred", {"Python": True, "Go": False}),
        ("Experience with Snowflake is highly valued.", {"Snowflake": False}),
        ("We are open to Kotlin developers too.", {"Kotlin": False}),
        ("Scripting skills, with a preference for Perl or Bash.", {"Perl": False, "Bash": False}),
    ],
)
def test_extract_skills_reads_cue_phrases(text, expected):
    skills = extract_skills(text)

    assert {s.name: s.is_required for s in skills} == expected


def test_extract_skills_required_cue_overrides_a_preferred_section():
    text = "Nice to have:\n- Kubernetes\n- Python is required for this role."

    skills = by_name(extract_skills(text))

    assert (skills["Kubernetes"].is_required, skills["Python"].is_required) == (False, True)


def test_extract_skills_required_mention_wins_over_a_preferred_one():
    text = "Requirements:\n- AWS\nNice to have:\n- AWS certifications and Azure"

    skills = by_name(extract_skills(text))

    assert (skills["Amazon Web Services"].is_required, skills["Microsoft Azure"].is_required) == (True, False)


# ------------------------------------------------------------------ years
@pytest.mark.smoke
@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("5+ years of Python", "Python", 5),
        ("3-5 years experience with AWS", "Amazon Web Services", 3),
        ("At least two years of React.", "React", 2),
        ("Python (3+ years), Django", "Python", 3),
        ("Kubernetes: 4 years", "Kubernetes", 4),
        ("Experience with Docker", "Docker", None),
    ],
)
def test_extract_skills_reads_years_requested(text, skill, years):
    assert by_name(extract_skills(text))[skill].years_requested == years


def test_extract_skills_years_apply_to_skills_after_the_phrase_in_the_same_sentence():
    skills = by_name(extract_skills("4+ years with Java and Spring Boot. Experience with Docker."))

    assert [skills[n].years_requested for n in ("Java", "Spring Boot", "Docker")] == [4, 4, None]


def test_extract_skills_keeps_the_largest_years_mentioned():
    skills = by_name(extract_skills("2 years of SQL.\n6+ years of SQL in production."))

    assert skills["SQL"].years_requested == 6


# ------------------------------------------------------------------ HTML input
def test_extract_skills_reads_entity_escaped_html():
    markup = html.escape("<h3>Requirements</h3><ul><li>Experience with Kafka &amp; Flink</li></ul>")

    assert names(extract_skills("", markup)) == ["Apache Kafka", "Apache Flink"]


def test_extract_skills_skips_benefits_and_company_blurbs():
    markup = """
        <h2>About Acme</h2><p>Acme is a SaaS leader in healthcare and fintech.</p>
        <h2>What you'll do</h2><p>Ship features in TypeScript.</p>
        <h2>Benefits</h2><ul><li>Learning budget for AWS certifications</li></ul>
        <p>Acme is an equal opportunity employer and values collaboration.</p>
    """

    assert names(extract_skills("", markup)) == ["TypeScript"]


def test_extract_skills_skips_greenhouse_intro_and_conclusion():
    markup = (
        '<div class="content-intro"><p>We build Kubernetes tooling.</p></div>'
        "<p>You will write Go and Python services.</p>"
        '<div class="content-conclusion"><p>Docker stickers for all.</p></div>'
    )

    assert names(extract_skills("", markup)) == ["Go", "Python"]


def test_extract_skills_uses_bold_paragraphs_as_headings():
    markup = "<p><strong>Nice to have</strong></p><ul><li>Elixir</li></ul>"

    assert [(s.name, s.is_required) for s in extract_skills("", markup)] == [("Elixir", False)]


def test_extract_skills_ignores_scripts_and_styles():
    markup = "<style>.python{}</style><script>var java = 1;</script><p>Ruby on Rails</p>"

    assert names(extract_skills("", markup)) == ["Ruby on Rails"]


def test_extract_skills_scans_the_title():
    skills = extract_skills("Join our platform team.", title="Senior Go Engineer (Kubernetes)")

    assert names(skills) == ["Go", "Kubernetes"]


def test_extract_skills_returns_nothing_for_empty_input():
    assert (extract_skills(""), extract_skills("", "<p></p>")) == ([], [])


def test_extract_skills_skips_an_unheaded_company_blurb():
    text = (
        "Acme is a leading fintech platform backed by top investors, built on AI.\n"
        "You will build services in Kotlin and PostgreSQL."
    )

    assert names(extract_skills(text)) == ["Kotlin", "PostgreSQL"]


def test_extract_skills_a_long_bold_sentence_does_not_end_a_preferred_section():
    markup = (
        "<h3>Nice to have</h3><ul><li>Kafka</li></ul>"
        "<p><b>Shipping event pipelines used by millions of people every day</b></p><ul><li>Flink</li></ul>"
    )

    assert [(s.name, s.is_required) for s in extract_skills("", markup)] == [
        ("Apache Kafka", False),
        ("Apache Flink", False),
    ]
