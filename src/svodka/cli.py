"""The `svodka` command line."""
from __future__ import annotations

import contextlib
import json
import os
import shlex
from pathlib import Path
import sys
import textwrap
from dataclasses import asdict, replace
from functools import wraps

import click

from . import __version__
from .clean.dates import iso_date
from .api.serve import serve
from .digest import digest
from .terminal import say
from .export import GRAPH_FORMATS
from .export.text import EXPORTERS
from .events.lexicon import KINDS
from .events.status import STATUSES
from .export.gdelt import EVENT_EXPORTERS, GDELT_COLUMNS
from .ingest import BATCH_SIZE, IngestReport, ingest, process_inputs
from .errors import InputError
from .listing import (
    article_dict,
    entities_table,
    entity_count_dict,
    entity_detail_dict,
    entity_lines,
    event_dict,
    event_lines,
    facet_lines,
    hit_dict,
    hit_lines,
    quote_dict,
    quote_line,
    search_total_dict,
    story_detail_dict,
    story_dict,
    story_entities_line,
    story_lines,
    timeline_date,
    timeline_dict,
    timeline_line,
)
from .pipeline import default_pipeline
from .progress import IngestProgress
from .scale import ClusterError
from .records import ENTITY_TYPES, Failure
from .search.resolve import UnknownEntity
from .search.results import Filters
from .search.saved import SavedSearch
from .sources import ReadOptions, expand
from .sources.base import DEFAULT_MAX_BYTES, MB
from .stories.categories import CATEGORIES
from .store.corrections import CorrectionError
from .store import NoStore, Store, StoreError, default_db_path, open_store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 0, 1, 2, 3
EXIT_STORE_FAILED = 1
EVENT_TYPES = tuple(KINDS)

HELP = f"""svodka turns Russian-language news into clean, structured, stored articles.

\b
  svodka extract examples/              look at what svodka reads from files
  svodka ingest news/ feed.xml          store articles (re-ingesting adds nothing)
  svodka show --latest 5                read back what was stored
  svodka export --format csv --out a.csv
  svodka quotes --by Путин              who said what
  svodka events --entity Лукашенко      what happened, with whom
  svodka export --events --format gdelt --out events.tsv
  svodka stories --top 10               the stories of the day, ranked, across outlets
  svodka timeline Путин Лукашенко       their events and stories in date order

Inputs are text files, HTML pages, JSONL dumps, RSS/Atom feeds (files or URLs), WARC archives,
folders of these (searched recursively), globs, or - for standard input.

The database is {default_db_path()} unless --db or $SVODKA_DB says otherwise; only ingest
creates it. Every listing prints JSON with --json (one object per line).
Exit codes: 0 all went well, 1 some inputs failed (the rest was done) or the store cannot be used
(not a store, unopenable, read-only, full disk; said in one line), 2 bad usage (an unknown choice),
3 nothing found (no store at the path; no such article, entity or story; nothing matches).
"""


class _Commands(click.Group):
    """svodka's commands: a store that cannot be used ends any of them with one line naming the
    store and the reason, and exit code 1 (what was committed before stays)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as error:
            say(f"svodka: {error}", err=True)
            ctx.exit(EXIT_STORE_FAILED)


@click.group(cls=_Commands, help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="svodka")
def main() -> None:
    pass


def status_option(command):
    """--status: which events to show; happened ones unless asked."""
    return click.option("--status", "statuses", multiple=True, default=("happened",), show_default=True,
                        type=click.Choice([*STATUSES, "all"]), callback=_statuses,
                        help="Events of this status (happened, planned, negated, hypothetical, or all); "
                             "repeat for several.")(command)


def _statuses(ctx, param, value: tuple[str, ...]) -> tuple[str, ...] | None:
    return None if "all" in value else value


def db_option(command):
    return click.option("--db", type=click.Path(dir_okay=False), envvar="SVODKA_DB",
                        help="SQLite database file (default: $SVODKA_DB or the user data folder).")(command)


def json_option(help: str = "Print JSON, one object per line."):
    """--json: the same flag on every command that lists or sums up what it found."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def old_jsonl_option(command):
    """--jsonl, the older spelling of --json on stories and extract: still read, no longer shown."""
    return click.option("--jsonl", "old_jsonl", is_flag=True, hidden=True)(command)


