"""HTML to text with the standard library's ``html.parser``, plus the page's own metadata.

Kept: the text of the page, one paragraph per block element; when the page has ``<main>`` or ``<article>``, only
the text inside them. Dropped: script, style and other non-text elements, page furniture elements (nav, header,
footer, aside, form), elements whose class or id names furniture (share, comments, related, newsletter...), hidden
elements, comments, and blocks that are mostly link text (menus, tag clouds, "read more" lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP_TAGS = frozenset(
    ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "template", "svg", "canvas", "button", "select", "textarea", "object", "head")
)
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
_BLOCK = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote", "section", "article", "main", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "address", "center")
)
_FURNITURE_CLASS = re.compile(
    r"(?:^|[\s_-])(share|sharing|social|comments?|comment-respond|respond|related|newsletter|subscribe|donate|"
    r"donation|sidebar|menu|breadcrumbs?|author-bio|bio|advert\w*|ads?|promo|cookies?|popup|modal|tags?|widget|"
    r"sharedaddy|jp-relatedposts|disclaimer)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
                   "dc.date.issued", "sailthru.date", "parsely-pub-date")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINK_DENSITY = 0.7
_LINK_BLOCK_WORDS = 30


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """Text and metadata read from an HTML page.

    Parameters
    ----------
    text : str
        Paragraphs separated by blank lines.
    title, published, url, site_name : str or None
        og:title (or ``<title>``), the publication time as written (a meta tag or ``<time datetime>``), og:url or
        the canonical link, og:site_name.
    """

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site_name: str | None = None


class _Block:
    __slots__ = ("in_main", "link_chars", "parts")

    def __init__(self, in_main: bool) -> None:
        self.parts: list[str] = []
        self.link_chars = 0
        self.in_main = in_main


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip_depth: int | None = None  # stack depth at which a skipped element opened
        self.main_depth: int | None = None
        self.link_depth = 0
        self.blocks: list[_Block] = []
        self.block = _Block(False)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.time_published: str | None = None
        self.first_time: str | None = None
        self.seen_paragraph = False
        self.has_main = False

    def _flush(self) -> None:
        if "".join(self.block.parts).strip():
            self.blocks.append(self.block)
        self.block = _Block(self.main_depth is not None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content") and key not in self.meta:
                self.meta[key] = attr["content"].strip()
            return
        if tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.meta.setdefault("canonical", attr.get("href", "").strip())
            return
        if tag == "title" and self.title is None:
            self.title_parts = []
        if tag in _VOID:
            if tag in ("br", "hr") and self.skip_depth is None:
                self._flush()
            return
        self.stack.append(tag)
        if self.skip_depth is not None:
            return
        names = f"{attr.get('class', '')} {attr.get('id', '')}"
        if (tag in _SKIP_TAGS or _FURNITURE_CLASS.search(names) or "hidden" in attr
                or attr.get("aria-hidden") == "true"):
            self.skip_depth = len(self.stack)
            return
        if tag == "time" and attr.get("datetime"):
            if "pubdate" in attr or attr.get("itemprop", "").lower() == "datepublished":
                self.time_published = self.time_published or attr["datetime"]
            elif not self.seen_paragraph:
                self.first_time = self.first_time or attr["datetime"]
        if tag in ("main", "article") and self.main_depth is None:
            self._flush()
            self.main_depth = len(self.stack)
            self.has_main = True
            self.block.in_main = True
        if tag == "a":
            self.link_depth += 1
        if tag in _BLOCK:
            self.seen_paragraph = self.seen_paragraph or tag == "p"
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _SPACES.sub(" ", "".join(self.title_parts)).strip() or None
            self.title_parts = None
        if tag not in self.stack:
            return  # a stray end tag: ignore rather than unwind unrelated elements
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack) + 1
            if self.skip_depth is not None and depth <= self.skip_depth:
                self.skip_depth = None
            elif self.skip_depth is None:
                if open_tag == "a":
                    self.link_depth = max(0, self.link_depth - 1)
                if open_tag in _BLOCK:
                    self._flush()
                if self.main_depth is not None and depth <= self.main_depth:
                    self._flush()
                    self.main_depth = None
                    self.block.in_main = False
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.skip_depth is not None:
            return
        self.block.parts.append(data)
        if self.link_depth:
            self.block.link_chars += len(data.strip())

    def text(self) -> str:
        self._flush()
        blocks = [b for b in self.blocks if b.in_main] if self.has_main else self.blocks
        paragraphs = []
        for block in blocks:
            lines = [_SPACES.sub(" ", line).strip() for line in "".join(block.parts).split("\n")]
            paragraph = " ".join(line for line in lines if line)
            if block.link_chars > _LINK_DENSITY * len(paragraph) and len(paragraph.split()) < _LINK_BLOCK_WORDS:
                continue  # a menu, a tag list or a "read more" link, not prose
            paragraphs.append(paragraph)
        return "\n\n".join(paragraphs)


def html_to_text(html: str) -> HtmlDocument:
    """Strip markup from an HTML page and read its title, publication time, address and site name.

    Examples
    --------
    >>> doc = html_to_text('<title>Idlib</title><p>Army took <b>al-Tah</b>.</p><script>alert(1)</script>')
    >>> doc.text, doc.title
    ('Army took al-Tah.', 'Idlib')
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    published = next((meta[k] for k in _PUBLISHED_META if meta.get(k)), None)
    return HtmlDocument(
        text=parser.text(),
        title=meta.get("og:title") or parser.title or None,
        published=published or parser.time_published or parser.first_time,
        url=meta.get("og:url") or meta.get("canonical") or None,
        site_name=meta.get("og:site_name") or None,
    )
