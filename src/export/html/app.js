// stancegraph report: click a stance for its evidence, an actor for its
// stances; filter, search, and keep the view in the URL's hash. No library,
// no network: everything comes from the JSON island above.
(function () {
  'use strict';
  // Filled by the page's first script, which catches errors from the start.
  var errors = window.stancegraphErrors || [];

  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($('graph-data').textContent);
  var drawing = $('drawing');
  var panel = $('panel');
  var nodes = {}, edges = {}, docs = {}, edgeEls = {}, nodeEls = {};
  data.nodes.forEach(function (n) { nodes[n.id] = n; });
  data.edges.forEach(function (e) { edges[e.key] = e; });
  data.documents.forEach(function (d) { docs[d.id] = d; });
  drawing.querySelectorAll('[data-edge]').forEach(function (g) {
    edgeEls[g.getAttribute('data-edge')] = g;
    // A wider, invisible copy of the line makes thin edges easy to hit.
    var path = g.querySelector('path');
    if (path) {
      var hit = path.cloneNode(false);
      hit.setAttribute('class', 'hit');
      hit.removeAttribute('marker-end');
      g.insertBefore(hit, g.firstChild);
    }
  });
  drawing.querySelectorAll('[data-id]').forEach(function (g) { nodeEls[g.getAttribute('data-id')] = g; });
  // Actors in no stance are drawn lighter, whoever drew them.
  data.nodes.forEach(function (n) { if (n.isolated && nodeEls[n.id]) nodeEls[n.id].classList.add('isolated'); });

  // Small DOM helper: el('p', {class: 'x', dir: 'auto'}, [children or text]).
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (kids || []).forEach(function (k) {
      if (k !== null && k !== undefined) e.appendChild(typeof k === 'string' ? document.createTextNode(k) : k);
    });
    return e;
  }
  // An actor by its English and Arabic names, each isolated so that
  // neither reorders the other or the sentence around them.
  function actor(id) {
    var n = nodes[id] || {labels: {}, label: id};
    var ar = n.labels.ar, en = n.labels.en || n.label || id;
    var out = el('span', {class: 'actor'}, [el('bdi', {dir: 'auto'}, [en])]);
    if (ar && ar !== en) out.append(' (', el('bdi', {dir: 'auto', lang: 'ar'}, [ar]), ')');
    return out;
  }
  function fmt(x) { return x === null || x === undefined ? '?' : (Math.round(x * 100) / 100).toString(); }
  function maxOf(e, f) { return e.sides.reduce(function (m, s) { return Math.max(m, s[f] || 0); }, 0); }

  // ---- state, and the hash that restores it
  var relations = Object.keys(data.styles.relations).filter(function (r) {
    return data.edges.some(function (e) { return e.relation === r; });
  });
  var state = {};
  function defaults() {
    return {rel: relations.slice(), w: 0, c: 0, doc: '', from: '', to: '', q: '', slice: 0, edge: '', node: ''};
  }
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var selftestMode = params.has('selftest');
  function readHash() {
    state = defaults();
    if (params.has('rel')) state.rel = params.get('rel').split(',').filter(Boolean);
    state.w = Number(params.get('w')) || 0;
    state.c = Number(params.get('c')) || 0;
    ['doc', 'from', 'to', 'q', 'edge', 'node'].forEach(function (k) { state[k] = params.get(k) || ''; });
    state.slice = Number(params.get('slice')) || 0;
  }
  function writeHash() {
    var p = new URLSearchParams(), d = defaults();
    if (state.rel.join(',') !== d.rel.join(',')) p.set('rel', state.rel.join(','));
    ['w', 'c', 'doc', 'from', 'to', 'q', 'slice', 'edge', 'node'].forEach(function (k) {
      if (state[k] !== d[k]) p.set(k, state[k]);
    });
    var hash = '#' + p.toString();
    $('permalink').setAttribute('href', hash);
    if (!selftestMode && location.hash !== hash) history.replaceState(null, '', hash === '#' ? location.pathname : hash);
  }

  // ---- controls
  relations.forEach(function (r) {
    var box = el('input', {type: 'checkbox', value: r});
    box.addEventListener('change', function () {
      state.rel = relations.filter(function (x) { return document.querySelector('#relations input[value="' + x + '"]').checked; });
      update();
    });
    $('relations').appendChild(el('label', {}, [box, el('span', {class: 'swatch', style: 'background:' + data.styles.relations[r]}), r]));
  });
  data.documents.forEach(function (d) {
    $('doc').appendChild(el('option', {value: d.id, dir: 'auto'}, [d.id + (d.date ? ' (' + d.date + ')' : '')]));
  });
  if (data.documents.length < 2) $('doc-filter').hidden = true;
  var dates = data.documents.map(function (d) { return d.date; }).filter(Boolean).sort();
  if (dates.length < 2) $('date-filter').hidden = true;
  else { $('from').min = $('to').min = dates[0].slice(0, 10); $('from').max = $('to').max = dates[dates.length - 1].slice(0, 10); }
  if (data.mode !== 'timeline') $('slice-filter').hidden = true;
  else $('slice').max = String(Math.max(0, data.slices.length - 1));
  function bind(id, key, number) {
    $(id).addEventListener('input', function () { state[key] = number ? Number($(id).value) || 0 : $(id).value; update(); });
  }
  bind('min-weight', 'w', true); bind('min-confidence', 'c', true); bind('doc', 'doc'); bind('from', 'from');
  bind('to', 'to'); bind('search', 'q'); bind('slice', 'slice', true);
  $('zoom').addEventListener('click', function () {
    var full = drawing.classList.toggle('actual');
    $('zoom').textContent = full ? 'fit' : 'full size';
  });
  $('reset').addEventListener('click', function () { params = new URLSearchParams(); readHash(); syncControls(); update(); showHint(); });
  function syncControls() {
    document.querySelectorAll('#relations input').forEach(function (b) { b.checked = state.rel.indexOf(b.value) >= 0; });
    $('min-weight').value = state.w; $('min-confidence').value = state.c; $('doc').value = state.doc;
    $('from').value = state.from; $('to').value = state.to; $('search').value = state.q; $('slice').value = state.slice;
  }

  // ---- legend
  Object.keys(data.styles.kinds).forEach(function (k) {
    $('legend').appendChild(el('span', {}, [el('span', {class: 'box', style: 'background:' + data.styles.kinds[k]}), k]));
  });
  Object.keys(data.styles.marks || {}).forEach(function (m) {
    $('legend').appendChild(el('span', {}, [el('span', {class: 'swatch', style: 'background:' + data.styles.marks[m]}), m]));
  });

  // ---- filtering: which sides of an edge count, and whether it shows
  function currentSlice() { return data.mode === 'timeline' && data.slices.length ? data.slices[state.slice] : null; }
  function sidesNow(e) {
    var s = currentSlice();
    return s ? e.sides.filter(function (x) { return x.name === s.slice; }) : e.sides;
  }
  function docOk(id) {
    var d = docs[id] || {};
    if (state.doc && id !== state.doc) return false;
    if (state.from || state.to) {
      var day = (d.date || '').slice(0, 10);
      if (!day || (state.from && day < state.from) || (state.to && day > state.to)) return false;
    }
    return true;
  }
  function visible(e) {
    if (state.rel.indexOf(e.relation) < 0 || maxOf(e, 'weight') < state.w || maxOf(e, 'confidence') < state.c) return false;
    if (!state.doc && !state.from && !state.to) return true;
    return e.sides.some(function (s) { return s.evidence.some(function (v) { return docOk(v.doc); }); });
  }
  // Arabic folded the way a reader searches: no short vowels or tatweel,
  // one alef, ta marbuta as ha, alef maqsura as ya; Latin lower-cased.
  function fold(s) {
    return (s || '').toLowerCase().replace(/[\u064B-\u0652\u0640]/g, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
      .replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064A').replace(/[\u2068\u2069]/g, '');
  }
  function matches(n, q) {
    var names = [n.id, n.label].concat(Object.keys(n.labels).map(function (k) { return n.labels[k]; }));
    return names.some(function (x) { return fold(x).indexOf(q) >= 0; });
  }

  function update() {
    var shown = 0, touched = {}, q = fold(state.q.trim());
    var slice = currentSlice(), prev = slice && state.slice > 0 ? data.slices[state.slice - 1].slice : null;
    data.edges.forEach(function (e) {
      var g = edgeEls[e.key], ok = visible(e);
      var present = !slice || sidesNow(e).length > 0;
      if (ok && present) { shown++; touched[e.source] = touched[e.target] = true; }
      if (!g) return;
      g.classList.toggle('off', !ok);
      if (slice) {
        g.classList.toggle('absent', !present);
        g.classList.toggle('fresh', present && !e.sides.some(function (s) { return s.name === prev; }));
      }
    });
    var hits = {};
    if (q) data.nodes.forEach(function (n) { if (matches(n, q)) hits[n.id] = true; });
    data.nodes.forEach(function (n) {
      var g = nodeEls[n.id];
      if (!g) return;
      g.classList.toggle('hit-node', !!hits[n.id]);
      g.classList.toggle('faded', q ? !hits[n.id] : (!touched[n.id] && !n.isolated));
    });
    if (q) data.edges.forEach(function (e) {
      var g = edgeEls[e.key];
      if (g) g.classList.toggle('faded', !hits[e.source] && !hits[e.target]);
    });
    else Object.keys(edgeEls).forEach(function (k) { edgeEls[k].classList.remove('faded'); });
    $('min-confidence-value').textContent = fmt(state.c);
    $('slice-name').textContent = slice ? slice.slice + ' (' + slice.start + ' – ' + slice.end + ')' : '';
    $('summary').textContent = shown + ' of ' + data.edges.length + ' stances, ' + data.nodes.length + ' actors, ' +
      data.documents.length + ' article' + (data.documents.length === 1 ? '' : 's') +
      (q ? ', ' + Object.keys(hits).length + ' actor(s) match' : '');
    writeHash();
  }

  // ---- the panel
  function select(g) {
    drawing.querySelectorAll('.selected').forEach(function (x) { x.classList.remove('selected'); });
    if (g) g.classList.add('selected');
  }
  function showHint() {
    select(null);
    panel.replaceChildren(el('p', {class: 'hint'}, ['Click a stance (an arrow) to read the sentences behind it, or an actor to list its stances.']));
  }
  function evidenceItem(v) {
    var d = docs[v.doc] || {id: v.doc};
    var quote = el('blockquote', {class: 'evidence', dir: 'auto', lang: d.lang || ''}, [v.pre, v.cue ? el('mark', {}, [v.cue]) : null, v.post]);
    var where = [el('bdi', {}, [d.id])];
    if (d.date) where.push(', ' + d.date);
    if (d.url) { where.push(', '); where.push(el('a', {href: d.url, rel: 'noreferrer noopener', target: '_blank', dir: 'ltr'}, [d.url])); }
    var meta = el('div', {class: 'meta'}, ['from '].concat(where, [' · sentence ' + (v.sentence + 1) + ' · rule ',
      el('code', {}, [v.rule]), ' (' + v.event + ') · confidence ' + fmt(v.confidence)]));
    (v.marks || []).forEach(function (m) { meta.appendChild(el('span', {class: 'badge ' + m}, [m])); });
    return el('li', {}, [quote, meta]);
  }
  function showEdge(key) {
    var e = edges[key];
    if (!e) return;
    state.edge = key; state.node = '';
    select(edgeEls[key]);
    var head = el('h2', {}, [actor(e.source), ' ' + e.relation + ' ', actor(e.target)]);
    if (e.status) head.appendChild(el('span', {class: 'badge ' + e.status}, [e.status]));
    var kids = [head];
    var slice = currentSlice();
    e.sides.forEach(function (s) {
      if (slice && s.name !== slice.slice) return;
      var items = s.evidence.filter(function (v) { return docOk(v.doc); });
      var title = (s.name ? s.name + ': ' : '') + (s.relation !== e.relation ? s.relation + ', ' : '') + 'weight ' + s.weight +
        ' · confidence ' + fmt(s.confidence) + ' · ' + items.length + ' sentence' + (items.length === 1 ? '' : 's');
      kids.push(el('h3', {}, [title]));
      kids.push(el('ol', {class: 'evidence-list'}, items.map(evidenceItem)));
    });
    if (slice && !e.sides.some(function (s) { return s.name === slice.slice; })) kids.push(el('p', {class: 'hint'}, ['Not stated in ' + slice.slice + '.']));
    panel.replaceChildren.apply(panel, kids);
    writeHash();
  }
  function edgeLink(e, other) {
    var b = el('button', {type: 'button', class: 'link'}, [e.relation + ' ', actor(other), ' (' + maxOf(e, 'weight') + ')']);
    b.addEventListener('click', function () { showEdge(e.key); });
    return el('li', {}, [b]);
  }
  function showNode(id) {
    var n = nodes[id];
    if (!n) return;
    state.node = id; state.edge = '';
    select(nodeEls[id]);
    var out = data.edges.filter(function (e) { return e.source === id; });
    var inc = data.edges.filter(function (e) { return e.target === id; });
    var labels = Object.keys(n.labels).map(function (k) { return el('li', {dir: 'auto', lang: k}, [n.labels[k]]); });
    var perDoc = data.documents.filter(function (d) { return d.mentions && d.mentions[id]; })
      .map(function (d) { return el('li', {}, [el('bdi', {}, [d.id]), ': ' + d.mentions[id]]); });
    var kids = [el('h2', {}, [actor(id)]),
      el('p', {class: 'meta'}, [n.id + ' · ' + n.kind + ' · ' + n.mentions + ' mention' + (n.mentions === 1 ? '' : 's') +
        (n.status ? ' · ' + n.status : '') + (n.isolated ? ' · takes part in no stance' : '')]),
      el('h3', {}, ['names']), el('ul', {}, labels)];
    if (perDoc.length) kids.push(el('h3', {}, ['mentions per article']), el('ul', {}, perDoc));
    kids.push(el('h3', {}, ['its stances (' + out.length + ')']), el('ul', {}, out.map(function (e) { return edgeLink(e, e.target); })));
    kids.push(el('h3', {}, ['stances on it (' + inc.length + ')']), el('ul', {}, inc.map(function (e) { return edgeLink(e, e.source); })));
    panel.replaceChildren.apply(panel, kids);
    writeHash();
  }
  drawing.addEventListener('click', function (ev) {
    var g = ev.target.closest('[data-edge], [data-id]');
    if (!g) return;
    if (g.hasAttribute('data-edge')) showEdge(g.getAttribute('data-edge'));
    else showNode(g.getAttribute('data-id'));
  });

  // ---- start
  readHash();
  syncControls();
  update();
  if (state.edge) showEdge(state.edge); else if (state.node) showNode(state.node);

  // #selftest: the page checks itself and writes the result into the DOM,
  // where `chromium --headless --dump-dom` can read it.
  if (selftestMode) {
    var result = {mode: data.mode, layout: data.layout, nodes: data.nodes.length, edges: data.edges.length,
      missingNodes: [], missingEdges: [], errors: errors};
    data.nodes.forEach(function (n) { if (!nodeEls[n.id]) result.missingNodes.push(n.id); });
    data.edges.forEach(function (e) { if (!edgeEls[e.key]) result.missingEdges.push(e.key); });
    // The first stance drawn that has a sentence in the current view (on a
    // timeline, in the first slice).
    var first = Array.prototype.find.call(drawing.querySelectorAll('[data-edge]'), function (g) {
      var e = edges[g.getAttribute('data-edge')];
      return e && sidesNow(e).some(function (s) { return s.evidence.length > 0; });
    });
    if (first) {
      first.dispatchEvent(new MouseEvent('click', {bubbles: true}));
      var e = edges[first.getAttribute('data-edge')];
      var v = sidesNow(e).map(function (s) { return s.evidence[0]; }).filter(Boolean)[0];
      result.clicked = e.key;
      result.evidence = v ? v.pre + v.cue + v.post : '';
      result.panelShowsEvidence = !!v && panel.textContent.indexOf(result.evidence) >= 0;
    }
    result.ok = errors.length === 0 && !result.missingNodes.length && !result.missingEdges.length &&
      (data.edges.length === 0 || result.panelShowsEvidence === true);
    document.body.appendChild(el('pre', {id: 'selftest-result'}, [JSON.stringify(result)]));
  }
})();
