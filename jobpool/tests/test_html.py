from jobpool.html import clean_html, html_to_text

HOSTILE = (
    '<p onclick="steal()">Hello <b>world</b></p>'
    "<script>alert('x')</script>"
    '<style>body{display:none}</style>'
    '<a href="javascript:alert(1)">click</a>'
    '<a href="https://example.com/apply" onmouseover="x()">apply</a>'
    '<img src="https://tracker.example/p.gif" onerror="pwn()">'
    '<iframe src="https://evil.example"></iframe>'
    '<div style="position:fixed">styled</div>'
    '<svg><script>alert(2)</script></svg>'
)


def test_clean_html_removes_every_active_part():
    cleaned = clean_html(HOSTILE)

    for needle in ("<script", "alert", "onclick", "onmouseover", "onerror", "javascript:", "<style", "display:none",
                   "style=", "<iframe", "<img", "<svg", "tracker.example"):
        assert needle not in cleaned.lower(), needle
    assert "<b>world</b>" in cleaned
    assert 'href="https://example.com/apply"' in cleaned
    assert 'rel="noopener noreferrer nofollow ugc"' in cleaned


def test_clean_html_unescapes_entity_escaped_markup_once():
    escaped = "&lt;div class=&quot;content-intro&quot;&gt;&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;&lt;/div&gt;"

    assert clean_html(escaped) == "<div><p>Hi &amp; bye</p></div>"


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    text = html_to_text("<p>One&nbsp;line</p><ul><li>a</li><li>b</li></ul><script>x()</script>")

    assert text == "One line\n\na\n\nb"


def test_html_to_text_of_cleaned_markup_matches_the_slow_path():
    markup = "<div><p>First</p><p>Second <a href='https://x.example'>link</a></p><ul><li>item</li></ul></div>"

    assert html_to_text(clean_html(markup), cleaned=True) == html_to_text(markup)
