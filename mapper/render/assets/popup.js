/* Popup and tooltip DOM for one event. Article text is untrusted: every field goes in through textContent,
   links only for http(s) URLs (checked again here, not only in Python). */
var conflictMapPopup = (function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); node.dir = "auto"; }
    return node;
  }

  function row(parent, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    var line = el("div", "cm-row");
    line.appendChild(el("span", "cm-label", label + ": "));
    line.appendChild(el("span", "cm-value", value));
    parent.appendChild(line);
  }

  function isHttp(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
  }

  function dateText(p) {
    if (!p.date) { return "unknown"; }
    var text = p.date + " (" + p.date_precision + ")";
    if (p.date_start && p.date_end && (p.date_start !== p.date || p.date_end !== p.date)) {
      text += ", between " + p.date_start + " and " + p.date_end;
    }
    return text;
  }

  function tooltip(p) {
    return el("span", "cm-tooltip", p.place_name + (p.date ? " \u2014 " + p.date : ""));
  }

  function build(p, precisionLabels) {
    var root = el("div", "cm-popup");
    root.setAttribute("data-event-id", p.id);
    root.appendChild(el("div", "cm-title", p.place_name));
    row(root, "Spellings seen", p.mentions.join(", "));
    var kind = p.event_type.replace(/_/g, " ") + (p.sub_event_type ? " (" + p.sub_event_type + ")" : "");
    row(root, "Event", kind);
    row(root, "Date", dateText(p));
    row(root, p.event_type === "control_change" ? "Gained by" : "Actor", p.side_label);
    row(root, "Modality", p.modality);
    row(root, "Location", precisionLabels[String(p.geo_precision)] || "");
    row(root, "According to", p.attributions.join("; "));
    row(root, "Flags", p.flags.join("; "));
    var quotes = p.sources.length !== p.corroboration ? " (" + p.sources.length + " quotes)" : "";
    row(root, "Corroboration", String(p.corroboration) + quotes);
    var list = el("ol", "cm-sources");
    p.sources.forEach(function (s) {
      var item = el("li", "cm-source");
      var head = el("div", "cm-source-head");
      head.appendChild(el("span", "cm-outlet", s.source || "unknown outlet"));
      if (s.published) { head.appendChild(el("span", "cm-published", " \u00b7 " + s.published)); }
      item.appendChild(head);
      var titleText = s.title || s.url;
      if (isHttp(s.url)) {
        var link = el("a", "cm-link", titleText);
        link.href = s.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.appendChild(link);
      } else if (titleText) {
        item.appendChild(el("div", "cm-link-text", titleText));
      }
      if (s.sentence) { item.appendChild(el("blockquote", "cm-sentence", s.sentence)); }
      if (s.article) { item.appendChild(el("div", "cm-article", s.article)); }
      list.appendChild(item);
    });
    root.appendChild(list);
    return root;
  }

  return {build: build, tooltip: tooltip, el: el};
})();
