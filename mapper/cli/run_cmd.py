"""`conflict-mapper run` (being written)."""

import click


@click.command()
def run() -> None:
    """Not written yet."""
    raise click.ClickException("'run' is not written yet")
