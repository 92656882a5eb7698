"""The extraction pipeline: ingest -> extract -> locate -> merge, as one library call the CLI commands share."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mapper.article import Article
from mapper.errors import ExtractError, Problem
from mapper.events.locate import UnresolvedMention, locate_reports
from mapper.events.merge import merge_events
from mapper.events.model import Event


@dataclass(frozen=True, slots=True)
class PipelineResult:
    """What a run produced.

    ``events`` are located (sorted by date, place, id); ``unlocated`` are merged events with no place (regions
    with no admin area found); ``unresolved`` the names the gazetteer could not settle; ``problems`` the inputs
    that could not be read or were read with a caveat.
    """

    events: tuple[Event, ...]
    unresolved: tuple[UnresolvedMention, ...]
    unlocated: tuple[Event, ...]
    problems: tuple[Problem, ...]
    articles_count: int
    reports_count: int = 0

    @property
    def failed(self) -> bool:
        """True when some input could not be read (a problem of severity "error")."""
        return any(p.severity == "error" for p in self.problems)


def extract_events(paths: Iterable, *, gazetteer, published=None, manifest=None,
                   progress: Callable[[Article | Problem], None] | None = None, near=None, bbox=None,
                   window_days: int = 4, max_bytes: int = 10_000_000) -> PipelineResult:
    """Read articles, extract reports, resolve their places and merge them into events.

    Parameters
    ----------
    paths : iterable of path-like
        Files or directories (what :func:`mapper.ingest.read_articles` accepts).
    gazetteer : Gazetteer
        Used to resolve places (passed in, never built here).
    published : datetime.date, optional
        Publication day for a single file with no metadata.
    manifest : path-like, optional
        A manifest CSV naming files and their metadata.
    progress : callable, optional
        Called with each Article or Problem as it is read.
    near, bbox : optional
        Area of interest handed to the gazetteer.
    window_days : int
        Merge window (see :func:`mapper.events.merge_events`).
    max_bytes : int
        Larger files are skipped with a problem naming their size.
    """
    # The extractor drops a capitalised sentence opener that is no known place; gazetteers without is_known skip it.
    is_place = getattr(gazetteer, "is_known", None)
    manifest = Path(manifest) if manifest else None
    with collector_paused():
        return _run(paths, gazetteer, is_place, published, manifest, progress, near, bbox, window_days, max_bytes)


def _run(paths, gazetteer, is_place, published, manifest, progress, near, bbox, window_days,
         max_bytes) -> PipelineResult:
    """The body of :func:`extract_events`, run with the collector paused."""
    # Imported here so the events stage can be used (and tested) with only the stages it needs.
    from mapper.extract import extract_reports
    from mapper.ingest import read_articles

    problems: list[Problem] = []
    reports = []
    articles = 0
    for item in read_articles(list(paths), published=published, manifest=manifest, max_bytes=max_bytes):
        if progress is not None:
            progress(item)
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles += 1
        try:
            reports.extend(extract_reports(item, is_place=is_place))
        except (ExtractError, ValueError) as e:
            problems.append(Problem(item.path, f"cannot extract: {e}"))
    located = locate_reports(reports, gazetteer, near=near, bbox=bbox)
    return PipelineResult(
        events=tuple(merge_events(located.located, window_days=window_days)),
        unresolved=located.unresolved,
        unlocated=tuple(merge_events(located.unlocated, window_days=window_days)),
        problems=tuple(problems),
        articles_count=articles,
        reports_count=len(reports),
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a batch run, then restore it as it was.

    A run allocates millions of small acyclic values (sentences, reports, events) that live to its end: the collector
    finds next to nothing among them (about 700 objects in a 5,000-article run) but walks the growing heap again and
    again, about 5% of the run. Reference counting still frees everything that is not in a cycle. On the way out,
    what the run still holds is moved to the oldest generation (``gc.freeze()`` then ``gc.unfreeze()``: no walk), so
    that the first collection after it does not walk it all once more (another ~2%); it is skipped when the program
    keeps objects frozen itself, which unfreezing would undo.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def unresolved_summary(unresolved: Sequence[UnresolvedMention], limit: int = 20) -> list[str]:
    """Lines that sum up unresolved names, most frequent first: ``name (status, N×): sentence``."""
    counts: dict[str, list[UnresolvedMention]] = {}
    for item in unresolved:
        counts.setdefault(item.mention, []).append(item)
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    lines = []
    for name, items in ranked[:limit]:
        first = items[0]
        extra = f"; candidates {', '.join(first.candidates[:3])}" if first.candidates else ""
        sentence = " ".join(first.sentence.split())
        sentence = sentence if len(sentence) <= 100 else sentence[:97] + "..."
        lines.append(f"  {name} ({first.status}, {len(items)}x{extra}) [{first.article}]: {sentence}")
    if len(ranked) > limit:
        lines.append(f"  ... and {len(ranked) - limit} more")
    return lines


@dataclass(frozen=True, slots=True)
class MapRun:
    """What :func:`map_articles` wrote: the map, the events files beside it, and the pipeline's result."""

    html: Path
    events_geojson: Path
    events_csv: Path
    images: tuple[Path, ...]
    result: PipelineResult
    render_problems: tuple[Problem, ...]


def map_articles(paths: Iterable, out_html: Path | str, *, gazetteer, title: str | None = None, as_of=None,
                 images: Sequence[Path | str] = (), published=None, manifest=None,
                 progress: Callable[[Article | Problem], None] | None = None, near=None, bbox=None,
                 max_bytes: int = 10_000_000) -> MapRun:
    """Extract, resolve, merge and render in one go (``conflict-mapper run``).

    Writes ``events.geojson`` and ``events.csv`` beside ``out_html``, then the map from that GeoJSON file, so the
    map is exactly what ``conflict-mapper render events.geojson`` would draw.
    """
    from mapper.atomic import ensure_directory
    from mapper.events import write_events
    from mapper.render import render_file

    out_html = Path(out_html)
    ensure_directory(out_html, "map")  # `run ... -o outputs/map.html` on a fresh clone
    result = extract_events(paths, gazetteer=gazetteer, published=published, manifest=manifest, progress=progress,
                            near=near, bbox=bbox, max_bytes=max_bytes)
    events = result.events + result.unlocated
    geojson = write_events(events, out_html.with_name("events.geojson"), unresolved=result.unresolved,
                           metadata={"articles": result.articles_count, "generator": "conflict-mapper run"})
    table = write_events(events, out_html.with_name("events.csv"))
    rendered = render_file(geojson, out_html, title=title, as_of=as_of, images=tuple(images))
    return MapRun(html=rendered.html, events_geojson=geojson, events_csv=table, images=rendered.images,
                  result=result, render_problems=rendered.problems)
