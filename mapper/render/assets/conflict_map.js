/* The events layer with its time control, filters, legend and summary. One data blob, one canvas layer:
   each place shows its latest control change on or before the chosen day; changes inside the window are
   highlighted; other events (attacks, advances...) show only inside the window. Undated events are never
   put on the time axis: they are listed in the summary and can be shown as a separate layer. */
function conflictMapLayer(map, opts, data) {
  "use strict";
  var DAY_MS = 86400000;
  var el = conflictMapPopup.el;
  var renderer = L.canvas({padding: 0.5});
  var layer = L.featureGroup().addTo(map);
  var undatedLayer = L.featureGroup();
  var markers = {};
  var shown = {};
  var control = [], other = [], undated = [];

  data.features.forEach(function (f, i) {
    f.index = i;
    var p = f.properties;
    if (p.day === null) { undated.push(f); } else if (p.control) { control.push(f); } else { other.push(f); }
  });
  var minDay = control.concat(other).reduce(function (m, f) { return Math.min(m, f.properties.day); }, Infinity);
  var maxDay = control.concat(other).reduce(function (m, f) { return Math.max(m, f.properties.day); }, -Infinity);
  var hasDates = isFinite(minDay);
  var state = {
    day: hasDates ? Math.min(Math.max(isoToDay(opts.initialDate) || maxDay, minDay), maxDay) : null,
    window: opts.window, sides: {}, types: {}, undated: false, timer: null
  };
  opts.sides.forEach(function (k) { state.sides[k] = true; });
  opts.types.forEach(function (k) { state.types[k] = true; });

  function isoToDay(iso) {
    var t = typeof iso === "string" ? Date.parse(iso.slice(0, 10) + "T00:00:00Z") : NaN;
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }
  function dayToIso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  function styleFor(p, recent, isUndated) {
    var colour = opts.colours[p.side] || "#8a8a8a";
    var s;
    if (p.control) {
      var ps = opts.style.precision[String(p.geo_precision)] || opts.style.precision["1"];
      s = {radius: ps.radius, fill: true, fillColor: colour, fillOpacity: ps.fillOpacity, color: colour,
           weight: ps.weight, dashArray: ps.dashArray, opacity: 1};
    } else {
      var o = opts.style.other;
      s = {radius: o.radius + (p.geo_precision === 3 ? 6 : 0), fill: true, fillColor: colour, fillOpacity: 0,
           color: colour, weight: o.weight, dashArray: p.geo_precision > 1 ? "3 2" : null, opacity: 1};
    }
    if (recent) {
      s.color = opts.style.recent.color;
      s.weight = opts.style.recent.weight;
      s.radius += opts.style.recent.radiusExtra;
    }
    if (isUndated) { s.dashArray = "2 3"; s.fillOpacity = Math.min(s.fillOpacity, 0.25); s.opacity = 0.7; }
    s.renderer = renderer;
    return s;
  }

  function markerFor(f, isUndated) {
    var key = (isUndated ? "u" : "d") + f.index;
    if (!markers[key]) {
      var c = f.geometry.coordinates, p = f.properties;
      var m = L.circleMarker([c[1], c[0]], styleFor(p, false, isUndated));
      m.feature = f;
      m.recent = false;
      m.bindTooltip(function () { return conflictMapPopup.tooltip(p); }, {direction: "top", sticky: false});
      m.bindPopup(function () { return conflictMapPopup.build(p, opts.style.precisionLabels); },
                  {maxWidth: 380, maxHeight: 420, autoPanPadding: [20, 20]});
      markers[key] = m;
    }
    return markers[key];
  }

  function passesFilters(p) { return state.sides[p.side] !== false && state.types[p.event_type] !== false; }

  /* The features to show on the chosen day: latest control change per place (then filtered), plus other
     events inside the window. Features are sorted by day in Python, so a later one overwrites. */
  function visibleFeatures() {
    var out = [];
    if (state.day === null) { return out; }
    var latest = {};
    for (var i = 0; i < control.length && control[i].properties.day <= state.day; i++) {
      latest[control[i].properties.place] = control[i];
    }
    Object.keys(latest).forEach(function (k) { if (passesFilters(latest[k].properties)) { out.push(latest[k]); } });
    var from = state.day - state.window;
    other.forEach(function (f) {
      var d = f.properties.day;
      if (d <= state.day && d > from && passesFilters(f.properties)) { out.push(f); }
    });
    return out;
  }

  function update() {
    var next = {};
    var from = state.day - state.window;
    visibleFeatures().forEach(function (f) {
      var m = markerFor(f, false);
      var recent = f.properties.control && f.properties.day > from;
      next[f.index] = m;
      if (m.recent !== recent) { m.recent = recent; m.setStyle(styleFor(f.properties, recent, false)); }
      if (!shown[f.index]) { layer.addLayer(m); }
    });
    Object.keys(shown).forEach(function (k) { if (!next[k]) { layer.removeLayer(shown[k]); } });
    shown = next;
    undatedLayer.clearLayers();
    if (state.undated) {
      undated.forEach(function (f) { if (passesFilters(f.properties)) { undatedLayer.addLayer(markerFor(f, true)); } });
      if (!map.hasLayer(undatedLayer)) { undatedLayer.addTo(map); }
    } else if (map.hasLayer(undatedLayer)) { map.removeLayer(undatedLayer); }
    if (ui.slider && state.day !== null) {
      ui.slider.value = String(state.day);
      ui.readout.textContent = dayToIso(state.day);
      ui.count.textContent = Object.keys(shown).length + " shown";
    }
  }

  /* ---- controls ---- */
  var ui = {};
  function panel(position, className, build) {
    var C = L.Control.extend({
      options: {position: position},
      onAdd: function () {
        var div = el("div", "leaflet-control cm-panel " + className);
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        build(div);
        return div;
      }
    });
    new C().addTo(map);
  }
  function checkbox(parent, label, checked, onChange, swatch) {
    var lab = el("label", "cm-check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); update(); });
    lab.appendChild(box);
    if (swatch) { var sw = el("span", "cm-swatch"); sw.style.background = swatch; lab.appendChild(sw); }
    lab.appendChild(el("span", null, label));
    parent.appendChild(lab);
    return box;
  }

  if (opts.title) { panel("topleft", "cm-title-panel", function (div) { div.appendChild(el("h1", null, opts.title)); }); }

  panel("bottomleft", "cm-time", function (div) {
    var top = el("div", "cm-time-row");
    var play = el("button", "cm-play", "\u25b6 Play");
    play.type = "button";
    ui.play = play;
    var readout = el("output", "cm-readout", hasDates ? "" : "no dated events");
    ui.readout = readout;
    top.appendChild(play);
    top.appendChild(readout);
    ui.count = el("span", "cm-count");
    top.appendChild(ui.count);
    div.appendChild(top);
    var slider = el("input", "cm-slider");
    slider.type = "range";
    slider.setAttribute("aria-label", "Date");
    if (hasDates) { slider.min = String(minDay); slider.max = String(maxDay); slider.step = "1"; slider.value = String(state.day); }
    else { slider.disabled = true; play.disabled = true; }
    slider.addEventListener("input", function () { state.day = parseInt(slider.value, 10); update(); });
    ui.slider = slider;
    div.appendChild(slider);
    var ends = el("div", "cm-time-ends");
    ends.appendChild(el("span", null, hasDates ? dayToIso(minDay) : ""));
    ends.appendChild(el("span", null, hasDates ? dayToIso(maxDay) : ""));
    div.appendChild(ends);
    var win = el("label", "cm-window");
    win.appendChild(el("span", null, "Highlight changes in the last "));
    var days = el("input", "cm-window-days");
    days.type = "number"; days.min = "0"; days.max = "3660"; days.value = String(state.window);
    days.addEventListener("change", function () { api.setWindow(parseInt(days.value, 10)); });
    ui.windowInput = days;
    win.appendChild(days);
    win.appendChild(el("span", null, " days"));
    div.appendChild(win);
    play.addEventListener("click", function () { if (state.timer) { api.pause(); } else { api.play(); } });
  });

  panel("topright", "cm-legend", function (div) {
    div.appendChild(el("div", "cm-head", "Gained control"));
    opts.sides.forEach(function (k) {
      checkbox(div, opts.sideLabels[k] || k, true, function (on) { state.sides[k] = on; }, opts.colours[k]);
    });
    div.appendChild(el("div", "cm-head", "Event type"));
    opts.types.forEach(function (k) {
      checkbox(div, opts.typeLabels[k] || k, true, function (on) { state.types[k] = on; });
    });
    ui.undatedBox = checkbox(div, "Undated events (" + undated.length + ")", false, function (on) { state.undated = on; });
    div.appendChild(el("div", "cm-head", "Symbols"));
    var keys = [["cm-sym-exact", "control change, exact place"], ["cm-sym-near", "near / part of a place"],
                ["cm-sym-region", "region (approximate)"], ["cm-sym-recent", "changed within the window"],
                ["cm-sym-other", "attack, advance, siege (in window)"]];
    keys.forEach(function (pair) {
      var line = el("div", "cm-sym-row");
      line.appendChild(el("span", "cm-sym " + pair[0]));
      line.appendChild(el("span", null, pair[1]));
      div.appendChild(line);
    });
  });

  panel("bottomright", "cm-summary", function (div) {
    var s = opts.summary;
    var details = el("details");
    details.open = true;
    details.appendChild(el("summary", null, "Summary"));
    var range = s.firstDay ? s.firstDay + " \u2013 " + s.lastDay : "no dated events";
    details.appendChild(el("div", null, "Dates: " + range));
    details.appendChild(el("div", null, s.events + " events from " + s.sources + " sources"));
    [["Control changes by side", s.bySide], ["Events by type", s.byType]].forEach(function (group) {
      var line = el("div", null, group[0] + ": " + group[1].map(function (x) { return x[0] + " " + x[1]; }).join(", "));
      details.appendChild(line);
    });
    var und = el("div", "cm-undated", "Undated: " + s.undatedCount + (s.undated.length ? " (" + s.undated.join(", ") + ")" : ""));
    details.appendChild(und);
    details.appendChild(el("div", null, "Unresolved names: " + s.unresolved.length));
    if (s.unresolved.length) {
      var ul = el("ul", "cm-unresolved");
      s.unresolved.forEach(function (x) {
        var li = el("li");
        li.appendChild(el("bdi", null, x[0]));  // Arabic names must not reorder the count around them
        li.appendChild(document.createTextNode(" \u00d7" + x[1]));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    if (s.unlocated) { details.appendChild(el("div", null, "Unlocated reports: " + s.unlocated)); }
    if (s.skipped) { details.appendChild(el("div", "cm-warn", "Malformed features skipped: " + s.skipped)); }
    if (s.attribution) { details.appendChild(el("div", "cm-attrib", s.attribution)); }
    div.appendChild(details);
  });

  /* ---- API for tests and power users ---- */
  var api = {
    map: map, layer: layer, undatedLayer: undatedLayer,
    minDate: hasDates ? dayToIso(minDay) : null, maxDate: hasDates ? dayToIso(maxDay) : null,
    setDate: function (iso) {
      var d = isoToDay(iso);
      if (d === null || !hasDates) { return false; }
      state.day = Math.min(Math.max(d, minDay), maxDay);
      update();
      return dayToIso(state.day);
    },
    getDate: function () { return state.day === null ? null : dayToIso(state.day); },
    setWindow: function (days) {
      state.window = isFinite(days) && days >= 0 ? days : opts.window;
      ui.windowInput.value = String(state.window);
      Object.keys(shown).forEach(function (k) { shown[k].recent = null; });
      update();
    },
    showUndated: function (on) { state.undated = !!on; ui.undatedBox.checked = state.undated; update(); },
    visibleMarkers: function () {
      var out = [];
      layer.eachLayer(function (m) { out.push(m); });
      undatedLayer.eachLayer(function (m) { out.push(m); });
      return out.map(function (m) {
        var p = m.feature.properties;
        return {id: p.id, place_name: p.place_name, date: p.date, side: p.side, event_type: p.event_type,
                control: p.control,
                recent: !!m.recent};
      }).sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
    },
    findMarker: function (id) {
      var found = null;
      [layer, undatedLayer].forEach(function (g) { g.eachLayer(function (m) { if (m.feature.properties.id === id) { found = m; } }); });
      return found;
    },
    focus: function (id, zoom) {
      var m = api.findMarker(id);
      if (m) { map.setView(m.getLatLng(), zoom || 12, {animate: false}); }
      return !!m;
    },
    markerPoint: function (id) {
      var m = api.findMarker(id);
      if (!m) { return null; }
      var pt = map.latLngToContainerPoint(m.getLatLng());
      var box = map.getContainer().getBoundingClientRect();
      return {x: box.left + pt.x, y: box.top + pt.y};
    },
    play: function () {
      if (!hasDates || state.timer) { return; }
      if (state.day >= maxDay) { state.day = minDay; }
      var step = Math.max(1, Math.round((maxDay - minDay) / 150));
      ui.play.textContent = "\u275a\u275a Pause";
      state.timer = setInterval(function () {
        state.day = Math.min(state.day + step, maxDay);
        update();
        if (state.day >= maxDay) { api.pause(); }
      }, 120);
    },
    pause: function () {
      if (state.timer) { clearInterval(state.timer); state.timer = null; }
      ui.play.textContent = "\u25b6 Play";
    }
  };
  update();
  api.ready = true;
  window.conflictMap = api;
  return api;
}
