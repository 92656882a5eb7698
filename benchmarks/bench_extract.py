"""End-to-end extraction benchmark: read, extract, resolve and merge a generated corpus of 2-5 kB articles.

Usage: python benchmarks/bench_extract.py [--articles N] [--passes N] [--quick] [--keep DIR] [--geonames PATH]
Targets (issue 3): >= 200 articles/s on one core end to end; peak memory <= 1 GB.

The corpus is generated (seeded: the same corpus every run) from ~40 sentence patterns: active and passive control
changes, lists of 2-5 places, attacks, advances, sieges, claims, denials, expected and attempted moves, relative and
absolute dates, other wars' actors, background prose, quotes and page furniture. Place names are drawn from the
bundled gazetteer (names and aliases, some respelt) plus made-up names no gazetteer knows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import gazetteer
from gazetteer.normalize import name_key, skeleton, surface
from mapper.events.locate import locate_reports
from mapper.events.merge import merge_events
from mapper.extract import extract_reports, forget_memos
from mapper.ingest import read_articles
from mapper.pipeline import extract_events

sys.path.insert(0, str(Path(__file__).resolve().parent))
import machine  # benchmarks/machine.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SY = ROOT.parent / "shared" / "reference" / "geonames" / "SY.txt"
TARGET_RATE = 200.0
TARGET_MB = 1024.0
MIN_BYTES, MAX_BYTES = 2000, 5000

# --- the corpus -----------------------------------------------------------------------------------------------------

GOV = ["the Syrian Army", "Syrian government forces", "the army", "regime forces", "Syrian troops", "the SAA",
       "pro-government militias", "the Tiger Forces"]
OPP = ["HTS militants", "the rebels", "Turkish-backed groups", "the terrorists", "Jabhat al-Nusra", "opposition fighters",
       "the National Front for Liberation", "militants"]
OTHER_WARS = [("Ukrainian forces", "Russian troops"), ("the RSF", "the SAF"), ("the Arakan Army", "junta troops"),
              ("the SDF", "ISIS fighters")]
SOURCES = ["SANA reported", "the Syrian Observatory said", "a military source told Sputnik", "an army statement said",
           "the Russian Defence Ministry said", "local activists said", "the outlet's correspondent reported"]
OUTLETS = ["SANA", "South Front", "Al-Masdar News", "Press TV", "Sputnik", "Enab Baladi", "Syria Direct", "AFP"]
TYPES = ["village", "town", "city", "hamlet"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FOREIGN = ["Avdiivka", "Bakhmut", "Robotyne", "Wad Madani", "El Fasher", "Paletwa", "Hpakant", "Kupiansk",
           "Marinka", "Omdurman"]
SYLLABLES = ["bar", "dun", "kas", "mir", "tal", "zor", "hum", "nab", "qar", "sul", "fad", "rim", "jaw", "lak", "wad"]

# Each template: (kind, text). Slots: {P} one place, {L} a list of 2-5 places, {G}/{O} a government/opposition actor,
# {D} a date expression, {S} a source clause, {T} a place type, {X}/{Y} two sides of another war, {F} a foreign
# place. "control" templates are the ones whose places must come out as control changes.
TEMPLATES = [
    ("control", "{G} captured the {T} of {P} {D}, {S}."),
    ("control", "{D_cap}, {G} liberated the villages of {L} from {O}."),
    ("control", "{P} was recaptured by {G} {D} after fierce clashes with {O}."),
    ("control", "{L} are among the villages liberated by {G} in the southern countryside."),
    ("control", "{G} took full control of {P} {D}, according to SANA."),
    ("control", "The {T} of {P} fell to {G} {D}."),
    ("control", "{O} withdrew from {P} {D} as {G} advanced from the north."),
    ("control", "{G} entered and secured the {T}s of {L} {D}."),
    ("control", "{O} seized the strategic {T} of {P} {D}, {S}."),
    ("control", "{G} regained control of {P} and the surrounding farms {D}."),
    ("control", "In a relevant development {D}, {G} retook {P} from {O}."),
    ("control", "“Our units liberated {L} {D},” a field commander told reporters."),
    ("attack", "{G} shelled positions near {P} {D}, killing several fighters."),
    ("attack", "Russian warplanes carried out airstrikes on {P} and {P2} {D}, {S}."),
    ("attack", "{O} attacked army posts around {P} {D} but were repelled."),
    ("attack", "Clashes in {P} left at least twelve people dead {D}."),
    ("advance", "{G} advanced towards {P} {D}, {S}."),
    ("advance", "{G} are inching closer to the city of {P}."),
    ("advance", "Troops pushed towards {P} and {P2} in the past few days."),
    ("siege", "{G} tightened the siege of {P} {D}."),
    ("siege", "{O} remain besieged in {P}, {S}."),
    ("claim", "{O} claimed to have captured {P} {D}, a claim the army did not confirm."),
    ("denial", "The army denied that {O} had recaptured {P}."),
    ("expected", "{P} could fall to {G} within days, analysts said."),
    ("expected", "{G} will likely capture {P} in the coming week."),
    ("attempted", "{O} pushed to retake {P} {D} but failed."),
    ("attempted", "{G} launched an offensive to capture {P} {D}."),
    ("other_war", "{X} liberated {F} {D}, the General Staff said."),
    ("other_war", "{Y} captured {F} after months of fighting, {S}."),
    ("other_war", "{X} shelled {F} {D}."),
    ("date", "The offensive began on {ABS} and has since gained momentum."),
    ("date", "A day earlier, {G} had secured the road between {P} and {P2}."),
    ("background", ("The region has been a stronghold of armed groups since {YEAR}, when the government lost control "
                   "of large parts of the north.")),
    ("background", ("Humanitarian agencies warned that tens of thousands of civilians have fled towards the Turkish "
                   "border in recent weeks, overwhelming camps that were already full.")),
    ("background", ("The ceasefire brokered by Russia and Turkey in {YEAR} collapsed within weeks, and both sides "
                   "accuse each other of violating its terms.")),
    ("background", ("Residents described long queues for bread and fuel, and schools have been closed since the "
                   "fighting intensified.")),
    ("background", ("Analysts say the fate of the highway will shape the next phase of the war, as it links the "
                   "coast with the interior.")),
    ("background", ("Damascus has framed the campaign as a fight against terrorism, while Ankara says it must "
                   "protect its observation posts and stop a new wave of refugees.")),
    ("background", ("Much of the province's infrastructure, including hospitals and bakeries, has been damaged "
                   "over the years, and aid convoys cross the border only through a single crossing.")),
    ("background", ("The United Nations has repeatedly called for a halt to the fighting, saying that more than a "
                   "million people live in the area, many of them displaced several times.")),
    ("background", ("Prices of basic goods have tripled since the summer, and the local currency lost a third of "
                   "its value in a matter of weeks, according to traders in the market.")),
    ("background", ("Earlier rounds of talks in Astana and Geneva produced agreements on paper that were never "
                   "fully implemented on the ground.")),
    ("background", ("Observers note that control of the main roads matters more than the villages themselves, "
                   "because supplies and reinforcements move along them.")),
    ("quote", "“We will not stop until every inch of our land is free,” a commander said in a televised speech."),
    ("quote", "“The situation is catastrophic,” said an aid worker who asked not to be named."),
    ("furniture", "Share this article: Facebook | Twitter | Telegram"),
    ("furniture", "Subscribe to our newsletter for daily updates."),
    ("furniture", "Leave a Reply. Your email address will not be published."),
    ("furniture", "© {YEAR} All rights reserved."),
]
_SLOT = re.compile(r"\{(\w+)\}")
_WORD = r"(?:(?:al|el|as|ash|ad|ar|az|an|at|a)-)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_RUNNING_NAME = re.compile(rf"{_WORD}(?: (?:al |el )?{_WORD})*")


@dataclass(frozen=True)
class Expected:
    """A place named in a generated control-change sentence, with the gazetteer id its spelling stands for."""

    article: str
    spelling: str
    place_id: str | None  # None for a made-up or foreign name
    respelt: bool


def _respell(name: str, rng: random.Random) -> str:
    """One transliteration perturbation a reporter's spelling shows."""
    options = [
        lambda n: re.sub(r"\b[Aa]l-", rng.choice(["el-", "al ", "Al-", "a-"]), n, count=1),
        lambda n: n.replace("ou", "u", 1) if "ou" in n else n.replace("u", "ou", 1),
        lambda n: n.replace("ee", "i", 1) if "ee" in n else n.replace("i", "ee", 1),
        lambda n: n.replace("'", rng.choice(["", "’", "`"])),
        lambda n: re.sub(r"ah\b", "eh", n, count=1),
        lambda n: re.sub(r"([bdklmnrst])\1", r"\1", n, count=1),
    ]
    return rng.choice(options)(name)


