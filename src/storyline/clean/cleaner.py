"""clean(): from a noisy Draft to an Article with clean text, blocks and recorded removals.

The passes, in order (each only looks at lines no earlier pass removed):

1. normalise title and paragraphs (NFC, whitespace); split paragraphs into lines;
2. title: a promo title ("Watch CBSN Live") gives way to the first short headline line;
3. line rules: copyright footers, support appeals and photo captions (these may read as
   prose), then media items with durations, promo/call-to-action lines;
4. learned outlet boilerplate;
5. repeated paragraphs (a body pasted twice);
6. leading/trailing runs of UI-like lines, then a trailing promo tagline;
7. dateline (place, and the wire agency as the outlet when the metadata names none; else a
   removed copyright footer's holder);
8. headings (kept as heading blocks) versus inline related headlines (removed).

Lines of hard-wrapped paragraphs (a line followed by one starting in lowercase) are never
judged one by one: a wrapped fragment is not a line of its own.
"""

from __future__ import annotations

import re

from storyline.clean import furniture
from storyline.clean import lines as rules
from storyline.clean.assemble import assemble, removals
from storyline.clean.boilerplate import OutletBoilerplate, outlet_key
from storyline.clean.dateline import find_dateline
from storyline.clean.headings import is_related_headline, is_section_heading
from storyline.clean.normalize import line_key, normalised_article_id, normalize_text
from storyline.clean.options import CleanOptions
from storyline.clean.outlet import copyright_holder, outlet_from_agency, publication_name
from storyline.clean.repeats import repeated_paragraphs
from storyline.clean.work import Line, Work, split_lines_of
from storyline.models import (
    Article,
    DateSource,
    Draft,
    PublicationDate,
    Removal,
    SourceMetadata,
)

TITLE_PARAGRAPH = -1  # Removal.paragraph of text taken from the draft's title
_NEIGHBOUR_PROSE_WORDS = 5  # a neighbour "reads as prose" for the heading tests at this length
_TITLE_MAX_WORDS = 20  # a body line promoted to title is at most this long
_SPEAKER_LABEL_RE = re.compile(r"^[A-Z][A-Z.'’ -]+:")
# Removals that show an edge of the body is page furniture (a lone UI-like line next to them goes).
_EDGE_EVIDENCE_RULES = frozenset(
    {"promo-line", "media-item", "outlet-boilerplate", "footer", "appeal", "photo-caption"}
)


def _fix_title(title: str, work: Work) -> tuple[str, list[Removal]]:
    """Drop a promo title or a body line repeating the title; promote a headline if needed."""
    options, live = work.options, work.live()
    first = work.lines[live[0]] if live else None
    if first is not None and title and line_key(first.text) == line_key(title):
        work.remove(live[0], "title-repeat", "the body's first line repeats the title")
        return title, []
    promo = rules.promo_reason(title, options.promo_max_words, options.promo_min_share)
    if title and (promo is None or not options.remove_promo):
        return title, []
    if first is None or not _headline_like(first.text, options):
        return title, []
    work.remove(live[0], "title-line", "short headline line used as the title")
    reason = f"promo title ({promo}); replaced by the first headline line" if promo else ""
    dropped = [Removal("promo-line", title, TITLE_PARAGRAPH, reason)] if title else []
    return first.text, dropped


def _headline_like(text: str, options: CleanOptions) -> bool:
    """A line that can stand as a title: a short non-sentence line that is no page furniture."""
    count = rules.word_count(text)
    if not 2 <= count <= _TITLE_MAX_WORDS or rules.ends_sentence(text) or rules.continues(text):
        return False
    furniture = rules.is_ui_like(text, options.edge_run_max_words) or rules.is_contact_line(
        text, options.promo_max_words
    )
    return rules.has_letters(text) and not furniture


def _apply_furniture(work: Work) -> None:
    """Footers, appeals and captions: explicit evidence, so prose-like lines may go too."""
    options = work.options
    longest = max(options.footer_max_words, options.appeal_max_words, options.caption_max_words)
    for index in work.live():
        line = work.lines[index]
        if line.wrapped or line.words > longest:
            continue
        found = _furniture_of(line, options)
        if found is not None:
            work.remove(index, *found)


