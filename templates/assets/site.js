/* readiness: progressive enhancement only; every page works without this file. */
(function () {
  'use strict';

  var LIMIT = 50;

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function matches(text, ts) {
    var lower = (text || '').toLowerCase();
    for (var i = 0; i < ts.length; i++) {
      if (lower.indexOf(ts[i]) < 0) { return false; }
    }
    return true;
  }

  /* Appends text to a node with every term wrapped in <mark>, through DOM nodes only. */
  function highlight(node, text, ts) {
    var lower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var best = -1;
      var len = 0;
      for (var i = 0; i < ts.length; i++) {
        var at = lower.indexOf(ts[i], pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = ts[i].length; }
      }
      if (best < 0) { break; }
      node.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(best, best + len);
      node.appendChild(mark);
      pos = best + len;
    }
    node.appendChild(document.createTextNode(text.slice(pos)));
  }

  function group(title, rows, ts, describe) {
    var section = document.createElement('section');
    var h = document.createElement('h2');
    h.textContent = title + ' (' + rows.length + ')';
    section.appendChild(h);
    var list = document.createElement('ol');
    rows.slice(0, LIMIT).forEach(function (row) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = row.url;
      highlight(a, describe.label(row), ts);
      li.appendChild(a);
      var ctx = document.createElement('span');
      ctx.className = 'ctx';
      ctx.textContent = describe.context(row);
      li.appendChild(ctx);
      list.appendChild(li);
    });
    section.appendChild(list);
    if (rows.length > LIMIT) {
      var more = document.createElement('p');
      more.className = 'muted';
      more.textContent = 'Showing the first ' + LIMIT + '; add words to narrow the search.';
      section.appendChild(more);
    }
    return section;
  }

  function search() {
    var results = document.getElementById('search-results');
    var input = document.getElementById('q');
    var status = document.getElementById('search-status');
    if (!results || !input || !status) { return; }
    var index = window.READINESS_SEARCH;
    if (!index) {
      status.textContent = 'The search index (search-index.js) is missing; rebuild the site.';
      return;
    }

    function run(query) {
      var ts = terms(query);
      while (results.firstChild) { results.removeChild(results.firstChild); }
      if (ts.length === 0) {
        status.textContent = 'Type a word: a project, a date such as 2026-03, or words from an item.';
        return;
      }
      var projects = index.projects.filter(function (p) { return matches(p.name + ' ' + p.slug + ' ' + (p.owner || ''), ts); });
      var reviews = index.reviews.filter(function (r) { return matches(r.project + ' ' + r.date + ' ' + (r.title || ''), ts); });
      var items = index.items.filter(function (i) { return matches(i.text + ' ' + i.section + ' ' + i.project, ts); });
      var found = projects.length + reviews.length + items.length;
      status.textContent = found === 0 ? 'Nothing matches “' + query + '”.'
        : found + (found === 1 ? ' result' : ' results') + ' for “' + query + '”.';
      if (projects.length) {
        results.appendChild(group('Projects', projects, ts, {
          label: function (p) { return p.name; },
          context: function (p) { return p.percent + ' checked in the review of ' + p.date + (p.owner ? ' · ' + p.owner : ''); }
        }));
      }
      if (reviews.length) {
        results.appendChild(group('Reviews', reviews, ts, {
          label: function (r) { return r.project + ', review of ' + r.date; },
          context: function (r) { return r.percent + ' (' + r.done + '/' + r.total + ')' + (r.title ? ' · ' + r.title : ''); }
        }));
      }
      if (items.length) {
        results.appendChild(group('Items of the latest reviews', items, ts, {
          label: function (i) { return (i.done ? '☑ ' : '☐ ') + i.text; },
          context: function (i) { return i.project + ' · ' + i.section + ' · ' + (i.done ? 'done' : 'open') + ' on ' + i.date; }
        }));
      }
    }

    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        run(input.value);
        var url = new URL(window.location.href);
        url.searchParams.set('q', input.value);
        try { window.history.replaceState(null, '', url.toString()); } catch (e) { /* file:// may refuse */ }
      }, 120);
    });
    if (input.form) {
      input.form.addEventListener('submit', function (event) {
        event.preventDefault();
        run(input.value);
      });
    }
    var initial = new URLSearchParams(window.location.search).get('q') || '';
    input.value = initial;
    run(initial);
  }

  /* Tables with class "sortable": each column header becomes a button that sorts the rows by the
     cells' data-sort value (numbers compare as numbers) or their text. */
  function sortable() {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, function (table) {
      var headers = table.querySelectorAll('thead th');
      Array.prototype.forEach.call(headers, function (th, column) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        button.addEventListener('click', function () {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[column]);
            var y = key(b.cells[column]);
            var order = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function key(cell) {
    if (!cell) { return ''; }
    var value = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    var number = parseFloat(value);
    return value !== '' && !isNaN(number) && /^-?[0-9.]+$/.test(value) ? number : value.toLowerCase();
  }

  function start() {
    search();
    sortable();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
