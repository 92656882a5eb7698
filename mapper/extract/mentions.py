"""Place-name mentions: capitalised name phrases, lists of them, the descriptors around them, Arabic script.

A *name* is a run of capitalised words, with the Arabic-name particles written in lower case inside it
("Dhahret a-Zarzour", "Bab al Hawa", "al-Tah", "Ma’arat al-No’eman").  Around names, descriptors are peeled off:
"the strategic northwestern town of X", "X and Y towns", "farming land surrounding X village" (-> ``near``).
``parse_list`` reads the list that follows a trigger (or precedes a passive one); ``scan_names`` collects every
name in a stretch (for attacks: "a strike on depots near X and Y").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mapper.extract.sentences import words

_UP = "".join(sorted({c for c in map(chr, range(0x20, 0x250)) if c.isupper()}))
_UPC = "[" + re.escape(_UP) + "]"
_PART = r"(?:al|el|as|ash|ad|ar|az|an|at|ath|ed|es|ez|et|a|ul|il|us|ud)"
_APOS = "['’ʼʿ`]"
_CAPWORD = (rf"(?:{_PART}[-‐]|{_APOS})?{_UPC}[^\W_]*(?:{_APOS}[^\W_]+)*"
            rf"(?:-(?:{_PART}-)?{_UPC}[^\W_]*(?:{_APOS}[^\W_]+)*)*")
#: Capitalised words that are never part of a place name (sentence openers, months, weekdays).
CAP_STOP = words(
    "The A An This That These Those In On At By For From To With Since After Before During Meanwhile However But And "
    "Or Also Under According Following Amid Over Of As It Its Their They We He She His Her Our Some Many Several "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Dr Gen "
    "Video Global Research Breaking Update Read More Note Photo Click Share Copyright Yesterday Today "
    "Government Army Forces Military Troops Regime Rebels Militants Terrorists Opposition Armed Air Defense Defence "
    "Aerospace Arab Naval Special Security National Democratic Liberation Islamic")
_STOPLOOK = r"(?!(?:" + "|".join(sorted(CAP_STOP, key=len, reverse=True)) + r")(?![^\W_]|['’-]))"
_NAME = rf"{_STOPLOOK}{_CAPWORD}(?:[ \t]+(?:{_PART}[ \t]+)?{_STOPLOOK}{_CAPWORD})*"
_ARABIC = r"[\u0600-\u06FF][\u0600-\u06FF\u064B-\u065F]*"
# Every name starts with a capital, an apostrophe or a particle's first letter: a lookahead on that one character
# spares the other words the stop-word lookahead and the particle alternatives (tokenising ~2.5x faster).
_NAME_START = "(?=[" + re.escape(_UP + _APOS[1:-1] + "".join(sorted({p[0] for p in _PART[3:-1].split("|")}))) + "])"
TOKEN = re.compile(
    rf"(?P<hashtag>#[^\W][\w]*)|(?P<name>{_NAME_START}{_NAME})|(?P<arabic>{_ARABIC})"
    rf"|(?P<word>[^\W\d_][\w’'-]*)|(?P<num>\d[\d,.]*)|(?P<punct>[^\w\s])"
)

#: Words that name a kind of place: they may stand before "of" or after the name and are peeled off.
TYPE_NOUNS = words(
    "village villages town towns city cities region regions area areas district districts neighbourhood "
    "neighbourhoods neighborhood neighborhoods settlement settlements hamlet hamlets locality localities "
    "municipality suburb suburbs quarter quarters hill hills heights mountain mountains mount base bases airbase "
    "airport airfield dam crossing border highway road junction bridge oblast province governorate farm farms "
    "camp camp outpost outposts checkpoint checkpoints positions position hub hubs stronghold strongholds center "
    "centre centers centres valley plain plains island islands port oilfield oilfields field fields station "
    "refinery depot depots")
#: Descriptors that may stand before a name ("the key village of", "two strategic towns").
DESCRIPTORS = words(
    "the a an its their of key strategic strategically important vital main major large small big biggest largest "
    "new other nearby neighbouring neighboring adjacent frontline front-line besieged embattled former old whole "
    "entire fortified remaining last rebel militant government opposition jihadist terrorist urban rural "
    "provincial capital critical crucial coastal border hilltop mountain mountainous historic ancient industrial "
    "agricultural residential surrounding nearby small-sized tiny sizeable sizable important-strategic "
    "north south east west northern southern eastern western central northwest northeast southwest southeast "
    "and weapons military army airforce air oil gas supply junta enemy regime headquarters barracks")
#: A descriptor with one of these means the report is about the surroundings of the place (geo precision 2).
NEAR_WORDS = words(
    "near around surrounding outskirts vicinity surroundings outside edge edges environs periphery farmland "
    "farmlands farms farming land lands fields countryside parts part close")
QUANTIFIERS = words(
    "many several dozens dozen scores hundreds tens numerous more over than some a number few multiple "
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty")
#: Military sites: "a base in X", "positions near X" are about part of X.
SITE_NOUNS = words("base bases airbase position positions checkpoint checkpoints outpost outposts camp camps hill hills "
                   "headquarters depot depots post posts barracks")
PLURAL_TYPES = frozenset(w for w in TYPE_NOUNS if w.endswith("s") and w not in ("mount", "centres"))
#: Arabic words that describe a place ("the two villages of", "town") or end a list ("in the countryside of").
AR_DESCRIPTORS = words("قرية قريتي قرى بلدة بلدتي بلدات مدينة مدينتي مدن منطقة مناطق تلة تلال حي أحياء")
AR_STOP = words("بريف في بعد من مع إلى الى على عن ضد شمال جنوب شرق غرب قرب بالقرب")
_CONNECTORS = frozenset({"and", "besides", "plus", "&"})
_MULTI_CONNECTOR = re.compile(r"(?i)(?:as\s+well\s+as|along\s+with|in\s+addition\s+to|together\s+with)\b")
_ADJ_SUFFIX = re.compile(r"(?i)^[\w’'-]+(?:ern|-held|-controlled|-occupied|-besieged|-run|ly)$")
NON_PLACE_WORDS = words(
    "Army Forces Force Front Command Ministry Agency Council Brigade Brigades Division Corps Battalion Regiment "
    "Guard Observatory News Group Party Movement Alliance Coalition Organization Organisation Office Staff "
    "President Minister Committee Union Network Media Service Services Navy Police")
DEMONYMS = words(
    "Syrian Turkish Russian Ukrainian Iranian Kurdish Arab Arabic American Israeli Sudanese Yemeni Saudi Emirati "
    "Iraqi Lebanese Jordanian Egyptian Libyan Afghan Burmese Myanmar Chinese French British German European "
    "Western Eastern Islamic Muslim Christian Sunni Shia Shiite Alawite Druze Takfiri Assadist Wahhabi")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text: span in the article, the name (hashtag underscores made spaces), nearness."""

    start: int
    end: int
    name: str
    near: bool = False


