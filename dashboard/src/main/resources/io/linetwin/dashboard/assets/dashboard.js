// LineTwin dashboard: fills the server's page with the live twin from the event stream (/events) and drives the
// proposals panel. Every word comes from the page's JSON block #words, so this file holds no language.
(function () {
  'use strict';
  var words = JSON.parse(document.getElementById('words').textContent);
  var page = document.body.getAttribute('data-page');
  var base = page === 'machine' ? '../' : '';
  var token = sessionStorage.getItem('linetwin.token') || '';
  var latest = null;

  function t(key, args) {
    var text = words[key] || key;
    (args || []).forEach(function (arg, i) { text = text.split('{' + i + '}').join(String(arg)); });
    return text;
  }
  function fmt(value, digits) {
    if (value === null || value === undefined || isNaN(value)) { return '–'; }
    return Number(value).toLocaleString(document.documentElement.lang, {
      maximumFractionDigits: digits === undefined ? 0 : digits, minimumFractionDigits: 0 });
  }
  function pct(value) { return value === undefined || value === null ? '–' : fmt(value * 100, 0) + '%'; }
  function stateName(state) { return words['state.' + state] || t('dash.state.' + (state === 'none' ? 'none' : 'unknown')); }
  function colour(state) { return words['colour.' + state] || '#c9ced6'; }
  function byId(id) { return document.getElementById(id); }
  function setText(id, text) { var el = byId(id); if (el) { el.textContent = text; } }

  function showLine(view) {
    latest = view;
    setText('good-out', fmt(view.line.goodOut));
    setText('throughput', fmt(view.line.throughputPerHour, 1));
    setText('waiting', fmt(view.line.waiting));
    var twin = view.twin;
    setText('twin', twin.lastUpdateSeconds === null ? t('dash.never') : t('dash.secondsAgo', [fmt(twin.lastUpdateSeconds, 1)]));
    setText('twin-sub', '✓ ' + fmt(twin.applied) + ' · ⟲ ' + fmt(twin.stale) + ' · ✗ ' + fmt(twin.rejected));
    setText('source', twin.source);
    Object.keys(view.stations).forEach(function (id) {
      var s = view.stations[id];
      var group = byId('station-' + id);
      if (group && s.state !== 'none') {
        group.setAttribute('data-state', s.state);
        var box = group.querySelector('.station-box');
        box.setAttribute('fill', colour(s.state));
        var caption = group.querySelector('.station-caption');
        caption.textContent = stateName(s.state);
        caption.setAttribute('fill', s.state === 'working' || s.state === 'down' || s.state === 'offShift' || s.state === 'setup' ? '#ffffff' : '#1f2933');
        group.querySelector('.station-name').setAttribute('fill', s.state === 'working' || s.state === 'down' || s.state === 'offShift' || s.state === 'setup' ? '#ffffff' : '#1f2933');
      }
      var row = document.querySelector('#machines tr[data-station="' + id + '"]');
      if (row) {
        row.setAttribute('data-state', s.state);
        row.querySelector('.dot').style.background = colour(s.state);
        row.querySelector('.state-name').textContent = stateName(s.state);
        row.querySelector('.good').textContent = fmt(s.good);
        row.querySelector('.scrap').textContent = fmt(s.scrap);
        row.querySelector('.risk').textContent = s.risk ? pct(s.risk['1d']) : '–';
        row.classList.toggle('alarm', !!(s.risk && s.risk['1d'] >= 0.5) || s.state === 'down');
      }
    });
    Object.keys(view.links).forEach(function (id) {
      var l = view.links[id];
      var group = byId('link-' + id);
      if (!group) { return; }
      var fill = group.querySelector('.link-fill');
      var share = l.capacity ? Math.min(1, l.level / l.capacity) : (l.level > 0 ? 1 : 0);
      if (fill) {
        fill.setAttribute('width', String(38 * share));
        fill.setAttribute('fill', share >= 0.95 ? '#f5b31a' : '#2f86c9');
      }
      var caption = group.querySelector('.link-caption');
      if (caption) { caption.textContent = fmt(l.level) + ' / ' + (l.capacity === null ? t('dash.unlimited') : fmt(l.capacity)); }
      group.setAttribute('data-level', String(l.level));
    });
    if (page === 'machine') { showMachine(view); }
  }

  function showMachine(view) {
    var id = document.querySelector('[data-machine]').getAttribute('data-machine');
    var s = view.stations[id];
    if (!s) { return; }
    setText('m-state', stateName(s.state));
    byId('m-state').style.color = colour(s.state);
    setText('m-good', fmt(s.good));
    setText('m-scrap', fmt(s.scrap));
    setText('m-rul', s.rulHours === undefined ? '–' : fmt(s.rulHours, 1) + ' h');
    var risk = byId('risk');
    risk.textContent = '';
    if (s.risk) {
      Object.keys(s.risk).forEach(function (key) {
        var row = document.createElement('div');
        row.className = 'risk-row';
        var label = document.createElement('span');
        label.textContent = key;
        var bar = document.createElement('span');
        bar.className = 'risk-bar';
        var inner = document.createElement('i');
        inner.style.width = (100 * s.risk[key]).toFixed(1) + '%';
        inner.style.background = s.risk[key] >= 0.5 ? '#c62828' : s.risk[key] >= 0.2 ? '#f5b31a' : '#33b852';
        bar.appendChild(inner);
        var value = document.createElement('span');
        value.textContent = pct(s.risk[key]);
        row.appendChild(label); row.appendChild(bar); row.appendChild(value);
        risk.appendChild(row);
      });
    } else {
      risk.textContent = '–';
    }
    loadHistory(id);
  }

  var historyBusy = false;
  function loadHistory(id) {
    if (historyBusy) { return; }
    historyBusy = true;
    fetch(base + 'api/machine/' + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (m) {
      var body = document.querySelector('#history tbody');
      body.textContent = '';
      m.history.slice().reverse().slice(0, 50).forEach(function (c) {
        var tr = document.createElement('tr');
        var when = document.createElement('td');
        when.textContent = new Date(c.at).toLocaleString(document.documentElement.lang);
        var st = document.createElement('td');
        var dot = document.createElement('span');
        dot.className = 'dot';
        dot.style.background = colour(c.state);
        st.appendChild(dot);
        st.appendChild(document.createTextNode(stateName(c.state)));
        tr.appendChild(when); tr.appendChild(st);
        body.appendChild(tr);
      });
      drawTimeline(m.history);
    }).catch(function () { }).then(function () { historyBusy = false; });
  }

  function drawTimeline(history) {
    var box = byId('timeline');
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 800 34');
    svg.setAttribute('class', 'timeline');
    svg.setAttribute('preserveAspectRatio', 'none');
    if (history.length > 0) {
      var start = Date.parse(history[0].at);
      var end = Date.now();
      var span = Math.max(1, end - start);
      history.forEach(function (c, i) {
        var from = Date.parse(c.at);
        var to = i + 1 < history.length ? Date.parse(history[i + 1].at) : end;
        var rect = document.createElementNS(ns, 'rect');
        rect.setAttribute('x', String(800 * (from - start) / span));
        rect.setAttribute('width', String(Math.max(1, 800 * (to - from) / span)));
        rect.setAttribute('y', '4');
        rect.setAttribute('height', '26');
        rect.setAttribute('fill', colour(c.state));
        svg.appendChild(rect);
      });
    }
    box.textContent = '';
    box.appendChild(svg);
  }

  function connect() {
    var source = new EventSource(base + 'events');
    source.addEventListener('state', function (e) {
      var live = byId('live');
      live.textContent = t('dash.live');
      live.className = 'live on';
      showLine(JSON.parse(e.data));
    });
    source.onerror = function () {
      var live = byId('live');
      live.textContent = t('dash.reconnecting');
      live.className = 'live off';
    };
  }

  // Proposals: read by anyone; approve / reject with the token, through the server's gate.
  function headers() {
    var h = { 'Content-Type': 'application/json' };
    if (token) { h['X-LineTwin-Token'] = token; }
    return h;
  }
  function loadProposals() {
    if (!byId('proposals')) { return; }
    fetch('api/proposals', { headers: headers() }).then(function (r) { return r.json(); }).then(function (p) {
      setText('access-state', p.canDecide ? t('dash.canDecide') : t('dash.readOnly'));
      byId('unlock').style.display = p.canDecide ? 'none' : '';
      renderProposals(p.pending, p.canDecide);
      renderResults(p.recent, p.whatIf);
    }).catch(function () { });
  }
  function renderProposals(pending, canDecide) {
    var box = byId('proposals');
    box.textContent = '';
    if (pending.length === 0) {
      var none = document.createElement('p');
      none.className = 'note';
      none.textContent = t('dash.noProposals');
      box.appendChild(none);
      return;
    }
    pending.forEach(function (p) {
      var card = document.createElement('div');
      card.className = 'proposal';
      card.setAttribute('data-proposal', p.id);
      var head = document.createElement('div');
      head.className = 'proposal-head';
      head.textContent = p.summary || p.id;
      card.appendChild(head);
      if (p.evidence) {
        var ev = document.createElement('div');
        ev.className = 'evidence';
        ev.textContent = t('dash.evidence') + ': ' + p.evidence;
        card.appendChild(ev);
      }
      ['approve', 'reject'].forEach(function (what) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = what;
        button.textContent = t('dash.' + what);
        button.disabled = !canDecide;
        button.addEventListener('click', function () { decide(p.id, what, p.evidenceHash); });
        card.appendChild(button);
      });
      box.appendChild(card);
    });
  }
  function signed(value) {
    var n = Number(value);
    if (value === null || value === undefined || isNaN(n)) { return '–'; }
    return (n > 0 ? '+' : '') + fmt(n, Math.abs(n) < 10 ? 2 : 1);
  }
  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }
  // The loop's latest what-if from its audit log: every candidate tried, supported or not.
  function renderWhatIf(box, w) {
    var head = document.createElement('p');
    head.className = 'note';
    head.textContent = t('dash.whatif.head', [new Date(w.snapshotAt).toLocaleString(document.documentElement.lang),
      w.trigger, fmt(w.replications), t('dash.hours', [fmt(w.lookAheadSeconds / 3600, 1)]), w.seed]);
    box.appendChild(head);
    var table = document.createElement('table');
    table.id = 'whatif';
    table.setAttribute('data-seed', String(w.seed));
    var top = document.createElement('tr');
    ['dash.whatif.candidate', 'dash.whatif.change', 'dash.whatif.effect', 'dash.whatif.verdict', 'dash.whatif.proposal']
      .forEach(function (key) { var th = document.createElement('th'); th.textContent = t(key); top.appendChild(th); });
    var thead = document.createElement('thead');
    thead.appendChild(top);
    table.appendChild(thead);
    var body = document.createElement('tbody');
    (w.candidates || []).forEach(function (c) {
      var row = document.createElement('tr');
      var supported = c.verdict === 'supported';
      row.setAttribute('data-candidate', c.name);
      row.setAttribute('data-effect', String(c.effect));
      row.className = supported ? 'supported' : '';
      cell(row, c.name + ' (' + c.origin + ')');
      cell(row, c.change);
      cell(row, signed(c.effect) + ' [' + signed(c.ciLow) + ', ' + signed(c.ciHigh) + ']', 'num');
      // The loop's reason is English; the verdict itself is in the page's language, the reason on hover.
      cell(row, t(supported ? 'dash.whatif.supported' : 'dash.whatif.notSupported')).title = c.verdict;
      cell(row, c.proposal || '–');
      body.appendChild(row);
    });
    table.appendChild(body);
    box.appendChild(table);
  }
  function renderResults(recent, whatIf) {
    var box = byId('results');
    if (!box) { return; }
    box.textContent = '';
    if (whatIf) { renderWhatIf(box, whatIf); }
    if ((!recent || recent.length === 0) && !whatIf) {
      var none = document.createElement('p');
      none.className = 'note';
      none.textContent = t('dash.noResults');
      box.appendChild(none);
      return;
    }
    (recent || []).forEach(function (r) {
      var row = document.createElement('div');
      row.className = 'result';
      row.setAttribute('data-proposal', r.id);
      row.setAttribute('data-status', r.status);
      row.textContent = (r.summary || r.id) + ' · ' + t('status.' + r.status) + (r.approval ? ' · ' + r.approval.by : '') + (r.rejection ? ' · ' + r.rejection.by + ': ' + r.rejection.reason : '') + (r.evidence ? ' · ' + r.evidence : '');
      box.appendChild(row);
    });
  }
  function decide(id, what, evidence) {
    var approver = sessionStorage.getItem('linetwin.approver') || window.prompt(t('dash.approverPrompt')) || '';
    if (!approver) { return; }
    sessionStorage.setItem('linetwin.approver', approver);
    var reason = what === 'reject' ? (window.prompt(t('dash.reasonPrompt')) || '').trim() : '';
    if (what === 'reject' && !reason) { return; }
    fetch('api/proposals/' + encodeURIComponent(id) + '/' + what, {
      method: 'POST', headers: headers(), body: JSON.stringify({ approver: approver, reason: reason, evidence: evidence || '' })
    }).then(function (r) { return r.json(); }).then(function (answer) {
      var card = document.querySelector('[data-proposal="' + id + '"]');
      if (card) { card.setAttribute('data-outcome', answer.done ? 'done' : 'refused'); }
      setText('access-state', answer.message || answer.error || '');
      loadProposals();
    });
  }
  var unlock = byId('unlock');
  if (unlock) {
    unlock.addEventListener('click', function () {
      var entered = window.prompt(t('dash.tokenPrompt')) || '';
      if (entered) {
        token = entered.trim();
        sessionStorage.setItem('linetwin.token', token);
        loadProposals();
      }
    });
  }

  connect();
  loadProposals();
  setInterval(loadProposals, 3000);
})();
