import pytest

from scouter.parsing.markup import (
    clean_html,
    clean_inline,
    html_to_text,
    looks_entity_escaped,
    repair_text,
    text_to_html,
)


@pytest.mark.smoke
def test_clean_html_removes_scripts_styles_handlers_javascript_links_and_pixels():
    raw = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/x">good</a></p>'
        "<script>alert(1)</script><style>p{color:red}</style>"
        '<img src="https://remotive.com/job/track/1/blank.gif?source=public_api" alt="">'
        '<iframe src="https://evil.example"></iframe><p style="color:red">Styled</p>'
    )

    assert clean_html(raw) == (
        '<p>Hello <a rel="nofollow noopener noreferrer">bad</a> '
        '<a href="https://ok.example/x" rel="nofollow noopener noreferrer">good</a></p><p>Styled</p>'
    )


def test_clean_html_repairs_double_encoded_utf8_and_literal_newlines():
    raw = "<p>What You\u00e2\u0080\u0099ll Do</p>\\n<p>Gda\u00c5\u0084sk</p>"

    assert clean_html(raw) == "<p>What You\u2019ll Do</p>\n<p>Gdańsk</p>"


def test_clean_html_unescapes_entity_escaped_markup_once():
    raw = "&lt;div class=&quot;content-intro&quot;&gt;&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt;&lt;/div&gt;"

    assert looks_entity_escaped(raw) is True
    assert clean_html(raw) == "<div><p>Fish &amp; chips</p></div>"


def test_clean_html_drops_empty_blocks():
    assert clean_html("<p></p><p><br></p><p>Text</p><p> </p>") == "<p>Text</p>"


def test_html_to_text_keeps_blocks_and_bullets():
    html = "<h3>Requirements</h3><ul><li>Python</li><li>SQL</li></ul><p>Apply&nbsp;now</p>"

    assert html_to_text(html) == "Requirements\n\n- Python\n- SQL\n\nApply now"


def test_text_to_html_escapes_plain_text_paragraphs():
    assert text_to_html("A <b> tag\n\nSecond line\nwrapped") == "<p>A &lt;b&gt; tag</p><p>Second line<br>wrapped</p>"


def test_clean_inline_flattens_markup_entities_and_space():
    assert clean_inline("  Senior&nbsp;<b>Engineer</b>\n (Remote) ") == "Senior Engineer (Remote)"


def test_repair_text_leaves_good_text_alone():
    assert repair_text("Café — naïve ‘quotes’") == "Café — naïve ‘quotes’"


def test_html_to_text_keeps_paragraph_list_items_together():
    assert html_to_text("<ul><li><p>One</p></li><li><p>Two</p></li></ul><p>After</p>") == "- One\n- Two\n\nAfter"
