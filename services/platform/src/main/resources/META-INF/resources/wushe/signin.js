/*
 * 五社联动 Wushe Hub: the sign-in shared by the hub's browser pages (the station console of the matching
 * service, the centre reports of the social worker service). It is in the platform jar under
 * META-INF/resources/, so every service serves it, publicly, at /wushe/signin.js; a page loads it before its
 * own script and calls WusheSignIn.init once.
 *
 * Signing in: OAuth2 authorization code with PKCE (S256) against the OIDC issuer named by the page's
 * configUrl ({issuer, clientId, scope}; issuer missing when none is configured), as a public client (no
 * secret). The issuer sends the browser back to the page's own folder (new URL('./', location.href)),
 * which it must have registered as a redirect URI (and post-logout redirect URI) of the client, with
 * ?code=&state=; the code is traded for tokens at the token endpoint (the issuer allows the page's origin
 * by CORS). The query the page had when it left is put back.
 *
 * Storage (sessionStorage: this tab only, gone when it closes), under the page's storagePrefix P:
 *   P.token      the access token (a JWT). A token already here when the page loads is used as it is
 *                (tests, tools, a sign-in done elsewhere), unless it has expired.
 *   P.id-token   the ID token and P.logout the issuer's end_session_endpoint, for signing out there too.
 *   P.pkce       the PKCE verifier, state and the page's query while the browser is away signing in.
 *   P.signin-at  when the page last went to sign in by itself: a 401 within 20 s of that does not send
 *                it round again (a token the service refuses right after signing in would loop).
 *
 * The page's markup, by id, each optional: #signin (the sign-in panel) with #signin-message and the
 * button #sign-in; #account (who is signed in) with #subject, #subject-roles and the button #sign-out.
 * This script fills and shows or hides them and handles both buttons.
 *
 * API (window.WusheSignIn):
 *   init(options)     → Promise of {token, claims} when signed in, else null (the page is on its way to
 *                       the issuer, or the sign-in panel says why not). Options:
 *                         configUrl      where {issuer, clientId, scope} is, relative to the page ('auth.json')
 *                         storagePrefix  e.g. 'wushe.console' (the token then in 'wushe.console.token')
 *                         issuerSetting  named when no issuer is configured (default storagePrefix + '.issuer')
 *                         service        ['匹配服务', 'matching service']: named when a fresh token is refused
 *                         remember()     {name: value} query parameters to bring back besides the page's own
 *                         onSignedOut(why)  the page forgets what it shows; why is 'expired' (a 401) or
 *                                        'signed-out' (退出 Sign out)
 *                         roleLabel(role)   how a role is named (default: the hub's roles, Chinese first)
 *   token()           the access token, or null
 *   claims()          its claims (read, not checked: the service checks every call), or null
 *   claim(name)       a claim that is one value (a string, or a list of one), as a string, or null
 *   headers(extra)    a copy of extra with "Authorization: Bearer <token>" when there is a token
 *   accepted()        a call with the token succeeded: a later 401 may sign in again at once
 *   onUnauthorized()  a call was answered 401: forgets the token and signs in again (with the guard)
 *   signIn(byHand)    goes to the issuer (byHand: the 登录 button, past the guard)
 *   signOut()         退出 Sign out: forgets the tokens of this tab, ends the issuer's session when it can
 *   showSignIn(message, going)  the sign-in panel with a message (its button hidden while going)
 *   claimsOf(jwt)     any JWT's claims, or null
 *
 * Plain browser JavaScript, no build step, nothing loaded from elsewhere; text put on the page with
 * textContent only.
 */
