"""conflict-mapper's pipeline: ingest → extract → resolve → events → render."""
