// The operations console. The token lives in this page's memory only (a reload signs out). The live view is the
// access app's server-sent events (/console/api/events), read with fetch so that the token goes in the
// Authorization header, never in a URL; actions and verify go to /api/days/..., which the access app passes to the
// scheduler with the same header: the scheduler decides, and its refusal (401/403 with a reason) is shown as is.
'use strict';
(function () {
  const ROLE_ORDER = ['viewer', 'operator', 'admin'];
  let token = null;
  let roles = [];
  let watching = null; // AbortController of the open event stream
  let selected = null; // the date the stream watches (null: the latest day)
  let lastStatus = null;

  const $ = (id) => document.getElementById(id);

  function text(el, value) {
    el.textContent = value == null ? '' : String(value);
    return el;
  }

  function row(tbody, cells) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      text(tr.appendChild(document.createElement('td')), c);
    }
    tbody.appendChild(tr);
    return tr;
  }

  function clear(tbody) {
    while (tbody.firstChild) {
      tbody.removeChild(tbody.firstChild);
    }
  }

  function say(message, isError) {
    const m = text($('message'), message);
    m.className = isError ? 'error' : 'ok';
  }

  async function call(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try {
      json = await r.json();
    } catch (e) {
      json = null;
    }
    return { status: r.status, ok: r.ok, json };
  }

  function reason(answer) {
    const m = answer.json && answer.json.message ? answer.json.message : 'no reason given';
    return 'refused (' + answer.status + '): ' + m;
  }

  // ---------------------------------------------------------------- sign in

  async function signIn() {
    token = $('signin-token').value.trim();
    if (!token) {
      say('paste a token first', true);
      return;
    }
    const me = await call('GET', '/console/api/me');
    if (!me.ok) {
      token = null;
      $('console').hidden = false;
      say('sign-in ' + reason(me), true);
      return;
    }
    $('signin-token').value = '';
    // nothing of the previous user's session stays on the page
    clear($('activity'));
    text($('verify'), 'not run in this page').className = 'muted';
    roles = me.json.roles;
    text($('who-user'), me.json.user);
    text($('who-roles'), roles.join(', '));
    $('who').hidden = false;
    $('signin').hidden = true;
    $('console').hidden = false;
    const to = $('rollback-to');
    while (to.options.length > 0) {
      to.remove(0);
    }
    for (const s of me.json.stages) {
      to.add(new Option(s, s));
    }
    showActions();
    say('signed in as ' + me.json.user, false);
    watch(null);
  }

  function signOut() {
    if (watching) {
      watching.abort();
    }
    token = null;
    roles = [];
    $('who').hidden = true;
    $('console').hidden = true;
    $('signin').hidden = false;
    say('', false);
  }

  /** The buttons the signed-in roles allow: each needs its data-role or a role above it. */
  function showActions() {
    const rank = Math.max(...roles.map((r) => ROLE_ORDER.indexOf(r)));
    for (const el of document.querySelectorAll('#actions [data-role]')) {
      el.hidden = ROLE_ORDER.indexOf(el.dataset.role) > rank;
    }
  }

  // ---------------------------------------------------------------- live view

  async function watch(date) {
    if (watching) {
      watching.abort();
    }
    selected = date;
    lastStatus = null;
    const controller = new AbortController();
    watching = controller;
    const url = '/console/api/events' + (date ? '?date=' + encodeURIComponent(date) : '');
    try {
      const r = await fetch(url, { headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'text/event-stream' },
        signal: controller.signal });
      if (!r.ok) {
        let answer = { status: r.status, json: null };
        try {
          answer.json = await r.json();
        } catch (e) {
          // no body
        }
        say('live view ' + reason(answer), true);
        return;
      }
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
          if (data) {
            show(JSON.parse(data));
          }
        }
      }
      if (watching === controller) {
        say('the live view ended (the access app stopped?); select the day again to reconnect', true);
      }
    } catch (e) {
      if (e.name !== 'AbortError') {
        say('live view failed: ' + e.message, true);
      }
    }
  }

  function show(s) {
    const days = $('days').tBodies[0];
    clear(days);
    for (const d of s.days) {
      const tr = row(days, [d.date, d.status, d.stage]);
      tr.className = 'clickable' + (d.date === s.date ? ' selected' : '');
      tr.addEventListener('click', () => {
        $('day-date').value = d.date;
        watch(d.date);
      });
    }
    if (document.activeElement !== $('day-date') && s.date) {
      $('day-date').value = s.date;
    }
    const day = s.day;
    const status = day ? day.status : (s.date ? 'NOT STARTED' : 'NO DAYS');
    const st = text($('day-status'), status);
    st.className = 'status ' + status.replace(' ', '-');
    text($('day-where'), day ? 'stage ' + day.stage + (day.step ? ', step ' + day.step : '') + '; started ' + day.startedAt
        + (day.finishedAt ? ', finished ' + day.finishedAt : '') : '');
    text($('day-message'), day && day.message ? day.message : '');

    const stages = $('stages').tBodies[0];
    clear(stages);
    let done = 0;
    let total = 0;
    for (const p of s.stages) {
      done += p.done;
      total += p.shards;
      const tr = row(stages, [p.stage, p.done + ' / ' + p.shards, p.failed, p.records,
        p.millis == null ? '' : (p.millis / 1000).toFixed(1) + (p.running ? ' (running)' : '')]);
      tr.dataset.stage = p.stage;
      if (p.running) {
        tr.className = 'running';
      }
    }

    const rejections = $('rejections').tBodies[0];
    clear(rejections);
    for (const r of s.rejections) {
      row(rejections, [r.file, r.sender, r.reason, r.detail]).dataset.file = r.file;
    }

    const arrivals = $('arrivals').tBodies[0];
    clear(arrivals);
    for (const a of s.arrivals) {
      const bytes = a.files.reduce((n, f) => n + f.bytes, 0);
      row(arrivals, [a.sender, a.files.length, bytes, a.files[0].arrivedAt,
        a.files.map((f) => f.file).join(' ')]).dataset.sender = a.sender;
    }

    const rollbacks = $('rollbacks').tBodies[0];
    clear(rollbacks);
    for (const r of s.rollbacks) {
      row(rollbacks, [r.at, r.kind, r.target, r.by, r.detail]);
    }

    // one line per update received: how the day went, as this page saw it
    const line = new Date().toISOString().slice(11, 19) + ' ' + (s.date || '') + ' ' + status
        + (day ? ' ' + day.stage + '/' + day.step : '') + ' shards ' + done + '/' + total;
    const li = document.createElement('li');
    text(li, line);
    const activity = $('activity');
    activity.insertBefore(li, activity.firstChild);
    while (activity.children.length > 200) {
      activity.removeChild(activity.lastChild);
    }
    lastStatus = status;
  }

  // ---------------------------------------------------------------- actions

  function date() {
    const d = $('day-date').value.trim();
    if (!/^[0-9]{8}$/.test(d)) {
      say('enter a day as YYYYMMDD', true);
      return null;
    }
    return d;
  }

  /** Sends an action to the scheduler (through the access app) and shows its answer or refusal. */
  async function act(action, body) {
    const d = date();
    if (!d) {
      return null;
    }
    const answer = await call('POST', '/api/days/' + d + '/' + action, body === undefined ? {} : body);
    if (answer.ok) {
      say(action + ' ' + d + ': ' + (answer.json && answer.json.message ? answer.json.message
          : 'accepted' + (answer.json && answer.json.requestId ? ' (request ' + answer.json.requestId + ')' : '')),
          false);
      if (selected !== d) {
        watch(d);
      }
    } else {
      say(action + ' ' + d + ' ' + reason(answer), true);
    }
    return answer;
  }

  function rollbackBody() {
    const file = $('rollback-file').value.trim();
    const account = $('rollback-account').value.trim();
    if (file) {
      return { file };
    }
    if (account) {
      return { account };
    }
    return { to: $('rollback-to').value };
  }

  async function verify() {
    const d = date();
    if (!d) {
      return;
    }
    const box = $('verify');
    text(box, 'verifying ' + d + '...');
    const answer = await call('GET', '/api/days/' + d + '/verify');
    if (!answer.ok) {
      text(box, 'verify ' + d + ' ' + reason(answer)).className = 'error';
      return;
    }
    const v = answer.json;
    box.className = '';
    clear(box);
    const head = text(box.appendChild(document.createElement('p')), 'day ' + v.date + ': '
        + (v.ok ? 'verified, no mismatch' : v.mismatches.length + ' mismatch(es)'));
    head.id = 'verify-result';
    head.className = v.ok ? 'ok' : 'error';
    const table = box.appendChild(document.createElement('table'));
    const tbody = table.appendChild(document.createElement('tbody'));
    for (const c of v.checks) {
      row(tbody, [c.name, c.what, c.records + ' records', c.mismatches + ' mismatches']);
    }
    for (const m of v.mismatches) {
      row(tbody, [m.check, m.where, m.record, 'expected ' + m.expected + ', found ' + m.found]);
    }
  }

  $('signin-button').addEventListener('click', signIn);
  $('signout').addEventListener('click', signOut);
  $('action-start').addEventListener('click', () => act('start'));
  $('action-pause').addEventListener('click', () => act('pause'));
  $('action-resume').addEventListener('click', () => act('resume'));
  $('action-cancel').addEventListener('click', () => act('cancel'));
  $('action-rollback').addEventListener('click', () => act('rollback', rollbackBody()));
  $('action-verify').addEventListener('click', verify);
  $('day-date').addEventListener('change', () => {
    const d = $('day-date').value.trim();
    if (/^[0-9]{8}$/.test(d)) {
      watch(d);
    }
  });

  // for scripted use (and the browser test): the same calls the buttons make
  window.opentaConsole = { act, rollbackBody, verify };
})();
