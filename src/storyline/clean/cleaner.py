"""clean(): from a noisy Draft to an Article with clean text, blocks and recorded removals.

The passes, in order (each only looks at lines no earlier pass removed):

1. normalise title and paragraphs (NFC, whitespace); split paragraphs into lines;
2. title: a promo title ("Watch CBSN Live") gives way to the first short headline line;
3. line rules: media items with durations, promo/call-to-action lines;
4. learned outlet boilerplate;
5. repeated paragraphs (a body pasted twice);
6. leading/trailing runs of UI-like lines, then a trailing promo tagline;
7. dateline (place) at the start of the body;
8. headings (kept as heading blocks) versus inline related headlines (removed).

Lines of hard-wrapped paragraphs (a line followed by one starting in lowercase) are never
judged one by one: a wrapped fragment is not a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.clean import lines as rules
from storyline.clean.boilerplate import OutletBoilerplate, outlet_key
from storyline.clean.dateline import Dateline, find_dateline
from storyline.clean.headings import is_related_headline, is_section_heading
from storyline.clean.normalize import (
    line_key,
    normalised_article_id,
    normalize_text,
)
from storyline.clean.options import CleanOptions
from storyline.clean.repeats import repeated_paragraphs
from storyline.models import (
    Article,
    Block,
    BlockKind,
    DateSource,
    Draft,
    PublicationDate,
    Removal,
)

TITLE_PARAGRAPH = -1  # Removal.paragraph of text taken from the draft's title
_NEIGHBOUR_PROSE_WORDS = 5  # a neighbour "reads as prose" for the heading tests at this length
_TITLE_MAX_WORDS = 20  # a body line promoted to title is at most this long
_SPEAKER_LABEL_RE = re.compile(r"^[A-Z][A-Z.'’ -]+:")
# Removals that show an edge of the body is page furniture (a lone UI-like line next to them goes).
_EDGE_EVIDENCE_RULES = frozenset({"promo-line", "media-item", "outlet-boilerplate"})


@dataclass(frozen=True)
class _Line:
    paragraph: int
    text: str
    alone: bool  # the line is its whole paragraph
    wrapped: bool  # part of a hard-wrapped paragraph
    gap_before: bool  # a blank line precedes it inside its paragraph (odd line-end characters)
    words: int  # whitespace-separated tokens, counted once
    prose_end: bool  # ends with . ! ? or a closing quote


@dataclass
class _Work:
    """Working state of one clean() call (private, never shared)."""

    lines: list[_Line]
    options: CleanOptions
    removed: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (rule, reason)
    headings: set[int] = field(default_factory=set)
    dateline: tuple[int, Dateline] | None = None

    def live(self) -> list[int]:
        return [index for index in range(len(self.lines)) if index not in self.removed]

    def remove(self, index: int, rule: str, reason: str) -> None:
        self.removed.setdefault(index, (rule, reason))

    def protected(self, index: int) -> bool:
        line = self.lines[index]
        return line.prose_end and line.words >= self.options.prose_min_words


def _split(paragraphs: list[str]) -> list[_Line]:
    result: list[_Line] = []
    for number, paragraph in enumerate(paragraphs):
        raw = paragraph.split("\n")
        parts = [part for part in raw if part]
        gaps = [bool(index) and not raw[index - 1] for index, part in enumerate(raw) if part]
        wrapped = any(part[:1].islower() for part in parts[1:])
        alone = len(parts) == 1
        result.extend(
            _Line(
                number,
                part,
                alone,
                wrapped,
                gap,
                rules.word_count(part),
                rules.ends_like_prose(part),
            )
            for part, gap in zip(parts, gaps, strict=True)
        )
    return result


def _fix_title(title: str, work: _Work) -> tuple[str, list[Removal]]:
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


def _apply_line_rules(work: _Work) -> None:
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


def _apply_boilerplate(work: _Work, boilerplate: OutletBoilerplate, outlet: str | None) -> None:
    limit = work.options.boilerplate_max_words
    for index in work.live():
        text = work.lines[index].text
        if rules.word_count(text) <= limit and boilerplate.is_boilerplate(outlet, text):
            work.remove(index, "outlet-boilerplate", f"line repeated across {outlet} articles")


def _apply_repeats(work: _Work, paragraphs: list[str]) -> None:
    options = work.options
    keys = [" ".join(text.casefold().split()) for text in paragraphs]  # exact repeats only
    counts = [rules.word_count(text) for text in paragraphs]
    drop = repeated_paragraphs(keys, counts, options.repeat_min_words, options.repeat_min_run)
    for index in work.live():
        reason = drop.get(work.lines[index].paragraph)
        if reason:
            work.remove(index, "repeated-block", reason)


def _edge_run(work: _Work, order: list[int]) -> list[int]:
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


def _apply_edges(work: _Work) -> None:
    if not work.options.remove_promo:
        return
    indices = list(range(len(work.lines)))
    for where, order in (("start", indices), ("end", indices[::-1])):
        for index in _edge_run(work, order):
            work.remove(index, "edge-run", f"UI-like line in a run at the {where} of the body")
    _apply_tagline(work)


def _apply_tagline(work: _Work) -> None:
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


def _is_transcript(work: _Work) -> bool:
    """Two or more lines open with an ALL CAPS label and a colon: speaker labels, not places."""
    labelled = sum(1 for line in work.lines if _SPEAKER_LABEL_RE.match(line.text))
    return labelled >= 2


def _apply_dateline(work: _Work) -> None:
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


def _is_prose(work: _Work, index: int | None) -> bool:
    if index is None:
        return False
    line = work.lines[index]
    return line.prose_end and line.words >= _NEIGHBOUR_PROSE_WORDS


def _apply_headings(work: _Work, marked: frozenset[int]) -> None:
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


def _line_text(work: _Work, index: int) -> str:
    text = work.lines[index].text
    if work.dateline is not None and work.dateline[0] == index:
        return text[len(work.dateline[1].prefix) :].strip()
    return text


def _kept_runs(work: _Work) -> list[list[int]]:
    """Kept lines grouped by paragraph; a removed line splits its paragraph in two blocks."""
    runs: list[list[int]] = []
    previous: _Line | None = None
    for index, line in enumerate(work.lines):
        if index in work.removed:
            previous = None
            continue
        if previous is None or previous.paragraph != line.paragraph or line.gap_before:
            runs.append([])
        runs[-1].append(index)
        previous = line
    return runs


def _assemble(work: _Work) -> tuple[str, tuple[Block, ...]]:
    """Join kept lines per run ("\\n") and runs as blocks ("\\n\\n"): text stays verbatim."""
    texts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for indices in _kept_runs(work):
        text = "\n".join(part for part in (_line_text(work, i) for i in indices) if part)
        if not text:
            continue
        heading = len(indices) == 1 and indices[0] in work.headings
        kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
        blocks.append(Block(kind, offset, offset + len(text)))
        texts.append(text)
        offset += len(text) + 2
    return "\n\n".join(texts), tuple(blocks)


def _removals(work: _Work) -> list[Removal]:
    found = [
        Removal(rule, work.lines[index].text, work.lines[index].paragraph, reason)
        for index, (rule, reason) in sorted(work.removed.items())
    ]
    if work.dateline is not None and not work.dateline[1].whole_line:
        index, dateline = work.dateline
        reason = f"dateline naming {dateline.place}" if dateline.place else "wire agency tag"
        found.append(
            Removal("dateline", dateline.prefix.strip(), work.lines[index].paragraph, reason)
        )
    return sorted(found, key=lambda removal: removal.paragraph)


def _published(draft: Draft) -> PublicationDate:
    value = draft.metadata.published
    if value is None:
        return PublicationDate()
    day = value.date()
    return PublicationDate(DateSource.METADATA, value, day, day, draft.metadata.published_source)


def clean(
    draft: Draft,
    options: CleanOptions = CleanOptions(),
    boilerplate: OutletBoilerplate | None = None,
) -> Article:
    """Clean one draft (see the module docstring for the passes); never adds text."""
    paragraphs = [normalize_text(paragraph) for paragraph in draft.paragraphs]
    work = _Work(_split(paragraphs), options)
    draft_title = normalize_text(draft.title)
    title, title_removals = _fix_title(" ".join(draft_title.split()), work)
    if options.remove_promo:
        _apply_line_rules(work)
    if boilerplate is not None:
        _apply_boilerplate(work, boilerplate, outlet_key(draft.metadata))
    _apply_repeats(work, paragraphs)
    _apply_edges(work)
    _apply_dateline(work)
    _apply_headings(work, frozenset(draft.heading_indices))
    text, blocks = _assemble(work)
    metadata = draft.metadata
    return Article(
        id=normalised_article_id(draft_title, paragraphs),
        title=title,
        text=text,
        blocks=blocks,
        origin=draft.origin,
        raw_id=draft.raw_id,
        url=metadata.url,
        outlet=metadata.outlet,
        author=metadata.author,
        language=metadata.language,
        place=work.dateline[1].place
        if work.dateline and work.dateline[1].place
        else metadata.place,
        published=_published(draft),
        removals=(*title_removals, *_removals(work)),
        partial=draft.partial,
    )