def stored(db: str | None) -> Store:
    """The store at `db` for a command that only reads it. A missing one is named, never created (exit 3)."""
    return _opened(db, create=False)


def _opened(db: str | None, create: bool) -> Store:
    try:
        return open_store(db, create=create)
    except NoStore as missing:
        where = f" --db {shlex.quote(str(missing.path))}" if db else ""
        say(f"svodka: there is no store at {missing.path} (make one with: svodka ingest FILES...{where})", err=True)
        sys.exit(EXIT_NOT_FOUND)


def print_json(record: dict) -> None:
    say(json.dumps(record, ensure_ascii=False), json=True)


def print_records(records, as_json: bool, as_dict, as_text) -> None:
    """Each record as one line of JSON (`as_dict`) or as text for the terminal (`as_text`)."""
    for record in records:
        if as_json:
            print_json(as_dict(record))
        else:
            say(as_text(record))


def reading_options(command):
    """Options shared by the commands that read inputs."""
    @click.option("--date", "default_date", metavar="DATE", callback=_valid_date,
                  help="Publication date for articles that state none (e.g. 2024-06-01).")
    @click.option("--max-size", type=float, default=DEFAULT_MAX_BYTES / MB, show_default=True, metavar="MB",
                  help="Largest article (file, JSONL line, WARC record) to read, in megabytes.")
    @click.option("--encoding-errors", type=click.Choice(["strict", "replace"]), default="strict",
                  show_default=True, help="What to do with damaged UTF-8: fail the input, or replace bad bytes.")
    @click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
                  help="JSONL field mapping, e.g. --field text=body --field published=pub_date.")
    @click.option("--workers", type=click.IntRange(0), default=0, show_default=True,
                  help=f"Processes to run the language stages on, article by article; 0: every core "
                       f"({os.cpu_count()}) once there is more than a few dozen articles to process.")
    @wraps(command)
    def wrapper(*args, max_size, encoding_errors, fields, **kwargs):
        kwargs["options"] = ReadOptions(max_bytes=int(max_size * MB), encoding_errors=encoding_errors,
                                        jsonl_fields=_field_mapping(fields))
        return command(*args, **kwargs)
    return wrapper


def _auto_workers() -> int:
    return os.cpu_count() or 1


def _total_size(sources) -> int | None:
    """The inputs' bytes, when every one's size is known (files), for the progress bar's share."""
    sizes = [source.size() for source in sources if not isinstance(source, Failure)]
    return sum(sizes) if sizes and None not in sizes else None


def _valid_date(ctx, param, value: str | None) -> str | None:
    if value is not None and not iso_date(value):
        raise click.BadParameter(f"{value!r} is not a date (try 2024-06-01 or 01.06.2024)")
    return value


