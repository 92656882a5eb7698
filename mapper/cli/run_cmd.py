"""`conflict-mapper run PATHS... -o outputs/map.html`: extract, resolve, merge and render in one go."""

from __future__ import annotations

import click

from mapper.cli.extract_cmd import report_counts, report_unresolved
from mapper.cli.options import article_options, load_gazetteer_from_options
from mapper.cli.progress import ProgressReporter
from mapper.cli.render_cmd import as_of_option
from mapper.errors import MapperError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="HTML map to write; events.geojson and events.csv are written beside it.")
@click.option("--title", default=None, help="Title shown on the map and the images.")
@click.option("--png", default=None, type=click.Path(dir_okay=False), help="Also write a PNG for reports.")
@click.option("--svg", default=None, type=click.Path(dir_okay=False), help="Also write an SVG for reports.")
@as_of_option
@article_options
def run(paths, output, title, png, svg, as_of, published, manifest, near, bbox, overlays, data_dir, online,
        online_url, max_bytes, quiet) -> None:
    """Map the control changes reported in PATHS (files or directories of articles).

    Exit status 1 when some input could not be read; the others are still mapped.
    """
    from mapper.pipeline import map_articles

    gazetteer = load_gazetteer_from_options(overlays, data_dir, online, online_url)
    try:
        done = map_articles(paths, output, gazetteer=gazetteer, title=title, as_of=as_of,
                            images=[p for p in (png, svg) if p], published=published.date() if published else None,
                            manifest=manifest, progress=ProgressReporter(quiet), near=near, bbox=bbox,
                            max_bytes=max_bytes)
    except MapperError as e:
        raise click.ClickException(str(e)) from e
    for problem in done.render_problems:
        click.echo(f"warning: {problem}", err=True)
    report_unresolved(done.result.unresolved)
    if not quiet:
        report_counts(done.result, done.events_geojson)
        for path in (done.events_csv, done.html, *done.images):
            click.echo(f"wrote {path}", err=True)
    if done.result.failed:
        raise SystemExit(1)
