"""Extraction: from an :class:`~mapper.article.Article` to :class:`Report` values (one place, one claim each).

Rule-based and fast: sentences (``sentences``), date expressions (``dates``), trigger words (``triggers``),
place-name mentions (``mentions``), sides and sources (``actors``), modality (``modality``), tied together
in ``reports``.
"""

from mapper.extract.actors import ACTOR_TABLE, ActorLexicon
from mapper.extract.dates import find_dates
from mapper.extract.model import CONTROL_CHANGE, GOVERNMENT, OPPOSITION, DateInfo, DateMention, Evidence, Report
from mapper.extract.reports import extract_reports, forget_memos
from mapper.extract.sentences import Sentence, split_sentences

__all__ = [
    "ACTOR_TABLE",
    "CONTROL_CHANGE",
    "GOVERNMENT",
    "OPPOSITION",
    "ActorLexicon",
    "DateInfo",
    "DateMention",
    "Evidence",
    "Report",
    "Sentence",
    "extract_reports",
    "find_dates",
    "forget_memos",
    "split_sentences",
]
