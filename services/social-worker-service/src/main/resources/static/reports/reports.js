/*
 * Centre reports 中心报表 of the social worker service: a centre manager picks a centre and a period and
 * sees each station's needs, times, volunteer hours, visits and workers, with charts drawn here as SVG,
 * and downloads the same report as CSV or XLSX.
 *
 * Plain browser JavaScript, no build step, nothing loaded from elsewhere. Every value from the API is
 * put on the page with textContent / DOM APIs, never as HTML: station names are free text.
 *
 * Signing in: the hub's shared sign-in (/wushe/signin.js, loaded before this script, window.WusheSignIn):
 * OAuth2 authorization code with PKCE against the OIDC issuer named by auth.json (GET /reports/auth.json),
 * coming back to this page's folder. The access token is kept in sessionStorage under 'wushe.reports.token'
 * (this tab only, gone when it closes); a token already in that key when the page loads is used as it is
 * (tests, tools). Every API call, and the CSV / Excel downloads, carry it as "Authorization: Bearer"; a 401
 * forgets it and signs in again (not by itself twice within 20 s); a 403 shows the service's reason. The
 * header names who is signed in, with 退出 Sign out; the centre is preselected from the token's centre_id.
 */
(function () {
  'use strict';

  /** The service's root, relative to this page (reports/index.html), so a path prefix still works. */
  var API = new URL('../', location.href);
  var SVG = 'http://www.w3.org/2000/svg';
  var STORE_CENTRE = 'wushe.reports.centre';
  /** sessionStorage keys of the shared sign-in start with this: the access token is in 'wushe.reports.token'. */
  var SIGNIN_PREFIX = 'wushe.reports';
  var signin = window.WusheSignIn;
  var NUMBER = new Intl.NumberFormat('zh-CN');

  var SERIES = [
    { key: 'published', zh: '发布', en: 'Published', color: 'var(--s1)' },
    { key: 'matched', zh: '已匹配', en: 'Matched', color: 'var(--s2)' },
    { key: 'fulfilled', zh: '已完成', en: 'Fulfilled', color: 'var(--s3)' }
  ];

  var FIELD_INPUT = { from: 'from', to: 'to' };

  var $ = function (id) { return document.getElementById(id); };
  var form = $('ask');
  var centreSelect = $('centre');
  var fromInput = $('from');
  var toInput = $('to');
  var presetButtons = Array.prototype.slice.call(document.querySelectorAll('[data-period]'));
  var current = null;   // the last report shown
  var request = 0;      // answers to older requests are dropped

  // ---- small DOM helpers: text only ------------------------------------------------------------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /** Chinese first, English beside it in a span of its own. */
  function bilingual(parent, zh, en) {
    parent.appendChild(document.createTextNode(zh + ' '));
    var span = el('span', null, en);
    span.lang = 'en';
    parent.appendChild(span);
    return parent;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function num(v) {
    return v === undefined || v === null ? '–' : NUMBER.format(v);
  }

  /** A time in minutes, as a person reads it: minutes below two hours, hours below three days, else days. */
  function duration(minutes) {
    if (minutes === undefined || minutes === null) { return '–'; }
    var m = Number(minutes);
    if (m < 120) { return NUMBER.format(Math.round(m * 10) / 10) + ' 分钟 min'; }
    if (m < 72 * 60) { return NUMBER.format(Math.round(m / 6) / 10) + ' 小时 h'; }
    return NUMBER.format(Math.round(m / 144) / 10) + ' 天 d';
  }

  /** A name on at most two lines of max characters, the second cut short with an ellipsis. */
  function twoLines(name, max) {
    var chars = Array.from(name || '');
    if (chars.length <= max) { return [chars.join('')]; }
    return [chars.slice(0, max).join(''), shortName(chars.slice(max).join(''), max)];
  }

  function shortName(name, max) {
    var chars = Array.from(name || '');
    return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
  }

  function label(row) {
    if (row.scope === 'TOTAL') { return '合计 Total'; }
    if (row.scope === 'CENTRE') { return row.stationName + '（中心本级 centre itself）'; }
    return row.stationName;
  }

  // ---- messages -----------------------------------------------------------------------------------

  function showProblem(zh, en, problem) {
    var banner = $('banner');
    clear(banner);
    bilingual(banner.appendChild(el('strong')), zh, en);
    var errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    if (errors.length) {
      var list = banner.appendChild(el('ul'));
      errors.forEach(function (e) {
        list.appendChild(el('li', null, e.field + ': ' + e.message));
        var input = FIELD_INPUT[e.field] && $(FIELD_INPUT[e.field]);
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          var hint = $(e.field + '-error');
          hint.textContent = e.message;
          hint.hidden = false;
        }
      });
    } else if (problem && problem.detail) {
      banner.appendChild(el('p', null, problem.detail));
    }
    banner.hidden = false;
  }

  function clearProblems() {
    $('banner').hidden = true;
    [fromInput, toInput].forEach(function (input) {
      input.removeAttribute('aria-invalid');
      var hint = $(input.id + '-error');
      hint.hidden = true;
      hint.textContent = '';
    });
  }

  // ---- the API, with the signed-in user's token ---------------------------------------------------------

  function token() {
    return signin.token();
  }

  function headers(accept) {
    return signin.headers({ Accept: accept });
  }

  /**
   * A refused answer as an error carrying its status and problem body (RFC 9457), if any. A 401 (the token
   * expired or is not accepted) forgets the token and signs in again.
   */
  function refused(r) {
    return r.json().catch(function () { return null; }).then(function (body) {
      if (r.status === 401) { signin.onUnauthorized(); }
      var error = new Error('HTTP ' + r.status);
      error.status = r.status;
      error.problem = body;
      throw error;
    });
  }

  function getJson(path) {
    if (!token()) {
      var none = new Error('no token');
      none.status = 401;
      return Promise.reject(none);
    }
    return fetch(new URL(path, API), { headers: headers('application/json') }).then(function (r) {
      if (!r.ok) { return refused(r); }
      signin.accepted();
      return r.json();
    });
  }

  /**
   * Shows why a call failed: sign in first (no or expired token), not allowed (403, with the reason the
   * service gave), or the problem with the request.
   */
  function showFailure(zh, en, e) {
    if (e.status === 401) {
      showProblem('请先登录', 'Sign in first: your sign-in is missing, expired or not accepted.', null);
    } else if (e.status === 403) {
      showProblem('无权查看', 'Not allowed', { detail: e.problem && e.problem.detail ? e.problem.detail : 'HTTP 403' });
    } else {
      showProblem(zh, en, e.problem);
    }
  }

  // ---- centres and the period -------------------------------------------------------------------------

  function loadCentres() {
    return getJson('centres').then(function (centres) {
      centres.forEach(function (c) {
        var option = el('option', null, c.name + '（' + c.stations + ' 个站点 stations）');
        option.value = c.id;
        centreSelect.appendChild(option);
      });
      if (!centres.length) {
        showProblem('还没有服务中心', 'No centre is known yet: centres come from the community service (StationRegistered).', null);
      }
    }).catch(function (e) {
      showFailure('无法加载服务中心', 'Could not load the centres', e);
    });
  }

  function pressed(period) {
    presetButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-period') === period)); });
  }

  function query(period) {
    var q = new URLSearchParams();
    if (period) {
      q.set('period', period);
    } else {
      if (fromInput.value) { q.set('from', fromInput.value); }
      if (toInput.value) { q.set('to', toInput.value); }
    }
    return q;
  }

  function show(period) {
    clearProblems();
    var centre = centreSelect.value;
    if (!centre) {
      $('choose').hidden = false;
      centreSelect.focus();
      return;
    }
    try { localStorage.setItem(STORE_CENTRE, centre); } catch (ignored) { /* private mode */ }
    var q = query(period);
    var mine = ++request;
    $('choose').hidden = true;
    $('loading').hidden = false;
    getJson('centres/' + encodeURIComponent(centre) + '/report?' + q.toString()).then(function (report) {
      if (mine !== request) { return; }
      current = report;
      fromInput.value = report.from;
      toInput.value = report.to;
      pressed(report.period || null);
      var pageQuery = new URLSearchParams({ centre: centre });
      if (report.period) { pageQuery.set('period', report.period); } else { pageQuery.set('from', report.from); pageQuery.set('to', report.to); }
      history.replaceState(null, '', '?' + pageQuery.toString());
      render(report);
    }).catch(function (e) {
      if (mine !== request) { return; }
      $('report').hidden = true;
      setDownloads(null);
      showFailure('无法生成报表', 'The report could not be made', e);
    }).then(function () {
      if (mine === request) { $('loading').hidden = true; }
    });
  }

  /**
   * The download buttons. A plain link cannot send the token, so a click fetches the file with it and
   * hands the browser the bytes (an object URL) under the file name the service gave.
   */
  function setDownloads(report) {
    [['csv', 'report.csv'], ['xlsx', 'report.xlsx']].forEach(function (pair) {
      var a = $(pair[0]);
      if (!report) {
        a.removeAttribute('href');
        a.removeAttribute('data-url');
        a.setAttribute('aria-disabled', 'true');
        return;
      }
      var q = new URLSearchParams({ from: report.from, to: report.to });
      var url = new URL('centres/' + encodeURIComponent(report.centreId) + '/' + pair[1] + '?' + q.toString(), API).toString();
      a.href = url;
      a.setAttribute('data-url', url);
      a.setAttribute('aria-disabled', 'false');
    });
  }

  /** The file name of a Content-Disposition header (RFC 6266, filename* first), or the fallback. */
  function fileName(disposition, fallback) {
    var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
    if (star) { try { return decodeURIComponent(star[1]); } catch (ignored) { /* fall through */ } }
    var plain = /filename="?([^";]+)"?/i.exec(disposition || '');
    return plain ? plain[1] : fallback;
  }

  function download(a, fallback) {
    var url = a.getAttribute('data-url');
    if (!url) { return; }
    if (!token()) { showFailure('', '', { status: 401 }); return; }
    clearProblems();
    fetch(url, { headers: headers('*/*') }).then(function (r) {
      if (!r.ok) { return refused(r); }
      signin.accepted();
      return r.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = fileName(r.headers.get('Content-Disposition'), fallback);
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      });
    }).catch(function (e) {
      showFailure('无法下载报表', 'The report could not be downloaded', e);
    });
  }

  // ---- the report --------------------------------------------------------------------------------------

  function render(report) {
    $('title').textContent = report.centreName;
    $('period').textContent = report.from + ' 至 ' + report.to;
    renderTotals(report.totals);
    renderNeeds(report.stations);
    renderHours(report.stations);
    renderTable(report);
    setDownloads(report);
    $('report').hidden = false;
  }

  function renderTotals(t) {
    var cards = $('totals');
    clear(cards);
    var items = [
      ['发布需求', 'Needs published', num(t.needs.published), null],
      ['已完成', 'Fulfilled', num(t.needs.fulfilled), null],
      ['首次推荐用时中位数', 'Median to first proposal', duration(t.toFirstProposal.medianMinutes), null],
      ['完成用时中位数', 'Median to fulfilment', duration(t.toFulfilment.medianMinutes), null],
      ['志愿服务时长', 'Volunteer hours', num(t.volunteerHours), '小时 h'],
      ['发放积分', 'Points awarded', num(t.pointsAwarded), null],
      ['探访', 'Visits (phone + home)', num(t.phoneVisits + t.homeVisits), null],
      ['持证率', 'Certification rate', t.certificationRateText, null]
    ];
    items.forEach(function (i) {
      var card = cards.appendChild(el('div', 'card'));
      bilingual(card.appendChild(el('div', 'label')), i[0], i[1]);
      var value = card.appendChild(el('div', 'value', i[2]));
      if (i[3]) { value.appendChild(el('small', null, i[3])); }
    });
  }

  /** A round step for an axis up to max: 1, 2, 5 × 10^n. */
  function step(max, ticks) {
    var raw = Math.max(max, 1) / ticks;
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    var f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  function renderNeeds(rows) {
    var legend = $('needs-legend');
    clear(legend);
    SERIES.forEach(function (s) {
      var item = legend.appendChild(el('span'));
      var swatch = item.appendChild(el('span', 'swatch'));
      swatch.style.background = s.color;
      bilingual(item, s.zh, s.en);
    });

    var box = $('needs-chart');
    clear(box);
    var left = 40, top = 10, bottom = 46, groupWidth = 96, barWidth = 22, height = 240;
    var width = Math.max(480, left + rows.length * groupWidth + 10);
    var max = 0;
    rows.forEach(function (r) { SERIES.forEach(function (s) { max = Math.max(max, r.needs[s.key]); }); });
    var unit = step(max, 4);
    var top2 = Math.max(unit, Math.ceil(max / unit) * unit);
    var plot = height - top - bottom;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-label': '各站点需求：发布、已匹配、已完成 Needs published, matched and fulfilled by station' });
    for (var v = 0; v <= top2; v += unit) {
      var y = top + plot - (v / top2) * plot;
      chart.appendChild(svg('line', { x1: left, x2: width - 4, y1: y, y2: y, 'class': v === 0 ? 'axis' : 'grid' }));
      chart.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'class': 'tick' }, NUMBER.format(v)));
    }
    rows.forEach(function (r, i) {
      var x0 = left + i * groupWidth + (groupWidth - SERIES.length * barWidth) / 2;
      SERIES.forEach(function (s, j) {
        var value = r.needs[s.key];
        var h = (value / top2) * plot;
        var bar = svg('rect', { x: x0 + j * barWidth, y: top + plot - h, width: barWidth - 3, height: Math.max(h, 0), fill: s.color, rx: 2 });
        bar.appendChild(svg('title', null, label(r) + ' · ' + s.zh + ' ' + s.en + ': ' + value));
        chart.appendChild(bar);
        if (value > 0) {
          chart.appendChild(svg('text', { x: x0 + j * barWidth + (barWidth - 3) / 2, y: top + plot - h - 3, 'text-anchor': 'middle', 'class': 'tick' }, value));
        }
      });
      var lines = r.scope === 'CENTRE' ? ['中心本级', 'centre itself'] : twoLines(r.stationName, 7);
      lines.forEach(function (line, k) {
        var name = svg('text', { x: left + i * groupWidth + groupWidth / 2, y: height - bottom + 18 + k * 15, 'text-anchor': 'middle',
          'class': k === 1 && r.scope === 'CENTRE' ? 'tick' : '' }, line);
        name.appendChild(svg('title', null, label(r)));
        chart.appendChild(name);
      });
    });
    box.appendChild(chart);
  }

  function renderHours(rows) {
    var box = $('hours-chart');
    clear(box);
    var rowHeight = 30, left = 170, right = 70, width = 480;
    var height = Math.max(1, rows.length) * rowHeight + 10;
    var max = 0;
    rows.forEach(function (r) { max = Math.max(max, Number(r.volunteerHours)); });
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-label': '各站点志愿服务时长（小时） Volunteer hours by station' });
    rows.forEach(function (r, i) {
      var y = 5 + i * rowHeight;
      var hours = Number(r.volunteerHours);
      var name = svg('text', { x: left - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end' },
        shortName(r.scope === 'CENTRE' ? '中心本级 centre itself' : r.stationName, 12));
      name.appendChild(svg('title', null, label(r)));
      chart.appendChild(name);
      chart.appendChild(svg('rect', { x: left, y: y + 5, width: width - left - right, height: rowHeight - 10, fill: 'var(--bar)', rx: 3 }));
      var w = max > 0 ? (hours / max) * (width - left - right) : 0;
      var bar = svg('rect', { x: left, y: y + 5, width: w, height: rowHeight - 10, fill: 'var(--hours)', rx: 3 });
      bar.appendChild(svg('title', null, label(r) + ': ' + NUMBER.format(hours) + ' 小时 h, ' + NUMBER.format(r.pointsAwarded) + ' 积分 points'));
      chart.appendChild(bar);
      chart.appendChild(svg('text', { x: width - right + 6, y: y + rowHeight / 2 + 4 }, NUMBER.format(hours) + ' h'));
    });
    box.appendChild(chart);
  }

  var COLUMNS = [
    ['站点', 'Station', function (r) { return label(r); }],
    ['发布', 'Published', function (r) { return num(r.needs.published); }],
    ['已匹配', 'Matched', function (r) { return num(r.needs.matched); }],
    ['已接单', 'Accepted', function (r) { return num(r.needs.accepted); }],
    ['已完成', 'Fulfilled', function (r) { return num(r.needs.fulfilled); }],
    ['取消/过期', 'Cancelled / expired', function (r) { return num(r.needs.cancelled) + ' / ' + num(r.needs.expired); }],
    ['首次推荐 中位数', 'To first proposal, median', function (r) { return duration(r.toFirstProposal.medianMinutes); }],
    ['首次推荐 P90', 'To first proposal, p90', function (r) { return duration(r.toFirstProposal.p90Minutes); }],
    ['完成 中位数', 'To fulfilment, median', function (r) { return duration(r.toFulfilment.medianMinutes); }],
    ['完成 P90', 'To fulfilment, p90', function (r) { return duration(r.toFulfilment.p90Minutes); }],
    ['服务时长(小时)', 'Volunteer hours', function (r) { return num(r.volunteerHours); }],
    ['积分', 'Points', function (r) { return num(r.pointsAwarded); }],
    ['电话探访', 'Phone visits', function (r) { return num(r.phoneVisits); }],
    ['入户探访', 'Home visits', function (r) { return num(r.homeVisits); }],
    ['新开个案', 'Cases opened', function (r) { return num(r.casesOpened); }],
    ['在案个案', 'Cases open', function (r) { return num(r.casesOpen); }],
    ['小组活动', 'Group sessions', function (r) { return num(r.groupSessions); }],
    ['新招募志愿者', 'Volunteers recruited', function (r) { return num(r.volunteersRecruited); }],
    ['社工', 'Social workers', function (r) { return num(r.socialWorkers); }],
    ['持证率', 'Certification rate', function (r) { return r.certificationRateText; }]
  ];

  function renderTable(report) {
    var table = $('table');
    var head = table.tHead, body = table.tBodies[0], foot = table.tFoot;
    [head, body, foot].forEach(clear);
    var tr = head.appendChild(el('tr'));
    COLUMNS.forEach(function (c) {
      var th = tr.appendChild(el('th'));
      th.scope = 'col';
      bilingual(th, c[0], c[1]);
    });
    report.stations.forEach(function (r) { body.appendChild(tableRow(r)); });
    foot.appendChild(tableRow(report.totals));
  }

  function tableRow(r) {
    var tr = el('tr');
    COLUMNS.forEach(function (c, i) {
      var value = c[2](r);
      var td = tr.appendChild(el(i === 0 ? 'th' : 'td', value === '–' ? 'none' : null, value));
      if (i === 0) { td.scope = 'row'; }
    });
    return tr;
  }

  // ---- wiring ------------------------------------------------------------------------------------------

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    pressed(null);
    show(null);
  });
  presetButtons.forEach(function (b) {
    b.addEventListener('click', function () { show(b.getAttribute('data-period')); });
  });
  [['csv', 'report.csv'], ['xlsx', 'report.xlsx']].forEach(function (pair) {
    $(pair[0]).addEventListener('click', function (e) {
      e.preventDefault();
      download($(pair[0]), pair[1]);
    });
  });
  centreSelect.addEventListener('change', function () {
    var period = presetButtons.filter(function (b) { return b.getAttribute('aria-pressed') === 'true'; })[0];
    show(period ? period.getAttribute('data-period') : (fromInput.value && toInput.value ? null : 'THIS_MONTH'));
  });

  /** Signed out (退出) or the token was refused (a 401): nothing of any centre stays on the page. */
  function signedOut(why) {
    request++;
    current = null;
    if (why === 'signed-out') { clearProblems(); }
    $('report').hidden = true;
    $('loading').hidden = true;
    $('choose').hidden = true;
    setDownloads(null);
    while (centreSelect.options.length > 1) { centreSelect.remove(1); }
    form.hidden = true;
  }

  /**
   * Signed in: the centres the caller may pick, and the report of the centre named in the address, else
   * the token's own (centre_id), else the last one chosen here.
   */
  function begin() {
    form.hidden = false;
    loadCentres().then(function () {
      if (!token()) { return; }   // refused meanwhile (a 401): the page is signing in again
      var q = new URLSearchParams(location.search);
      var named = q.get('centre') || signin.claim('centre_id');
      var wanted = named;
      if (!wanted) { try { wanted = localStorage.getItem(STORE_CENTRE); } catch (ignored) { wanted = null; } }
      var known = Array.prototype.some.call(centreSelect.options, function (o) { return o.value && o.value === wanted; });
      if (!known && named) {
        // Named but not in the list (not one of the caller's centres): asked for anyway, the service says why not.
        var option = el('option', null, '服务中心 Centre ' + named.slice(0, 8));
        option.value = named;
        centreSelect.appendChild(option);
        known = true;
      }
      if (!known) {
        $('choose').hidden = false;
        return;
      }
      centreSelect.value = wanted;
      if (q.get('from') || q.get('to')) {
        fromInput.value = q.get('from') || '';
        toInput.value = q.get('to') || '';
        show(null);
      } else {
        show(q.get('period') || 'THIS_MONTH');
      }
    });
  }

  signin.init({
    configUrl: 'auth.json',
    storagePrefix: SIGNIN_PREFIX,
    service: ['社工服务', 'social worker service'],
    onSignedOut: signedOut
  }).then(function (session) {
    if (session) { begin(); }
  });
}());