def _furniture_of(line: Line, options: CleanOptions) -> tuple[str, str] | None:
    """(rule, reason) of the first furniture form the line takes, each within its own cap.

    The ``*_reason_of`` forms take the word count the Line already holds.
    """
    words, text = line.words, line.text
    if words <= options.footer_max_words and (reason := furniture.footer_reason_of(text, words)):
        return "footer", reason
    if words <= options.appeal_max_words and (reason := furniture.appeal_reason_of(text)):
        return "appeal", reason
    if words <= options.caption_max_words and (reason := furniture.caption_reason_of(text)):
        return "photo-caption", reason
    return None


def _apply_line_rules(work: Work) -> None:
    options = work.options
    longest = options.promo_max_words * 2  # no line rule looks at longer lines
    for index in work.live():
        line = work.lines[index]
        if line.wrapped or line.words > longest:
            continue
        if rules.is_strong_cta(line.text, options.promo_max_words):
            work.remove(index, "promo-line", "imperative call to action naming a product")
            continue
        if work.protected(index):
            continue
        if rules.is_media_item(line.text, options.promo_max_words):
            work.remove(index, "media-item", "video/audio item ending in a duration")
            continue
        reason = rules.promo_reason(line.text, options.promo_max_words, options.promo_min_share)
        if reason:
            work.remove(index, "promo-line", reason)


def _apply_boilerplate(work: Work, boilerplate: OutletBoilerplate, outlet: str | None) -> None:
    limit = work.options.boilerplate_max_words
    for index in work.live():
        line = work.lines[index]
        if line.words <= limit and boilerplate.is_boilerplate(outlet, line.text):
            work.remove(index, "outlet-boilerplate", f"line repeated across {outlet} articles")


def _apply_repeats(work: Work, paragraphs: list[str]) -> None:
    options = work.options
    keys = [_repeat_key(text) for text in paragraphs]  # exact repeats only
    counts = [0] * len(paragraphs)
    for line in work.lines:  # a paragraph's words are its lines' words
        counts[line.paragraph] += line.words
    drop = repeated_paragraphs(keys, counts, options.repeat_min_words, options.repeat_min_run)
    for index in work.live():
        reason = drop.get(work.lines[index].paragraph)
        if reason:
            work.remove(index, "repeated-block", reason)


def _repeat_key(paragraph: str) -> str:
    """The paragraph case-folded with its spaces collapsed.

    A normalised paragraph's only spaces are single " " between words and "\\n" between
    lines, so one without a line break needs no collapsing.
    """
    if "\n" in paragraph:
        return " ".join(paragraph.casefold().split())
    return paragraph.casefold()


def _edge_run(work: Work, order: list[int]) -> list[int]:
    """Undecided UI-like lines at one edge of the body, walking inwards along ``order``."""
    options, run, evidence = work.options, [], 0
    for index in order:
        if index in work.removed:
            evidence += work.removed[index][0] in _EDGE_EVIDENCE_RULES
            continue
        text = work.lines[index].text
        if work.protected(index) or work.lines[index].wrapped:
            break
        if not (
            rules.is_ui_like(text, options.edge_run_max_words)
            or rules.is_contact_line(text, options.promo_max_words)
        ):
            break
        run.append(index)
        strong, _ = rules.promo_counts(text)
        evidence += int(
            strong > 0
            or not rules.has_letters(text)
            or rules.is_contact_line(text, options.promo_max_words)
        )
    return run if len(run) >= 2 or (run and evidence) else []


def _apply_edges(work: Work) -> None:
    if not work.options.remove_promo:
        return
    indices = list(range(len(work.lines)))
    for where, order in (("start", indices), ("end", indices[::-1])):
        for index in _edge_run(work, order):
            work.remove(index, "edge-run", f"UI-like line in a run at the {where} of the body")
    _apply_tagline(work)


def _apply_tagline(work: Work) -> None:
    """A short last line naming a product/app word the body never uses (an outlet tagline)."""
    live = work.live()
    if len(live) < 2:
        return
    index = live[-1]
    text = work.lines[index].text
    if rules.word_count(text) > work.options.tagline_max_words or work.lines[index].wrapped:
        return
    product = [word for word in rules.folded_words(text) if word in rules.STRONG_PROMO_WORDS]
    if not product:
        return
    body = {word for other in live[:-1] for word in rules.folded_words(work.lines[other].text)}
    foreign = [word for word in product if word not in body]
    if foreign:
        reason = f"short last line naming {foreign[0]!r}, a product word the body never uses"
        work.remove(index, "promo-tagline", reason)


