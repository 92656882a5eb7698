"""`conflict-mapper gazetteer ...` (being written)."""

import click


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage the local gazetteer index (import, download)."""
