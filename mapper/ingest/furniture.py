"""Page furniture removal: the parts of a web page that are not the report.

Text is cut into units (a line, or a whole block when the block is hard-wrapped prose) and each unit is classified by
general rules, not by outlet-specific strings:

- link-only units (markdown links, bare URLs, separators) and units that are mostly link text;
- tag lines ("Region: ...", "Theme: ...", "Tags: ...", "Filed under: ...");
- units carrying cue phrases of share prompts, donation appeals, comment forms, disclaimers, copyright notices,
  subscription prompts and "Note to readers" paragraphs: dropped when they carry two cues or more, when one strong
  cue ("Leave a Reply", "Disclaimer", "PayPal") opens the unit or sits in a short one, or when one weak cue
  ("donate", "subscribe to", "copyright") opens it; "Turkey said it would donate tents" stays;
- author blurbs ("<Name> is a writer/advocate/journalist ...") among the last paragraphs only.

Markdown link syntax is reduced to its text (``[South Front](#)`` becomes ``South Front``) and images are dropped.
Body sentences are never rewritten.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ONLY_PUNCT = re.compile(r"^[\W_]*$")
_TAG_LINE = re.compile(
    r"^\s*(?:region|regions|theme|themes|in-depth report|tags?|tagged|topics?|categor(?:y|ies)|filed under|keywords|"
    r"related(?: articles| posts| stories| topics)?|read more|read also|see also|also read|more on this|"
    r"photo|photos|image|images|credit)\s*:",
    re.IGNORECASE,
)
_SOCIAL_LINE = re.compile(
    r"^\s*(?:(?:share|tweet|email|print|pin|like|follow|whatsapp|facebook|twitter|telegram|linkedin|reddit|vk|"
    r"copy link|share this|share on|follow us)[\s:|•·,/-]*)+$",
    re.IGNORECASE,
)
# Weak cues can occur in news ("Turkey will donate tents"): one alone removes a unit only when it opens the unit.
_WEAK_CUE_PATTERNS = (
    r"share (?:this|on|via|buttons?)\b", r"click (?:here|the share|to share)\b", r"forward this\b",
    r"cross-?post\b", r"email lists?\b", r"follow us\b", r"donat(?:e|ion|ions|ing)\b",
    r"(?:please )?support (?:us|our work|the project|independent journalism)\b", r"subscribe (?:to|now)\b",
    r"newsletter\b", r"copyright(?:ed)?\b", r"reprint(?:ed)? with permission\b", r"terms of (?:use|service)\b",
    r"privacy policy\b", r"this article (?:was|is|first) (?:originally )?(?:published|appeared)\b",
)
# Strong cues hardly occur in a report: one removes a short unit (and any unit it opens).
_STRONG_CUE_PATTERNS = (
    r"paypal\b", r"patreon\b", r"become a (?:member|patron|subscriber)\b", r"if you(?:'|’)re able\b",
    r"wouldn(?:'|’)t be possible without\b", r"leave a (?:reply|comment)\b", r"email address will not be published\b",
    r"required fields are marked\b", r"comments? (?:policy|section)\b", r"log ?in to (?:comment|reply)\b",
    r"cancel reply\b", r"post comment\b", r"disclaimer\b", r"sole responsibility of the author",
    r"do(?:es)? not necessarily reflect\b", r"all rights reserved\b", r"fair use\b",
    r"note to (?:readers|our readers|editors)\b", r"original source of this article\b", r"(?:media|press) inquiries\b",
    r"the views expressed\b",
)
# One leading \b for all alternatives and lower-cased input: ~15x faster than a \b and IGNORECASE per alternative.
_WEAK_CUES = re.compile(r"\b(?:" + "|".join(_WEAK_CUE_PATTERNS) + ")")
_STRONG_CUES = re.compile(r"\b(?:" + "|".join(_STRONG_CUE_PATTERNS) + ")")
# A literal that every cue match contains: substring tests run at C speed, the regexes ~100x slower per character, so
# the regexes only run on units holding one of these. Keep in step with the patterns above (a test checks it).
WEAK_CUE_ANCHORS = (
    "share", "click", "forward this", "cross", "email list", "follow us", "donat", "support", "subscribe",
    "newsletter", "copyright", "with permission", "terms of", "privacy policy", "this article",
)
STRONG_CUE_ANCHORS = (
    "paypal", "patreon", "become a", "re able", "possible without", "leave a", "will not be published",
    "required fields", "comment", "log in to", "login to", "cancel reply", "disclaimer", "sole responsibility",
    "necessarily reflect", "rights reserved", "fair use", "note to", "original source", "inquiries", "views expressed",
)
CUE_ANCHORS = WEAK_CUE_ANCHORS + STRONG_CUE_ANCHORS + ("@", "©")
# Each cue regex is scanned only when the unit holds one of its own anchors: "cross" (in "across") is in most
# reports and needs the weak scan only, and a regex that finds no anchor of its own finds no match.
_WEAK_SET, _STRONG_SET = frozenset(WEAK_CUE_ANCHORS), frozenset(STRONG_CUE_ANCHORS)


def cue_anchors_in(low: str, anchors: tuple[str, ...] = CUE_ANCHORS) -> tuple[str, ...]:
    """The anchor literals that lower-cased text holds (a fast pre-check before the cue regexes)."""
    return tuple(anchor for anchor in anchors if anchor in low)

# Cues that are furniture only when they open the unit ("Comment on ..." is a prompt, "declined to comment on" is news).
_OPENING_CUES = re.compile(
    r"^\W*(?:comment on\b|comments\b|articles by\b|about the author\b|more from\b|recommended\b|advertisement\b|"
    r"sponsored\b|join (?:us|our)\b|sign up\b)",
    re.IGNORECASE,
)
_SHORT_WORDS = 40
_LINK_DENSITY = 0.5
_LINK_WORDS = 30
_BLURB_START = re.compile(
    r"^(?:about the author\b|(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+"
    r"(?:is|was|has been|has worked as)\s+(?:a|an|the)\b)",
)
_BLURB_CUE = re.compile(
    r"\b(?:writer|journalist|author|advocate|editor|analyst|correspondent|contributor|researcher|reporter|columnist|"
    r"commentator|blogger|professor|lecturer|founder|freelance|graduate|his life|her life|(?:he|she) believes|"
    r"passionate|dedicated (?:his|her))\b",
    re.IGNORECASE,
)
_TAIL_UNITS = 3
_BLOCK_BREAK = re.compile(r"(\n[ \t]*\n)")
# Three or more newlines. Spelt with a literal prefix, not as \n{3,}: the regex engine then skips ahead to each
# "\n\n" at C speed instead of trying every position, ~6x faster on a 4 kB text (every text has such a run).
_BLANK_RUN = re.compile(r"\n\n\n+")
_WRAPPED = 3  # a block of this many lines or more whose lines all end mid-sentence is hard-wrapped prose


def strip_link_syntax(text: str) -> str:
    """Reduce markdown links to their text and drop images.

    Examples
    --------
    >>> strip_link_syntax("By [South Front](#) ![logo](x.png)")
    'By South Front '
    """
    if "](" not in text and "<" not in text:  # every pattern below needs one of these: most text has neither
        return text
    text = _IMAGE.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    return _LINK.sub(r"\1", text)


def _link_chars(raw: str) -> int:
    count = sum(len(m.group(1)) for m in _LINK.finditer(raw))
    count += sum(len(m.group(1)) for m in _AUTOLINK.finditer(raw))
    bare = _AUTOLINK.sub(" ", _LINK.sub(" ", raw))
    return count + sum(len(m.group(0)) for m in _URL.finditer(bare))


def is_furniture(raw: str, *, anchors: tuple[str, ...] = CUE_ANCHORS) -> bool:
    """Classify one unit (a line or a paragraph, markdown links still in place) as page furniture.

    ``anchors`` narrows the cue pre-check to the anchors the whole text holds (none: no cue phrase can match).

    Examples
    --------
    >>> is_furniture("Region: [Middle East & North Africa](#)")
    True
    >>> is_furniture("Your email address will not be published. Required fields are marked *")
    True
    >>> is_furniture("The army said it would support the advance on Maarat al-Numan.")
    False
    """
    has_links = "](" in raw or "<" in raw or "://" in raw or "www." in raw
    text = strip_link_syntax(raw).strip() if has_links else raw.strip()
    if _ONLY_PUNCT.match(text):
        return True
    # The word count is taken only where a rule needs it: splitting every paragraph was a fifth of this function.
    has_email = "@" in text
    if has_links:
        without_links = _URL.sub(" ", _AUTOLINK.sub(" ", _LINK.sub(" ", _IMAGE.sub(" ", raw))))
        if has_email:
            without_links = _EMAIL.sub(" ", without_links)
        if len(_WORD.findall(without_links)) <= 1:
            return True  # only links, URLs and perhaps a "via:"
        if len(text.split()) < _LINK_WORDS and _link_chars(raw) > _LINK_DENSITY * max(1, len(text)):
            return True
    if (_TAG_LINE.match(text) or _SOCIAL_LINE.match(text)) and len(text.split()) < 20:
        return True
    if _OPENING_CUES.match(text) and len(text.split()) < _SHORT_WORDS:
        return True
    if not anchors:
        return False
    low = text.lower()
    present = cue_anchors_in(low, anchors)
    if not present:
        return False
    strong = len(_STRONG_CUES.findall(low)) if not _STRONG_SET.isdisjoint(present) else 0
    strong += low.count("©") + (len(_EMAIL.findall(text)) if has_email else 0)
    weak = len(_WEAK_CUES.findall(low)) if not _WEAK_SET.isdisjoint(present) else 0
    if strong + weak >= 2:
        return True
    if not strong and not weak:  # what the rules below give for no cue at all, without their head scans
        return False
    words = len(text.split())
    head = low[:40]
    opening = head.lstrip(" *_#>-").startswith("©") or bool(_STRONG_CUES.search(head) or _WEAK_CUES.search(head))
    if strong:
        return opening or words < _SHORT_WORDS
    return bool(weak) and opening and words < 80


def is_author_blurb(text: str) -> bool:
    """Tell whether a paragraph reads as an author's biography ("<Name> is a writer ...").

    Examples
    --------
    >>> is_author_blurb("Jane Roe is a freelance journalist based in Beirut. She covers Syria.")
    True
    >>> is_author_blurb("Maarat al-Numan is a key stronghold of the militants.")
    False
    """
    text = strip_link_syntax(text).strip()
    return bool(_BLURB_START.match(text)) and bool(_BLURB_CUE.search(text))


def _units(text: str) -> list[str]:
    """Cut text into classification units, keeping blank lines as separators."""
    units: list[str] = []
    for block in _BLOCK_BREAK.split(text):
        if not block.strip():
            units.append(block)
            continue
        lines = block.split("\n")
        wrapped = len(lines) >= _WRAPPED and all(
            line.rstrip() and not line.rstrip().endswith((".", "!", "?", ":", "”", '"')) for line in lines[:-1]
        )
        if wrapped:
            units.append(block)
        else:
            units.extend(line + "\n" for line in lines[:-1])
            units.append(lines[-1])
    return units


# Characters other than "©" whose lower case holds ASCII or "©" (KELVIN SIGN, CAPITAL I WITH DOT ABOVE). A literal
# that a test derives from all of Unicode: working it out at import takes a second.
LOWER_TO_ASCII = ("\u212a", "\u0130")
_ASCII_ANCHORS = tuple(anchor for anchor in CUE_ANCHORS if anchor != "©")


def text_anchors(text: str) -> tuple[str, ...]:
    """``cue_anchors_in(text.lower())``, lower-casing only ASCII when that gives the same anchors (nearly always).

    ``str.lower`` costs ~6 ns a character on text with curly quotes or accents, a quarter of the anchor scan.
    Without the characters of ``LOWER_TO_ASCII``, ASCII in ``text.lower()`` is ASCII in ``text`` lower-cased, so the
    ASCII anchors are found as well in the UTF-8 bytes lower-cased (read back as Latin-1: one byte, one character);
    "©" is looked for in the text itself, as its second UTF-8 byte also ends other characters.

    Examples
    --------
    >>> text_anchors("Leave a Reply © 2020")
    ('leave a', '©')
    """
    if any(char in text for char in LOWER_TO_ASCII):
        return cue_anchors_in(text.lower())
    low = text.encode("utf-8", "surrogatepass").lower().decode("latin-1")
    found = cue_anchors_in(low, _ASCII_ANCHORS)
    return found + ("©",) if "©" in text else found


def remove_furniture(text: str) -> str:
    """Remove page furniture from an article's text and reduce markdown links to their text.

    Examples
    --------
    >>> remove_furniture("Army enters al-Tah.\\n\\nLeave a Reply\\n\\n[Home](/) | [World](/w)")
    'Army enters al-Tah.'
    """
    # one pass over the whole text, then each unit only tests the few anchors present (most articles have none)
    anchors = text_anchors(text)
    kept = [unit for unit in _units(text) if not unit.strip() or not is_furniture(unit, anchors=anchors)]
    body = [i for i, unit in enumerate(kept) if unit.strip()]
    for i in body[-_TAIL_UNITS:]:
        if is_author_blurb(kept[i]):
            kept[i] = ""
    cleaned = strip_link_syntax("".join(kept))
    cleaned = "\n".join(line.rstrip() for line in cleaned.split("\n"))
    return _BLANK_RUN.sub("\n\n", cleaned).strip()
