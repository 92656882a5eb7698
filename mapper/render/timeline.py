"""The events layer with its time control, as one folium ``MacroElement`` (folium ``plugins/timeline.py`` style).

All events travel as ONE JSON blob in a ``<script type="application/json">`` element (made safe by
:func:`~mapper.render.popups.script_safe_json`) and are drawn by one canvas layer: folium objects per marker
would take minutes at 10,000 events. Options reach JavaScript only through ``tojson``; the layer code itself
is static (``assets/*.js``) and never has data spliced into it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from branca.element import Element, MacroElement
from jinja2 import Template

from mapper.render.popups import script_safe_json


@cache
def _asset(name: str) -> str:
    return resources.files("mapper.render").joinpath("assets", name).read_text(encoding="utf-8")


class _Verbatim(Element):
    """Text placed in the page as is.

    branca's ``MacroElement.render`` wraps each macro's output in ``Element(text)``, which compiles the text as a
    Jinja template: article text containing ``{{ ... }}`` would then be evaluated (template injection), and
    compiling 10 MB of data takes seconds. Our macro outputs go in through this class instead.
    """

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


class EventTimeline(MacroElement):
    """Events layer + time slider + filters/legend + summary, driven by one data blob.

    Parameters
    ----------
    feature_collection : dict
        Compact features from :func:`mapper.render.data.prepare` (sorted by day, undated last).
    options : dict
        Colours, labels, style numbers, summary, ``window`` (days) and ``initialDate``; JSON-serialisable.
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.get_name() }}_data">{{ this.data_json }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.js }}
var {{ this.get_name() }} = conflictMapLayer(
    {{ this._parent.get_name() }},
    {{ this.options|tojson }},
    JSON.parse(document.getElementById({{ (this.get_name() ~ "_data")|tojson }}).textContent)
);
{% endmacro %}
""")

    def __init__(self, feature_collection: dict, options: dict):
        super().__init__()
        self._name = "EventTimeline"
        self.data_json = script_safe_json(feature_collection)
        self.options = options
        self.css = _asset("conflict_map.css")
        # popup.js first: the layer code calls conflictMapPopup.
        self.js = _asset("popup.js") + "\n" + _asset("conflict_map.js")

    def render(self, **kwargs) -> None:
        """Put the macros' output into the page verbatim (never re-read as a template)."""
        figure = self.get_root()
        module = self._template.module
        figure.header.add_child(_Verbatim(module.header(self, kwargs)), name=self.get_name())
        figure.html.add_child(_Verbatim(module.html(self, kwargs)), name=self.get_name())
        figure.script.add_child(_Verbatim(module.script(self, kwargs)), name=self.get_name())
