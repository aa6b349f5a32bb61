// Draws the report's timeline: a row per connection slot of each server, a bar per target.
(function () {
  var data = JSON.parse(document.getElementById('drover-timeline').textContent);
  var box = document.getElementById('timeline');
  var NS = 'http://www.w3.org/2000/svg';
  var rows = data.targets, statuses = data.statuses;
  var width = Math.max(600, Math.min(1600, (box.clientWidth || 1000) - 4)), left = 180, lane = 7, gap = 10;
  var span = Math.max(1, data.durationMs, rows.reduce(function (m, r) { return Math.max(m, r[2] + r[3]); }, 0));
  var scale = (width - left - 10) / span;
  // Per server, place each target on the first slot free at its start: the rows show the concurrency.
  var byServer = data.servers.map(function () { return []; });
  rows.forEach(function (r, i) { byServer[r[1]].push(i); });
  var laneOf = new Array(rows.length), top = [], y = 24;
  byServer.forEach(function (list, s) {
    list.sort(function (a, b) { return rows[a][2] - rows[b][2]; });
    var ends = [];
    list.forEach(function (i) {
      var start = rows[i][2], k = 0;
      while (k < ends.length && ends[k] > start) { k++; }
      ends[k] = start + Math.max(rows[i][3], 1 / scale);
      laneOf[i] = k;
    });
    top[s] = y;
    y += Math.max(1, ends.length) * lane + gap;
  });
  var svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', y + 25);
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    (parent || svg).appendChild(e);
    return e;
  }
  function label(text) { return text.length > 26 ? '\u2026' + text.slice(-25) : text; }
  for (var t = 0; t <= 4; t++) {
    var ms = span * t / 4, x = left + ms * scale;
    el('line', {x1: x, x2: x, y1: 14, y2: y, stroke: '#eee'});
    el('text', {x: x, y: 11, 'class': 'axis', 'text-anchor': t === 4 ? 'end' : 'middle'}).textContent =
        ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }
  data.servers.forEach(function (name, s) {
    var e = el('text', {x: 4, y: top[s] + lane, 'class': 'server'});
    e.textContent = label(name);
    el('title', {}, e).textContent = name;
  });
  // Waves: a dashed line where each wave (or the canary) starts, at its first target's start.
  var waveStart = {};
  rows.forEach(function (r) { if (!(r[5] in waveStart) || r[2] < waveStart[r[5]]) { waveStart[r[5]] = r[2]; } });
  var waves = Object.keys(waveStart);
  if (waves.length > 1) {
    waves.forEach(function (w, n) {
      var x = left + waveStart[w] * scale;
      el('line', {x1: x, x2: x, y1: 14, y2: y + (n % 2) * 11, 'class': 'wave'});
      el('text', {x: x + 2, y: y + 10 + (n % 2) * 11, 'class': 'wave-label'}).textContent = w === '0' ? 'canary' : 'wave ' + w;
    });
  }
  var fragment = document.createDocumentFragment();
  rows.forEach(function (r, i) {
    var x = left + r[2] * scale, w = Math.max(1, r[3] * scale), yy = top[r[1]] + laneOf[i] * lane;
    var bar = document.createElementNS(NS, 'rect');
    bar.setAttribute('class', 'bar ' + statuses[r[4]]);
    bar.setAttribute('x', x.toFixed(1));
    bar.setAttribute('y', yy);
    bar.setAttribute('width', w.toFixed(1));
    bar.setAttribute('height', lane - 1);
    var title = document.createElementNS(NS, 'title');
    title.textContent = r[0] + ': ' + statuses[r[4]] + ', ' + r[3] + ' ms from ' + r[2] + ' ms'
        + (r[5] === 0 ? ', canary' : ', wave ' + r[5]) + (r[6] > 0 ? ', ' + r[6] + ' retries' : '');
    bar.appendChild(title);
    fragment.appendChild(bar);
    if (r[6] > 0) {
      var ring = document.createElementNS(NS, 'circle');
      ring.setAttribute('class', 'retry');
      ring.setAttribute('cx', (x + w).toFixed(1));
      ring.setAttribute('cy', yy + (lane - 1) / 2);
      ring.setAttribute('r', 3);
      fragment.appendChild(ring);
    }
  });
  svg.appendChild(fragment);
  var legend = document.createElement('p');
  legend.className = 'legend';
  statuses.forEach(function (s) {
    var count = rows.filter(function (r) { return statuses[r[4]] === s; }).length;
    var item = document.createElement('span');
    item.setAttribute('data-status', s);
    item.setAttribute('data-drawn', count);
    var swatch = document.createElementNS(NS, 'svg');
    swatch.setAttribute('width', 12);
    swatch.setAttribute('height', 12);
    var r = document.createElementNS(NS, 'rect');
    r.setAttribute('class', s);
    r.setAttribute('width', 12);
    r.setAttribute('height', 12);
    swatch.appendChild(r);
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(' ' + s + ' ' + count));
    legend.appendChild(item);
  });
  box.appendChild(legend);
  box.appendChild(svg);
  box.setAttribute('data-drawn', rows.length);
})();
