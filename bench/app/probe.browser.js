/*
 * Installed in every page before the app's own scripts (page.addInitScript), as plain JavaScript so
 * no transpiler helper leaks into the page. It keeps: long main-thread tasks (PerformanceObserver
 * 'longtask'), the moment each download link is clicked, and "arm → act → wait": the timestamp of
 * the triggering pointerdown or key press (the event's own timeStamp) and the first DOM commit after
 * it at which a named condition holds (a MutationObserver). Every time is the page's
 * performance.now() clock, so no figure includes Playwright's round trips.
 *
 * The conditions read only what the UI shows (test ids, ARIA attributes, headings, cell states),
 * never the app's code or database.
 */
(function installGkBench() {
  if (window.__gkBench) return;
  var longtasks = [];
  var downloads = [];
  var pending = null;
  var observing = false;
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        longtasks.push([e.startTime, e.duration]);
      });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing here: the bench reports it as unknown
  }
  function settle() {
    if (!pending || pending.t0 === null || pending.t1 !== null) return;
    var ok = false;
    try {
      ok = pending.check();
    } catch {
      ok = false;
    }
    if (ok) {
      pending.t1 = performance.now();
      if (pending.done) pending.done();
    }
  }
  addEventListener(
    'pointerdown',
    function (e) {
      if (pending && pending.trigger === 'pointer' && pending.t0 === null) {
        pending.t0 = e.timeStamp;
        settle();
      }
    },
    true,
  );
  addEventListener(
    'keydown',
    function (e) {
      if (pending && pending.trigger === e.key && pending.t0 === null) {
        pending.t0 = e.timeStamp;
        settle();
      }
    },
    true,
  );
  addEventListener(
    'click',
    function (e) {
      var a = e.target;
      if (a instanceof HTMLAnchorElement && a.hasAttribute('download'))
        downloads.push([performance.now(), a.download, a.href]);
    },
    true,
  );
  var observer = new MutationObserver(settle);
  function observe() {
    if (observing || !document.documentElement) return;
    observing = true;
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }
  observe();
  if (!observing) addEventListener('DOMContentLoaded', observe);

  function num(t) {
    return Number(
      String(t || '')
        .trim()
        .replace(',', '.'),
    );
  }
  var checks = {
    heading: function (p) {
      var re = new RegExp(p.pattern);
      return function () {
        return Array.prototype.some.call(
          document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]'),
          function (h) {
            return re.test(h.textContent || '');
          },
        );
      };
    },
    // Shown when the scoreboard has its ranked rows: as table rows or, if virtualised, announced
    // by aria-rowcount (header row included, so rowcount - 1 body rows at least).
    scoreboard: function (p) {
      return function () {
        var boards = document.querySelectorAll('[data-testid="scoreboard"]');
        var rows = 0;
        var announced = 0;
        boards.forEach(function (b) {
          rows += b.querySelectorAll('tbody tr').length;
          var el = b.hasAttribute('aria-rowcount') ? b : b.querySelector('[aria-rowcount]');
          if (el) announced += Math.max(0, Number(el.getAttribute('aria-rowcount')) - 1);
        });
        return rows >= p.rows || announced >= p.rows;
      };
    },
    // A judge's sheet is shown when its grid has scored cells (the round's scores arrived).
    sheet: function () {
      return function () {
        return !!document.querySelector('[role="grid"] [data-cell][data-state="saved"]');
      };
    },
    // A cell is saved when it shows the new value in state "saved" and the badge says "Đã lưu".
    saved: function (p) {
      return function () {
        var cell = null;
        document.querySelectorAll('[data-cell]').forEach(function (el) {
          if (el.getAttribute('data-cell') === p.cell) cell = el;
        });
        var badge = document.querySelector('[data-testid="save-status"]');
        return (
          !!cell &&
          cell.getAttribute('data-state') === 'saved' &&
          num(cell.textContent) === p.value &&
          !!badge &&
          badge.textContent.trim() === 'Đã lưu'
        );
      };
    },
    // An export finished: a download link was clicked, or a new outcome message (an error) shows.
    exported: function (p) {
      var before = document.querySelector('[data-testid="export-outcome"]');
      return function () {
        var now = document.querySelector('[data-testid="export-outcome"]');
        return downloads.length > p.after || (!!now && now !== before);
      };
    },
    testid: function (p) {
      return function () {
        return !!document.querySelector('[data-testid="' + p.id + '"]');
      };
    },
  };

  window.__gkBench = {
    // Arming again ends a wait still running (it answers { superseded: true }).
    arm: function (condition, trigger) {
      observe();
      if (pending && pending.cancel) pending.cancel();
      pending = {
        check: checks[condition.kind](condition),
        trigger: trigger,
        t0: null,
        t1: null,
        done: null,
        cancel: null,
      };
    },
    wait: function (timeoutMs) {
      var p = pending;
      if (!p) return Promise.resolve({ error: 'not armed' });
      return new Promise(function (resolve) {
        function end(answer) {
          clearTimeout(timer);
          if (pending === p) pending = null;
          p.done = null;
          p.cancel = null;
          resolve(answer);
        }
        var timer = setTimeout(function () {
          end({
            error:
              p.t0 === null
                ? 'the action never reached the page'
                : 'not shown within ' + Math.round(timeoutMs / 1000) + ' s',
          });
        }, timeoutMs);
        p.done = function () {
          end({ t0: p.t0, t1: p.t1 });
        };
        p.cancel = function () {
          end({ superseded: true });
        };
        settle();
        if (p.t1 !== null && p.done) p.done();
      });
    },
    /** Longest long task overlapping [from, to]: 0 when none, null when not observable. */
    longest: function (from, to) {
      if (
        !PerformanceObserver.supportedEntryTypes ||
        PerformanceObserver.supportedEntryTypes.indexOf('longtask') < 0
      )
        return null;
      return longtasks.reduce(function (m, t) {
        return t[0] < to && t[0] + t[1] > from ? Math.max(m, t[1]) : m;
      }, 0);
    },
    downloads: function () {
      return downloads.slice();
    },
  };
})();
