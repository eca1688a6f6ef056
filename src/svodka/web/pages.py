"""The pages: front page (today's stories by category, any earlier day), story, article, entity,
pair timeline, search, outlets. Rendered by Jinja2 with escaping on; each answer forbids scripts
and every outside source by its Content-Security-Policy."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..listing import timeline_date
from ..records import Entity, StoryCard
from ..search.query import parse
from ..search.resolve import UnknownEntity, entity_ids, resolved
from ..search.results import Filters
from . import charts, russian
from .marks import blocks

HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
CATEGORIES = {"society": "Общество", "economy": "Экономика", "technology": "Технологии", "sports": "Спорт",
              "entertainment": "Культура и развлечения", "science": "Наука", "other": "Разное",
              "not_news": "Не новости"}
TYPES = {"PER": "персона", "ORG": "организация", "LOC": "место"}
EVENTS = {"meeting": "встреча", "call": "телефонный разговор", "negotiations": "переговоры", "visit": "визит",
          "host": "приём", "statement": "заявление", "congratulation": "поздравление", "agreement": "соглашение",
          "criticism": "критика", "accusation": "обвинение", "sanctions": "санкции", "appointment": "назначение",
          "military": "военные действия", "protest": "протест"}
STATUSES = {"happened": "состоялось", "planned": "планируется", "negated": "не состоялось",
            "hypothetical": "предположительно"}
PAGE = 20

router = APIRouter(include_in_schema=False)


def _store(request: Request):
    """The store of the application serving the page (one connection per thread, as the API's)."""
    return request.app.state.stores()


Store = Depends(_store)
templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)
templates.filters.update(day=russian.day, plural=russian.plural, q=lambda value: url_quote(str(value), safe=""))
templates.globals.update(CATEGORIES=CATEGORIES, TYPES=TYPES, STATUSES=STATUSES, EVENTS=EVENTS)


def safe_url(url: str | None) -> str | None:
    """A link to follow from a page: only http(s) URLs; anything else (javascript:, data:) is none."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def pieces(snippet) -> list[tuple[str, bool]]:
    """A snippet's text cut at its marks: (text, marked) in order."""
    found, at = [], snippet.start
    for start, end in snippet.marks:
        found += [(snippet.text[at - snippet.start:start - snippet.start], False),
                  (snippet.text[start - snippet.start:end - snippet.start], True)]
        at = end
    return [*found, (snippet.text[at - snippet.start:], False)]


templates.filters.update(safe_url=safe_url, pieces=pieces)
templates.tests["story"] = lambda value: isinstance(value, StoryCard)


def error_page(status: int, detail: str) -> HTMLResponse:
    return page("error.html", status, title="Не найдено" if status == 404 else "Ошибка", detail=detail)


def page(template: str, status: int = 200, **values) -> HTMLResponse:
    html = templates.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP,
                                                           "X-Content-Type-Options": "nosniff",
                                                           "Referrer-Policy": "no-referrer"})


@router.get("/", response_class=HTMLResponse)
def front(day: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None, store=Store):
    """The top stories by category: those seen on `day`, else the latest days of the store."""
    stories = store.story_cards(200, day) if day else store.story_cards(60)
    if day:
        stories = [story for story in stories if story.first_seen and story.first_seen <= day][:60]
    by_category: dict[str, list[StoryCard]] = {}
    for story in stories:
        by_category.setdefault(story.category, []).append(story)
    return page("front.html", title="Главное", day=day, by_category=by_category,
                today=day or date.today().isoformat(), stats=store.stats())


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(story_id: int, store=Store):
    found = store.story(story_id) if 0 < story_id < 2 ** 63 else None
    if found is None:
        raise HTTPException(404, f"нет сюжета {story_id}")
    ids = [member.article_id for member in found.members]
    thread = store.thread(found.thread) if found.first_seen else []
    originals = [m for m in found.members if m.duplicate_of is None]
    copies: dict[str, list] = {}
    for member in found.members:
        if member.duplicate_of:
            copies.setdefault(member.duplicate_of, []).append(member)
    by_outlet: dict[str, list] = {}
    for member in originals:
        by_outlet.setdefault(member.outlet or "без издания", []).append(member)
    days: dict[str, int] = {}
    for member in found.members:
        if member.published:
            days[member.published[:10]] = days.get(member.published[:10], 0) + 1
    return page("story.html", title=found.title or f"Сюжет {found.id}", story=found, by_outlet=by_outlet,
                copies=copies, quotes=store.quotes(articles=ids)[-50:],
                events=store.events(articles=ids, statuses=["happened", "planned"])[-50:],
                chart=charts.bars(sorted(days.items()), label="Статьи по дням"), thread=thread,
                entity_links=_entity_links(store, [name for name, _ in found.entities[:20]]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store=Store):
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"нет статьи {article_id}")
    names = {entity.id: entity.name for entity in found.entities}
    return page("article.html", title=found.title or found.id, article=found, blocks=blocks(found), names=names,
                sources=store.sources_of(found.id), story=store.stories_of([found.id]).get(found.id),
                editable=request.app.state.settings.allow_edit)


