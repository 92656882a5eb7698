"""`conflict-mapper render EVENTS.geojson -o map.html`: the interactive map, and optional PNG/SVG for reports."""

from __future__ import annotations

import datetime as dt

import click

from mapper.errors import MapperError


def _parse_day(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


as_of_option = click.option(
    "--as-of", "as_of", default=None, callback=_parse_day, metavar="YYYY-MM-DD",
    help="Day the map opens on and the images show (default: the last event date).",
)


@click.command()
@click.argument("events", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write (one self-contained file that works offline).")
@click.option("--title", default=None, help="Title shown on the map and the images.")
@click.option("--png", "png", default=None, type=click.Path(dir_okay=False), help="Also write a PNG for reports.")
@click.option("--svg", "svg", default=None, type=click.Path(dir_okay=False), help="Also write an SVG for reports.")
@as_of_option
def render(events: str, output: str, title: str | None, png: str | None, svg: str | None,
           as_of: dt.date | None) -> None:
    """Draw EVENTS (the GeoJSON written by `extract`) as a map with a time control."""
    from mapper.render import render_file

    images = tuple(path for path in (png, svg) if path)
    try:
        result = render_file(events, output, title=title, as_of=as_of, images=images)
    except MapperError as exc:
        raise click.ClickException(str(exc)) from None
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"{result.html}: {result.events} events ({result.undated} undated)")
    for image in result.images:
        click.echo(f"{image}: written")
