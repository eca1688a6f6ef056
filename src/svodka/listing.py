"""What the listings print: stored articles, entities, quotes, events, stories, timelines and search
hits, for the terminal (a readable line or a labelled block each) and as JSON objects.

The `*_dict` functions are the one source of each record kind's JSON fields: `--json` prints them,
and anything else that serves the same records (an HTTP API) should build on them, so that the
field names stay the same everywhere. What is printed goes through `terminal.say`, which keeps
scraped text from being interpreted by the terminal; every field of a terminal line is put on one
line first, so that a line break inside stored text cannot forge a line of its own."""
from __future__ import annotations

import textwrap
from dataclasses import asdict

from .digest import WIDTH
from .records import Article, Entity, Story, StoryCard, shallow_dict
from .search.results import Count, Facets, Hit, Snippet
from .store import ArticleRef, FoundEvent, FoundQuote


def quote_line(found: FoundQuote) -> str:
    """«Владимир Путин: «…» — 2024-06-01, ВЗГЛЯД [article id]»; indirect speech without guillemets."""
    quote = found.quote
    speaker = found.speaker_name or quote.speaker_text or quote.speaker or "(unknown speaker)"
    words = _one_line(quote.text)
    said = f"[indirect] {words}" if quote.kind == "indirect" else f"«{words}»"
    return f"{_one_line(speaker)}: {said} — {_cited(found.article)}"


def article_dict(article: Article) -> dict:
    """An article whole: text, spans, metadata, mentions, entities, quotes and events."""
    return article.to_dict()


def entity_dict(entity: Entity) -> dict:
    return {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases),
            "wikidata": entity.wikidata}


def entity_count_dict(entity: Entity, mentions: int, articles: int) -> dict:
    """An entity with how often the store mentions it, and in how many articles."""
    return {**entity_dict(entity), "mentions": mentions, "articles": articles}


def entity_detail_dict(entity: Entity, mentioned_in: list[tuple[str, str | None, int]]) -> dict:
    """An entity's counts and the articles that mention it (id, title, mentions), latest first."""
    return {**entity_count_dict(entity, sum(count for _, _, count in mentioned_in), len(mentioned_in)),
            "mentioned_in": [{"id": id, "title": title, "mentions": count} for id, title, count in mentioned_in]}


def entities_table(rows: list[tuple[Entity, int, int]]) -> list[str]:
    """A header naming the columns, then one aligned row per entity: mentions, articles, type, name, id."""
    names = [_one_line(entity.name) for entity, _, _ in rows]
    width = min(max(map(len, names), default=4), 40)
    lines = [f"{'mentions':>8}  {'articles':>8}  type  {'name':<{width}}  id"]
    lines += [f"{mentions:>8}  {articles:>8}  {_one_line(entity.type):<4}  {name:<{width}}  {_one_line(entity.id)}"
              for (entity, mentions, articles), name in zip(rows, names)]
    return lines


def entity_lines(entity: Entity, mentioned_in: list[tuple[str, str | None, int]], shown: int = 20) -> list[str]:
    """The entity's name, then a labelled line each for its type, id, aliases, Wikidata id and
    counts, then the latest `shown` articles that mention it with their mention counts."""
    mentions = sum(count for _, _, count in mentioned_in)
    lines = [_one_line(entity.name), f"  type      {_one_line(entity.type)}", f"  id        {_one_line(entity.id)}"]
    if entity.aliases:
        lines += textwrap.wrap(", ".join(map(_one_line, entity.aliases)), WIDTH, initial_indent="  aliases   ",
                               subsequent_indent=" " * 12)
    if entity.wikidata:
        lines.append(f"  wikidata  {_one_line(entity.wikidata)}")
    lines += [f"  mentions  {mentions}", f"  articles  {len(mentioned_in)}"]
    if mentioned_in:
        latest = f"latest {shown} of {len(mentioned_in)}" if len(mentioned_in) > shown else "latest first"
        lines += [f"  mentioned in ({latest}):", f"    {'mentions':>8}  {'article':<16}  title"]
        lines += [f"    {count:>8}  {_one_line(article_id):<16}  {_clip(_one_line(title or '(no title)'), WIDTH - 32)}"
                  for article_id, title, count in mentioned_in[:shown]]
    return lines


