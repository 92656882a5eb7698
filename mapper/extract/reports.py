"""Orchestration: from an Article to Reports (one place, one claim each).

For every sentence: find the triggers, read the places each one governs (``mentions``), decide the side that gained
(``actors``), the modality, who says so and the date.

Sides, in order: the agent the sentence names (the subject of an active trigger, the "by" phrase of a passive
one, the gainer of "fell to"); else the opponent of the side it was taken *from* ("liberated from terrorists" ->
government); else any other actor in the sentence that is not the object of "with/against/from..."; else the side
of the most recent control change or advance in the article (an article about army advances keeps its agent for
agentless passives).  For attacks, advances and sieges ``controller`` holds the side that acts.

Dates, in order: the date expression of the sentence nearest the trigger; else the date the previous sentence of
the same paragraph carried, when that sentence itself reported an event (a narrative that goes on); else the date
of a tweet signature ("— SANA (@SanaAjel) November 25, 2019") in the paragraph just before or after; else, when
the sentence's source is a statement the text dates ("a statement ... said on Tuesday", then "The statement noted
that ..."), the week up to that day (precision week, ``date`` = the statement's day); else unknown.

Attribution: the source the sentence names ("SANA reported", "according to SOHR", "the source said": resolved to
the last named source); else the previous sentence's in the same paragraph; else the outlet (``article.source``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from mapper.article import Article
from mapper.extract.actors import OPPONENT, ActorLexicon, ActorMention, canonical_source, find_attribution, is_anaphor
from mapper.extract.dates import find_dates
from mapper.extract.mentions import TOKEN, Mention, is_place_like, parse_list, scan_names
from mapper.extract.modality import modality_of
from mapper.extract.model import CONTROL_CHANGE, DateInfo, DateMention, Evidence, Report
from mapper.extract.sentences import KeyIndex, Sentence, forget_words, split_paragraphs, split_sentences
from mapper.extract.triggers import Trigger, find_triggers

_DEFAULT_ACTORS = ActorLexicon()
_PRIORITY = {CONTROL_CHANGE: 0, "siege": 1, "advance": 2, "attack": 3}
_NOT_AGENT = re.compile(r"(?i)(?:\b(?:from|against|with|on|at|under|targeting|upon|into|to|between|among)\s+"
                        r"(?:the\s+|their\s+|its\s+|of\s+)?(?:[\w’'-]+\s+){0,2}"
                        r"|\b(?:stronghold|strongholds|hands|grip|clutches|control|positions|territory|areas|bases"
                        r"|members|losses|remnants|attacks|gains)\s+of\s+(?:the\s+)?)$")
_BY = re.compile(r"(?i)\s*(?:\w+ly\s+)?by\s+(?:the\s+)?")
_FROM = re.compile(r"(?i)\bfrom\s+(?:the\s+)?(?:(?:clutches|grip|hands|control)\s+of\s+(?:the\s+)?)?(?:[\w’'-]+\s+)?$")
_BOUNDARY = re.compile(r"(?i)(?:\b(?:that|as|while|when|after|which|who|because|since|although|but|where|whereas"
                       r"|meanwhile|said|says|told|reported|added|noted|announced|stated|claimed)\b|[;:]|^)")
_INCLUDING = re.compile(r"(?i),?\s*(?:including|among\s+them|such\s+as|notably)\b")
_ADMIN_BEFORE = re.compile(r"(?i)(?:province|governorate|countryside|region|oblast|state|district)\s+of\s+"
                           r"(?:the\s+)?$")
_ADMIN_AFTER = re.compile(r"(?i)\s+(?:province|governorate|countryside|region|oblast|state)\b")
#: "areas in southern Idlib", "positions in northern Hama": the name stands for the area around it, whatever the
#: event (an attack on "areas in southern Idlib" is not an attack on Idlib city). Outskirts stay "near" (precision 2).
_AREA_BEFORE = re.compile(r"(?i)\b(?:(?:areas?|parts)\s+(?:in|of|across|throughout)"
                          r"|(?:villages|towns|positions|fronts?)\s+(?:in|across|throughout))\s+"
                          r"(?:the\s+)?(?:(?:north|south|east|west)[a-z-]*\s+)?$")  # "the villages of X" names X
_AREA_WORDS = ("area", "part", "village", "town", "position", "front")  # one of them is in every _AREA_BEFORE match
#: After a name, only administrative words make it an area: "al-Tah region" is that town's ground and merges with
#: the town's own reports.
_ADMIN_UNIT_AFTER = re.compile(r"(?i)\s+(?:province|governorate|countryside|oblast|state|district)\b")
_IN_AREA = re.compile(r"(?i)\b(?:in|of|across|throughout)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$")
_SPEECH_BEFORE = re.compile(r"(?i)\b(?:said|says|reported|announced|stated|noted|added|declared|confirmed|wrote)"
                            r"\s+(?:on\s+|late\s+|early\s+)?$")
_WINDOW = 600  # characters around a trigger that its places, sides and modality are read from
_TWEET_SIGNATURE = re.compile(r"\s*[—–-]\s*.{0,80}\(@\w+\)")


def extract_reports(article: Article, *, is_place: Callable[[str], bool] | None = None,
                    actors: ActorLexicon | None = None) -> list[Report]:
    """Every report the article makes about a place, in text order.

    Parameters
    ----------
    article : Article
    is_place : callable, optional
        ``gazetteer.is_known``: only used to drop a one-word capitalised sentence opener that is not a known place.
    actors : ActorLexicon, optional
        The actor table (defaults to ``actors.ACTOR_TABLE``).

    Examples
    --------
    >>> import datetime as dt
    >>> art = Article("a", "a.txt", "On Monday, rebels captured the town of Kafr Nabl.", dt.date(2019, 12, 24))
    >>> [(r.mention, r.controller, r.date.date.isoformat()) for r in extract_reports(art)]
    [('Kafr Nabl', 'opposition', '2019-12-23')]
    """
    return _Extraction(article, is_place, actors or _DEFAULT_ACTORS).run()


def forget_memos() -> None:
    """Empty every memo the extractor keeps across articles (word keywords, actor phrases, source names, name
    shapes), so that a benchmark pass starts as cold as a fresh process."""
    forget_words()
    _DEFAULT_ACTORS.forget()
    canonical_source.cache_clear()
    is_place_like.cache_clear()


class _Extraction:
    """State of one article's extraction (context agent, last source, carried dates)."""

    def __init__(self, article: Article, is_place, lexicon: ActorLexicon) -> None:
        self.article, self.text, self.is_place, self.lex = article, article.text, is_place, lexicon
        self._actor_cache: dict[int, list[ActorMention]] = {}
        self.sentences = split_sentences(self.text)
        spans = [(s.start, s.end) for s in self.sentences]
        index = KeyIndex(self.text.lower(), spans)  # one keyword search per article for dates and triggers
        self.dates = find_dates(self.text, article.published, spans, index=index)
        self.date_starts = [d.start for d in self.dates]
        self.triggers = find_triggers(self.text, spans, index=index)
        self._actor_rows = lexicon.rows_by_span(self.text, index)
        self._attr_cache: dict[int, str | None] = {}
        self.context_side: str | None = None

    def _actors_in(self, sent: Sentence) -> list[ActorMention]:
        if sent.index not in self._actor_cache:
            full = self.sentences[sent.index]
            self._actor_cache[sent.index] = self.lex.find(self.text, full.start, full.end,
                                                          self._actor_rows[sent.index])
        actors = self._actor_cache[sent.index]
        if actors and (actors[0].start < sent.start or actors[-1].end > sent.end):  # a window of a long sentence
            lo = bisect.bisect_left(actors, sent.start, key=lambda a: a.start)
            hi = bisect.bisect_right(actors, sent.end, key=lambda a: a.start)
            return [a for a in actors[lo:hi] if a.end <= sent.end]
        return actors

    def _in(self, items, starts, start, end):
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def _is_actor(self, name: str) -> bool:
        return self.lex.side_of(name) is not None

    def run(self) -> list[Report]:
        sentences, triggers = self.sentences, self.triggers
        trig_starts = [t.start for t in triggers]
        tweet_dates = self._tweet_dates()
        out: list[Report] = []
        prev: Sentence | None = None
        prev_carried: DateInfo | None = None
        prev_had_event = False
        for sent in sentences:
            same_para = prev is not None and prev.paragraph == sent.paragraph
            sent_dates = self._in(self.dates, self.date_starts, sent.start, sent.end)
            inherited = prev_carried if same_para and prev_had_event else None
            if inherited is None and not sent_dates:
                inherited = tweet_dates.get(sent.paragraph)
            reports: dict[tuple[int, int], Report] = {}
            sent_triggers = triggers[bisect.bisect_left(trig_starts, sent.start):bisect.bisect_left(trig_starts, sent.end)]
            if sent_triggers:
                actors = self._actors_in(sent)
                # "National Front for the Liberation of Syria" names an actor, not a liberation
                starts = [a.start for a in actors]
                sent_triggers = [t for t in sent_triggers if not _inside(actors, starts, t.start)]
            source, spoken = self._source(sent.index) if sent_triggers else (None, None)
            for trig in sent_triggers:
                for rep in self._reports_for(sent, trig, sent_dates, inherited, source, spoken):
                    key = rep.evidence.span if not rep.region else (trig.start, -1)
                    old = reports.get(key)
                    if old is None or _PRIORITY.get(rep.event_type, 9) < _PRIORITY.get(old.event_type, 9):
                        reports[key] = rep
            seen: set[tuple[str, str]] = set()
            for rep in sorted(reports.values(), key=lambda r: r.evidence.span):
                if (rep.mention, rep.event_type) in seen and not rep.region:
                    continue
                seen.add((rep.mention, rep.event_type))
                out.append(rep)
            own = sent_dates[0].info if sent_dates else None
            prev_carried = own or inherited
            prev_had_event = bool(reports)
            prev = sent
        return out

    # --- pieces -------------------------------------------------------------------------------------------------

    def _tweet_dates(self) -> dict[int, DateInfo]:
        """Paragraphs next to a tweet signature take its date (embeds put the signature before or after)."""
        out: dict[int, DateInfo] = {}
        if "(@" not in self.text:  # every signature has a handle: most articles need no paragraph split
            return out
        for index, (start, end) in enumerate(split_paragraphs(self.text)):
            if _TWEET_SIGNATURE.match(self.text, start, end):
                dates = [d for d in self._in(self.dates, self.date_starts, start, end) if d.info.precision == "day"]
                if dates:
                    out.setdefault(index - 1, dates[-1].info)
                    out.setdefault(index + 1, dates[-1].info)
        return out

    def _own_source(self, index: int) -> str | None:
        if index not in self._attr_cache:
            self._attr_cache[index] = find_attribution(self.sentences[index].text)
        return self._attr_cache[index]

    def _source(self, index: int) -> tuple[str | None, DateInfo | None]:
        """The sentence's source and the day that source spoke, if the text dates it ("a statement said on
        Tuesday").  "the source said" points back to the last named source; a sentence with none takes the
        previous sentence's in the same paragraph (computed lazily: only sentences with events need it)."""
        own = self._own_source(index)
        if own is None:
            prev = index - 1
            if prev >= 0 and self.sentences[prev].paragraph == self.sentences[index].paragraph:
                return self._source(prev)
            return None, None
        if is_anaphor(own):
            for j in range(index - 1, -1, -1):
                found = self._own_source(j)
                if found and not is_anaphor(found):
                    return found, self._speech_date(j) or self._speech_date(index)
        return own, self._speech_date(index)

    def _speech_date(self, index: int) -> DateInfo | None:
        sent = self.sentences[index]
        for d in self._in(self.dates, self.date_starts, sent.start, sent.end):
            if d.info.precision == "day" and _SPEECH_BEFORE.search(self.text, max(sent.start, d.start - 40), d.start):
                return d.info
        return None

    def _date(self, trig: Trigger, sent_dates: list[DateMention], inherited: DateInfo | None,
              spoken: DateInfo | None) -> DateInfo:
        if sent_dates:
            i = bisect.bisect_left(sent_dates, trig.start, key=lambda d: d.start)
            near = sent_dates[max(0, i - 1):i + 1]
            return min(near, key=lambda d: abs(d.start - trig.start)).info
        if inherited is None and spoken is not None and spoken.date is not None:
            # reported by a statement dated that day: it happened in the week up to it; the best single day
            # is the statement's ("as of"), which is also what a reader of the statement would date it
            return DateInfo(spoken.date, spoken.date - dt.timedelta(days=6), spoken.date, "week",
                            f"by {spoken.expression}")
        return inherited or DateInfo.unknown()

    def _clause_start(self, sent: Sentence, pos: int) -> int:
        base = max(sent.start, pos - _WINDOW)
        head = self.text[base:pos]
        last = 0
        for m in _BOUNDARY.finditer(head):
            if m.end() < len(head):
                last = m.end()
        return base + last

    def _reports_for(self, sent: Sentence, trig: Trigger, sent_dates, inherited, source, spoken) -> list[Report]:
        spec, text = trig.spec, self.text
        # a run-on "sentence" (a page with no full stops) must not make every trigger read to its end
        if sent.end - sent.start > 2 * _WINDOW:
            start, end = max(sent.start, trig.start - _WINDOW), min(sent.end, trig.end + _WINDOW)
            sent = Sentence(start, end, text[start:end], sent.paragraph, sent.index)
        region = False
        seg_end = trig.end
        forward = spec.frame in ("object", "list", "withdrew", "out_of", "lost") and not trig.passive
        if forward:
            res = parse_list(text, trig.end, sent.end, is_actor=self._is_actor)
            mentions, region, seg_end = list(res.mentions), res.region, res.end
            if region:
                mentions += self._members(sent, res.end)
        elif spec.frame == "scan" and not trig.passive:
            mentions = scan_names(text, trig.end, sent.end, is_actor=self._is_actor, drop_containers=True)
        else:
            res = parse_list(text, self._clause_start(sent, trig.start), trig.start, is_actor=self._is_actor)
            mentions, region = list(res.mentions), res.region and spec.event_type == CONTROL_CHANGE
            if region:
                mentions += self._members(sent, res.end)
        mentions = [m for m in mentions if self._keep(sent, m)]
        if not mentions and not (region and spec.event_type == CONTROL_CHANGE):
            return []
        side, actor_text = self._side(sent, trig, seg_end)
        modality = modality_of(sent.text, trig.start - sent.start, spec.modality)
        date = self._date(trig, sent_dates, inherited, spoken)
        out = []
        base = {"event_type": spec.event_type, "controller": side, "modality": modality, "date": date,
                "attribution": source or self.article.source, "actor_text": actor_text,
                "sub_event_type": spec.sub_event_type}
        if region and spec.event_type == CONTROL_CHANGE:
            area = self._region_area(sent, trig, seg_end, {m.start for m in mentions})
            span = (area.start, area.end) if area else (trig.start, trig.start)
            out.append(Report(mention=area.name if area else "", evidence=self._evidence(sent, span), region=True,
                              geo_precision=3, **base))
        for m in mentions:
            area = self._names_area(m)
            out.append(Report(mention=m.name, evidence=self._evidence(sent, (m.start, m.end)), region=area,
                              geo_precision=3 if area else 2 if m.near else 1, **base))
        return out

    def _names_area(self, m: Mention) -> bool:
        """Whether the name stands for an area ("Idlib countryside", "countryside of Aleppo", "areas in southern
        Idlib", "Hama province"): such reports are placed at the admin area, never on the town of that name."""
        text = self.text
        if _ADMIN_UNIT_AFTER.match(text, m.end):
            return True
        # The two look-behind patterns try every start in their window: a substring test on the lower-cased ASCII
        # window (which they cannot match without) spares most names both searches.
        before = text[max(0, m.start - 60):m.start]
        if before.isascii():  # outside ASCII, IGNORECASE knows folds str.lower does not ("ſ" matches "s")
            low = before.lower()
            maybe_admin = "of" in low[-40:]
            maybe_area = any(word in low for word in _AREA_WORDS)
        else:
            maybe_admin = maybe_area = True
        return bool(maybe_admin and _ADMIN_BEFORE.search(text, max(0, m.start - 40), m.start)
                    or maybe_area and _AREA_BEFORE.search(text, max(0, m.start - 60), m.start))

    def _keep(self, sent: Sentence, m: Mention) -> bool:
        if self.is_place is None or " " in m.name or m.start != sent.start:
            return True
        return bool(self.is_place(m.name))  # a capitalised sentence opener: let the gazetteer decide

    def _members(self, sent: Sentence, after: int) -> list[Mention]:
        """Named members of a counted set: "over two dozen villages, including al-Tah"."""
        m = _INCLUDING.search(self.text, after, sent.end)
        return scan_names(self.text, m.end(), sent.end, is_actor=self._is_actor) if m else []

    def _region_area(self, sent: Sentence, trig: Trigger, after: int, members: set[int]) -> Mention | None:
        names = [m for m in scan_names(self.text, after, sent.end, is_actor=self._is_actor) if m.start not in members]
        if not names:
            names = [m for m in _all_names(self, sent.start, trig.start)
                     if _IN_AREA.search(self.text, max(0, m.start - 60), m.start)]
        if not names:
            return None
        for m in names:
            if _ADMIN_BEFORE.search(self.text, max(0, m.start - 40), m.start) or _ADMIN_AFTER.match(self.text, m.end):
                return m
        return names[-1]

    def _evidence(self, sent: Sentence, span: tuple[int, int]) -> Evidence:
        a = self.article
        return Evidence(a.id, a.source, a.url, a.published, sent.text, span, a.title)

    # --- sides --------------------------------------------------------------------------------------------------

    def _agentive(self, sent: Sentence, a: ActorMention) -> bool:
        return not _NOT_AGENT.search(self.text, max(sent.start, a.start - 60), a.start)

    def _side(self, sent: Sentence, trig: Trigger, seg_end: int) -> tuple[str | None, str]:
        actors = self._actors_in(sent)
        before = [a for a in actors if a.end <= trig.start]
        after = [a for a in actors if a.start >= trig.end]
        frame = trig.spec.frame
        found: ActorMention | None = None
        side: str | None = None
        if frame == "fell_to" and after and after[0].start - trig.end < 40:
            found = after[0]
        elif frame == "returned":
            side = self.lex.side_of(trig.gainer_text) or self.lex.side_of(trig.gainer_text + " forces")
            if side:
                return self._remember(trig, side), trig.gainer_text
        elif frame == "lost":
            gainer = next((a for a in after if re.search(r"(?i)\bto\s+(?:the\s+)?$", self.text[a.start - 12:a.start])),
                          None)
            if gainer is not None:
                return self._remember(trig, gainer.side), gainer.text
            return self._remember(trig, OPPONENT.get(before[-1].side) if before else None), ""
        elif frame == "withdrew" and before:
            loser = before[-1].side
            return self._remember(trig, OPPONENT.get(loser)), before[-1].text
        elif frame == "out_of":
            agents = [a for a in before if self._agentive(sent, a)]
            if agents:
                return self._remember(trig, agents[-1].side), agents[-1].text
            loser = next((a.side for a in self.lex.find(trig.gainer_text)), None)
            if loser in OPPONENT:
                return self._remember(trig, OPPONENT[loser]), ""
        elif trig.passive:
            found = next((a for a in after if _BY.match(self.text[trig.end:a.start] + " ")
                          or (_BY.match(self.text, trig.end) and a.start - trig.end < 50)), None)
        else:
            agents = [a for a in before if self._agentive(sent, a)]
            found = agents[-1] if agents else None
        if found is None and trig.spec.event_type == CONTROL_CHANGE:
            loser = next((a for a in after if _FROM.search(self.text, max(trig.end, a.start - 40), a.start)), None)
            if loser is not None and loser.side in OPPONENT:
                return self._remember(trig, OPPONENT[loser.side]), ""
        if found is None and (trig.passive or frame == "fell_to"):
            others = [a for a in actors if self._agentive(sent, a) and not (trig.start <= a.start < seg_end)]
            if others:
                found = min(others, key=lambda a: abs(a.start - trig.start))
        if found is not None:
            return self._remember(trig, found.side), found.text
        return self.context_side, ""

    def _remember(self, trig: Trigger, side: str | None) -> str | None:
        if side and trig.spec.event_type in (CONTROL_CHANGE, "advance"):
            self.context_side = side
        return side


def _inside(actors: list[ActorMention], starts: list[int], pos: int) -> bool:
    """Is ``pos`` inside one of ``actors`` (sorted, non-overlapping; ``starts`` their starts)?"""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and actors[i].start <= pos < actors[i].end


def _all_names(ex: _Extraction, start: int, end: int) -> list[Mention]:
    """Place-like names in ``[start, end)`` ignoring clause stops (for the admin area of a region report)."""
    return [Mention(t.start(), t.end(), t.group()) for t in TOKEN.finditer(ex.text, start, end)
            if t.lastgroup == "name" and is_place_like(t.group()) and not ex._is_actor(t.group())]
