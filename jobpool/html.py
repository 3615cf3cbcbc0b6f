"""Job-board HTML: an allow-list clean copy for pages, and plain text for matching.

Every description is untrusted. `clean_html` keeps structure (paragraphs,
lists, emphasis, links to http/https/mailto) and drops everything else:
scripts and styles with their content, event handlers, `style` attributes,
images (tracking pixels), iframes, forms, `javascript:` URLs.
"""

from __future__ import annotations

import html as html_lib
import re

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "th", "thead", "tr", "u", "ul",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Dropped together with everything inside them.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "title"})

_BLOCK_NAMES = "p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|hr|dd|dt|section|article"
_BLOCK_TAG = re.compile(rf"<\s*(?:/\s*)?(?:{_BLOCK_NAMES})\b", re.I)
# clean_html output spells tags in lower case without spaces, so a case-sensitive scan is enough there.
_CLEAN_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})[ />]")
_LOOKS_ESCAPED = re.compile(r"&lt;\s*/?\s*(?:p|div|ul|li|br|strong|b|h[1-6])\b", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n{2,}")


def unescape_if_escaped(markup: str) -> str:
    """Greenhouse and RSS send entity-escaped HTML ('&lt;p&gt;'); turn it into markup once.

    Escaped tags that outnumber real ones mean escaped markup, even when a relay wrapped it in real tags.
    """
    head = markup[:5000] if markup else ""
    escaped = len(_LOOKS_ESCAPED.findall(head))
    if escaped and escaped > head.count("<"):
        return html_lib.unescape(markup)
    return markup


def clean_html(markup: str | None) -> str:
    """The allow-listed HTML of a description, safe to render with `|safe`."""
    if not markup:
        return ""
    return nh3.clean(
        unescape_if_escaped(markup),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        link_rel="noopener noreferrer nofollow ugc",
        strip_comments=True,
    ).strip()


def html_to_text(markup: str | None, *, cleaned: bool = False) -> str:
    """Readable plain text of (possibly hostile) HTML: block elements become line breaks.

    With `cleaned=True` the markup is `clean_html` output: well-formed, with no
    script or style content, so dropping its tags is enough (and much faster).
    """
    if not markup:
        return ""
    if cleaned:
        stripped = _TAG.sub("", _CLEAN_BLOCK_TAG.sub("\n\\g<0>", markup))
    else:
        markup = _BLOCK_TAG.sub("\n\\g<0>", unescape_if_escaped(markup))
        stripped = nh3.clean(markup, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT), strip_comments=True)
    text = html_lib.unescape(stripped)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_to_html(text: str | None) -> str:
    """Plain text (a pasted posting) as escaped paragraphs."""
    if not text:
        return ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + html_lib.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
