"""`conflict-mapper evaluate GOLD.csv PATHS...`: precision, recall and F1 of extracted control changes."""

from __future__ import annotations

from pathlib import Path

import click

from mapper.cli.options import gazetteer_options, load_gazetteer_from_options, manifest_option
from mapper.cli.progress import ProgressReporter
from mapper.errors import MapperError


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@manifest_option
@gazetteer_options
def evaluate(gold, paths, manifest, overlays, data_dir, online, online_url) -> None:
    """Score control changes extracted from PATHS against GOLD (CSV: article, place, date, controller).

    Prints precision, recall and F1, then every miss, false alarm and wrong day. Exit status 1 when some input
    (an article or a gold row) could not be read.
    """
    from mapper.evaluate import evaluate as score
    from mapper.pipeline import extract_events

    gazetteer = load_gazetteer_from_options(overlays, data_dir, online, online_url)
    try:
        result = extract_events(paths, gazetteer=gazetteer, manifest=manifest, progress=ProgressReporter(quiet=True))
        scores = score(Path(gold), result.events + result.unlocated, gazetteer=gazetteer)
    except MapperError as e:
        raise click.ClickException(str(e)) from e
    for problem in scores.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}  "
               f"({len(scores.true_positives)} matched, {len(scores.misses)} missed, "
               f"{len(scores.false_alarms)} false alarms, {len(scores.date_errors)} wrong days)")
    for title, items in (("missed", scores.misses), ("false alarms", scores.false_alarms),
                         ("region events (not scored)", scores.unscored_regions)):
        if items:
            click.echo(f"{title}:")
            for item in items:
                click.echo(f"  {item}")
    if scores.date_errors:
        click.echo("wrong days:")
        for row, prediction in scores.date_errors:
            got = prediction.event.date.isoformat() if prediction.event.date else "undated"
            click.echo(f"  {row}: extracted {got}")
    if result.failed or scores.problems:
        raise SystemExit(1)