def event_lines(found: FoundEvent) -> str:
    """A heading (date, type, CAMEO code, participants, place, article) and the evidence sentence;
    a date in parentheses is the article's publication date (the event's own is unknown)."""
    event = found.event
    date = event.date or (f"({found.article.published[:10]})" if found.article.published else "(no date)")
    who = ", ".join(f"{_name(found, p.entity)} ({p.role})" for p in event.participants) or "(nobody named)"
    place = f" · {_name(found, event.place)}" if event.place else ""
    kind = " ".join(filter(None, (event.type, f"(CAMEO {event.cameo})" if event.cameo else None,
                                  None if event.status == "happened" else f"[{event.status}]")))
    lines = [f"{date}  {_one_line(kind)}  {who}{place} — {_cited(found.article)}"]
    if found.evidence:
        lines.append("    " + _clip(_one_line(found.evidence), WIDTH - 4))
    return "\n".join(lines)


def quote_dict(found: FoundQuote) -> dict:
    return {"article": shallow_dict(found.article), "ordinal": found.ordinal, "speaker_name": found.speaker_name,
            **found.quote.to_dict()}


def event_dict(found: FoundEvent) -> dict:
    data = found.event.to_dict()
    for participant in data["participants"]:
        entity = found.entity(participant["entity"])
        participant.update(name=entity.name if entity else None, type=entity.type if entity else None)
    place = found.entity(found.event.place)
    return {"id": found.id, "article": shallow_dict(found.article), "ordinal": found.ordinal, **data,
            "place_name": place.name if place else None, "evidence_text": found.evidence}


def _name(found: FoundEvent, entity_id: str | None) -> str:
    return _one_line(found.name_of(entity_id) or "")


def _cited(article: ArticleRef) -> str:
    where = ", ".join(filter(None, [(article.published or "")[:10], article.outlet or article.source]))
    return _one_line(f"{where} [{article.id}]")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def story_lines(story: Story | StoryCard, members: bool = False) -> str:
    """A heading (id, score, category, days, counts), the headline, the summary wrapped; with
    `members` (of a whole story), one line per article, copies marked."""
    outlets, articles, copies = _story_counts(story)
    flags = " BREAKING" if story.breaking else ""
    lines = [f"#{story.id}  score {story.score:.2f}{flags}  {story.category}  {story_span(story)}  "
             f"{_count(outlets, 'outlet')}, {_count(articles - copies, 'article')}"
             + (f" + {_count(copies, 'copy', 'copies')}" if copies else "")
             + (f"  thread #{story.thread}" if story.thread != story.id else ""),
             "    " + _one_line(story.title or "(no headline)")]
    lines += textwrap.wrap(_one_line(story.summary), WIDTH, initial_indent="    ", subsequent_indent="    ")
    if members and isinstance(story, Story):
        for member in story.members:
            copy = f" (copy of {member.duplicate_of})" if member.duplicate_of else ""
            where = member.url or member.source
            said = " ".join(filter(None, [(member.published or "")[:10], _one_line(member.outlet or "")]))
            lines.append(f"      - {said + ' ' if said else ''}[{member.article_id}] {_one_line(where)}{copy}")
    return "\n".join(lines)


def _story_counts(story: Story | StoryCard) -> tuple[int, int, int]:
    """Its outlets, articles, and how many of the articles are copies of another."""
    if isinstance(story, StoryCard):
        return story.outlet_count, story.articles, story.copies
    copies = sum(1 for member in story.members if member.duplicate_of is not None)
    return len(story.outlets), len(story.members), copies


def story_entities_line(story: Story, shown: int = 15) -> str:
    """«    entities: Россия (3 articles), Минск (1 article)», the most named first."""
    names = ", ".join(f"{_one_line(name)} ({_count(articles, 'article')})" for name, articles in story.entities[:shown])
    return f"    entities: {names or '(none)'}"


def story_span(story: Story | StoryCard) -> str:
    """The days its dated articles were seen: one day, a range, or "undated" when none is dated."""
    if story.first_seen is None:
        return "undated"
    return story.first_seen if story.first_seen == story.last_seen else f"{story.first_seen}…{story.last_seen}"


