// The quotes report page. It receives the rows as JSON from the extension and builds the
// table with DOM calls and textContent only, so quote and source text can never become markup
// (the page's Content-Security-Policy also forbids inline script and any remote content). The
// filter (all, problems only) and the order (line, verdict) are the page's own and are kept in
// its state, so they survive the panel being hidden and shown again.
// @ts-check
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const title = /** @type {HTMLElement} */ (document.getElementById('title'));
  const totals = /** @type {HTMLElement} */ (document.getElementById('totals'));
  const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
  const table = /** @type {HTMLTableElement} */ (document.getElementById('quotes'));
  const body = /** @type {HTMLElement} */ (table.querySelector('tbody'));
  const filtered = /** @type {HTMLElement} */ (document.getElementById('filtered'));
  const filter = /** @type {HTMLSelectElement} */ (document.getElementById('filter'));
  const sort = /** @type {HTMLSelectElement} */ (document.getElementById('sort'));
  const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById('export'));
  /** The worst verdict first, as the Quotes view groups them (src/core/verdicts.ts VERDICT_ORDER). */
  const VERDICT_ORDER = ['misattributed', 'drift', 'unsupported', 'short', 'verbatim'];
  const saved = vscode.getState() || {};
  filter.value = saved.filter === 'problems' ? 'problems' : 'all';
  sort.value = saved.sort === 'verdict' ? 'verdict' : 'line';
  /** The latest update, re-rendered when the filter or the order changes. */
  let current = null;

  /** Creates an element with a class and text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Like el, for the writer's and the sources' words: an Arabic or Hebrew quote reads right to left. */
  function words(tag, className, text) {
    const node = el(tag, className, text);
    node.dir = 'auto';
    return node;
  }

  function quoteCell(row) {
    const cell = el('td', 'quote');
    cell.appendChild(words('q', '', row.quote));
    if (row.speaker) cell.appendChild(words('div', 'speaker', '— ' + row.speaker));
    return cell;
  }

  function sourceCell(row) {
    const cell = el('td', 'source');
    if (!row.source) {
      cell.appendChild(el('span', 'none', 'No source comes close'));
      return cell;
    }
    cell.appendChild(el('div', 'source-title', row.source.title));
    if (row.source.kind) cell.appendChild(el('div', row.source.kind.startsWith('primary') ? 'source-kind primary' : 'source-kind', row.source.kind));
    if (row.source.citation) cell.appendChild(el('div', 'citation', row.source.citation));
    cell.appendChild(words('div', 'source-text', row.source.text));
    return cell;
  }

  function diffCell(row) {
    const cell = el('td', 'diff');
    if (row.attribution) cell.appendChild(el('div', 'attribution', row.attribution));
    const line = cell.appendChild(words('div', 'words', null));
    row.diff.forEach(function (segment, i) {
      // Words of Chinese, Japanese or Thai take no space between them.
      if (i > 0 && !segment.tight) line.appendChild(document.createTextNode(' '));
      const tag = segment.kind === 'del' ? 'del' : segment.kind === 'ins' ? 'ins' : 'span';
      line.appendChild(el(tag, '', segment.text));
    });
    if (row.notes.length > 0) cell.appendChild(el('div', 'notes', row.notes.join(' · ')));
    if (row.saidBy) cell.appendChild(el('div', 'notes said-by', row.saidBy));
    return cell;
  }

  function statusCell(row) {
    const cell = el('td', 'status');
    // The pill's colour is the severity Problems shows (error, warning, information).
    const badge = el('span', 'badge ' + row.verdict + (row.severity ? ' ' + row.severity : ''), row.verdictLabel);
    if (row.severity) badge.title = row.severity;
    cell.appendChild(badge);
    return cell;
  }

  function ordered(rows) {
    const list = rows.slice();
    if (sort.value === 'verdict') {
      list.sort(function (a, b) {
        return VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.line - b.line || a.index - b.index;
      });
    } else {
      list.sort(function (a, b) { return a.line - b.line || a.index - b.index; });
    }
    return filter.value === 'problems' ? list.filter(function (row) { return row.severity !== null; }) : list;
  }

  function render(update) {
    current = update;
    title.textContent = 'Quotes: ' + update.title;
    document.title = title.textContent;
    // The server's counts for the draft, in the status bar tooltip's words.
    totals.textContent = update.totalsText;
    const rows = ordered(update.rows);
    body.replaceChildren();
    for (const row of rows) {
      const tr = el('tr', 'row ' + row.verdict);
      tr.tabIndex = 0;
      tr.title = 'Show this quote in the draft';
      tr.dataset.index = String(row.index);
      tr.append(el('td', 'line', row.line), statusCell(row), quoteCell(row), sourceCell(row), diffCell(row));
      body.appendChild(tr);
    }
    table.hidden = rows.length === 0;
    empty.hidden = update.rows.length !== 0;
    empty.textContent = 'No quotations in this draft.';
    filtered.hidden = !(update.rows.length !== 0 && rows.length === 0);
    exportButton.disabled = false;
  }

  function notice(text) {
    current = null;
    exportButton.disabled = true;
    filtered.hidden = true;
    title.textContent = 'Quotes';
    totals.textContent = '';
    body.replaceChildren();
    table.hidden = true;
    empty.hidden = false;
    empty.textContent = text;
  }

  function reveal(target) {
    const row = target instanceof Element ? target.closest('tr.row') : null;
    if (row instanceof HTMLElement && row.dataset.index !== undefined) {
      vscode.postMessage({ type: 'reveal', index: Number(row.dataset.index) });
    }
  }

  body.addEventListener('click', function (event) { reveal(event.target); });
  body.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(event.target);
    }
  });

  function onViewChange() {
    vscode.setState({ filter: filter.value, sort: sort.value });
    if (current) render(current);
  }
  filter.addEventListener('change', onViewChange);
  sort.addEventListener('change', onViewChange);
  exportButton.addEventListener('click', function () { vscode.postMessage({ type: 'export' }); });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update') render(message);
    else if (message.type === 'notice') notice(String(message.text));
  });

  vscode.postMessage({ type: 'ready' });
})();
