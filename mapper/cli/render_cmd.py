"""`conflict-mapper render` (being written)."""

import click


@click.command()
def render() -> None:
    """Not written yet."""
    raise click.ClickException("'render' is not written yet")
