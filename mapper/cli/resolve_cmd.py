"""`conflict-mapper resolve NAME...`: names to places, or the candidates when the gazetteer cannot tell."""

from __future__ import annotations

import json

import click

from gazetteer import GazetteerError, Resolution, validate_query
from mapper.cli.options import bbox_option, gazetteer_options, load_gazetteer_from_options, near_option


def format_resolution(resolution: Resolution) -> str:
    """A short human-readable answer: the place, or a table of candidates."""
    head = f"{resolution.query}: {resolution.status}"
    if resolution.place is not None:
        p = resolution.place
        return (f"{head} -> {p.name} ({p.id}) {p.lat:.5f}, {p.lon:.5f} {p.kind} [{p.source}] "
                f"rule={resolution.rule} score={resolution.score:.2f}")
    lines = [head if resolution.candidates else f"{head} (no source knows this name)"]
    lines += [f"  {c.score:5.2f}  {c.rule:<10} {c.place.name} ({c.place.id}) {c.place.lat:.5f}, {c.place.lon:.5f} "
              f"[{c.place.source}]" for c in resolution.candidates]
    return "\n".join(lines)


@click.command()
@click.argument("names", nargs=-1, required=True)
@near_option
@bbox_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per name (stable shape).")
@click.option("--each", is_flag=True, help="Resolve each name alone (by default the names are context for each "
                                           "other, like the places of one article).")
@gazetteer_options
def resolve(names, near, bbox, as_json, each, overlays, data_dir, online, online_url) -> None:
    """Resolve place NAMES (any transliteration, Latin or Arabic script) to places with coordinates.

    Exit code 0 when every name resolved, 1 otherwise.
    """
    for name in names:
        try:
            validate_query(name)
        except GazetteerError as exc:
            raise click.ClickException(str(exc)) from exc
    gaz = load_gazetteer_from_options(overlays, data_dir, online, online_url)
    try:
        if each:
            results = [gaz.resolve(name, near=near, bbox=bbox) for name in names]
        else:
            results = gaz.resolve_all(list(names), near=near, bbox=bbox)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in gaz.problems:
        click.echo(f"warning: {problem}", err=True)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            click.echo(format_resolution(result))
    raise SystemExit(0 if all(r.resolved for r in results) else 1)