def story_dict(story: Story | StoryCard) -> dict:
    """A whole story (with its members, entities and the summary's sources), or a story's card."""
    return story.to_dict()


def story_detail_dict(story: Story, quotes: list[FoundQuote], events: list[FoundEvent],
                      thread: list[tuple[int, str | None]]) -> dict:
    """A story with the quotes and events of its articles and the stories of its thread (id, first seen)."""
    return {**story_dict(story), "quotes": [quote_dict(q) for q in quotes], "events": [event_dict(e) for e in events],
            "thread_stories": [{"id": id, "first_seen": day} for id, day in thread]}


def timeline_line(item: FoundEvent | StoryCard) -> str:
    """One line of a timeline: an event (as `event_lines` heads it) or a story, by its date."""
    if isinstance(item, StoryCard):
        outlets = ", ".join(_one_line(outlet) for outlet in item.outlets[:3]) + ("…" if item.outlet_count > 3 else "")
        return (f"{item.first_seen or 'undated'}  story #{item.id}  "
                f"{_one_line(item.title or '(no headline)')} "
                f"— {_count(item.outlet_count, 'outlet')}: {outlets}")
    return event_lines(item).split("\n")[0]


def timeline_dict(item: FoundEvent | StoryCard) -> dict:
    if isinstance(item, StoryCard):
        return {"kind": "story", "date": item.first_seen, **story_dict(item)}
    day = timeline_date(item)
    return {**event_dict(item), "kind": "event", "date": None if day == UNDATED else day}  # the date it is ordered by


UNDATED = "9999"  # sorts after every date


def timeline_date(item: FoundEvent | StoryCard) -> str:
    """The date to order a timeline by; what has none goes last."""
    if isinstance(item, StoryCard):
        return item.first_seen or UNDATED
    return item.event.date or (item.article.published or "")[:10] or UNDATED


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def hit_lines(rank: int, hit: Hit) -> str:
    """«3. 2024-06-01, ТАСС [id] story 12» and the snippet, its matches in [brackets]."""
    where = ", ".join(filter(None, [(hit.published or "")[:10], hit.outlet]))
    story = f" · story {hit.story}" if hit.story is not None else ""
    cited = _one_line(f"{where} [{hit.id}]" if where else f"[{hit.id}]")
    lines = [f"{rank}. {_one_line(hit.title or '(no title)')}", f"    {cited}{story}"]
    if hit.snippet is not None:
        lines.append("    " + _one_line(_marked(hit.snippet)))
    return "\n".join(lines)


def _marked(snippet: Snippet) -> str:
    text, at, pieces = snippet.text, snippet.start, []
    for start, end in snippet.marks:
        pieces.append(text[at - snippet.start : start - snippet.start])
        pieces.append(f"[{text[start - snippet.start : end - snippet.start]}]")
        at = end
    pieces.append(text[at - snippet.start :])
    return "…" + "".join(pieces) + "…"


def facet_lines(facets: Facets) -> str:
    """«outlets: ТАСС 12, РБК 5» and so on, a line per facet (entities a line per type); days as a range."""
    def counts(items: list[Count]) -> str:
        return ", ".join(f"{_one_line(item.name or item.value)} {item.count}" for item in items) or "(none)"
    lines = [f"  {label}: {counts(items)}" for label, items in (
        ("outlets", facets.outlets), ("categories", facets.categories), ("languages", facets.languages),
        ("event types", facets.event_types))]
    lines += [f"  {type} entities: {counts(items)}" for type, items in sorted(facets.entities.items())]
    if facets.days:
        busiest = max(facets.days, key=lambda day: day.count)
        lines.append(f"  days: {facets.days[0].value}…{facets.days[-1].value}, {len(facets.days)} with matches, "
                     f"most on {busiest.value} ({busiest.count})")
    if facets.sampled:
        lines.append(f"  (entities and event types counted over the first {facets.sampled:,} matches)")
    return "\n".join(lines)


def hit_dict(hit: Hit) -> dict:
    return asdict(hit)


def search_total_dict(total: int, offset: int) -> dict:
    """The first line of `svodka search --json`: how many articles match, and where this page starts."""
    return {"total": total, "offset": offset}