def _made_up(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
    return rng.choice(["", "Tal ", "Kafr ", "Khirbet ", "al-"]) + name if rng.random() < 0.4 else name


class CorpusGenerator:
    """Seeded generator of articles (text with YAML front matter) and the control-change places each names."""

    def __init__(self, places, seed: int = 20191224) -> None:
        self.rng = random.Random(seed)
        self.places = []
        for place in sorted(places, key=lambda p: p.id):
            # Spellings as running text shows them: capitalised words, no brackets or qualifiers.
            spellings = [n for n in (place.name, *place.aliases) if _RUNNING_NAME.fullmatch(n)]
            if place.kind != "admin unit" and spellings:
                self.places.append((place.id, spellings))

    def place(self) -> tuple[str, str | None, bool]:
        """(spelling, place id or None, respelt?)."""
        rng = self.rng
        if rng.random() < 0.15:
            return _made_up(rng), None, False
        pid, spellings = rng.choice(self.places)
        spelling = rng.choice(spellings)
        if rng.random() < 0.25:
            respelt = _respell(spelling, rng)
            return respelt, pid, respelt != spelling
        return spelling, pid, False

    def date(self, published: dt.date) -> str:
        rng = self.rng
        choice = rng.randrange(9)
        day = published - dt.timedelta(days=rng.randrange(0, 6))
        if choice == 0:
            return f"on {WEEKDAYS[day.weekday()]}"
        if choice == 1:
            return "yesterday"
        if choice == 2:
            return "in the past 24 hours"
        if choice == 3:
            return f"on {MONTHS[day.month - 1]} {day.day}"
        if choice == 4:
            return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
        if choice == 5:
            return "earlier this week"
        if choice == 6:
            return "over the past few days"
        return f"on {WEEKDAYS[day.weekday()]}" if choice == 7 else "today"

    def sentence(self, kind_text: tuple[str, str], published: dt.date, article: str,
                 expected: list[Expected]) -> str:
        kind, text = kind_text
        rng = self.rng
        x, y = rng.choice(OTHER_WARS)
        values: dict[str, str] = {}
        named: list[tuple[str, str | None, bool]] = []

        def fill(slot: str) -> str:
            if slot in ("P", "P2"):
                item = self.place()
                named.append(item)
                return item[0]
            if slot == "L":
                items = [self.place() for _ in range(rng.randint(2, 5))]
                named.extend(items)
                names = [i[0] for i in items]
                return ", ".join(names[:-1]) + " and " + names[-1]
            if slot in ("D", "D_cap"):
                date = self.date(published)
                return date[0].upper() + date[1:] if slot == "D_cap" else date
            table = {"G": lambda: rng.choice(GOV), "O": lambda: rng.choice(OPP), "S": lambda: rng.choice(SOURCES),
                     "T": lambda: rng.choice(TYPES), "X": lambda: x, "Y": lambda: y, "F": lambda: rng.choice(FOREIGN),
                     "YEAR": lambda: str(rng.randint(2012, 2018)),
                     "ABS": lambda: f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}"}
            return table[slot]()

        def substitute(match: re.Match) -> str:
            slot = match.group(1)
            if slot in ("P", "P2", "L"):  # every place slot draws anew
                return fill(slot)
            if slot not in values:  # one actor, date... per sentence
                values[slot] = fill(slot)
            return values[slot]

        out = _SLOT.sub(substitute, text)
        out = out[0].upper() + out[1:]
        if kind == "control":
            expected.extend(Expected(article, s, pid, respelt) for s, pid, respelt in named)
        return out

    def article(self, index: int) -> tuple[str, list[Expected]]:
        """One article's file text (front matter + body) and the control-change places it names."""
        rng = self.rng
        name = f"article_{index:05d}.txt"
        published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
        head = f"---\npublished: {published.isoformat()}\nsource: {rng.choice(OUTLETS)}\n---\n"
        target = rng.randint(MIN_BYTES + 200, MAX_BYTES - 100)
        expected: list[Expected] = []
        paragraphs: list[str] = []
        size = len(head.encode())
        events = [t for t in TEMPLATES if t[0] not in ("background", "quote", "furniture")]
        prose = [t for t in TEMPLATES if t[0] in ("background", "quote")]
        furniture = [t for t in TEMPLATES if t[0] == "furniture"]
        while size < target:
            found: list[Expected] = []
            # About half the sentences report an event, half are background prose and quotes.
            picks = [rng.choice(events) for _ in range(rng.randint(1, 2))] + \
                [rng.choice(prose) for _ in range(rng.randint(1, 2))]
            rng.shuffle(picks)
            para = " ".join(self.sentence(t, published, name, found) for t in picks)
            extra = len(para.encode()) + 2
            if size + extra > MAX_BYTES - 60:
                if size >= MIN_BYTES:
                    break
                para = self.sentence(rng.choice(prose), published, name, found)
                extra = len(para.encode()) + 2
            paragraphs.append(para)
            expected.extend(found)
            size += extra
        if rng.random() < 0.5 and size < MAX_BYTES - 80:
            paragraphs.append(self.sentence(rng.choice(furniture), published, name, []))
        return head + "\n\n".join(paragraphs) + "\n", expected


def generate_corpus(directory: Path, count: int, places, seed: int = 20191224) -> list[Expected]:
    """Write ``count`` articles into ``directory``; return the places their control-change sentences name."""
    directory.mkdir(parents=True, exist_ok=True)
    generator = CorpusGenerator(places, seed)
    expected: list[Expected] = []
    for i in range(count):
        text, found = generator.article(i)
        (directory / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        expected.extend(found)
    return expected


# --- the measurements -----------------------------------------------------------------------------------------------

def clear_caches() -> None:
    """Forget what an earlier run memoised (name forms, the extractor's word and phrase memos), so each figure
    starts as cold as a fresh process; the gazetteer's own memos are emptied with ``Gazetteer.forget``."""
    for cached in (name_key, skeleton, surface):
        cached.cache_clear()
    forget_memos()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def end_to_end(corpus: Path, gaz, label: str, size_kb: float, passes: int) -> None:
    """``passes`` cold runs (name caches and the gazetteer's memos emptied before each): wall and CPU rates of each,
    then the best and the median. One run lasts 25-50 s; on a shared machine another tenant moves a single figure by
    a third, so the best pass is the figure for the code and the median the one for the day."""
    rates: list[tuple[float, float]] = []
    for number in range(1, passes + 1):
        result = None  # the previous pass's events are freed here, not inside the next pass's timing
        clear_caches()
        gaz.forget()
        speed = machine.baseline()
        wall, cpu = time.perf_counter(), time.process_time()
        result = extract_events([corpus], gazetteer=gaz)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rates.append((result.articles_count / wall, result.articles_count / cpu))
        print(f"  pass {number}: {result.articles_count} articles, {size_kb:,.0f} kB in {wall:.2f} s wall "
              f"({rates[-1][0]:,.0f} articles/s), {cpu:.2f} s CPU ({rates[-1][1]:,.0f} articles/s); machine baseline "
              f"{speed:,.0f} units/s before it")
    best = max(r for r, _ in rates)
    median = statistics.median(r for r, _ in rates)
    unresolved = len({u.mention for u in result.unresolved})
    print(f"end to end ({label})")
    print(f"  best pass {best:,.0f} articles/s, median {median:,.0f} articles/s wall clock "
          f"(target >= {TARGET_RATE:.0f})   {'OK' if best >= TARGET_RATE else 'BELOW TARGET'}")
    print(f"  reports {result.reports_count}, events {len(result.events)}, unlocated {len(result.unlocated)}, "
          f"unresolved {len(result.unresolved)} mentions ({unresolved} distinct names), problems "
          f"{len(result.problems)}")
    mb = peak_rss_mb()
    print(f"  peak memory (max RSS of the process so far) {mb:,.0f} MB (target <= {TARGET_MB:.0f})   "
          f"{'OK' if mb <= TARGET_MB else 'ABOVE TARGET'}")


def stages(corpus: Path, gaz) -> None:
    """Each stage timed on its own over the same articles (so the bottleneck shows)."""
    clear_caches()
    gaz.forget()
    timings = {}
    started = time.perf_counter()
    articles = [a for a in read_articles([corpus]) if not hasattr(a, "severity")]
    timings["ingest"] = time.perf_counter() - started
    started = time.perf_counter()
    reports = [r for a in articles for r in extract_reports(a, is_place=gaz.is_known)]
    timings["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    located = locate_reports(reports, gaz)
    timings["locate"] = time.perf_counter() - started
    started = time.perf_counter()
    merge_events(located.located)
    merge_events(located.unlocated)
    timings["merge"] = time.perf_counter() - started
    total = sum(timings.values())
    print("  stages: " + ", ".join(f"{k} {v:.2f} s ({len(articles) / v:,.0f}/s, {v / total:.0%})"
                                   for k, v in timings.items()))


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="corpus size (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="300 articles and one pass, for a smoke run")
    parser.add_argument("--passes", type=int, default=3, help="cold end-to-end runs per gazetteer "
                        "(default %(default)s; best and median printed)")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    parser.add_argument("--geonames", default=str(DEFAULT_SY), help="GeoNames dump for the second figure "
                        "(default: %(default)s; skipped when absent)")
    args = parser.parse_args()
    count = 300 if args.quick else args.articles
    passes = 1 if args.quick else max(1, args.passes)
    print(f"bench_extract: {pin_one_core()}; python {sys.version.split()[0]}")
    print(machine.describe(machine.baseline()))

    bundled = gazetteer.load_gazetteer(imported=False)
    with tempfile.TemporaryDirectory() as temp:
        corpus = Path(args.keep) if args.keep else Path(temp) / "corpus"
        started = time.perf_counter()
        expected = generate_corpus(corpus, count, list(bundled))
        sizes = [p.stat().st_size for p in corpus.glob("*.txt")]
        print(f"corpus: {len(sizes)} articles in {corpus}, {min(sizes)}-{max(sizes)} bytes each "
              f"(mean {sum(sizes) / len(sizes):,.0f}), {len(expected)} control-change place mentions, generated in "
              f"{time.perf_counter() - started:.1f} s")
        size_kb = sum(sizes) / 1000

        end_to_end(corpus, bundled, f"bundled gazetteer, {len(bundled)} places", size_kb, passes)
        stages(corpus, bundled)
        if Path(args.geonames).exists():
            data_dir = Path(temp) / "data"
            report = gazetteer.import_geonames(args.geonames, data_dir)
            geonames = gazetteer.load_gazetteer(data_dir=data_dir)
            print(f"GeoNames: imported {report.rows_loaded} places from {args.geonames} in {report.seconds:.1f} s")
            end_to_end(corpus, geonames, f"bundled + GeoNames, {len(geonames)} places", size_kb, passes)
            stages(corpus, geonames)
        else:
            print(f"GeoNames figure skipped: no file at {args.geonames}")


if __name__ == "__main__":
    main()
