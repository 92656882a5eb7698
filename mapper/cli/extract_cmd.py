"""`conflict-mapper extract` (being written)."""

import click


@click.command()
def extract() -> None:
    """Not written yet."""
    raise click.ClickException("'extract' is not written yet")
