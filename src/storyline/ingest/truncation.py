"""Did an HTML document stop early?  A cut-off download or save ends without its closing
</body> and </html>, often inside a tag, and its text stops mid-sentence.  HTML allows
leaving those closing tags out, so their absence alone is not a cut: the text must also stop
mid-sentence, or the document must end inside a tag, comment or script, or leave open a
container (<article>, <main>, <section>, <div>) whose closing tag HTML requires."""

from __future__ import annotations

import re
from dataclasses import dataclass

# How much of a document's end is searched for an unclosed tag or element: a cut tag is a
# few hundred characters at most, and the last opened element names where the cut fell.
TAIL_CHARS = 4096
SAMPLE_CHARS = 60

_OPENED = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_CLOSED = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_TAG_START = re.compile(r"<(?:[A-Za-z/!?]|\s*$)")
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
# Containers whose end tag HTML requires, innermost kind first.
_CONTAINERS = ("article", "main", "section", "div")
# Text that ends a sentence: terminal punctuation, then closing quotes or brackets.
_COMPLETE = re.compile(r"[.!?\u2026:;\u3002\uff01\uff1f\u061f][\"'\u201d\u2019\u00bb)\]]*$")


@dataclass(frozen=True)
class Cut:
    """Where an HTML document that stops early ends."""

    place: str  # "inside the tag '<p cla'", "inside a <p> element, without </body> or </html>"
    certain: bool  # ends inside a tag, comment, script or open container: surely cut off


def html_cut(html: str) -> Cut | None:
    """Where ``html`` stops early, or None when it ends as a document or fragment may."""
    tail = html.rstrip()[-TAIL_CHARS:]
    if not tail:
        return None
    inside = _inside_markup(tail)
    if inside is not None:
        return Cut(inside, certain=True)
    if _OPENED.search(html) is None or _CLOSED.search(html) is not None:
        return None  # a fragment, or a document closed as it should be
    container = _open_container(html)
    if container is not None:
        return Cut(f"inside an unclosed <{container}> element, without </body> or </html>", True)
    opened = _OPEN_TAG.findall(tail)
    element = f"inside a <{opened[-1].lower()}> element, " if opened else ""
    return Cut(f"{element}without </body> or </html>", certain=False)


def _open_container(html: str) -> str | None:
    """The first container element opened more often than closed, or None."""
    lowered = html.lower()
    for tag in _CONTAINERS:
        opened = len(re.findall(rf"<{tag}[\s>]", lowered))
        if opened > lowered.count(f"</{tag}>"):
            return tag
    return None


def _inside_markup(tail: str) -> str | None:
    """How ``tail`` ends inside markup (a tag, comment or script), or None."""
    if tail.rfind("<!--") > tail.rfind("-->"):
        return "inside an HTML comment"
    scripts = list(_SCRIPT_OPEN.finditer(tail))
    if scripts and tail.lower().rfind(f"</{scripts[-1].group(1).lower()}") < scripts[-1].start():
        return f"inside a <{scripts[-1].group(1).lower()}> element"
    start = tail.rfind("<")
    if start > tail.rfind(">") and _TAG_START.match(tail, start):
        return f"inside the tag {_clipped(tail[start:])!r}"
    return None


def without_cut_tag(html: str) -> str:
    """``html`` without the unfinished tag it ends in, which parsers would keep as text
    ("Weather Video <")."""
    start = html.rfind("<", max(0, len(html) - TAIL_CHARS))
    if start > html.rfind(">") and _TAG_START.match(html, start):
        return html[:start]
    return html


def ends_mid_sentence(text: str) -> bool:
    """True when ``text`` stops without sentence-final punctuation."""
    return _COMPLETE.search(text.rstrip()) is None


def last_words(text: str) -> str:
    """The end of ``text``, for a message: "...after a pass"."""
    text = text.rstrip()
    return text if len(text) <= SAMPLE_CHARS else "\u2026" + text[-SAMPLE_CHARS:].lstrip()


def _clipped(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "\u2026"
