"""Name normalisation: one spelling in, the forms the index matches on out.

Three forms, from strict to loose:

``name_key``
    Latin: lower case, no diacritics or ʿayn/hamza marks, no article (al-, el-, as-, ash-... and glued ``Elhisn``),
    prefix families folded (Kafr/Kfar/Kefr, Tal/Tell, Um/Umm, Khirbet/Kharbat, Deir/Dayr, Jabal/Jebel,
    Sheikh/Shaykh, Maarat/Marat/Maaret), long-vowel spellings folded (ou/oo/u/o, ee/i, ei/ay/ai, e/a), doubled letters
    single, a final ``h`` after a vowel dropped, words joined. Arabic: alef forms, taa marbuta, alif maqsura,
    tashkeel, tatweel and the article ال folded.
``skeleton``
    The consonants only, in a Latin alphabet shared by both scripts, so ``جرجناز`` and ``Jorjnaz`` meet at ``jrjnz``.
    Digraphs kh/sh/gh/th/dh are single symbols (x/S/G/t/d); q/k/c fold to k; vowels, y and w are dropped (they
    are long vowels as often as consonants, and reports disagree on them more than on anything else); ʿayn and
    hamza are dropped. Taa marbuta counts as ``t`` inside a construct (``Dhahret a-Zarzour``) and as nothing at
    the end of a name.
``validate_query``
    Rejects what cannot be a place name (empty, over :data:`MAX_QUERY_LENGTH`, control characters, mixed scripts).

Examples
--------
>>> name_key("Ma'arrat an-Nu'man") == name_key("Maarat al-Numan")
True
>>> skeleton("ضهرة الزرزور") == skeleton("Dhahret a-Zarzour")
True
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from gazetteer.errors import InvalidQuery

#: Longest query accepted; the longest real place names are ~60 characters, phrases from an extractor ~100.
MAX_QUERY_LENGTH = 200

#: Bump when a rule below changes: persisted indexes store their forms and recompute them on a mismatch.
NORMALISATION_VERSION = 5

# Every apostrophe-like mark reports use for ʿayn and hamza, plus the half-rings of scholarly transliteration.
_MARKS = "'`´‘’‛′ʹʻʼʽʾʿˈˊˋ\u02bb\u02bc\u0060\u00b4\u2032\u2035"
#: Every apostrophe-like mark to a plain apostrophe (for comparing names "as written").
APOSTROPHES_TO_ONE = str.maketrans({c: "'" for c in _MARKS})
_ASCII_SEPARATORS = bytes.maketrans(b"-_/.,;:()[]\"", b" " * 12)
# The same for text that was ASCII from the start, folding upper case on the way (what str.lower() does to ASCII).
_ASCII_LOWER_SEPARATORS = bytes.maketrans(b"-_/.,;:()[]\"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                          b" " * 12 + b"abcdefghijklmnopqrstuvwxyz")
# Letters NFKD does not decompose.
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
                                "þ": "th"})

_ARTICLES = frozenset({"al", "el", "il", "ul", "l", "a", "e", "ad", "ed", "as", "es", "ash", "esh", "at", "et", "az",
                       "ez", "an", "en", "ar", "er", "adh", "ath", "ud", "us", "ut", "un", "ur", "uz"})
# A glued article: "Elhisn", "Alrai", "Albab". The third letter must be a consonant other than l so that
# "Aleppo" and "Allah" stay whole.
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[bcdfghjkmnpqrstvwxyz])")
_GLUED_STARTS = ("al", "el")

# Prefix families, folded to one spelling per family (after marks are gone and before vowels are folded).
_PREFIX_FAMILIES = {
    "kafr": ("kafr", "kafar", "kfar", "kefr", "kufr", "kfr", "kefar", "kafer", "kfer"),
    "tal": ("tal", "tall", "tell", "tel", "til", "tul", "tulul"),
    "um": ("um", "umm", "om", "omm", "oum", "oumm"),
    "khirbat": ("khirbet", "kharbat", "khirbat", "khirbit", "khurbat", "kherbet", "khirba", "khirbeh", "kharbet",
                "khirbah", "khurbet", "khrbt", "kherbat", "kheerbat", "kheurbet", "kheurbe", "khirbe", "kharbeh"),
    "dayr": ("deir", "dayr", "dair", "der", "dier", "deyr"),
    "jabal": ("jabal", "jebel", "jabel", "jbel", "djebel", "jebal", "jibal"),
    "shaykh": ("sheikh", "shaykh", "shaikh", "sheik", "shekh", "cheikh", "sheykh", "shaykh", "shiekh", "shikh"),
    "maarat": ("maarat", "maarrat", "marat", "maaret", "maarret", "maret", "maarrit", "maarit", "maaraat"),
    "ayn": ("ain", "ayn", "ein", "eyn", "aïn", "ayin"),
    "bayt": ("beit", "bayt", "bait", "beyt", "bet"),
    "abu": ("abu", "abou", "abo", "aboo"),
    "bir": ("bir", "beer", "bier", "bire"),
}
_PREFIX_OF = {variant: canon for canon, variants in _PREFIX_FAMILIES.items() for variant in variants}
_PREFIXES = frozenset(_PREFIX_OF)

def _first_of_run(match: re.Match) -> str:
    return match.group(1)


# The Latin forms are computed on the tokens joined by single spaces; spaces go at the end.
_DOUBLED = re.compile(r"([a-z])\1+")
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1+")
# One pass, longest spellings first: ee/ie/iy -> i; ou/oo/o/uw -> u; ei/ey/ai/ay -> ay; e -> a.
_VOWEL_MAP = {"ee": "i", "ie": "i", "iy": "i", "ou": "u", "oo": "u", "o": "u", "uw": "u", "ei": "ay", "ey": "ay",
              "ai": "ay", "ay": "ay", "e": "a"}
_VOWEL_FOLD = re.compile(r"ee|ie|ei|ey|ai|ay|ou|oo|iy(?![aeiou])|uw(?![aeiou])|o|e")
# A final h after a vowel is a taa marbuta ("-ah", "-eh") as often as a consonant; words of 3+ letters only.
# (The h comes first, then the lookbehind that includes it: the regex engine can then skip from h to h.)
_FINAL_H = re.compile(r"h(?<=[a-z][aiu]h)\b")
_SKELETON_FINAL_H = re.compile(r"h(?<=[a-z][aeiouy]h)\b")


def _fold_vowel(match: re.Match) -> str:
    return _VOWEL_MAP[match.group()]


def _fold_piece(piece: str) -> str:
    """The key rules (doubled consonants single, vowels folded, doubled letters single) on one piece of a name."""
    return _DOUBLED.sub(_first_of_run, _VOWEL_FOLD.sub(_fold_vowel, _DOUBLED_CONSONANT.sub(_first_of_run, piece)))


# Speed: the key is the rules above in one regex pass instead of three, with fewer Python callbacks (is_known
# computes keys by the 100,000; this took a key from ~3.2 to ~2.0 us).
# The rules only change runs of the letters aeiouyw (vowels, and y/w which the vowel spellings use) and runs of one
# doubled consonant, and what they make of such a run depends on nothing around it: no rule's output puts a letter
# of the run next to its neighbours, and the iy/uw lookahead sees a consonant or the end the same way. So each run
# of two or more such letters is looked up in a table made at import (runs of up to four letters: ~99.5% of runs
# in real names; longer ones go through the rules themselves), and a lone e or o is then a plain letter swap.
_KEY_PIECE = re.compile(r"[aeiouyw]{2,}|([b-df-hj-np-tvxz])\1+")
_FOLDED_PIECE = {piece: _fold_piece(piece) for piece in
                 ["".join(letters) for n in range(2, 5) for letters in itertools.product("aeiouyw", repeat=n)]
                 + [c * n for c in "bcdfghjklmnpqrstvxz" for n in range(2, 5)]}


def _fold_key_piece(match: re.Match, _folded=_FOLDED_PIECE.get) -> str:  # (a bound lookup: called per run)
    piece = match[0]
    return _folded(piece) or _fold_piece(piece)


# Arabic script.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": None,
                              "ی": "ي", "ک": "ك", "ھ": "ه", "ۀ": "ه", "ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ك"})
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Arabic letters to the skeleton alphabet; long vowels, ʿayn and hamza carriers become nothing.
_ARABIC_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "X", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
    "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "G", "ف": "f", "ق": "k", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ا": "", "ة": "",
}
# Latin digraphs become one symbol (upper case so the letter table below leaves them alone), then single letters.
_LATIN_DIGRAPHS = re.compile(r"kh|sh|ch|gh|th|dh|ph|dj|ck")
_DIGRAPH_MAP = {"kh": "X", "sh": "S", "ch": "S", "gh": "G", "th": "t", "dh": "d", "ph": "f", "dj": "j", "ck": "k"}
_SKELETON_BYTES = bytes.maketrans(b"gcqpv", b"Gkkbf")
_SKELETON_DELETE = b" aeiouyw"
_SKELETON_DOUBLED = re.compile(r"(.)\1+")


_ASCII_LETTER = re.compile("[A-Za-z]")  # what str.isalpha accepts among ASCII characters
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Format characters pasted text carries: soft hyphen, Arabic letter mark, zero-width and bidi controls, BOM.
_FORMAT = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def validate_query(text: str) -> str:
    """Return ``text`` stripped, or raise :class:`InvalidQuery` saying what is wrong with it.

    Format characters (bidi marks, zero-width joiners, BOM) that pasted Arabic carries are removed silently;
    control characters, empty or oversized names and names mixing Arabic and Latin letters are refused.

    Examples
    --------
    >>> validate_query("  Jarjanaz ")
    'Jarjanaz'
    """
    # Most queries are printable ASCII, not too long, with a letter and no runs of spaces: only the ends to strip.
    # (Printable ASCII has no white space but " "; an ASCII string has a letter exactly when its cases differ.)
    if (text.__class__ is str and text.isascii() and len(text) <= MAX_QUERY_LENGTH and text.isprintable()
            and "  " not in text):
        cleaned = text.strip(" ")
        if cleaned.lower() != cleaned.upper():
            return cleaned
    if not isinstance(text, str):
        raise InvalidQuery(f"a place name must be text, not {type(text).__name__}")
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQuery(f"name of {len(text)} characters is too long (at most {MAX_QUERY_LENGTH}): "
                           f"{text[:40]!r}...")
    ascii_only = text.isascii()  # most queries: no format characters, no Arabic letters to look for
    # Among ASCII characters the control characters are exactly the unprintable ones (a cheaper test than a regex).
    control = None if ascii_only and text.isprintable() else _CONTROL.search(text)
    if control:
        raise InvalidQuery(f"name {text[:60]!r} contains control character U+{ord(control.group()):04X} "
                           f"at {control.start()}")
    if ascii_only and "  " not in text:  # printable ASCII has no whitespace but " ": only the ends to strip
        cleaned = text.strip(" ")
    else:
        cleaned = " ".join((text if ascii_only else _FORMAT.sub("", text)).split())
    if not cleaned:
        raise InvalidQuery("empty place name")
    if not ascii_only and _ARABIC_LETTER.search(cleaned) and _LATIN_LETTER.search(cleaned):
        raise InvalidQuery(f"name {cleaned!r} mixes Arabic and Latin script; give one spelling at a time")
    if not (_ASCII_LETTER.search(cleaned) if ascii_only else any(c.isalpha() for c in cleaned)):
        raise InvalidQuery(f"name {cleaned!r} has no letters")
    return cleaned


def is_arabic(text: str) -> bool:
    """True when ``text`` contains Arabic-script letters."""
    return not text.isascii() and _ARABIC_LETTER.search(text) is not None


def _latin_surface(text: str) -> str:
    if text.isascii():
        data = text.encode("ascii").translate(_ASCII_LOWER_SEPARATORS, b"'`")
    else:
        # NFKD splits letters from their diacritics; the ASCII round trip drops the marks (ʿ, ʾ, combining dots).
        data = unicodedata.normalize("NFKD", text.lower().translate(_LATIN_SPECIAL)).encode("ascii", "ignore")
        data = data.translate(_ASCII_SEPARATORS, b"'`")
    # One bytes.translate drops the marks (' and `) and turns the ASCII separators (- _ / . , ; : ( ) [ ] ") into
    # spaces; str.split() then splits on any white space.
    spaced = data.decode("ascii")
    if spaced.isalpha():  # one word of letters (half of all names): nothing to split, join or take out
        if spaced.startswith(_GLUED_STARTS):
            return _unglued(spaced)
        return _PREFIX_OF.get(spaced, spaced)
    tokens = spaced.split()
    if len(tokens) > 1 and not _ARTICLES.isdisjoint(tokens):  # a lone "As" or "An" is a name, not an article
        if len(tokens) == 2 and tokens[0] in _ARTICLES:  # "al X", the commonest: one word is left
            return _unglued(tokens[1])
        tokens = [*itertools.filterfalse(_ARTICLES.__contains__, tokens[:-1]), tokens[-1]]
    spaced = " ".join(tokens)
    # Speed: set and substring tests first, so that most names go without a Python loop over their words.
    if spaced.startswith(_GLUED_STARTS) or " al" in spaced or " el" in spaced:
        return " ".join([_unglued(token) for token in tokens])
    return spaced if _PREFIXES.isdisjoint(tokens) else " ".join(map(_PREFIX_OF.get, tokens, tokens))


def _unglued(token: str) -> str:
    if len(token) >= 5 and token.startswith(_GLUED_STARTS):
        token = _GLUED_ARTICLE.sub("", token)
    return _PREFIX_OF.get(token, token)


def _latin_key(joined: str) -> str:
    key = _KEY_PIECE.sub(_fold_key_piece, joined).replace("e", "a").replace("o", "u")
    # Cheap tests spare most names a regex pass: the h must end a word, before a space, the end or a sign.
    if "h" in key and (key.endswith("h") or "h " in key or not key.replace(" ", "").isalnum()):
        key = _FINAL_H.sub("", key)
    return key.replace(" ", "")


def _latin_skeleton(joined: str) -> str:
    skel = joined
    if "h" in skel:  # every pattern of these two passes but dj and ck has an h
        skel = _SKELETON_FINAL_H.sub("", skel)
    if "h" in skel or "dj" in skel or "ck" in skel:
        skel = _LATIN_DIGRAPHS.sub(_digraph, skel)
    # Surfaces are ASCII, so the letter table runs on bytes (x -> ks first: bytes map one to one).
    skel = skel.replace("x", "ks").encode("ascii").translate(_SKELETON_BYTES, _SKELETON_DELETE).decode("ascii")
    return _SKELETON_DOUBLED.sub(_first_of_run, skel)


def _digraph(match: re.Match) -> str:
    return _DIGRAPH_MAP[match.group()]


def _arabic_tokens(text: str) -> list[str]:
    text = _TASHKEEL.sub("", unicodedata.normalize("NFKC", text))
    tokens = [t for t in re.split(r"[\s\-_.,;:()«»،؛]+", text) if t]
    out = []
    for token in tokens:
        # The article and its prepositional forms (وال، بال، لل) are not part of the name.
        for article in ("وال", "بال", "ال", "لل"):
            if token.startswith(article) and len(token) > len(article) + 1:
                token = token[len(article):]
                break
        out.append(token)
    return out


def _arabic_token_skeleton(token: str, last: bool) -> str:
    marbuta = token.endswith("ة")
    token = token.translate(_ARABIC_FOLD)
    if marbuta:  # taa marbuta: "t" in a construct (Dhahret a-Zarzour), nothing at the end of a name
        token = token[:-1] + ("" if last else "ت")
    elif token[-1:] in ("ه", "ح") and len(token) >= 2:
        # A final ه is a taa marbuta without its dots as often as not, and Latin spellings cannot tell a final ح
        # from the "-ah/-eh" of a taa marbuta: the Latin side drops a final h after a vowel too.
        token = token[:-1]
    return "".join(_ARABIC_SKELETON.get(c, c if c.isdigit() else "") for c in token)


def _arabic_surface(text: str) -> str:
    return " ".join(_arabic_tokens(text))


def _arabic_key_of_surface(surface_form: str) -> str:
    # The surface is the Arabic tokens joined by spaces; the key folds them and joins them.
    return surface_form.translate(_ARABIC_FOLD).replace(" ", "")


def _arabic_key(text: str) -> str:
    return _arabic_key_of_surface(_arabic_surface(text))


def _arabic_skeleton(text: str) -> str:
    return _arabic_tokens_skeleton(_arabic_tokens(text))


def _arabic_tokens_skeleton(tokens: list[str]) -> str:
    skel = "".join(_arabic_token_skeleton(t, i == len(tokens) - 1) for i, t in enumerate(tokens))
    return _SKELETON_DOUBLED.sub(_first_of_run, skel)


@lru_cache(maxsize=131072)
def surface(text: str) -> str:
    """The name as written, minus case, marks, articles and prefix spellings: what a reader sees.

    Two spellings with equal keys can still look very different ("Sehrah" and "Saharah"); comparing surfaces
    tells a respelling from a collision. Keys and skeletons are computed from it.

    Examples
    --------
    >>> surface("Ma‘arrat an-Nu‘mān")
    'maarat numan'
    """
    return _latin_surface(text) if text.isascii() or not is_arabic(text) else _arabic_surface(text)


@lru_cache(maxsize=131072)
def name_key(text: str) -> str:
    """The normalised key of a name: equal keys are the same name written differently.

    Examples
    --------
    >>> name_key("Khan Sheikhoun"), name_key("Khān Shaykhūn")
    ('khanshaykhun', 'khanshaykhun')
    >>> name_key("الصِّير")
    'صير'
    """
    return _latin_key(surface(text)) if text.isascii() or not is_arabic(text) else _arabic_key(text)


@lru_cache(maxsize=131072)
def skeleton(text: str) -> str:
    """The consonant skeleton of a name, in one alphabet for Latin and Arabic script.

    Examples
    --------
    >>> skeleton("Jorjnaz"), skeleton("Jarjanaz"), skeleton("جرجناز")
    ('jrjnz', 'jrjnz', 'jrjnz')
    """
    return _latin_skeleton(surface(text)) if text.isascii() or not is_arabic(text) else _arabic_skeleton(text)


# Uncached forms, for one-off lookups (``is_known`` over a stream of spellings): the surface is worked out once and
# the key and skeleton from it, with no memo to fill on the way. They give what the cached functions above give.
def plain_key(text: str) -> tuple[str, str, bool]:
    """``(name_key(text), surface(text), is_arabic(text))``, computed afresh."""
    if text.isascii() or not is_arabic(text):
        surface_form = _latin_surface(text)
        return _latin_key(surface_form), surface_form, False
    surface_form = _arabic_surface(text)
    return _arabic_key_of_surface(surface_form), surface_form, True


def skeleton_of_surface(surface_form: str, arabic: bool) -> str:
    """The :func:`skeleton` of a name whose :func:`plain_key` gave ``(_, surface_form, arabic)``."""
    if arabic:
        return _arabic_tokens_skeleton(surface_form.split(" ") if surface_form else [])
    return _latin_skeleton(surface_form)


def name_forms(text: str) -> tuple[str, str, str]:
    """``(name_key(text), skeleton(text), surface(text))``: what the index keeps for every name."""
    return name_key(text), skeleton(text), surface(text)


_OTHER_SCRIPT = re.compile("[^\\x00-\u024f\u0300-\u036f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u1e00-\u1eff"
                           "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]")


def is_usable_alias(text: str) -> bool:
    """True for an alias worth indexing: Latin or Arabic script, not a URL, not only digits, not too long."""
    return (0 < len(text) <= 100 and "://" not in text and any(c.isalpha() for c in text)
            and _OTHER_SCRIPT.search(text) is None and not (is_arabic(text) and _LATIN_LETTER.search(text)))
