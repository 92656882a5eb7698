"""`conflict-mapper extract PATHS... -o events.geojson`: articles in, events file out."""

from __future__ import annotations

import click

from mapper.cli.options import article_options, load_gazetteer_from_options
from mapper.cli.progress import ProgressReporter
from mapper.errors import MapperError


def report_unresolved(unresolved) -> None:
    """Sum up on stderr the names the gazetteer could not settle, so an analyst can add them to an overlay."""
    from mapper.pipeline import unresolved_summary

    if unresolved:
        click.echo(f"{len(unresolved)} place mention(s) not resolved (add them to an overlay):", err=True)
        for line in unresolved_summary(unresolved):
            click.echo(line, err=True)


def report_counts(result, output) -> None:
    controls = sum(e.event_type == "control_change" for e in result.events)
    click.echo(f"{result.articles_count} article(s), {len(result.events)} event(s) ({controls} control changes), "
               f"{len(result.unlocated)} unlocated -> {output}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Events file: .geojson, .csv (ACLED-style), .gpkg or .parquet.")
@article_options
def extract(paths, output, published, manifest, near, bbox, overlays, data_dir, online, online_url, max_bytes,
            quiet) -> None:
    """Extract dated, geolocated control changes (and other events) from articles into an events file.

    Exit status 1 when some input could not be read; the others are still processed.
    """
    from mapper.events import write_events
    from mapper.pipeline import extract_events

    gazetteer = load_gazetteer_from_options(overlays, data_dir, online, online_url)
    try:
        result = extract_events(paths, gazetteer=gazetteer, published=published.date() if published else None,
                                manifest=manifest, progress=ProgressReporter(quiet), near=near, bbox=bbox,
                                max_bytes=max_bytes)
        write_events(result.events + result.unlocated, output, unresolved=result.unresolved,
                     metadata={"articles": result.articles_count, "generator": "conflict-mapper extract"})
    except MapperError as e:
        raise click.ClickException(str(e)) from e
    report_unresolved(result.unresolved)
    if not quiet:
        report_counts(result, output)
    if result.failed:
        raise SystemExit(1)
