"""Options shared by several commands, defined once (rasterio's ``rio/options.py``)."""

import click

quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress output; problems are still reported.")
overlay_option = click.option(
    "--overlay", "overlays", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Analyst CSV overlay (add places, aliases, override coordinates); repeatable; consulted first.",
)
