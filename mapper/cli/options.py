"""Options shared by several commands, defined once (rasterio's ``rio/options.py``)."""

import click

manifest_option = click.option(
    "--manifest", type=click.Path(exists=True, dir_okay=False),
    help="manifest.csv giving published/source/url per file (default: one beside the files).",
)
published_option = click.option(
    "--published", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication day (YYYY-MM-DD) for a single file with no front matter or manifest.",
)
max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
    help="Skip (and report) article files larger than this; a multi-megabyte 'article' is usually a dump.",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress output; problems are still reported.")
overlay_option = click.option(
    "--overlay", "overlays", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Analyst CSV overlay (add places, aliases, override coordinates); repeatable; consulted first.",
)


def parse_point(value: str | None) -> tuple[float, float] | None:
    """``"35.6,36.7"`` -> ``(35.6, 36.7)`` (lat, lon); raises click.BadParameter naming the value."""
    if value is None:
        return None
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not LAT,LON (two numbers, e.g. 35.6,36.7)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r} is outside the world: lat in [-90, 90], lon in [-180, 180]")
    return lat, lon


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``"W,S,E,N"`` -> a 4-tuple of degrees; raises click.BadParameter naming the value."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not W,S,E,N (four numbers, e.g. 36.3,35.3,37.2,36.1)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south < north <= 90):
        raise click.BadParameter(f"{value!r} is not a box: need -90 <= S < N <= 90 and W, E in [-180, 180]")
    return west, south, east, north


near_option = click.option(
    "--near", callback=lambda ctx, param, value: parse_point(value), metavar="LAT,LON",
    help="Prefer places near this point; loose matches far from it are rejected.",
)
bbox_option = click.option(
    "--bbox", callback=lambda ctx, param, value: parse_bbox(value), metavar="W,S,E,N",
    help="Area of interest: places inside it are preferred, loose matches outside it are rejected.",
)
data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False), envvar="CONFLICT_MAPPER_DATA",
    help="Where the imported GeoNames index and the online cache live (default: the user data directory).",
)
online_option = click.option(
    "--online", is_flag=True,
    help="Try names no local source knows against an online geocoder (Nominatim); off by default.",
)
online_url_option = click.option(
    "--online-url", metavar="URL", default=None,
    help="Base URL of the online geocoder (e.g. a self-hosted Nominatim); implies --online.",
)


def gazetteer_options(command):
    """The options every command that loads the gazetteer takes: overlays, data dir, online fallback."""
    for option in (online_url_option, online_option, data_dir_option, overlay_option):
        command = option(command)
    return command


def load_gazetteer_from_options(overlays=(), data_dir=None, online=False, online_url=None):
    """Load the gazetteer the way the shared options ask; library errors become click errors."""
    import gazetteer

    options = None
    try:
        if online_url:
            options = gazetteer.OnlineOptions.from_url(online_url)
        return gazetteer.load_gazetteer(overlays=overlays, data_dir=data_dir, online=online or bool(online_url),
                                        online_options=options)
    except gazetteer.GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc


def article_options(command):
    """The options of every command that reads articles into events (extract, run): metadata, area of interest,
    gazetteer, size limit, quiet. Applied in the order the help lists them."""
    for option in (quiet_option, max_bytes_option, gazetteer_options, bbox_option, near_option, manifest_option,
                   published_option):
        command = option(command)
    return command