def _field_mapping(fields: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for item in fields:
        name, sep, key = item.partition("=")
        if not sep or not name or not key:
            raise click.BadParameter(f"{item!r} is not NAME=KEY", param_hint="--field")
        mapping[name.strip()] = key.strip()
    return mapping


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@reading_options
@click.option("--batch-size", type=click.IntRange(1), default=BATCH_SIZE, show_default=True, metavar="N",
              help="Articles stored (and clustered) per transaction: what a crash can cost at most.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run cleaning and the language stages on a Dask cluster: a scheduler's address "
                   "(tcp://host:8786), or 'local' for a cluster of --workers processes on this machine. This "
                   "process reads and stores.")
@json_option("Print the summary as JSON.")
def ingest_command(inputs, db, default_date, options, workers, batch_size, dask_address, as_json):
    """Read, clean and store articles from INPUTS (files, folders, globs, URLs, -); the only command
    that creates a store."""
    sources = list(expand(inputs, options))
    report = IngestReport()
    store = _opened(db, create=True)
    location = store.location
    try:
        with store, _cluster(dask_address, workers or os.cpu_count() or 1) as pool, \
                IngestProgress(_total_size(sources)) as progress:
            ingest(sources, store, options, default_pipeline(default_date), workers or _auto_workers(),
                   progress, batch_size=batch_size, report=report, pool=pool)
    except ClusterError as error:
        say(f"svodka: {error}", err=True)
        sys.exit(EXIT_STORE_FAILED)
    except StoreError as error:
        _print_failures(report.failures)
        say(f"svodka: {error}", err=True)
        say(f"svodka: stored before that: {report.new} new, {report.duplicate} duplicate; the batch being "
            "written was not stored (the same ingest, run again, stores the rest and nothing twice)", err=True)
        sys.exit(EXIT_STORE_FAILED)
    _print_failures(report.failures)
    if as_json:
        say(json.dumps({"database": location, **report.as_dict()}, ensure_ascii=False, indent=2), json=True)
    else:
        _print_summary(report, location)
    sys.exit(EXIT_SOME_FAILED if report.failures else EXIT_OK)



@main.command()
@click.argument("inputs", nargs=-1, required=True)
@reading_options
@json_option("Print JSON, one object per article, instead of a digest.")
@old_jsonl_option
def extract(inputs, default_date, options, workers, as_json, old_jsonl):
    """Process INPUTS without storing them and print what was found."""
    as_json = as_json or old_jsonl
    report = IngestReport()
    sources = list(expand(inputs, options))
    first = True
    for batch in process_inputs(sources, options, default_pipeline(default_date), report, workers or _auto_workers()):
        for article in batch:
            if as_json:
                print_json(article_dict(article))
            else:
                say(("" if first else "\n") + digest(article))
            first = False
    _print_failures(report.failures)
    sys.exit(EXIT_SOME_FAILED if report.failures else EXIT_OK)


@main.command()
@click.argument("article_id", required=False)
@click.option("--latest", type=click.IntRange(1), metavar="N", help="Show the last N articles ingested.")
@click.option("--text", "with_text", is_flag=True, help="Also print the body text.")
@json_option()
@db_option
def show(article_id, latest, with_text, as_json, db):
    """Show a stored article by ID (or a unique prefix of it), or the latest ones."""
    if bool(article_id) == bool(latest):
        raise click.UsageError("give either an ARTICLE_ID or --latest N")
    with stored(db) as store:
        articles = store.latest(latest) if latest else [a for a in [store.get(article_id)] if a]
        if not articles:
            say(f"svodka: no article {article_id!r} in {store.location}" if article_id
                else f"svodka: no articles in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
        for index, article in enumerate(articles):
            if as_json:
                print_json(article_dict(article))
                continue
            say(("\n" if index else "") + digest(article, store.sources_of(article.id)))
            if with_text:
                say("\n" + article.body())


def _export_help() -> str:
    columns = "\n".join(textwrap.fill(f"{name}: {meaning}", 78, initial_indent="  ", subsequent_indent="      ")
                        for name, meaning in GDELT_COLUMNS.items())
    return ("Export every stored article as JSONL or CSV, or with --events every stored event (oldest "
            "first) as JSONL, as CSV or as GDELT-style tab-separated values (--format gdelt). Cells that "
            "would start a spreadsheet formula are prefixed with '. --format parquet writes every table "
            "(articles, mentions, entities, quotes, events, stories) into the folder --out; --format gexf or "
            "graphml writes the entity graph into the file --out (the README documents their columns).\n\n"
            f"\b\nColumns of --events --format gdelt (and csv), one row per event:\n{columns}")


@main.command(help=_export_help())
@click.option("--format", "fmt", type=click.Choice(sorted({*EXPORTERS, *EVENT_EXPORTERS, "parquet", *GRAPH_FORMATS})),
              default="jsonl", show_default=True,
              help="jsonl or csv; gdelt (tab-separated events) implies --events; parquet: every table into the "
                   "folder --out; gexf or graphml: the entity graph.")
@click.option("--events", "of_events", is_flag=True, help="Export events instead of articles.")
@click.option("--out", type=click.Path(allow_dash=True), default="-",
              help="File to write (default: standard output); for parquet, the folder.")
@click.option("--min-weight", type=click.IntRange(1), default=1, show_default=True, metavar="N",
              help="gexf and graphml: only edges of N articles (or events) or more.")
@status_option
@db_option
def export(fmt, of_events, out, min_weight, statuses, db):
    if fmt == "parquet" or fmt in GRAPH_FORMATS:
        _export_whole_store(fmt, out, min_weight, db)
        return
    of_events = of_events or fmt not in EXPORTERS
    with stored(db) as store, click.open_file(out, "w", encoding="utf-8", atomic=out != "-") as stream:
        if of_events:
            count = EVENT_EXPORTERS[fmt](store.events(statuses=statuses), stream)
        else:
            count = EXPORTERS[fmt](store.articles(), stream)
    if out != "-":
        say(f"exported {count} {'events' if of_events else 'articles'} to {out}", err=True)


def _cluster(address: str | None, workers: int):
    """The Dask cluster at `address` ('local': started here with `workers` processes), or none."""
    if address is None:
        return contextlib.nullcontext()
    from .scale.dask_pool import DaskPool  # Dask loads only when asked for
    return DaskPool(address, workers)


def _export_whole_store(fmt: str, out: str, min_weight: int, db: str | None) -> None:
    """Parquet tables into the folder `out`, or the entity graph into the file `out`."""
    if out == "-":
        raise click.UsageError(f"--format {fmt} writes {'a folder' if fmt == 'parquet' else 'a file'}: give --out")
    target = Path(out)
    if fmt == "parquet" and target.exists() and not target.is_dir():
        raise click.BadParameter(f"{out} is a file; parquet tables go into a folder", param_hint="--out")
    if fmt != "parquet" and target.is_dir():
        raise click.BadParameter(f"{out} is a folder; the graph goes into a file", param_hint="--out")
    from .export.graph import entity_graph, write_graph  # pyarrow and networkx: loaded only to export
    from .export.parquet import export_parquet
    with stored(db) as store, IngestProgress(None, label="Exporting") as progress:
        if fmt == "parquet":
            counts = export_parquet(store, target, progress.article_done)
            written = ", ".join(f"{count:,} {table}" for table, count in counts.items())
        else:
            graph = entity_graph(store.articles(), min_weight, progress.article_done)
            write_graph(graph, target, fmt)
            written = f"{graph.number_of_nodes():,} entities and {graph.number_of_edges():,} edges"
    say(f"exported {written} to {out}", err=True)


@main.command()
@json_option("Print the counts as one JSON object.")
@db_option
def stats(as_json, db):
    """Counts of what the store holds."""
    with stored(db) as store:
        numbers = store.stats()
    if as_json:
        say(json.dumps(numbers, ensure_ascii=False, indent=2), json=True)
        return
    for name, value in numbers.items():
        if isinstance(value, dict):
            value = ", ".join(f"{key} {count}" for key, count in value.items()) or "—"
        say(f"{name.replace('_', ' '):<16} {value if value is not None else '—'}")


@main.command()
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, metavar="N",
              help="How many entities to list.")
@click.option("--type", "entity_type", type=click.Choice(ENTITY_TYPES, case_sensitive=False),
              help="Only people (PER), places (LOC) or organisations (ORG).")
@json_option()
@db_option
def entities(top, entity_type, as_json, db):
    """The most mentioned entities in the store: mentions, articles that mention it, type, name, id."""
    with stored(db) as store:
        rows = store.top_entities(top, entity_type)
    if as_json:
        for entity, mentions, articles in rows:
            print_json(entity_count_dict(entity, mentions, articles))
    elif rows:
        for line in entities_table(rows):
            say(line)


@main.command()
@click.argument("name")
@json_option("Print JSON, one object per entity called NAME.")
@db_option
def entity(name, as_json, db):
    """What the store knows of NAME: type, id, aliases, Wikidata id, how often it is mentioned, and the
    articles that mention it."""
    with stored(db) as store:
        found = store.find_entities(name)
        if not found:
            say(f"svodka: no entity named {name!r} in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
        for index, item in enumerate(found):
            mentioned_in = store.articles_mentioning(item.id)
            if as_json:
                print_json(entity_detail_dict(item, mentioned_in))
                continue
            if index:
                say("")
            for line in entity_lines(item, mentioned_in):
                say(line)


@main.command()
@click.option("--by", metavar="NAME", help="Only what NAME said (an entity's name, alias or id).")
@click.option("--about", metavar="NAME", help="Only quotes whose words mention NAME.")
@click.option("--story", "story_id", type=click.IntRange(1), metavar="ID", help="Only quotes from story ID's articles.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, metavar="N",
              help="How many of the latest quotes to print.")
@json_option()
@db_option
def quotes(by, about, story_id, limit, as_json, db):
    """Who said what: the latest stored quotes, oldest first."""
    with stored(db) as store:
        found = store.quotes(_entity_ids(store, by), _entity_ids(store, about), limit, _story_articles(store, story_id))
        if not found:
            say(f"svodka: no quotes{_filters(by=by, about=about, story=story_id)} in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
    print_records(found, as_json, quote_dict, quote_line)


@main.command()
@click.option("--entity", "name", metavar="NAME", help="Only events NAME takes part in (or, for a place, "
                                                       "that happened there).")
@click.option("--with", "other", metavar="NAME", help="Only events NAME takes part in too.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False), metavar="TYPE",
              help=f"Only events of this type: {', '.join(EVENT_TYPES)}.")
@click.option("--story", "story_id", type=click.IntRange(1), metavar="ID", help="Only events from story ID's articles.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, metavar="N",
              help="How many of the latest events to print.")
@json_option()
@status_option
@db_option
def events(name, other, event_type, story_id, limit, as_json, statuses, db):
    """What happened: the latest stored events by date, oldest first, with their evidence (with
    --status, also what is planned, denied or only supposed)."""
    with stored(db) as store:
        found = store.events(_entity_ids(store, name), _entity_ids(store, other), event_type, limit,
                             _story_articles(store, story_id), statuses)
        if not found:
            say(f"svodka: no events{_filters(entity=name, with_=other, type=event_type, story=story_id)} "
                f"in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
    print_records(found, as_json, event_dict, event_lines)


@main.command()
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, metavar="N",
              help="How many of the best-ranked stories to print.")
@click.option("--since", callback=_valid_date, metavar="DATE",
              help="Only stories seen on or after DATE (default: the store's last 30 days, and the undated "
                   "stories).")
@click.option("--entity", "name", metavar="NAME", help="Only stories with an article naming NAME.")
@click.option("--members", is_flag=True,
              help="List every article of each story (with --json: whole stories, as `svodka story` prints them).")
@json_option("Print JSON, one object per story: its card (counts and leading outlets; --members for the rest).")
@old_jsonl_option
@db_option
def stories(top, since, name, members, as_json, old_jsonl, db):
    """Stories ranked by outlets, articles, recency and growth: each with a headline chosen from its
    articles, a summary drawn from several outlets, and with --members its articles (copies marked)."""
    as_json = as_json or old_jsonl
    with stored(db) as store:
        _cluster_pending(store)
        listed = store.stories if members else store.story_cards
        found = listed(top, since, _entity_ids(store, name))
        if not found:
            say(f"svodka: no stories{_filters(since=since, entity=name)} in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
    print_records(found, as_json, story_dict, lambda item: story_lines(item, members) + "\n")


@main.command()
@click.argument("story_id", type=int)
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, metavar="N",
              help="How many of the latest quotes, and of the latest events, to print (`svodka quotes --story ID` "
                   "and `svodka events --story ID` list more).")
@json_option("Print the story as one JSON object.")
@status_option
@db_option
def story(story_id, limit, as_json, statuses, db):
    """One story whole: headline, summary, every article, its entities, and the latest quotes and
    events of its articles with their sources."""
    with stored(db) as store:
        _cluster_pending(store)
        found = store.story(story_id)
        if found is None:
            say(f"svodka: no story #{story_id} in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
        ids = [member.article_id for member in found.members]
        said, happened = store.quotes(articles=ids, limit=limit), store.events(articles=ids, statuses=statuses, limit=limit)
        # A story with no dated article opens no thread and continues none; the store has no day to give it.
        thread = store.thread(found.thread) if found.first_seen else [(found.id, None)]
    if as_json:
        print_json(story_detail_dict(found, said, happened, thread))
        return
    say(story_lines(found, members=True))
    say(story_entities_line(found))
    if len(thread) > 1:
        say("    thread: " + ", ".join(f"#{i} ({day})" for i, day in thread))
    for heading, lines, total in (("quotes", [quote_line(q) for q in said], found.quote_count),
                                  ("events", [event_lines(e) for e in happened], None)):
        shown = f"the latest {len(lines)}" + (f" of {total:,}" if total else "")
        say(f"    {heading}: {shown if len(lines) == limit else len(lines) or '(none)'}")
        for line in lines:
            say(textwrap.indent(line, "      "))


@main.command()
@click.argument("query", required=False, default="")
@click.option("--entity", "names", multiple=True, metavar="NAME",
              help="Only articles that mention NAME (an entity's name, alias, form or id); repeatable, all must match.")
@click.option("--watch", multiple=True, metavar="NAME",
              help="Only articles that mention any one of the --watch entities (a watchlist); repeatable.")
@click.option("--speaker", "speakers", multiple=True, metavar="NAME", help="Only articles quoting NAME; repeatable, all must.")
@click.option("--participant", "participants", multiple=True, metavar="NAME",
              help="Only articles with an event NAME takes part in; repeatable, one event with all of them.")
@click.option("--type", "event_types", multiple=True, type=click.Choice(EVENT_TYPES),
              help="Only articles with an event of this type (with --participant: that event); repeatable.")
@click.option("--status", "event_statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only articles with an event of this status (happened, planned, …); repeatable.")
@click.option("--outlet", "outlets", multiple=True, metavar="OUTLET", help="Only articles of OUTLET; repeatable.")
@click.option("--category", "categories", multiple=True, type=click.Choice(CATEGORIES, case_sensitive=False),
              help="Only articles of this category; repeatable.")
@click.option("--language", "languages", multiple=True, metavar="CODE", help="Only articles in this language (ru, uk, en, …).")
@click.option("--story", "stories", multiple=True, type=click.IntRange(1), metavar="ID", help="Only articles of story ID.")
@click.option("--since", metavar="DATE", callback=_valid_date, help="Published (or, undated, ingested) on or after DATE.")
@click.option("--until", metavar="DATE", callback=_valid_date, help="Published (or, undated, ingested) on or before DATE.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True,
              help="Rank by BM25, or newest first (always newest first without words to match).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, metavar="N")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, metavar="N")
@click.option("--facets", type=click.IntRange(0, 50), default=0, metavar="N",
              help="Also count every match per outlet, category, language, day, entity and event type (top N of each).")
@click.option("--no-latin", "latin", flag_value=False, default=True,
              help="Do not also look for the Cyrillic spelling of words in Latin letters.")
@click.option("--save", metavar="NAME", help="Keep this search (query and filters but dates and stories) as NAME: "
                                               "`svodka saved NAME` runs it, /feeds/NAME.atom serves it.")
@json_option("Print JSON: a line with the total (and facets), then one object per hit.")
@db_option
def search(query, names, watch, speakers, participants, event_types, event_statuses, outlets, categories, languages,
           stories, since, until, sort, limit, offset, facets, latin, save, as_json, db):
    """Articles whose title, lead or body match QUERY, by lemma: words (all must match), "a phrase",
    OR, NOT or -word to exclude, prefix*, ~word for its family, entity:NAME; "Lukashenko" also finds
    "Лукашенко". Without QUERY: every article the filters let through, newest first."""
    spec = _search_spec(save, query=query.strip() or None, entities=names, watch=watch, speakers=speakers,
                        participants=participants, event_types=event_types, event_statuses=event_statuses,
                        outlets=outlets, categories=categories, languages=languages, latin=latin)
    with stored(db) as store:
        filters = replace(_resolved(spec, store), stories=stories, since=since, until=until)
        results = store.search(spec.parsed(), filters, sort, limit, offset, facets=facets)
        if save:
            replaced = store.save_search(spec)
            say(f"svodka: {'replaced' if replaced else 'saved'} search {save!r}: {spec.describe()}", err=True)
    _print_results(results, offset, as_json, f"match {spec.describe()}")


@main.command()
@click.argument("name", required=False)
@click.option("--delete", is_flag=True, help="Forget the saved search NAME.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, metavar="N")
@json_option("Print JSON: one object per saved search; with NAME, a line with the total, then one object per hit.")
@db_option
def saved(name, delete, limit, as_json, db):
    """Saved searches (`svodka search … --save NAME`): without NAME, list them; with NAME, its newest
    matches; with --delete, forget it."""
    with stored(db) as store:
        if name is None:
            found = store.saved_searches()
            for search, saved_at in found:
                if as_json:
                    print_json({"name": search.name, "search": search.describe(), "saved_at": saved_at,
                                "feed": f"/feeds/{search.name}.atom"})
                else:
                    say(f"{search.name}  {search.describe()}  (saved {saved_at[:16]}, feed /feeds/{search.name}.atom)")
            if not found:
                say(f"svodka: no saved searches in {store.location} (svodka search … --save NAME keeps one)", err=True)
                sys.exit(EXIT_NOT_FOUND)
            return
        found = store.saved_searches(name)
        if not found:
            say(f"svodka: no saved search {name!r} in {store.location}", err=True)
            sys.exit(EXIT_NOT_FOUND)
        if delete:
            store.delete_saved_search(name)
            say(f"svodka: forgot saved search {name!r}", err=True)
            return
        spec = found[0][0]
        results = store.search(spec.parsed(), _resolved(spec, store), "date", limit)
    _print_results(results, 0, as_json, f"match {name!r}: {spec.describe()}")


def _search_spec(save: str | None, **fields) -> SavedSearch:
    """The search the options ask for, under the name to save it as (or a placeholder name)."""
    try:
        return SavedSearch(save or "search", **fields)
    except InputError as error:
        unnamed = not save and error.source.startswith("saved search")  # the placeholder name means nothing
        say(f"svodka: search: {error.reason}" if unnamed else f"svodka: {error}", err=True)
        sys.exit(EXIT_USAGE)


def _resolved(spec: SavedSearch, store) -> Filters:
    try:
        return spec.filters(store.find_entities)
    except UnknownEntity as error:
        say(f"svodka: {error} in {store.location}", err=True)
        sys.exit(EXIT_NOT_FOUND)


def _print_results(results, offset: int, as_json: bool, what: str) -> None:
    if as_json:
        print_json({**search_total_dict(results.total, offset),
                    **({"facets": asdict(results.facets)} if results.facets else {})})
        for hit in results.hits:
            print_json(hit_dict(hit))
    else:
        say(f"{results.total} article{'' if results.total == 1 else 's'} {what}")
        if results.facets:
            say(facet_lines(results.facets))
        for rank, hit in enumerate(results.hits, start=offset + 1):
            say(hit_lines(rank, hit))
    if not results.total:
        sys.exit(EXIT_NOT_FOUND)


@main.command()
@db_option
def reindex(db):
    """Build the search index anew from every stored article (of a store that exists)."""
    with stored(db) as store:
        count = store.reindex(lambda done, total: say(f"indexed {done:,} of {total:,}", err=True))
    say(f"search index rebuilt: {count:,} articles")


@main.command()
@click.argument("name")
@click.argument("other", required=False)
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, metavar="N",
              help="How many of the latest events and stories to print.")
@json_option()
@status_option
@db_option
def timeline(name, other, limit, as_json, statuses, db):
    """NAME's events and stories (with OTHER: those of both) in date order, with their sources."""
    with stored(db) as store:
        _cluster_pending(store)
        ids, other_ids = _entity_ids(store, name), _entity_ids(store, other)
        items = [*store.events(ids, other_ids, limit=limit, statuses=statuses),
                 *store.latest_story_cards(ids, other_ids, limit)]
        items = sorted(items, key=timeline_date)[-limit:]
        if not items:
            say(f"svodka: nothing on {name!r}{' and ' + repr(other) if other else ''} in {store.location}",
                err=True)
            sys.exit(EXIT_NOT_FOUND)
    print_records(items, as_json, timeline_dict, timeline_line)


def _cluster_pending(store) -> None:
    """Articles in no story yet (stored by an older svodka, or an ingest cut short): cluster them first."""
    done = store.cluster_pending()
    if done:
        say(f"svodka: clustered {done} articles that were in no story yet", err=True)


def _entity_ids(store, name: str | None) -> list[str] | None:
    """The ids of every entity called `name`; exit 3 when there is none."""
    if name is None:
        return None
    found = store.find_entities(name)
    if not found:
        say(f"svodka: no entity named {name!r} in {store.location}", err=True)
        sys.exit(EXIT_NOT_FOUND)
    return [entity.id for entity in found]


def _story_articles(store, story_id: int | None) -> list[str] | None:
    """The ids of story `story_id`'s articles; exit 3 when there is no such story."""
    if story_id is None:
        return None
    found = store.story_articles(story_id)
    if not found:
        say(f"svodka: no story #{story_id} in {store.location}", err=True)
        sys.exit(EXIT_NOT_FOUND)
    return found


def _filters(**given) -> str:
    shown = [f"{key.rstrip('_')} {value!r}" for key, value in given.items() if value]
    return " (" + ", ".join(shown) + ")" if shown else ""


def _print_failures(failures: list[Failure]) -> None:
    for failure in failures:
        say(f"svodka: failed: {failure}", err=True)


def _print_summary(report: IngestReport, location: str) -> None:
    skipped = sum(item.count for item in report.skipped)
    line = (f"read {report.read}, new {report.new}, duplicate {report.duplicate}, "
            f"failed {report.failed}" + (f", skipped {skipped} non-article records" if skipped else ""))
    say(f"{line} → {location}")


@main.command()
@click.option("--merge", nargs=2, metavar="ENTITY INTO", help="Merge ENTITY (a name or id) into INTO.")
@click.option("--rename", nargs=2, metavar="ENTITY NAME", help="Give ENTITY the canonical name NAME.")
@click.option("--split", nargs=2, metavar="ENTITY NAME", help="Split the name NAME off ENTITY into an entity of its own.")
@click.option("--unmention", nargs=3, type=(str, int, int), metavar="ARTICLE START END",
              help="Take the mention at START–END (character offsets) out of ARTICLE: it names no one.")
@click.option("--undo", "undo_id", type=click.IntRange(1), metavar="ID", help="Undo correction ID.")
@click.option("--who", default="", help="Who makes the correction (default: the user's login name).")
@json_option("Print JSON, one object per correction (what `svodka corrections --json` exports).")
@db_option
def corrections(merge, rename, split, unmention, undo_id, who, as_json, db):
    """Corrections made to the store, the latest first: --merge, --rename, --split and --unmention make one,
    --undo takes one back. Later ingests follow them; the pages make them with `serve --allow-edit`."""
    who = who.strip() or os.environ.get("USER") or "analyst"
    with stored(db) as store:
        try:
            if merge:
                entity, into = (_one_entity(store, name) for name in merge)
                say(f"svodka: merged {entity} into {into} (correction {store.merge_entities(entity, into, who)})", err=True)
            if rename:
                entity = _one_entity(store, rename[0])
                say(f"svodka: renamed {entity} (correction {store.rename_entity(entity, rename[1], who)})", err=True)
            if split:
                entity = _one_entity(store, split[0])
                say(f"svodka: split {split[1]!r} off {entity} (correction {store.split_entity(entity, split[1], who)})", err=True)
            if unmention:
                say(f"svodka: took the mention out (correction {store.unmention(*unmention, who)})", err=True)
            if undo_id:
                store.undo_correction(undo_id, who)
                say(f"svodka: undid correction {undo_id}", err=True)
        except CorrectionError as problem:
            say(f"svodka: {problem}", err=True)
            sys.exit(2)
        for found in store.corrections():
            if as_json:
                print_json(asdict(found))
            else:
                undone = f" — undone {found.undone_at[:16]} by {found.undone_by}" if found.undone_at else ""
                say(f"#{found.id} {found.at[:16]} {found.who}: {_correction_line(found)}{undone}")


def _correction_line(found) -> str:
    if found.kind == "merge":
        return f"merged {found.target_name} ({found.target}) into {found.value_name} ({found.value})"
    if found.kind == "rename":
        return f"renamed {found.target_name} ({found.target}) to {found.value_name}"
    if found.kind == "split":
        return f"split {found.value_name} off {found.target_name} ({found.target})"
    return f"took «{found.target_name}» ({found.value_name or 'no entity'}) out of article {found.value}"


def _one_entity(store, name: str) -> str:
    """The id of the stored entity `name` names (the first, when several do); exits 3 when none does."""
    found = [entity.id for entity in store.find_entities(name)]
    if not found:
        say(f"svodka: no entity {name!r} in {store.location}", err=True)
        sys.exit(EXIT_NOT_FOUND)
    return found[0]


main.add_command(serve)
