// The live page's counters. Every tap gets an id made here and is kept (in localStorage) until the server has
// answered it, then sent again every few seconds while the network is down: the server counts each id once, so no tap
// is lost and none counts twice. Numbers shown include the taps still waiting to be sent.
(function () {
  var root = document.querySelector('[data-live]');
  if (!root || !window.fetch) {
    return;
  }
  var storeKey = 'unionhub-taps-' + root.dataset.session;
  var pendingNote = root.querySelector('[data-pending]');
  var tallies = document.getElementById('tallies');
  var sending = false;
  var pending = load();

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || [];
    } catch (e) {
      return [];
    }
  }

  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify(pending));
    } catch (e) {
      // private mode: the taps still live in this page until sent
    }
  }

  function tapId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  // Adds the taps not yet answered to the numbers the server last sent.
  function show() {
    var waiting = {};
    pending.forEach(function (tap) { waiting[tap.measure] = (waiting[tap.measure] || 0) + tap.count; });
    tallies.querySelectorAll('[data-value]').forEach(function (b) {
      var server = b.dataset.server !== undefined ? +b.dataset.server : +b.textContent;
      b.dataset.server = server;
      b.textContent = server + (waiting[b.dataset.value] || 0);
    });
    pendingNote.textContent = pending.length ? pendingNote.dataset.template.replace('{0}', pending.length) : '';
  }

  function flush() {
    if (sending || !pending.length) {
      return;
    }
    sending = true;
    var tap = pending[0];
    var headers = { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' };
    headers[root.dataset.csrfHeader] = root.dataset.csrfToken;
    var retryLater = false;
    fetch(root.dataset.tapUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: 'tapId=' + encodeURIComponent(tap.id) + '&measure=' + encodeURIComponent(tap.measure) + '&count=' + tap.count
    }).then(function (response) {
      if (response.redirected || !response.ok) {
        // signed out (sent to the login page) or the server failing: keep the tap and try again
        retryLater = response.redirected || response.status >= 500;
        if (!retryLater) {
          pending.shift();
          save();
        }
        return null;
      }
      pending.shift();
      save();
      return response.text();
    }).then(function (html) {
      if (html !== null) {
        tallies.innerHTML = html;
      }
    }).catch(function () {
      retryLater = true;
    }).then(function () {
      sending = false;
      show();
      if (pending.length) {
        setTimeout(flush, retryLater ? 3000 : 0);
      }
    });
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-measure]');
    if (!button) {
      return;
    }
    event.preventDefault();
    pending.push({ id: tapId(), measure: button.dataset.measure, count: +button.dataset.count });
    save();
    show();
    flush();
  });

  root.addEventListener('submit', function (event) {
    var confirmText = event.target.querySelector('[data-confirm]');
    if (confirmText && !window.confirm(confirmText.dataset.confirm)) {
      event.preventDefault();
    }
  });

  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target === tallies) {
      show();
    }
  });

  show();
  flush();
  setInterval(flush, 5000);
})();
