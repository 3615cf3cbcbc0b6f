import pytest

from jobpool import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://WWW.Example.com/jobs/1/?utm_source=x&b=2&a=1#apply", "example.com/jobs/1?a=1&b=2"),
        ("https://boards.greenhouse.io/acme/jobs/7?gh_src=abc&gh_jid=7", "boards.greenhouse.io/acme/jobs/7?gh_jid=7"),
        ("http://example.com:8080/x?fbclid=1", "example.com:8080/x"),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_canonical_url_strips_tracking_and_case(raw, expected):
    assert normalize.canonical_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ACME, Inc.", "acme"), ("Acme GmbH", "acme"), ("Ｓｔｒｉｐｅ LLC", "stripe"), ("Inc", "")],
)
def test_canonical_company_drops_legal_suffixes_and_width(raw, expected):
    assert normalize.canonical_company(raw) == expected


def test_canonical_title_drops_gender_markers_and_punctuation():
    assert normalize.canonical_title("Senior Engineer (m/w/d) – Payments!") == "senior engineer payments"


def test_canonical_location_folds_remote_wordings():
    assert [normalize.canonical_location(x) for x in ("Remote", "Anywhere in the World", "Berlin, DE")] == [
        "remote",
        "remote",
        "berlin de",
    ]


def test_content_hash_ignores_whitespace_case_and_markup_but_not_city():
    words_a = normalize.words("Build   services.\nRun them!")
    words_b = normalize.words("build services run THEM")

    same = [
        normalize.content_hash(title="Engineer", company="Acme Inc", location="Berlin", description_words=words_a),
        normalize.content_hash(title="engineer ", company="ACME", location="berlin", description_words=words_b),
    ]
    other_city = normalize.content_hash(title="Engineer", company="Acme", location="Munich", description_words=words_a)

    assert same[0] == same[1]
    assert other_city != same[0]
