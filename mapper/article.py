"""The Article value: one report's text with its metadata, as ingest hands it to extraction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One article.

    Parameters
    ----------
    id : str
        Stable id: the file name, or ``name.jsonl#<line>`` for a line of a JSONL file.
    path : str
        Where it was read from, for messages.
    text : str
        Plain text (markup and page furniture stripped), NFC-normalised, ``\\n`` line ends.
    published : datetime.date or None
        Publication day, if known.
    published_evidence : str
        Where ``published`` came from: "front matter", "manifest", "option", "jsonl", "dateline in text", or "".
    source, url, title : str or None
        Outlet, address and headline when known.
    """

    id: str
    path: str
    text: str
    published: dt.date | None = None
    published_evidence: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None
