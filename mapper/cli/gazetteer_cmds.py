"""`conflict-mapper gazetteer import PATH` and `conflict-mapper gazetteer download CC`."""

from __future__ import annotations

import click

from gazetteer import GazetteerError, ImportReport, download_geonames, import_geonames
from gazetteer.sources.geonames import GEONAMES_DUMP_URL
from mapper.cli.options import data_dir_option

#: Problems printed after an import; the count is always printed in full.
SHOWN_PROBLEMS = 20


def _echo_report(report: ImportReport) -> None:
    click.echo(f"imported {report.rows_loaded} places from {report.path} in {report.seconds:.2f} s; "
               f"skipped {report.rows_skipped} line(s); index {report.index_path} now holds "
               f"{report.places_in_index} places")
    for problem in report.problems[:SHOWN_PROBLEMS]:
        click.echo(f"skipped {problem}", err=True)
    if report.rows_skipped > SHOWN_PROBLEMS:
        click.echo(f"... and {report.rows_skipped - SHOWN_PROBLEMS} more skipped line(s)", err=True)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage the local gazetteer index (import, download)."""


@gazetteer_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True, help="Start a new index instead of adding to the existing one.")
@data_dir_option
def import_command(path, replace, data_dir) -> None:
    """Import a GeoNames dump (CC.txt, allCountries.txt, or their .zip) into the local index."""
    try:
        report = import_geonames(path, data_dir, replace=replace)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    _echo_report(report)


@gazetteer_group.command("download")
@click.argument("country_code")
@click.option("--base-url", default=GEONAMES_DUMP_URL, show_default=True, help="Where the GeoNames dumps are.")
@data_dir_option
def download_command(country_code, base_url, data_dir) -> None:
    """Download the official GeoNames dump of COUNTRY_CODE (e.g. SY) and import it (needs the network)."""
    try:
        report = download_geonames(country_code, data_dir, base_url=base_url)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    _echo_report(report)