def _is_transcript(work: Work) -> bool:
    """Two different ALL CAPS labels open kept lines ("HOST:", "GUEST:"): speakers, not places.

    Only kept lines count, and distinct labels, so a dateline repeated by a body pasted twice
    ("HARBOURTON: ..." twice) is still a dateline.
    """
    labels = set()
    for index in work.live():
        match = _SPEAKER_LABEL_RE.match(work.lines[index].text)
        if match:
            labels.add(match.group(0))
    return len(labels) >= 2


def _apply_dateline(work: Work) -> None:
    """The first dateline among the first lines; stops at the first prose line."""
    for index in work.live()[: work.options.dateline_search_lines]:
        found = find_dateline(work.lines[index].text)
        if found is not None and found.prefix.rstrip().endswith(":") and _is_transcript(work):
            return
        if found is not None:
            work.dateline = (index, found)
            if found.whole_line:
                work.remove(index, "dateline", f"dateline naming {found.place}")
            return
        text = work.lines[index].text
        if rules.ends_like_prose(text) or rules.continues(text):
            return


def _is_prose(work: Work, index: int | None) -> bool:
    if index is None:
        return False
    line = work.lines[index]
    return line.prose_end and line.words >= _NEIGHBOUR_PROSE_WORDS


def _apply_headings(work: Work, marked: frozenset[int]) -> None:
    """Headings stay (as heading blocks); related headlines between prose lines go."""
    options, live = work.options, work.live()
    longest = max(options.heading_max_words, options.related_max_words)
    for position, index in enumerate(live):
        line = work.lines[index]
        if not line.alone or (line.paragraph not in marked and line.words > longest):
            continue
        before = live[position - 1] if position > 0 else None
        after = live[position + 1] if position + 1 < len(live) else None
        heading_form = is_section_heading(
            line.text, options.heading_short_words, options.heading_max_words
        )
        if line.paragraph in marked or (heading_form and _is_prose(work, after)):
            work.headings.add(index)
        elif (
            options.remove_related_headlines
            and _is_prose(work, before)
            and _is_prose(work, after)
            and is_related_headline(line.text, options.related_min_words, options.related_max_words)
        ):
            work.remove(index, "related-headline", "headline-like line between prose paragraphs")


def _published(draft: Draft) -> PublicationDate:
    value = draft.metadata.published
    if value is None:
        return PublicationDate()
    day = value.date()
    return PublicationDate(DateSource.METADATA, value, day, day, draft.metadata.published_source)


def _outlet(work: Work, metadata: SourceMetadata) -> str | None:
    """The metadata's publication name; else the wire agency of the dateline; else the
    holder a removed copyright footer names (the last one: a page's own footer closes it).

    Syndicated copy keeps the publisher its metadata names: "WASHINGTON (Reuters) -" in a
    Daily Meridian page stays a Daily Meridian article.
    """
    named = publication_name(metadata.outlet)
    if named is not None:
        return named
    agency = outlet_from_agency(work.dateline[1].agency) if work.dateline else None
    if agency is not None:
        return agency
    footers = [index for index, (rule, _) in work.removed.items() if rule == "footer"]
    for index in sorted(footers, reverse=True):
        if (holder := copyright_holder(work.lines[index].text)) is not None:
            return holder
    return None


def clean(
    draft: Draft,
    options: CleanOptions = CleanOptions(),
    boilerplate: OutletBoilerplate | None = None,
) -> Article:
    """Clean one draft (see the module docstring for the passes); never adds text."""
    paragraphs = [normalize_text(paragraph) for paragraph in draft.paragraphs]
    work = Work(split_lines_of(paragraphs), options)
    draft_title = normalize_text(draft.title)
    title, title_removals = _fix_title(" ".join(draft_title.split()), work)
    if options.remove_promo:
        _apply_furniture(work)
        _apply_line_rules(work)
    if boilerplate is not None:
        _apply_boilerplate(work, boilerplate, outlet_key(draft.metadata))
    _apply_repeats(work, paragraphs)
    _apply_edges(work)
    _apply_dateline(work)
    _apply_headings(work, frozenset(draft.heading_indices))
    text, blocks = assemble(work)
    metadata = draft.metadata
    return Article(
        id=normalised_article_id(draft_title, paragraphs),
        title=title,
        text=text,
        blocks=blocks,
        origin=draft.origin,
        raw_id=draft.raw_id,
        url=metadata.url,
        outlet=_outlet(work, metadata),
        author=metadata.author,
        language=metadata.language,
        place=work.dateline[1].place
        if work.dateline and work.dateline[1].place
        else metadata.place,
        published=_published(draft),
        removals=(*title_removals, *removals(work)),
        partial=draft.partial,
    )
