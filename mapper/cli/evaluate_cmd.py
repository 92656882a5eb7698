"""`conflict-mapper evaluate` (being written)."""

import click


@click.command()
def evaluate() -> None:
    """Not written yet."""
    raise click.ClickException("'evaluate' is not written yet")
