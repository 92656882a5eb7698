"""Benchmark the HTML map: render time and page size for N synthetic events; load and response time in Chromium.

Targets (issue 4): 10,000 events render in <= 10 s into <= 15 MB; 100,000 still render and the page opens and
responds in headless Chromium.

Usage: .venv/bin/python benchmarks/bench_render.py [--sizes 10000 100000] [--browser-min 100000] [--no-browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from mapper.render import render_map

CHROMIUM = Path("/usr/bin/chromium")
WORDS = ["army", "units", "liberated", "the", "village", "after", "clashes", "with", "terrorists", "in", "the", "southern", "countryside", "while", "rebels", "said", "they", "repelled", "the", "attack", "and", "shelling", "continued", "on", "nearby", "towns", "according", "to", "a", "military", "source", "speaking", "to", "the", "agency", "on", "condition", "of", "anonymity"]


def synthetic_events(n: int, seed: int = 4) -> dict:
    """N events over a year, at N/4 places in a 1.5-degree box, two sides, several spellings, ~200-char sentences."""
    rng = random.Random(seed)
    places = [(f"gn:{900000 + i}", f"Kafr Place {i}", rng.uniform(36.0, 37.5), rng.uniform(35.0, 36.5))
              for i in range(max(1, n // 4))]
    start = dt.date(2019, 1, 1)
    features = []
    for i in range(n):
        place_id, name, lon, lat = rng.choice(places)
        day = start + dt.timedelta(days=rng.randrange(365))
        side = rng.choice(("government", "opposition"))
        event_type = rng.choices(("control_change", "attack", "advance"), weights=(8, 1, 1))[0]
        sentence = " ".join(rng.choice(WORDS) for _ in range(34))[:200]
        sources = [{"article": f"articles/{i:06d}-{k}.txt", "source": rng.choice(("SANA", "SOHR", "Reuters")),
                    "url": f"https://news.example/{i}/{k}", "published": day.isoformat(),
                    "sentence": sentence, "span": [10, 20], "title": f"Report {i}-{k}"}
                   for k in range(rng.choice((1, 1, 2)))]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {
            "id": f"ev-{i:06d}", "place_id": place_id, "place_name": name,
            "mentions": [name, name.replace("Kafr", "Kfar"), name.replace("Kafr", "Kafar")],
            "geo_precision": rng.choice((1, 1, 1, 2, 3)), "event_type": event_type, "controller": side,
            "modality": "asserted", "date": day.isoformat(), "date_start": day.isoformat(),
            "date_end": day.isoformat(), "date_precision": "day", "sources": sources,
            "corroboration": len(sources)}})
    return {"type": "FeatureCollection", "features": features, "unresolved": [], "unlocated": []}


def browser_figures(html: Path, middle: str) -> tuple[float, float, int]:
    """Seconds to open the page until the layer is ready, ms for setDate + two frames, markers shown."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        started = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load", timeout=300_000)
        page.wait_for_function("window.conflictMap && window.conflictMap.ready", timeout=300_000)
        loaded = time.perf_counter() - started
        response_ms = page.evaluate("""async day => {
            const t = performance.now();
            window.conflictMap.setDate(day);
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            return performance.now() - t; }""", middle)
        shown = page.evaluate("window.conflictMap.layer.getLayers().length")
        context.close()
    return loaded, response_ms, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--browser-min", type=int, default=100_000, help="open pages of at least this many events")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            events = synthetic_events(n)
            out = Path(tmp) / f"bench_{n}.html"
            started = time.perf_counter()
            render_map(events, out, title=f"{n} synthetic events")
            seconds = time.perf_counter() - started
            size_mb = out.stat().st_size / 1e6
            print(f"render_map  n={n:>7,}  {seconds:6.2f} s  {size_mb:6.2f} MB")
            if not args.no_browser and n >= args.browser_min and CHROMIUM.exists():
                loaded, response_ms, shown = browser_figures(out, "2019-07-02")
                print(f"chromium    n={n:>7,}  page ready {loaded:6.2f} s  setDate(2019-07-02) {response_ms:7.1f} ms"
                      f"  ({shown:,} markers drawn)")


if __name__ == "__main__":
    main()
