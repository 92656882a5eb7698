"""The ``conflict-mapper`` command line: a click group of thin commands over the library.

Each command lives in its own module (rasterio's ``rio/`` layout); shared options are in :mod:`mapper.cli.options`.
"""

import click

from mapper.cli.evaluate_cmd import evaluate
from mapper.cli.extract_cmd import extract
from mapper.cli.gazetteer_cmds import gazetteer_group
from mapper.cli.render_cmd import render
from mapper.cli.resolve_cmd import resolve
from mapper.cli.run_cmd import run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-mapper")
def main() -> None:
    """Turn news reports about a war into a dated, geolocated map of who took control of which place, and when."""


for _command in (evaluate, extract, gazetteer_group, render, resolve, run):
    main.add_command(_command)
