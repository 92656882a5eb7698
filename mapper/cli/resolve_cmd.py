"""`conflict-mapper resolve` (being written)."""

import click


@click.command()
def resolve() -> None:
    """Not written yet."""
    raise click.ClickException("'resolve' is not written yet")
