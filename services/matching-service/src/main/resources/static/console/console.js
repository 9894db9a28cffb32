/*
 * Station console 站点工作台 of the matching service: station staff see the proposals for their
 * station live (Server-Sent Events) and accept, decline or complete them.
 *
 * Signing in: the hub's shared sign-in (/wushe/signin.js, loaded before this script): OAuth2
 * authorization code with PKCE against the OIDC issuer named by ../console/auth.json (public client, no
 * secret). The access token is kept in sessionStorage under 'wushe.console.token' (this tab only, gone
 * when it closes) and sent as "Authorization: Bearer" on every call, and as ?access_token= on the live
 * stream (EventSource cannot send headers). A token already in that key when the page loads is used as
 * it is (tests, tools, a sign-in done elsewhere). Who decides is the token's subject; the station is
 * preselected from its station_id claim.
 *
 * Plain browser JavaScript, no build step, nothing loaded from elsewhere. Every value from the API is
 * put on the page with textContent / DOM APIs, never as HTML: need titles are free text.
 */
(function () {
  'use strict';

  // ---- settings -------------------------------------------------------------------------------

  /** The service's root, relative to this page (console/index.html), so a path prefix still works. */
  var API = new URL('../', location.href);
  var ZONE = 'Asia/Shanghai';
  var STORE_STATION = 'wushe.console.station';
  /**
   * sessionStorage keys of the shared sign-in start with this: the access token (a JWT) is in
   * 'wushe.console.token'. Documented: a token put there before the page loads is used.
   */
  var SIGNIN_PREFIX = 'wushe.console';
  var HELLO_GRACE_MS = 4000;
  var SOON_MS = 5 * 60 * 1000;

  // ---- words: Chinese first, English beside ----------------------------------------------------

  var WORDS = {
    category: {
      HOME_REPAIR: ['上门维修', 'Home repair'], SAFETY_CHECK: ['安全检查', 'Safety check'],
      DAILY_GOODS: ['生活物资', 'Daily goods'], MEAL_ASSISTANCE: ['助餐', 'Meal assistance'],
      HEALTH: ['健康服务', 'Health'], ESCORT: ['陪诊', 'Hospital escort'], COMPANIONSHIP: ['陪伴探访', 'Companionship'],
      HAIRCUT: ['义剪', 'Free haircut'], LEGAL_ADVICE: ['法律咨询', 'Legal advice'], ANTI_FRAUD: ['反诈宣传', 'Anti-fraud'],
      MEDIATION: ['矛盾调解', 'Mediation'], PSYCHOLOGICAL_SUPPORT: ['心理疏导', 'Psychological support'],
      TUTORING: ['课业辅导', 'Tutoring'], STUDY_SPACE: ['学习空间改造', 'Study space'],
      CULTURAL_EVENT: ['文化与邻里活动', 'Cultural event'], OTHER: ['其他', 'Other']
    },
    urgency: {
      IMMEDIATE: ['立即', 'IMMEDIATE'], URGENT: ['加急', 'URGENT'], SOON: ['近期', 'SOON'], ROUTINE: ['常规', 'ROUTINE']
    },
    group: {
      ELDERLY_ALONE: ['独居老人', 'Elderly living alone'], VERY_OLD: ['高龄老人', 'Very old (80+)'],
      CHILDLESS_ELDERLY: ['孤寡老人', 'Childless elderly'], DISABLED: ['残疾人', 'Disabled'],
      CHILD_IN_HARDSHIP: ['困境儿童', 'Child in hardship'], LOW_INCOME_FAMILY: ['低保/低收入家庭', 'Low-income family'],
      NEWCOMER: ['新市民', 'Newcomer'], FOREIGN_RESIDENT: ['外籍居民', 'Foreign resident'],
      ALL_RESIDENTS: ['全体居民', 'All residents'], OTHER: ['其他', 'Other']
    },
    kind: {
      VOLUNTEER: ['志愿者', 'Volunteer'], OFFER: ['资源', 'Offer'], CAPACITY: ['机构服务', 'Organization service']
    },
    status: {
      PROPOSED: ['待确认', 'Proposed'], ESCALATED: ['已上报中心', 'Escalated'], ACCEPTED: ['已接受', 'Accepted'],
      RESERVED: ['资源已预留', 'Reserved'], COMPLETED: ['已完成', 'Completed'], DECLINED: ['已拒绝', 'Declined'],
      LAPSED: ['已超时', 'Lapsed'], FAILED: ['预留失败', 'Reservation failed'], WITHDRAWN: ['已撤回', 'Withdrawn']
    },
    reason: {
      NOT_SUITABLE: ['不合适', 'Not suitable'], TOO_FAR: ['距离太远', 'Too far'], TIME_CONFLICT: ['时间冲突', 'Time conflict'],
      VOLUNTEER_UNAVAILABLE: ['志愿者无法参加', 'Volunteer unavailable'], RESOURCE_UNAVAILABLE: ['资源不可用', 'Resource unavailable'],
      NEED_ALREADY_MET: ['需求已满足', 'Need already met'], RESIDENT_DECLINED: ['居民谢绝', 'Resident declined'],
      OTHER: ['其他原因', 'Other']
    },
    component: {
      skill: ['技能匹配', 'Skills'], skills: ['技能匹配', 'Skills'], category: ['服务类别', 'Category'],
      distance: ['距离', 'Distance'], urgency: ['紧急程度', 'Urgency'], priority: ['优先照顾', 'Priority group'],
      time: ['时间', 'Time'], timeWindow: ['时间', 'Time'], expiry: ['保质期', 'Expiry'], fairness: ['公平轮换', 'Fairness'],
      languages: ['语言', 'Languages'], language: ['语言', 'Language'], capacity: ['名额', 'Capacity'], stock: ['库存', 'Stock']
    },
    level: {
      DISTRICT_CENTRE: ['区级指导中心', 'District centre'], STREET_CENTRE: ['街镇社工服务中心', 'Street/town centre'],
      COMMUNITY_STATION: ['社区社工站', 'Community station']
    },
    unit: {
      PIECE: ['件', 'pieces'], SET: ['套', 'sets'], BOX: ['箱', 'boxes'], BAG: ['袋', 'bags'], BOTTLE: ['瓶', 'bottles'],
      KILOGRAM: ['公斤', 'kg'], JIN: ['斤', 'jin'], LITRE: ['升', 'litres'], PORTION: ['份', 'portions'], OTHER: ['', '']
    },
    field: {
      reason: ['原因', 'Reason'], note: ['备注', 'Note'], serviceMinutes: ['服务时长', 'Minutes'],
      peopleReached: ['服务人数', 'People reached'], deliveredQuantity: ['实际数量', 'Quantity delivered'],
      matchId: ['匹配', 'Match'], needId: ['需求', 'Need'], stationId: ['站点', 'Station'],
      Authorization: ['登录', 'Sign-in'], sub: ['账号', 'Account']
    }
  };

  /** 'zh en' for a code, or the code itself when this page does not know it yet. */
  function words(table, code) {
    var w = code && WORDS[table][code];
    return w ? (w[1] ? w[0] + ' ' + w[1] : w[0]) : (code || '');
  }

  /** A Chinese word with its English beside it in a span marked lang="en". */
  function bilingual(zh, en, tag) {
    var node = el(tag || 'span', null, zh);
    if (en) {
      node.appendChild(document.createTextNode(' '));
      node.appendChild(el('span', { lang: 'en' }, en));
    }
    return node;
  }

  function wordNode(table, code, tag) {
    var w = code && WORDS[table][code];
    return w ? bilingual(w[0], w[1], tag) : el(tag || 'span', null, code || '—');
  }

  // ---- DOM helpers: text only -----------------------------------------------------------------

  /** Creates an element; strings and numbers among the children become text nodes, never markup. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) {
          return;
        }
        if (k === 'class') {
          node.className = v;
        } else if (k === 'text') {
          node.textContent = v;
        } else if (k.slice(0, 2) === 'on' && typeof v === 'function') {
          node.addEventListener(k.slice(2), v);
        } else {
          node.setAttribute(k, v === true ? '' : String(v));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (typeof child === 'string' || typeof child === 'number') {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }

  function $(id) {
    return document.getElementById(id);
  }

  // ---- formatting -----------------------------------------------------------------------------

  var dayFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, month: 'numeric', day: 'numeric', weekday: 'short' });
  var timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var keyFmt = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

  function when(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : dayFmt.format(d) + ' ' + timeFmt.format(d);
  }

  /** A window in Beijing time: "11月20日周四 10:00–12:00", or both dates when it spans days. */
  function span(w) {
    if (!w || !w.start) {
      return null;
    }
    var s = new Date(w.start);
    var e = w.end ? new Date(w.end) : null;
    if (!e) {
      return when(w.start) + ' 起';
    }
    if (keyFmt.format(s) === keyFmt.format(e)) {
      return dayFmt.format(s) + ' ' + timeFmt.format(s) + '–' + timeFmt.format(e);
    }
    return when(w.start) + ' – ' + when(w.end);
  }

  function pct(x) {
    var v = Math.max(0, Math.min(1, Number(x) || 0));
    return Math.round(v * 100) + '%';
  }

  function shortId(id) {
    return id ? String(id).slice(0, 8) : '';
  }

  function yuan(fen) {
    return '¥' + (fen / 100).toFixed(2);
  }

  /** "剩余 12:05 left", "剩余 2小时5分 2 h 5 min left" or "已过确认期限 Past the deadline". */
  function countdown(node) {
    var deadline = Date.parse(node.getAttribute('data-deadline'));
    if (isNaN(deadline)) {
      return;
    }
    var left = deadline - Date.now();
    node.classList.toggle('past', left <= 0);
    node.classList.toggle('soon', left > 0 && left <= SOON_MS);
    if (left <= 0) {
      node.textContent = '已过确认期限 Past the deadline';
      return;
    }
    var secs = Math.floor(left / 1000);
    var h = Math.floor(secs / 3600);
    var m = Math.floor((secs % 3600) / 60);
    var s = secs % 60;
    if (h > 0) {
      node.textContent = '剩余 ' + h + '小时' + m + '分 · ' + h + ' h ' + m + ' min left';
    } else {
      node.textContent = '剩余 ' + m + ':' + (s < 10 ? '0' : '') + s + ' · ' + m + ' min ' + s + ' s left';
    }
  }

  // ---- state ----------------------------------------------------------------------------------

  var OPEN = { PROPOSED: true, ESCALATED: true };
  var TAKEN = { ACCEPTED: true, RESERVED: true, COMPLETED: true };
  /** A match only moves forward; a push that arrives late never takes it back. */
  var RANK = { PROPOSED: 0, ESCALATED: 1, ACCEPTED: 2, RESERVED: 3, COMPLETED: 4, DECLINED: 5, LAPSED: 5, FAILED: 5, WITHDRAWN: 5 };

  var state = {
    stationId: null,
    stations: new Map(),     // stationId -> {stationId, parentStationId, level, name}
    matches: new Map(),      // matchId -> {view, seen}
    source: null,
    generation: 0,           // bumps on every station change; stale answers are dropped
    helloTimer: null,
    denied: -1,              // the generation whose station the caller may not see
    retryTimer: null,
    retryDelay: 2000,
    loadedOnce: false
  };

  // ---- the API --------------------------------------------------------------------------------

  function ApiError(status, messages) {
    this.status = status;
    this.messages = messages;
  }

  /** A call to the matching service with the signed-in token; a 401 clears it and signs in again. */
  function call(method, path, body) {
    if (!token()) {
      return Promise.reject(new ApiError(401, ['请先登录。Please sign in first.']));
    }
    var headers = signin.headers({ Accept: 'application/json' });
    var init = { method: method, headers: headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(new URL(path, API), init).then(function (res) {
      if (res.ok) {
        // The token works: a later 401 may send the page to sign in again at once.
        signin.accepted();
        return res.status === 204 ? null : res.json();
      }
      return res.json().catch(function () { return null; }).then(function (problem) {
        if (res.status === 401) {
          signin.onUnauthorized();
        }
        throw new ApiError(res.status, problemMessages(res.status, problem));
      });
    }, function () {
      throw new ApiError(0, ['无法连接匹配服务，请检查网络后重试。Cannot reach the matching service; check the connection and try again.']);
    });
  }

  /** Plain words from an RFC 9457 problem: each errors[].message, named by its field. */
  function problemMessages(status, problem) {
    var out = [];
    if (problem && Array.isArray(problem.errors)) {
      problem.errors.forEach(function (e) {
        if (e && e.message) {
          var f = e.field && WORDS.field[e.field];
          out.push((f ? f[0] + ' ' + f[1] + '：' : '') + e.message);
        }
      });
    }
    if (status === 403) {
      // The refusal names who the caller is and what would be needed: show it as the service said it.
      return ['无权访问 Forbidden：' + String((problem && (problem.detail || problem.title)) || '您无权查看或处理这些数据。You may not see or act on this.')];
    }
    if (status === 401) {
      return ['登录已失效，请重新登录。Your sign-in has expired; please sign in again.'];
    }
    if (status === 409) {
      out.unshift('这条推荐已经有人处理过了，列表已刷新。This proposal was already decided; the list was refreshed.');
    } else if (status === 404) {
      out.unshift('找不到这条匹配，可能已被撤回。This match no longer exists; it may have been withdrawn.');
    }
    if (!out.length && problem && (problem.detail || problem.title)) {
      out.push(String(problem.detail || problem.title));
    }
    if (!out.length) {
      out.push(status >= 500
        ? '服务暂时出错，请稍后重试。The service failed; please try again shortly.'
        : '请求未成功（' + status + '）。The request did not succeed (' + status + ').');
    }
    return out;
  }

  function showError(slot, err) {
    slot.replaceChildren();
    var messages = err instanceof ApiError ? err.messages : ['出了点问题，请重试。Something went wrong; please try again.'];
    if (messages.length === 1) {
      slot.appendChild(el('p', { class: 'error', role: 'alert', 'data-testid': slot.getAttribute('data-testid') + '-message' }, messages[0]));
    } else {
      slot.appendChild(el('div', { class: 'error', role: 'alert', 'data-testid': slot.getAttribute('data-testid') + '-message' },
        el('ul', null, messages.map(function (m) { return el('li', null, m); }))));
    }
  }

  function banner(text) {
    var b = $('banner');
    if (!text) {
      b.hidden = true;
      b.textContent = '';
    } else {
      b.textContent = text;
      b.hidden = false;
    }
  }

  function announce(text) {
    var a = $('announcer');
    a.textContent = '';
    window.setTimeout(function () { a.textContent = text; }, 50);
  }

  // ---- signing in: the hub's shared sign-in (/wushe/signin.js, window.WusheSignIn) ---------------

  var signin = window.WusheSignIn;

  /** The signed-in access token, or null. */
  function token() {
    return signin.token();
  }

  /** Signed out (退出) or the token was refused (a 401): nothing of the station stays on the page. */
  function signedOut(why) {
    disconnect();
    if (why === 'signed-out') {
      state.generation++;
      state.matches.clear();
      $('proposals').replaceChildren();
      $('accepted').replaceChildren();
      closeHistory();
      banner(null);
      updateCounts();
    }
    setLive('idle');
  }

  // ---- stations -------------------------------------------------------------------------------

  function loadStations() {
    return call('GET', 'stations').then(function (list) {
      state.stations = new Map();
      (list || []).forEach(function (s) { state.stations.set(s.stationId, s); });
      renderStationOptions();
    }).catch(function (err) {
      banner('站点列表无法加载：' + (err.messages ? err.messages.join(' ') : '') + ' Could not load the stations.');
    });
  }

  /** Centres first, the stations below each indented under it. */
  function renderStationOptions() {
    var select = $('station');
    var keep = state.stationId;
    var key = JSON.stringify(Array.from(state.stations.values())) + '|' + keep;
    if (key === state.optionsKey) {
      return;
    }
    state.optionsKey = key;
    var children = new Map();
    var roots = [];
    state.stations.forEach(function (s) {
      if (s.parentStationId && state.stations.has(s.parentStationId)) {
        if (!children.has(s.parentStationId)) {
          children.set(s.parentStationId, []);
        }
        children.get(s.parentStationId).push(s);
      } else {
        roots.push(s);
      }
    });
    var byName = function (a, b) { return String(a.name).localeCompare(String(b.name), 'zh-CN'); };
    var options = [el('option', { value: '' }, '请选择站点 Choose a station')];
    var walk = function (s, depth) {
      var lv = WORDS.level[s.level];
      options.push(el('option', { value: s.stationId },
        '\u3000'.repeat(depth) + s.name + (lv ? '（' + lv[0] + ' ' + lv[1] + '）' : '')));
      (children.get(s.stationId) || []).sort(byName).forEach(function (c) { walk(c, depth + 1); });
    };
    roots.sort(byName).forEach(function (s) { walk(s, 0); });
    if (keep && !state.stations.has(keep)) {
      options.push(el('option', { value: keep }, '站点 Station ' + shortId(keep)));
    }
    select.replaceChildren.apply(select, options);
    select.value = keep || '';
  }

  function stationName(id) {
    var s = state.stations.get(id);
    return s ? s.name : '站点 Station ' + shortId(id);
  }

  function chooseStation(id, push) {
    id = id || null;
    if (id === state.stationId) {
      return;
    }
    state.stationId = id;
    state.generation++;
    state.matches.clear();
    $('proposals').replaceChildren();
    $('accepted').replaceChildren();
    updateCounts();
    try {
      if (id) {
        localStorage.setItem(STORE_STATION, id);
      }
    } catch (ignored) { /* storage may be off */ }
    if (push) {
      var url = new URL(location.href);
      if (id) {
        url.searchParams.set('station', id);
      } else {
        url.searchParams.delete('station');
      }
      history.replaceState(null, '', url);
    }
    if (!state.stations.has(id) && id) {
      renderStationOptions();
    }
    $('station').value = id || '';
    $('choose').hidden = !!id;
    document.title = (id ? stationName(id) + ' · ' : '') + '站点工作台 Station console';
    connect();
  }

  // ---- the live stream ------------------------------------------------------------------------

  function setLive(s) {
    var node = $('live');
    var text = {
      idle: ['未连接', 'Not connected'],
      connecting: ['连接中', 'Connecting…'],
      live: ['已连接', 'Live'],
      reconnecting: ['重新连接中', 'Reconnecting…'],
      offline: ['连接中断，稍后重试', 'Offline, retrying'],
      denied: ['无权访问', 'No access']
    }[s];
    node.setAttribute('data-state', s);
    node.querySelector('.live-text').replaceChildren(bilingual(text[0], text[1]));
  }

  function disconnect() {
    if (state.source) {
      state.source.close();
      state.source = null;
    }
    window.clearTimeout(state.helloTimer);
    window.clearTimeout(state.retryTimer);
  }

  /** Opens the station's stream first, then loads the lists (on 'hello'); again on every reconnect. */
  function connect() {
    disconnect();
    if (!state.stationId || !token()) {
      setLive('idle');
      return;
    }
    var generation = state.generation;
    // EventSource cannot send headers: the stream alone takes the token in its address.
    var url = new URL('stations/' + encodeURIComponent(state.stationId) + '/stream', API);
    url.searchParams.set('access_token', token());
    var source = new EventSource(url);
    state.source = source;
    setLive(state.loadedOnce ? 'reconnecting' : 'connecting');
    // If 'hello' does not come (a proxy that buffers streams), show the lists anyway.
    state.helloTimer = window.setTimeout(function () {
      if (generation === state.generation) {
        reload();
      }
    }, HELLO_GRACE_MS);

    source.addEventListener('open', function () {
      if (generation === state.generation) {
        state.retryDelay = 2000;
        setLive('live');
      }
    });
    source.addEventListener('hello', function () {
      if (generation !== state.generation) {
        return;
      }
      window.clearTimeout(state.helloTimer);
      setLive('live');
      reload();
    });
    source.addEventListener('match', function (e) {
      if (generation !== state.generation) {
        return;
      }
      var view;
      try {
        view = JSON.parse(e.data);
      } catch (bad) {
        return;
      }
      upsert(view, true);
    });
    source.addEventListener('error', function () {
      if (generation !== state.generation) {
        return;
      }
      if (source.readyState === EventSource.CLOSED) {
        // The server answered with an error: the browser will not try again by itself. The lists say
        // why (a 401 signs in again, a 403 is shown and ends the retries); otherwise try again later.
        setLive('offline');
        window.clearTimeout(state.helloTimer);
        reload().then(function () {
          if (generation !== state.generation || state.denied === generation || !token()) {
            return;
          }
          window.clearTimeout(state.retryTimer);
          state.retryTimer = window.setTimeout(function () {
            if (generation === state.generation) {
              connect();
            }
          }, state.retryDelay);
          state.retryDelay = Math.min(state.retryDelay * 2, 30000);
        });
      } else {
        setLive('reconnecting');
      }
    });
  }

  /** Loads both lists; entries that went away while the stream was down are dropped. */
  function reload() {
    var generation = state.generation;
    var started = Date.now();
    var id = encodeURIComponent(state.stationId);
    loadStations();
    return Promise.all([
      call('GET', 'stations/' + id + '/proposals'),
      call('GET', 'stations/' + id + '/matches?status=ACCEPTED&status=RESERVED&status=COMPLETED&limit=50')
    ]).then(function (lists) {
      if (generation !== state.generation) {
        return;
      }
      banner(null);
      var present = new Set();
      lists[0].concat(lists[1]).forEach(function (v) {
        present.add(v.matchId);
        upsert(v, false);
      });
      state.matches.forEach(function (entry, matchId) {
        if (!present.has(matchId) && entry.seen < started) {
          state.matches.delete(matchId);
          removeNodes(matchId);
        }
      });
      state.loadedOnce = true;
      updateCounts();
    }).catch(function (err) {
      if (generation !== state.generation) {
        return;
      }
      if (err.status === 403) {
        // Another station's: say so in the service's words, show nothing of it, and stop listening.
        state.denied = generation;
        disconnect();
        setLive('denied');
        banner(err.messages.join(' '));
      } else {
        banner('推荐列表无法加载：' + (err.messages ? err.messages.join(' ') : '') + ' Could not load the lists.');
      }
    });
  }

  // ---- matches --------------------------------------------------------------------------------

  function mine(view) {
    return view.stationId === state.stationId || view.escalatedTo === state.stationId;
  }

  /** Adds or updates a match by its id; a late push of an earlier state is ignored. */
  function upsert(view, live) {
    if (!view || !view.matchId || !mine(view)) {
      return;
    }
    var known = state.matches.get(view.matchId);
    if (known && (RANK[view.status] || 0) < (RANK[known.view.status] || 0)) {
      return;
    }
    var isNew = !known;
    state.matches.set(view.matchId, { view: view, seen: Date.now() });
    if (OPEN[view.status]) {
      removeAccepted(view.matchId);
      renderProposal(view, live && isNew);
      if (live && isNew) {
        announce('新推荐 New proposal：' + needTitle(view));
      }
    } else if (TAKEN[view.status]) {
      var wasOpen = !!$card(view.matchId);
      removeProposal(view.matchId);
      renderAccepted(view, live || wasOpen);
    } else {
      removeNodes(view.matchId);
      if (known && live) {
        announce(needTitle(view) + '：' + words('status', view.status));
      }
    }
    updateCounts();
  }

  function $card(matchId) {
    return document.querySelector('[data-testid="proposal-' + CSS.escape(matchId) + '"]');
  }

  function $item(matchId) {
    return document.querySelector('[data-testid="accepted-' + CSS.escape(matchId) + '"]');
  }

  function removeProposal(matchId) {
    var c = $card(matchId);
    if (c) {
      var hadFocus = c.contains(document.activeElement);
      c.remove();
      if (hadFocus) {
        $('proposals-heading').focus();
      }
    }
  }

  function removeAccepted(matchId) {
    var i = $item(matchId);
    if (i) {
      i.remove();
    }
  }

  function removeNodes(matchId) {
    removeProposal(matchId);
    removeAccepted(matchId);
    updateCounts();
  }

  function updateCounts() {
    var p = $('proposals').children.length;
    var a = $('accepted').children.length;
    $('proposal-count').textContent = String(p);
    $('proposal-count').setAttribute('aria-label', p + ' 条');
    $('accepted-count').textContent = String(a);
    $('accepted-count').setAttribute('aria-label', a + ' 条');
    $('proposals-empty').hidden = p > 0 || !state.stationId;
    $('accepted-empty').hidden = a > 0 || !state.stationId;
  }

  function needTitle(view) {
    return view.need && view.need.title ? view.need.title : '需求 Need ' + shortId(view.needId);
  }

  /** Most pressing first: by deadline, then by when it was proposed. */
  function insertSorted(container, node, key) {
    node.setAttribute('data-sort', key);
    var next = null;
    for (var i = 0; i < container.children.length; i++) {
      var c = container.children[i];
      if (c !== node && String(c.getAttribute('data-sort')) > key) {
        next = c;
        break;
      }
    }
    container.insertBefore(node, next);
  }

  function signature(view) {
    return [view.status, view.deadline, view.escalatedTo, view.score, view.decidedBy, view.serviceMinutes,
      view.need && view.need.title, view.window && view.window.start].join('|');
  }

  function flash(node) {
    node.classList.add('fresh');
    node.addEventListener('animationend', function () { node.classList.remove('fresh'); }, { once: true });
    window.setTimeout(function () { node.classList.remove('fresh'); }, 4000);
  }

  // ---- a proposal card ------------------------------------------------------------------------

  function renderProposal(view, fresh) {
    var old = $card(view.matchId);
    if (old && old.getAttribute('data-signature') === signature(view)) {
      return;
    }
    var card = proposalCard(view);
    if (old) {
      // Keep a decline form the user is filling in.
      var form = old.querySelector('.decline-form');
      if (form) {
        card.querySelector('.form-slot').replaceWith(form);
        card.querySelector('.decline-button').setAttribute('aria-expanded', 'true');
      }
      old.replaceWith(card);
    }
    insertSorted($('proposals'), card, (view.deadline || '9999') + '|' + (view.proposedAt || ''));
    if (fresh) {
      flash(card);
    }
  }

  function proposalCard(view) {
    var id = view.matchId;
    var need = view.need || {};
    var titleId = 'title-' + id;
    var escalated = view.status === 'ESCALATED';
    var card = el('article', {
      class: 'card' + (escalated ? ' escalated' : ''), 'data-testid': 'proposal-' + id, 'data-match-id': id,
      'data-status': view.status, 'data-signature': signature(view), 'aria-labelledby': titleId
    });

    var tags = el('ul', { class: 'tags', 'aria-label': '标签 Tags' });
    if (escalated) {
      tags.appendChild(el('li', { class: 'tag escalated', 'data-testid': 'escalated-' + id }, bilingual('已上报中心', 'Escalated')));
    }
    if (need.urgency) {
      tags.appendChild(el('li', { class: 'tag urgency-' + need.urgency, 'data-testid': 'urgency-' + id }, wordNode('urgency', need.urgency)));
    }
    if (need.category) {
      tags.appendChild(el('li', { class: 'tag', 'data-testid': 'category-' + id }, wordNode('category', need.category)));
    }
    if (view.mode === 'BATCH') {
      tags.appendChild(el('li', { class: 'tag batch' }, bilingual('统一分配', 'Batch')));
    }

    var facts = el('dl', { class: 'facts' });
    var fact = function (zh, en, value, testid) {
      if (value === null || value === undefined || value === '') {
        return;
      }
      facts.appendChild(el('dt', null, bilingual(zh, en)));
      facts.appendChild(el('dd', testid ? { 'data-testid': testid } : null, value));
    };
    if (need.beneficiaryGroup) {
      var g = WORDS.group[need.beneficiaryGroup];
      fact('服务对象', 'For', (g ? g[0] + ' ' + g[1] : need.beneficiaryGroup) + (need.beneficiaryCount > 1 ? ' × ' + need.beneficiaryCount : ''));
    }
    var cand = view.candidate || {};
    fact('推荐', 'Candidate', [wordNode('kind', cand.kind, 'strong'), ' ', el('span', { 'data-testid': 'candidate-' + id }, cand.label || shortId(cand.id))]);
    fact('时间', 'When', span(view.window || need.window), 'window-' + id);
    fact('分配', 'Allocation', allocation(view.allocation));
    if (escalated && view.stationId !== state.stationId) {
      fact('来自', 'From', stationName(view.stationId));
    }
    if (view.deadline) {
      var dl = el('span', { class: 'deadline', 'data-deadline': view.deadline, 'data-testid': 'deadline-' + id });
      countdown(dl);
      fact('确认期限', 'Answer by', [el('span', { class: 'small' }, when(view.deadline) + ' '), el('br'), dl]);
    }

    var score = el('div', { class: 'score' },
      el('span', { class: 'label' }, bilingual('匹配度', 'Fit')),
      el('div', {
        class: 'bar', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100,
        'aria-valuenow': Math.round((view.score || 0) * 100), 'aria-label': '匹配度 Fit'
      }, el('span', { style: 'width:' + pct(view.score) })),
      el('span', { class: 'pct', 'data-testid': 'score-' + id }, pct(view.score)));

    var why = explanation(view);

    var errorSlot = el('div', { class: 'error-slot', 'data-testid': 'error-' + id });
    var formSlot = el('div', { class: 'form-slot' });
    var accept = el('button', { type: 'button', class: 'primary', 'data-testid': 'accept-' + id, 'aria-describedby': titleId },
      bilingual('接受', 'Accept'));
    var decline = el('button', {
      type: 'button', class: 'danger decline-button', 'data-testid': 'decline-' + id, 'aria-describedby': titleId,
      'aria-expanded': 'false', 'aria-controls': 'decline-form-' + id
    }, bilingual('拒绝', 'Decline'));
    accept.addEventListener('click', function () { acceptMatch(view.matchId, card, errorSlot); });
    decline.addEventListener('click', function () { toggleDecline(view, $card(view.matchId) || card, decline); });

    append(card, [
      el('h3', { id: titleId, 'data-testid': 'title-' + id }, needTitle(view)),
      tags, score, facts, why,
      el('div', { class: 'actions' }, accept, decline, historyLink(view)),
      formSlot, errorSlot
    ]);
    return card;
  }

  function allocation(a) {
    if (!a) {
      return null;
    }
    var parts = [];
    if (a.quantity !== undefined && a.quantity !== null) {
      var u = WORDS.unit[a.unit];
      parts.push(a.quantity + (u ? ' ' + u[0] + (u[1] ? ' ' + u[1] : '') : a.unit ? ' ' + a.unit : ''));
    }
    if (a.amountFen !== undefined && a.amountFen !== null) {
      parts.push(yuan(a.amountFen));
    }
    if (a.capacity !== undefined && a.capacity !== null) {
      parts.push(a.capacity + ' 个名额 places');
    }
    return parts.join(' · ') || null;
  }

  /** Each score component: weight × value as a bar, the plain words in Chinese with English below. */
  function explanation(view) {
    var items = Array.isArray(view.explanation) ? view.explanation : [];
    if (!items.length) {
      return null;
    }
    var maxWeight = items.reduce(function (m, c) { return Math.max(m, Number(c.weight) || 0); }, 0) || 1;
    var list = el('ul', { class: 'explain', 'data-testid': 'explanation-' + view.matchId });
    items.forEach(function (c) {
      var name = WORDS.component[c.component];
      var weight = Number(c.weight) || 0;
      var value = Math.max(0, Math.min(1, Number(c.value) || 0));
      list.appendChild(el('li', { 'data-component': c.component },
        el('div', { class: 'head' },
          el('span', { class: 'name' }, name ? bilingual(name[0], name[1]) : c.component),
          el('span', { class: 'nums' }, '权重 ' + pct(weight) + ' × 契合 ' + pct(value))),
        el('div', {
          class: 'track', role: 'img',
          'aria-label': (name ? name[0] : c.component) + '：权重 weight ' + pct(weight) + '，契合 fit ' + pct(value)
        }, el('span', { style: 'width:' + (weight / maxWeight * 100).toFixed(1) + '%' },
          el('span', { style: 'width:' + (value * 100).toFixed(1) + '%' }))),
        el('span', { class: 'zh' }, c.textZh || ''),
        c.textEn ? el('span', { class: 'en', lang: 'en' }, c.textEn) : null));
    });
    return el('details', { class: 'why', open: true },
      el('summary', null, bilingual('为什么推荐', 'Why this match')), list);
  }

  // ---- decisions ------------------------------------------------------------------------------

  function busy(card, on) {
    card.setAttribute('aria-busy', on ? 'true' : 'false');
    card.querySelectorAll('button').forEach(function (b) { b.disabled = on; });
  }

  function acceptMatch(matchId, card, errorSlot) {
    errorSlot.replaceChildren();
    busy(card, true);
    call('POST', 'matches/' + encodeURIComponent(matchId) + '/accept', {}).then(function (view) {
      upsert(view, false);
      announce('已接受 Accepted：' + needTitle(view));
      var item = $item(matchId);
      if (item) {
        item.focus();
      }
    }, function (err) {
      busy(card, false);
      showError(errorSlot, err);
      if (err.status === 409 || err.status === 404) {
        reload();
      }
    });
  }

  function toggleDecline(view, card, button) {
    var existing = card.querySelector('.decline-form');
    if (existing) {
      existing.replaceWith(el('div', { class: 'form-slot' }));
      button.setAttribute('aria-expanded', 'false');
      button.focus();
      return;
    }
    var id = view.matchId;
    var select = el('select', { id: 'reason-' + id, name: 'reason', required: true, 'data-testid': 'decline-reason-' + id },
      el('option', { value: '' }, '请选择原因 Choose a reason'));
    Object.keys(WORDS.reason).forEach(function (code) {
      select.appendChild(el('option', { value: code }, WORDS.reason[code][0] + ' ' + WORDS.reason[code][1]));
    });
    var counter = el('span', { class: 'hint', id: 'note-count-' + id, 'aria-live': 'polite' }, '0/200');
    var note = el('textarea', {
      id: 'note-' + id, name: 'note', maxlength: 200, 'data-testid': 'decline-note-' + id,
      'aria-describedby': 'note-hint-' + id + ' note-count-' + id
    });
    note.addEventListener('input', function () { counter.textContent = note.value.length + '/200'; });
    var cancel = el('button', { type: 'button' }, bilingual('取消', 'Cancel'));
    var submit = el('button', { type: 'submit', class: 'danger', 'data-testid': 'decline-submit-' + id }, bilingual('提交拒绝', 'Decline'));
    var form = el('form', { class: 'form decline-form', id: 'decline-form-' + id, 'data-testid': 'decline-form-' + id, novalidate: true },
      el('fieldset', null,
        el('legend', null, bilingual('拒绝这条推荐', 'Decline this proposal')),
        el('label', { for: 'reason-' + id }, bilingual('原因', 'Reason')), select,
        el('label', { for: 'note-' + id }, bilingual('备注（可选）', 'Note (optional)')), note,
        el('span', { class: 'hint', id: 'note-hint-' + id }, '最多 200 字，不要填写电话或身份证号。Up to 200 characters; no phone or ID numbers.'),
        counter,
        el('div', { class: 'actions' }, submit, cancel)));
    cancel.addEventListener('click', function () {
      var current = $card(id) || card;
      toggleDecline(view, current, current.querySelector('.decline-button'), null, null);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      // A push may have redrawn the card around this form: act on the card that holds it now.
      var card = $card(id) || form.closest('.card');
      var errorSlot = card.querySelector('.error-slot');
      errorSlot.replaceChildren();
      if (!select.value) {
        select.setAttribute('aria-invalid', 'true');
        showError(errorSlot, new ApiError(0, ['请选择拒绝原因。Choose a reason for declining.']));
        select.focus();
        return;
      }
      select.removeAttribute('aria-invalid');
      var body = { reason: select.value };
      if (note.value.trim()) {
        body.note = note.value.trim();
      }
      busy(card, true);
      call('POST', 'matches/' + encodeURIComponent(id) + '/decline', body).then(function (declined) {
        upsert(declined, false);
        announce('已拒绝 Declined：' + needTitle(declined));
      }, function (err) {
        busy(card, false);
        showError(errorSlot, err);
        if (err.status === 409 || err.status === 404) {
          reload();
        }
      });
    });
    card.querySelector('.form-slot').replaceWith(form);
    button.setAttribute('aria-expanded', 'true');
    select.focus();
  }

  // ---- accepted matches -----------------------------------------------------------------------

  function renderAccepted(view, fresh) {
    var old = $item(view.matchId);
    if (old && old.getAttribute('data-signature') === signature(view)) {
      return;
    }
    var item = acceptedItem(view);
    if (old) {
      var form = old.querySelector('.complete-form');
      if (form && view.status !== 'COMPLETED') {
        item.querySelector('.form-slot').replaceWith(form);
      }
      old.replaceWith(item);
    }
    // Newest decision first.
    var key = String(9e15 - (Date.parse(view.decidedAt || view.proposedAt) || 0)).padStart(17, '0');
    insertSorted($('accepted'), item, key);
    if (fresh) {
      flash(item);
    }
  }

  function acceptedItem(view) {
    var id = view.matchId;
    var titleId = 'accepted-title-' + id;
    var item = el('li', {
      class: 'item', tabindex: -1, 'data-testid': 'accepted-' + id, 'data-match-id': id, 'data-status': view.status,
      'data-signature': signature(view), 'aria-labelledby': titleId
    });
    var cand = view.candidate || {};
    var facts = el('dl', { class: 'facts' });
    var fact = function (zh, en, value) {
      if (value === null || value === undefined || value === '') {
        return;
      }
      facts.appendChild(el('dt', null, bilingual(zh, en)));
      facts.appendChild(el('dd', null, value));
    };
    fact('推荐', 'Candidate', [wordNode('kind', cand.kind, 'strong'), ' ', cand.label || shortId(cand.id)]);
    fact('时间', 'When', span(view.window || (view.need && view.need.window)));
    fact('分配', 'Allocation', allocation(view.allocation));
    if (view.decidedAt || view.decidedBy) {
      fact('决定', 'Decided', (view.decidedBy ? view.decidedBy + ' · ' : '') + (view.decidedAt ? when(view.decidedAt) : ''));
    }
    if (view.serviceMinutes !== undefined && view.serviceMinutes !== null) {
      fact('服务时长', 'Service', view.serviceMinutes + ' 分钟 min');
    }
    var status = el('span', { class: 'tag status-' + view.status, 'data-testid': 'status-' + id },
      bilingual(view.statusZh || (WORDS.status[view.status] || [view.status])[0], (WORDS.status[view.status] || [null, ''])[1]));
    var errorSlot = el('div', { class: 'error-slot', 'data-testid': 'error-' + id });
    var formSlot = el('div', { class: 'form-slot' });
    var actions = null;
    if (view.status === 'ACCEPTED' || view.status === 'RESERVED') {
      var complete = el('button', {
        type: 'button', class: 'primary', 'data-testid': 'complete-' + id, 'aria-describedby': titleId,
        'aria-expanded': 'false', 'aria-controls': 'complete-form-' + id
      }, bilingual('完成', 'Complete'));
      complete.addEventListener('click', function () { toggleComplete(view, $item(id) || item, complete); });
      actions = el('div', { class: 'actions' }, complete, historyLink(view));
    } else {
      actions = el('div', { class: 'actions' }, historyLink(view));
    }
    append(item, [
      el('h3', { id: titleId, 'data-testid': 'accepted-title-' + id }, needTitle(view)),
      el('div', { class: 'tags' }, status),
      facts, actions, formSlot, errorSlot
    ]);
    return item;
  }

  function toggleComplete(view, item, button) {
    var existing = item.querySelector('.complete-form');
    if (existing) {
      existing.replaceWith(el('div', { class: 'form-slot' }));
      button.setAttribute('aria-expanded', 'false');
      button.focus();
      return;
    }
    var id = view.matchId;
    var w = view.window;
    var minutes = w && w.start && w.end ? Math.max(0, Math.min(1440, Math.round((Date.parse(w.end) - Date.parse(w.start)) / 60000))) : 60;
    var people = view.need && view.need.beneficiaryCount ? view.need.beneficiaryCount : 1;
    var minutesInput = el('input', {
      id: 'minutes-' + id, name: 'serviceMinutes', type: 'number', inputmode: 'numeric', min: 0, max: 1440, step: 1,
      required: true, value: minutes, 'data-testid': 'complete-minutes-' + id
    });
    var peopleInput = el('input', {
      id: 'people-' + id, name: 'peopleReached', type: 'number', inputmode: 'numeric', min: 1, step: 1,
      required: true, value: people, 'data-testid': 'complete-people-' + id
    });
    var quantityInput = null;
    var row = el('div', { class: 'row' },
      el('div', null, el('label', { for: 'minutes-' + id }, bilingual('服务时长（分钟）', 'Minutes')), minutesInput),
      el('div', null, el('label', { for: 'people-' + id }, bilingual('服务人数', 'People reached')), peopleInput));
    if (view.allocation && view.allocation.quantity !== undefined && view.allocation.quantity !== null) {
      quantityInput = el('input', {
        id: 'quantity-' + id, name: 'deliveredQuantity', type: 'number', inputmode: 'numeric', min: 0, step: 1,
        value: view.allocation.quantity, 'data-testid': 'complete-quantity-' + id
      });
      row.appendChild(el('div', null, el('label', { for: 'quantity-' + id }, bilingual('实际数量', 'Delivered')), quantityInput));
    }
    var submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'complete-submit-' + id }, bilingual('确认完成', 'Confirm'));
    var cancel = el('button', { type: 'button' }, bilingual('取消', 'Cancel'));
    var form = el('form', { class: 'form complete-form', id: 'complete-form-' + id, 'data-testid': 'complete-form-' + id, novalidate: true },
      el('fieldset', null, el('legend', null, bilingual('记录服务完成', 'Record the service as done')), row,
        el('div', { class: 'actions' }, submit, cancel)));
    cancel.addEventListener('click', function () {
      var current = $item(id) || item;
      toggleComplete(view, current, current.querySelector('[data-testid="complete-' + CSS.escape(id) + '"]'), null);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var item = $item(id) || form.closest('.item');
      var errorSlot = item.querySelector('.error-slot');
      errorSlot.replaceChildren();
      var problems = [];
      var m = wholeNumber(minutesInput.value);
      var p = wholeNumber(peopleInput.value);
      var q = quantityInput && quantityInput.value !== '' ? wholeNumber(quantityInput.value) : null;
      mark(minutesInput, m === null || m < 0 || m > 1440, problems, '服务时长须为 0 到 1440 分钟。Minutes must be between 0 and 1440.');
      mark(peopleInput, p === null || p < 1, problems, '服务人数至少为 1。People reached must be at least 1.');
      if (quantityInput) {
        mark(quantityInput, quantityInput.value !== '' && (q === null || q < 0), problems, '实际数量不能为负数。Quantity cannot be negative.');
      }
      if (problems.length) {
        showError(errorSlot, new ApiError(0, problems));
        return;
      }
      var body = { serviceMinutes: m, peopleReached: p };
      if (q !== null) {
        body.deliveredQuantity = q;
      }
      busy(item, true);
      call('POST', 'matches/' + encodeURIComponent(id) + '/complete', body).then(function (done) {
        upsert(done, false);
        announce('已完成 Completed：' + needTitle(done));
      }, function (err) {
        busy(item, false);
        showError(errorSlot, err);
        if (err.status === 409 || err.status === 404) {
          reload();
        }
      });
    });
    item.querySelector('.form-slot').replaceWith(form);
    button.setAttribute('aria-expanded', 'true');
    minutesInput.focus();
  }

  // ---- a need's history (审计记录) ---------------------------------------------------------------

  /** A link to the need's history; opens the timeline panel (the plain link shows the JSON). */
  function historyLink(view) {
    var link = el('a', {
      class: 'history-link', href: new URL('needs/' + encodeURIComponent(view.needId) + '/history', API).href,
      'data-testid': 'history-' + view.matchId, 'aria-controls': 'history'
    }, bilingual('历史', 'History'));
    link.addEventListener('click', function (e) {
      e.preventDefault();
      openHistory(view, link);
    });
    return link;
  }

  var historyState = { opener: null, request: 0 };

  function openHistory(view, opener) {
    var panel = $('history');
    var list = $('history-list');
    var status = $('history-status');
    var request = ++historyState.request;
    historyState.opener = opener;
    $('history-title').textContent = needTitle(view);
    list.replaceChildren();
    status.textContent = '加载中… Loading…';
    status.hidden = false;
    panel.hidden = false;
    $('history-heading').focus();
    call('GET', 'needs/' + encodeURIComponent(view.needId) + '/history').then(function (h) {
      if (request !== historyState.request) {
        return;
      }
      var events = (h && h.events) || [];
      status.hidden = events.length > 0;
      status.textContent = events.length ? '' : '暂无记录。No events yet.';
      events.forEach(function (e) {
        list.appendChild(el('li', { class: 'entry', 'data-testid': 'history-entry' },
          el('div', { class: 'meta' },
            el('time', { datetime: e.occurredAt, class: 'when' }, when(e.occurredAt)),
            el('span', { class: 'actor', 'data-testid': 'history-actor', title: '操作人 Actor' }, e.actor || '—')),
          el('span', { class: 'what', 'data-testid': 'history-summary' }, e.summaryZh),
          el('span', { class: 'what-en', lang: 'en' }, e.summaryEn)));
      });
    }, function (err) {
      if (request === historyState.request) {
        status.textContent = err.messages.join(' ');
        status.hidden = false;
      }
    });
  }

  function closeHistory() {
    var panel = $('history');
    if (panel.hidden) {
      return;
    }
    panel.hidden = true;
    historyState.request++;
    if (historyState.opener && document.contains(historyState.opener)) {
      historyState.opener.focus();
    }
    historyState.opener = null;
  }

  function wholeNumber(text) {
    return /^\s*\d+\s*$/.test(text) ? parseInt(text, 10) : null;
  }

  function mark(input, bad, problems, message) {
    if (bad) {
      input.setAttribute('aria-invalid', 'true');
      problems.push(message);
    } else {
      input.removeAttribute('aria-invalid');
    }
  }

  // ---- start ----------------------------------------------------------------------------------

  function start() {
    $('who').addEventListener('submit', function (e) { e.preventDefault(); });
    $('history-close').addEventListener('click', closeHistory);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        closeHistory();
      }
    });
    $('station').addEventListener('change', function (e) { chooseStation(e.target.value, true); });
    updateCounts();
    window.setInterval(function () {
      document.querySelectorAll('[data-deadline]').forEach(countdown);
    }, 1000);
    window.addEventListener('pagehide', disconnect);

    // Back from signing in, or a token this tab already holds (put there by an earlier sign-in, or by hand).
    signin.init({
      configUrl: 'auth.json',
      storagePrefix: SIGNIN_PREFIX,
      service: ['匹配服务', 'matching service'],
      remember: function () { return { station: state.stationId }; },
      onSignedOut: signedOut
    }).then(function (session) {
      if (session) {
        begin();
      }
    });
  }

  /** Signed in: the station named in the address, else the token's own (station_id), else the last one chosen here. */
  function begin() {
    var fromUrl = new URL(location.href).searchParams.get('station');
    var own = signin.claim('station_id') || signin.claim('centre_id');
    var stored = null;
    try {
      stored = localStorage.getItem(STORE_STATION);
    } catch (ignored) { /* storage may be off */ }
    var initial = fromUrl || own || stored;
    loadStations().then(function () {
      if (initial) {
        chooseStation(initial, !fromUrl);
      } else {
        $('choose').hidden = false;
        setLive('idle');
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
