"""Progress and problem reporting on stderr for commands that read many articles."""

from __future__ import annotations

import click

from mapper.errors import Problem

#: On long runs a line every this many articles: enough to see it move, few enough to read the problems between.
EVERY = 100


class ProgressReporter:
    """Callback for :func:`mapper.pipeline.extract_events`: problems always, a count every :data:`EVERY` articles.

    ``quiet`` silences the count, never the problems.
    """

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.articles = 0

    def __call__(self, item) -> None:
        if isinstance(item, Problem):
            click.echo(f"{item.severity}: {item}", err=True)
            return
        self.articles += 1
        if not self.quiet and self.articles % EVERY == 0:
            click.echo(f"  {self.articles} articles read...", err=True)