@router.get("/entity", response_class=HTMLResponse)
def entity_by_name(name: Annotated[str, Query(min_length=1, max_length=200)], store=Store):
    """The entity of a name, form or alias (the first when several are): its page."""
    ids = _ids_or_none(store, name)
    if not ids:
        raise HTTPException(404, f"нет сущности «{name}»")
    return RedirectResponse(f"/entities/{url_quote(ids[0], safe='')}", status_code=303)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, store=Store):
    found = store.entity(entity_id)
    if found is None:
        raise HTTPException(404, f"нет сущности {entity_id}")
    profile = store.entity_profile(found.id, 20)
    around = store.entity_graph(found.id, 12)
    return page("entity.html", title=found.name, entity=found, profile=profile,
                chart=charts.bars(profile.days[-180:], label="Упоминания по дням"),
                graph=charts.graph((found.id, found.name), around.nodes,
                                   [(a, b, kind, weight) for a, b, kind, _, weight in around.edges],
                                   lambda node: f"/entities/{url_quote(node, safe='')}"),
                quotes_by=store.quotes(by=[found.id], limit=10), quotes_about=store.quotes(about=[found.id], limit=10),
                events=store.events([found.id], limit=20, statuses=["happened", "planned"]),
                stories=store.latest_story_cards([found.id], limit=10), editable=request.app.state.settings.allow_edit)


@router.get("/pair", response_class=HTMLResponse)
def pair(a: Annotated[str, Query(min_length=1, max_length=200)], b: Annotated[str, Query(min_length=1, max_length=200)],
         store=Store):
    """The events and shared stories of two entities, in date order."""
    first, other = _ids_or_none(store, a), _ids_or_none(store, b)
    if not first or not other:
        raise HTTPException(404, f"нет сущности «{a if not first else b}»")
    items = [*store.events(first, other, limit=100, statuses=["happened", "planned", "negated", "hypothetical"]),
             *store.latest_story_cards(first, other, 100)]
    items.sort(key=timeline_date)
    names = [_stored(store, first), _stored(store, other)]
    return page("pair.html", title=f"{names[0].name} и {names[1].name}", names=names, items=items, a=a, b=b)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
           outlet: Annotated[list[str], Query(max_length=50)] = [],
           since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
           until: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
           sort: Annotated[str, Query(pattern="^(relevance|date)$")] = "relevance",
           page_number: Annotated[int, Query(alias="page", ge=1, le=500)] = 1, store=Store):
    results, error = None, None
    if q.strip() or outlet:
        try:
            query = parse(q) if q.strip() else None
            filters = resolved(store.find_entities, query, Filters(outlets=outlet, since=since, until=until))
            results = store.search(query, filters, sort if query and query.match else "date", PAGE,
                                   (page_number - 1) * PAGE, facets=8)
        except (UnknownEntity, ValueError) as problem:
            error = str(problem)
    return page("search.html", title=f"Поиск: {q}" if q else "Поиск", q=q, outlets=outlet, since=since, until=until,
                sort=sort, results=results, error=error, page_number=page_number, per_page=PAGE,
                query_string=request.url.query)


@router.get("/corrections", response_class=HTMLResponse)
def corrections(request: Request, store=Store):
    """Every correction, the latest first, with its undo where the server allows editing."""
    return page("corrections.html", title="Правки", corrections=store.corrections(),
                editable=request.app.state.settings.allow_edit)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(store=Store):
    return page("outlets.html", title="Издания", outlets=store.outlets())


@router.get("/outlets/{name}", response_class=HTMLResponse)
def outlet(name: str, store=Store):
    months, entities = store.outlet(name)
    if not months:
        raise HTTPException(404, f"нет издания {name}")
    return page("outlet.html", title=name, name=name, entities=entities,
                chart=charts.bars([(f"{month}-01", count) for month, count in months], label="Статьи по месяцам"),
                total=sum(count for _, count in months))


def _ids_or_none(store, name: str) -> list[str]:
    try:
        return entity_ids(store.find_entities, name)
    except UnknownEntity:
        return []


def _stored(store, ids: list[str]):
    """The first of `ids` the store holds, else an entity named by the id (a knowledge-base key)."""
    return next((found for found in map(store.entity, ids) if found), None) or Entity(ids[0], "", ids[0])


def _entity_links(store, names: list[str]) -> dict[str, str]:
    """Each name's entity page, for the names a story lists (they are stored as names)."""
    links = {}
    for name in names:
        found = store.find_entities(name)
        if found:
            links[name] = f"/entities/{url_quote(found[0].id, safe='')}"
    return links