@dataclass(frozen=True, slots=True)
class ListResult:
    """What a list parse found: the named places, and whether it was a counted, unnamed set ("40 villages")."""

    mentions: tuple[Mention, ...]
    region: bool
    end: int


def name_end(text: str, start: int, end: int) -> int:
    """End of a name without a possessive "'s" ("Omdurman's old city" -> "Omdurman")."""
    return end - 2 if end - start > 3 and text[end - 2] in "'’" and text[end - 1] == "s" else end


def tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Tokens of ``text[start:end]`` (names, hashtags, Arabic words, words, numbers, punctuation)."""
    return list(TOKEN.finditer(text, start, end))


@functools.lru_cache(maxsize=65536)  # pure, and asked about the same names again and again
def is_place_like(name: str) -> bool:
    """False for names that are clearly not places: organisations, demonyms, all-caps acronyms, handles."""
    parts = name.split()
    if parts[0] in DEMONYMS or parts[0].rstrip("s") in DEMONYMS:
        return False
    if any(w in NON_PLACE_WORDS for w in parts):
        return False
    return not (len(parts) == 1 and re.fullmatch(r"[A-Z]{2,5}s?", name) and not re.search(r"\d", name))


def _hashtag_mention(tok: re.Match[str]) -> Mention | None:
    body = tok.group()[1:]
    if not re.search(r"[\u0600-\u06FF]", body) and not (body[:1].isupper()):
        return None
    start = tok.start() + 1
    near = False
    # Arabic "farms of X" (مزارع_X): the place is X, and the report is about its surroundings
    m = re.match(r"(?:مزارع|محيط|أطراف|ريف)_", body)
    if m:
        start += m.end()
        body = body[m.end():]
        near = True
    if not body:
        return None
    return Mention(start, tok.end(), body.replace("_", " "), near)


def parse_list(text: str, start: int, end: int, *, is_actor) -> ListResult:
    """Read a list of place names from ``start``: "the villages of X, Y and Z, besides land around W village".

    ``is_actor(name)`` says when a capitalised phrase is an actor, which ends the list.
    """
    found: list[Mention] = []
    prefix: list[str] = []
    after_item = after_comma = False
    quantified = plural = False
    pos_end = start
    skip = 0
    for tok in TOKEN.finditer(text, start, end):  # lazily: a list usually ends after a few tokens
        if skip:
            skip -= 1
            continue
        kind, value = tok.lastgroup, tok.group()
        if kind in ("name", "hashtag", "arabic"):
            if after_item and kind == "name":
                break
            if kind == "hashtag":
                mention = _hashtag_mention(tok)
            elif kind == "arabic":
                if value == "و":
                    after_item = False
                    continue
                if value in AR_DESCRIPTORS:
                    continue
                if value in AR_STOP or value.startswith(("بـ", "لل")):
                    break
                last = found[-1] if found else None
                if after_item and last and text[last.end:tok.start()].strip() == "" and "#" not in \
                        text[last.start - 1:last.start]:
                    found[-1] = Mention(last.start, tok.end(), text[last.start:tok.end()], last.near)
                    pos_end = tok.end()
                    continue
                if after_item:
                    break
                mention = Mention(tok.start(), tok.end(), value)
            elif tok.end() < len(text) and text[tok.end()] == "-" and text[tok.end() + 1:tok.end() + 2].islower():
                break  # "ISIS-held", "Turkish-backed": a modifier, not a place
            elif is_place_like(value):
                e = name_end(text, tok.start(), tok.end())
                mention = Mention(tok.start(), e, text[tok.start():e])
            else:
                break
            if mention is None or is_actor(value):
                break
            near = mention.near or not NEAR_WORDS.isdisjoint(prefix)
            found.append(mention if near == mention.near else Mention(mention.start, mention.end, mention.name, near))
            prefix, after_item, after_comma, pos_end = [], True, False, tok.end()
        elif kind == "word":
            low = value.lower()
            if after_item:
                if low in TYPE_NOUNS:
                    pass
                elif low in _CONNECTORS or low == "و":
                    after_item = False
                elif _MULTI_CONNECTOR.match(text, tok.start()):
                    after_item = False
                    skip = len(_MULTI_CONNECTOR.match(text, tok.start()).group().split()) - 1
                    continue
                else:
                    break
            elif low in ("in", "at", "near", "outside") and any(w in SITE_NOUNS for w in prefix):
                prefix.append("near")  # "a junta base in Kawlin": the report is about part of the place
            elif after_comma and low == "capital":
                break  # "X, the capital of Y": an apposition, Y is not taken
            elif low in DESCRIPTORS or low in TYPE_NOUNS or low in NEAR_WORDS or low in QUANTIFIERS \
                    or _ADJ_SUFFIX.match(low) or low in _CONNECTORS:
                quantified |= low in QUANTIFIERS and low not in ("a", "than")
                plural |= low in PLURAL_TYPES
                prefix.append(low)
            else:
                break
        elif kind == "num":
            quantified = True
            prefix.append(value)
        elif value == ",":
            after_item, after_comma = False, True
        elif value in "“”\"‘'(–—|" and not found and not after_item:
            pass
        else:
            break
        if kind != "punct":
            pos_end = tok.end()
    return ListResult(tuple(found), quantified and plural and not found, pos_end)


_SCAN_STOP = words("while but whereas although though which who when after before amid following because since "
                       "until as said says cited reported told added according")


_CONTAINER = re.compile(r"(?i)\bin\s+(?:the\s+)?(?:(?:province|governorate|region|state|district|oblast)\s+of\s+)?"
                        r"(?:[a-z-]+ern\s+)?$")


def scan_names(text: str, start: int, end: int, *, is_actor, drop_containers: bool = False) -> list[Mention]:
    """Every place-like name in ``text[start:end]`` up to the end of the clause (attacks, advances, members).

    With ``drop_containers``, a name after "in (the province of)" that follows another name is the area the first
    one lies in ("near Khanasir in the province of Aleppo"), not a second place, and is left out.
    """
    out: list[Mention] = []
    near_run = 0
    for tok in tokens(text, start, end):
        kind, value = tok.lastgroup, tok.group()
        if kind == "word":
            low = value.lower()
            if low in _SCAN_STOP and not _MULTI_CONNECTOR.match(text, tok.start()):
                break
            near_run = 3 if low in NEAR_WORDS else max(0, near_run - 1)
        elif kind == "punct" and value in ";:”\"()":
            break
        elif kind == "name":
            follows_hyphen = tok.end() < len(text) and text[tok.end()] == "-"
            if is_place_like(value) and not is_actor(value) and not follows_hyphen:
                e = name_end(text, tok.start(), tok.end())
                if drop_containers and out and _CONTAINER.search(text, max(0, tok.start() - 40), tok.start()):
                    continue
                out.append(Mention(tok.start(), e, text[tok.start():e], near_run > 0))
        elif kind == "hashtag":
            m = _hashtag_mention(tok)
            if m:
                out.append(m)
    return out
