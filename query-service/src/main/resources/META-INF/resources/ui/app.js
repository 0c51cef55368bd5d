/*
 * Trailwatch SOC UI: behaviour every page shares. Loaded in <head> without defer, so the remembered theme applies
 * before the first paint; everything touching the body waits for DOMContentLoaded.
 *
 * - Theme: dark by default, light on request; remembered in localStorage and mirrored in the tw-theme cookie so
 *   the server renders the right theme on the next page. [data-theme-toggle] buttons switch it.
 * - Auto-refresh: a <select data-auto-refresh> (values in seconds, 0 = off) keeps its choice in the URL parameter
 *   "refresh" and fires a "tw:refresh" event on document every period; a page that refreshes itself calls
 *   preventDefault() on it, otherwise the page reloads.
 * - Copy: [data-copy="text"] copies the text, [data-copy-target="#id"] the text content of that element.
 * - Times: every <time datetime> gets the time relative to now as its tooltip; <time class="relative"> also shows
 *   it after the time. Updated every 30 s.
 * Never builds HTML from strings: text goes through textContent only.
 */
(function () {
  'use strict';

  var THEME_KEY = 'tw-theme';
  var root = document.documentElement;
  var themeListeners = [];

  function storedTheme() {
    try {
      return window.localStorage.getItem(THEME_KEY);
    } catch (e) {
      return null;
    }
  }

  function applyTheme(theme) {
    var value = theme === 'light' ? 'light' : 'dark';
    root.setAttribute('data-theme', value);
    document.cookie = THEME_KEY + '=' + value + '; path=/; max-age=31536000; samesite=strict';
    themeListeners.forEach(function (listener) {
      listener(value);
    });
  }

  var remembered = storedTheme();
  if (remembered && remembered !== root.getAttribute('data-theme')) {
    applyTheme(remembered);
  }

  function toggleTheme() {
    var next = root.getAttribute('data-theme') === 'light' ? 'dark' : 'light';
    try {
      window.localStorage.setItem(THEME_KEY, next);
    } catch (e) {
      // private mode: the cookie still carries the choice
    }
    applyTheme(next);
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  /** 2026-11-28 05:14:42Z */
  function formatTime(value) {
    var date = value instanceof Date ? value : new Date(value);
    if (isNaN(date.getTime())) {
      return '';
    }
    return date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate()) + ' ' +
      pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes()) + ':' + pad(date.getUTCSeconds()) + 'Z';
  }

  /** "5 min ago", "in 2 h", "just now" */
  function relative(value, now) {
    var date = value instanceof Date ? value : new Date(value);
    if (isNaN(date.getTime())) {
      return '';
    }
    var seconds = Math.round(((now || Date.now()) - date.getTime()) / 1000);
    var future = seconds < 0;
    var s = Math.abs(seconds);
    var text;
    if (s < 45) {
      return 'just now';
    } else if (s < 3600) {
      text = Math.round(s / 60) + ' min';
    } else if (s < 86400) {
      text = Math.round(s / 3600) + ' h';
    } else if (s < 86400 * 60) {
      text = Math.round(s / 86400) + ' d';
    } else {
      text = Math.round(s / (86400 * 30)) + ' months';
    }
    return future ? 'in ' + text : text + ' ago';
  }

  function updateTimes(scope) {
    var now = Date.now();
    (scope || document).querySelectorAll('time[datetime]').forEach(function (element) {
      var rel = relative(element.getAttribute('datetime'), now);
      if (!rel) {
        return;
      }
      element.title = rel;
      if (element.classList.contains('relative')) {
        var next = element.nextElementSibling;
        if (!next || !next.classList.contains('rel-time')) {
          next = document.createElement('span');
          next.className = 'rel-time muted';
          element.after(next);
        }
        next.textContent = ' (' + rel + ')';
      }
    });
  }

  function copyText(text, button) {
    var done = function () {
      var label = button.getAttribute('data-copy-label') || button.textContent;
      button.setAttribute('data-copy-label', label);
      button.textContent = 'Copied';
      window.setTimeout(function () {
        button.textContent = label;
      }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        fallbackCopy(text);
        done();
      });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  /** Plain HTTP (no secure context, so no Clipboard API): copy through a selected, off-screen text area. */
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen-copy';
    document.body.appendChild(area);
    area.select();
    try {
      document.execCommand('copy');
    } finally {
      area.remove();
    }
  }

  var refreshTimer = null;

  function setRefresh(seconds, select) {
    if (refreshTimer) {
      window.clearInterval(refreshTimer);
      refreshTimer = null;
    }
    var url = new URL(window.location.href);
    if (seconds > 0) {
      url.searchParams.set('refresh', String(seconds));
      refreshTimer = window.setInterval(function () {
        var event = new CustomEvent('tw:refresh', {cancelable: true});
        if (document.dispatchEvent(event)) {
          window.location.reload();
        }
      }, seconds * 1000);
    } else {
      url.searchParams.delete('refresh');
    }
    window.history.replaceState(null, '', url.toString());
    if (select) {
      select.value = String(seconds);
    }
  }

  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-theme-toggle]');
    if (toggle) {
      toggleTheme();
      return;
    }
    var copy = event.target.closest('[data-copy], [data-copy-target]');
    if (copy) {
      var text = copy.getAttribute('data-copy');
      if (text === null) {
        var target = document.querySelector(copy.getAttribute('data-copy-target'));
        text = target ? target.textContent : '';
      }
      copyText(text, copy);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    updateTimes(document);
    window.setInterval(function () {
      updateTimes(document);
    }, 30000);
    var select = document.querySelector('select[data-auto-refresh]');
    if (select) {
      var initial = parseInt(new URL(window.location.href).searchParams.get('refresh') || select.value || '0', 10);
      setRefresh(isNaN(initial) ? 0 : initial, select);
      select.addEventListener('change', function () {
        setRefresh(parseInt(select.value, 10) || 0, select);
      });
    }
  });

  window.Trailwatch = {
    formatTime: formatTime,
    relative: relative,
    updateTimes: updateTimes,
    /** The current value of a CSS variable of the theme, e.g. cssVar('--chart-line'). */
    cssVar: function (name) {
      return getComputedStyle(root).getPropertyValue(name).trim();
    },
    /** Calls back with 'dark' or 'light' whenever the theme changes (charts re-colour themselves). */
    onThemeChange: function (listener) {
      themeListeners.push(listener);
    },
    theme: function () {
      return root.getAttribute('data-theme') === 'light' ? 'light' : 'dark';
    }
  };
}());
