"""Resolve place names in any transliteration to places with coordinates, a score, and honest doubt."""