(function () {
  'use strict';

  var SIGNIN_GUARD_MS = 20000;
  /** The OAuth2 answer's parameters, taken off the address when the page is back. */
  var RETURN_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];
  var ROLES = {
    hub_admin: '平台管理员 hub admin', centre_manager: '中心负责人 centre manager',
    station_staff: '站点工作人员 station staff', community_staff: '社区工作人员 community staff',
    organization_staff: '社会组织工作人员 organization staff', donor_staff: '捐赠方工作人员 donor staff',
    social_worker: '社会工作者 social worker', volunteer: '志愿者 volunteer'
  };

  var opts = {};
  var keys = null;
  var auth = { token: null, claims: null, config: null, leaving: false };

  function $(id) {
    return document.getElementById(id);
  }

  function setHidden(id, hidden) {
    var node = $(id);
    if (node) {
      node.hidden = hidden;
    }
  }

  function setText(id, text) {
    var node = $(id);
    if (node) {
      node.textContent = text;
    }
  }

  /** sessionStorage: reads with one argument, writes a value, removes with null (storage may be off). */
  function store(key, value) {
    try {
      if (value === undefined) {
        return window.sessionStorage.getItem(key);
      }
      if (value === null) {
        window.sessionStorage.removeItem(key);
      } else {
        window.sessionStorage.setItem(key, String(value));
      }
    } catch (ignored) { /* storage may be off */ }
    return null;
  }

  function base64url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomText(bytes) {
    return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
  }

  /** A JWT's claims, read without checking it (the service checks every call); null if it is not one. */
  function claimsOf(token) {
    try {
      var b64 = String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      b64 += '==='.slice(0, (4 - b64.length % 4) % 4);
      var binary = atob(b64);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      var claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims && typeof claims === 'object' ? claims : null;
    } catch (notAJwt) {
      return null;
    }
  }

  /** A claim of the signed-in token that is one value (a string, or a list of one). */
  function claim(name) {
    var v = auth.claims ? auth.claims[name] : null;
    if (Array.isArray(v)) {
      return v.length === 1 ? String(v[0]) : null;
    }
    return v === undefined || v === null ? null : String(v);
  }

  function expired(claims) {
    return !claims || (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now() + 5000);
  }

  /** Where the issuer sends the browser back: the page's own folder (…/console/, …/reports/), as registered for the client. */
  function redirectUri() {
    return new URL('./', location.href).href;
  }

  /** {issuer, clientId, scope} from the service (e.g. GET /console/auth.json); issuer is missing when none is configured. */
  function authConfig() {
    if (!auth.config) {
      auth.config = fetch(new URL(opts.configUrl || 'auth.json', location.href), { cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) {
            throw new Error('auth.json ' + res.status);
          }
          return res.json();
        });
      auth.config.catch(function () { auth.config = null; });
    }
    return auth.config;
  }

  function discovery(issuer) {
    return fetch(String(issuer).replace(/\/+$/, '') + '/.well-known/openid-configuration', { cache: 'no-store' }).then(function (res) {
      if (!res.ok) {
        throw new Error('openid-configuration ' + res.status);
      }
      return res.json();
    });
  }

  /** The page's query now (without an OAuth2 answer), with what the page asks to remember besides. */
  function pageQuery() {
    var query = [];
    new URL(location.href).searchParams.forEach(function (value, name) {
      if (RETURN_PARAMS.indexOf(name) < 0) {
        query.push([name, value]);
      }
    });
    var extra = typeof opts.remember === 'function' ? opts.remember() || {} : {};
    Object.keys(extra).forEach(function (name) {
      var has = query.some(function (p) { return p[0] === name; });
      if (!has && extra[name] !== null && extra[name] !== undefined && extra[name] !== '') {
        query.push([name, String(extra[name])]);
      }
    });
    return query;
  }

  /** The sign-in panel with {@code message}; its 登录 Sign in button is hidden while the page is on its way. */
  function showSignIn(message, going) {
    setText('signin-message', message);
    setHidden('sign-in', !!going);
    setHidden('signin', false);
  }

  /**
   * Sends the browser to the issuer's sign-in (authorization code with a S256 PKCE challenge); it comes
   * back to this page with ?code=&state= (finishSignIn). Not by itself twice within SIGNIN_GUARD_MS: a
   * token the service refuses right after signing in would otherwise send the page round for ever.
   */
  function signIn(byHand) {
    if (auth.leaving || !keys) {
      return;
    }
    var last = Number(store(keys.signinAt)) || 0;
    if (!byHand && Date.now() - last < SIGNIN_GUARD_MS) {
      var service = opts.service || ['服务', 'service'];
      showSignIn('刚登录的账号未被' + service[0] + '接受，请重新登录或联系管理员。The account you just signed in with was not accepted by the '
        + service[1] + '; sign in again or ask your administrator.');
      return;
    }
    if (!window.crypto || !crypto.subtle) {
      showSignIn('登录需要通过 HTTPS（或本机地址）打开本页。To sign in, open this page over HTTPS (or on localhost).');
      return;
    }
    showSignIn('正在前往登录… Going to sign in…', true);
    authConfig().then(function (cfg) {
      if (!cfg.issuer) {
        var setting = opts.issuerSetting || keys.prefix + '.issuer';
        showSignIn('未配置登录服务（' + setting + '），无法登录。No sign-in service is configured (' + setting + ').');
        return null;
      }
      return discovery(cfg.issuer).then(function (meta) {
        var verifier = randomText(48);
        var expect = randomText(16);
        return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
          store(keys.pkce, JSON.stringify({
            verifier: verifier, state: expect, tokenEndpoint: meta.token_endpoint, logout: meta.end_session_endpoint || null,
            clientId: cfg.clientId, redirectUri: redirectUri(), query: pageQuery()
          }));
          store(keys.signinAt, Date.now());
          var url = new URL(meta.authorization_endpoint);
          url.searchParams.set('response_type', 'code');
          url.searchParams.set('client_id', cfg.clientId);
          url.searchParams.set('redirect_uri', redirectUri());
          url.searchParams.set('scope', cfg.scope || 'openid');
          url.searchParams.set('state', expect);
          url.searchParams.set('code_challenge', base64url(new Uint8Array(digest)));
          url.searchParams.set('code_challenge_method', 'S256');
          auth.leaving = true;
          location.assign(url.href);
        });
      });
    }).catch(function () {
      showSignIn('无法连接登录服务，请稍后重试。Cannot reach the sign-in service; please try again shortly.');
    });
  }

  /** Back from the issuer with ?code=&state= (or ?error=): trades the code for tokens; answers the access token. */
  function finishSignIn(params) {
    var saved = null;
    try {
      saved = JSON.parse(store(keys.pkce) || 'null');
    } catch (ignored) { /* a broken record is no record */ }
    store(keys.pkce, null);
    var clean = new URL(location.href);
    RETURN_PARAMS.forEach(function (k) {
      clean.searchParams.delete(k);
    });
    if (saved && Array.isArray(saved.query)) {
      var present = {};
      clean.searchParams.forEach(function (value, name) { present[name] = true; });
      saved.query.forEach(function (p) {
        if (Array.isArray(p) && !present[p[0]]) {
          clean.searchParams.append(String(p[0]), String(p[1]));
        }
      });
    }
    history.replaceState(null, '', clean);
    if (params.get('error')) {
      return Promise.reject(new Error('登录未完成（' + params.get('error') + '）。Sign-in was not completed ('
        + (params.get('error_description') || params.get('error')) + ').'));
    }
    if (!saved || !saved.verifier || saved.state !== params.get('state')) {
      return Promise.reject(new Error('无法确认这次登录，请重新登录。This sign-in could not be verified; please sign in again.'));
    }
    var form = new URLSearchParams();
    form.set('grant_type', 'authorization_code');
    form.set('code', params.get('code'));
    form.set('redirect_uri', saved.redirectUri);
    form.set('client_id', saved.clientId);
    form.set('code_verifier', saved.verifier);
    return fetch(saved.tokenEndpoint, {
      method: 'POST', cache: 'no-store', body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok || !body || !body.access_token) {
          throw new Error('登录服务未发放令牌（' + ((body && body.error) || res.status) + '），请重新登录。'
            + 'The sign-in service issued no token; please sign in again.');
        }
        store(keys.idToken, body.id_token || null);
        store(keys.logout, saved.logout || null);
        return body.access_token;
      });
    }, function () {
      throw new Error('无法连接登录服务，请稍后重试。Cannot reach the sign-in service; please try again shortly.');
    });
  }

  function roleLabel(role) {
    return typeof opts.roleLabel === 'function' ? opts.roleLabel(role) : (ROLES[role] || role);
  }

  /** Uses {@code token} from now on and shows who is signed in. */
  function useToken(token) {
    auth.token = token;
    auth.claims = claimsOf(token);
    store(keys.token, token);
    var roles = auth.claims && auth.claims.roles;
    roles = Array.isArray(roles) ? roles : roles ? String(roles).split(/[\s,]+/) : [];
    var labels = roles.map(roleLabel).filter(Boolean);
    setText('subject', claim('sub') || '—');
    setText('subject-roles', labels.length ? '（' + labels.join('、') + '）' : '');
    setHidden('account', false);
    setHidden('signin', true);
  }

  function signedOutBy(why) {
    if (typeof opts.onSignedOut === 'function') {
      try {
        opts.onSignedOut(why);
      } catch (e) {
        if (window.console) {
          window.console.error(e);
        }
      }
    }
    setHidden('account', true);
  }

  /** The token is gone or no longer accepted (a 401): forget it, let the page stop, and sign in again. */
  function onUnauthorized() {
    if (!auth.token) {
      return;
    }
    auth.token = null;
    auth.claims = null;
    store(keys.token, null);
    signedOutBy('expired');
    signIn(false);
  }

  /** 退出 Sign out: forgets the tokens in this tab, and ends the issuer's session too when it offers that. */
  function signOut() {
    if (!keys) {
      return;
    }
    var idToken = store(keys.idToken);
    var logout = store(keys.logout);
    [keys.token, keys.idToken, keys.logout, keys.pkce, keys.signinAt].forEach(function (k) { store(k, null); });
    auth.token = null;
    auth.claims = null;
    signedOutBy('signed-out');
    showSignIn('您已退出。You have signed out.');
    if (idToken && logout) {
      var url = new URL(logout);
      url.searchParams.set('id_token_hint', idToken);
      url.searchParams.set('post_logout_redirect_uri', redirectUri());
      auth.leaving = true;
      location.assign(url.href);
    }
  }

  /**
   * Signs the page in: back from the issuer (?code=&state=), or with a token this tab already holds (put
   * there by an earlier sign-in, or by hand); else off to the issuer, or the panel says why not.
   */
  function init(options) {
    opts = options || {};
    var prefix = opts.storagePrefix || 'wushe';
    keys = {
      prefix: prefix, token: prefix + '.token', idToken: prefix + '.id-token', logout: prefix + '.logout',
      pkce: prefix + '.pkce', signinAt: prefix + '.signin-at'
    };
    var signInButton = $('sign-in');
    if (signInButton) {
      signInButton.addEventListener('click', function () { signIn(true); });
    }
    var signOutButton = $('sign-out');
    if (signOutButton) {
      signOutButton.addEventListener('click', signOut);
    }
    var params = new URL(location.href).searchParams;
    var arrived = params.has('code') || params.has('error') ? finishSignIn(params) : Promise.resolve(store(keys.token));
    return arrived.then(function (token) {
      if (!token || expired(claimsOf(token))) {
        store(keys.token, null);
        signIn(false);
        return null;
      }
      useToken(token);
      return { token: token, claims: auth.claims };
    }, function (err) {
      showSignIn(err && err.message ? err.message : '登录未完成，请重新登录。Sign-in was not completed; please sign in again.');
      return null;
    });
  }

  window.WusheSignIn = {
    init: init,
    token: function () { return auth.token; },
    claims: function () { return auth.claims; },
    claim: claim,
    headers: function (extra) {
      var h = {};
      Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
      if (auth.token) {
        h.Authorization = 'Bearer ' + auth.token;
      }
      return h;
    },
    accepted: function () {
      if (keys) {
        store(keys.signinAt, null);
      }
    },
    onUnauthorized: onUnauthorized,
    signIn: signIn,
    signOut: signOut,
    showSignIn: showSignIn,
    claimsOf: claimsOf
  };
}());
