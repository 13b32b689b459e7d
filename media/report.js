// The quotes report page. It receives the rows as JSON from the extension and builds the
// table with DOM calls and textContent only, so quote and source text can never become markup
// (the page's Content-Security-Policy also forbids inline script and any remote content).
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

  /** Creates an element with a class and text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const FLAG_WORDS = { number: 'number changed', negation: 'negation changed', name: 'name changed' };

  function quoteCell(row) {
    const cell = el('td', 'quote');
    cell.appendChild(el('q', '', row.quote));
    if (row.speaker) cell.appendChild(el('div', 'speaker', '— ' + row.speaker));
    return cell;
  }

  function sourceCell(row) {
    const cell = el('td', 'source');
    if (!row.source) {
      cell.appendChild(el('span', 'none', 'No source comes close'));
      return cell;
    }
    cell.appendChild(el('div', 'source-title', row.source.title));
    if (row.source.citation) cell.appendChild(el('div', 'citation', row.source.citation));
    cell.appendChild(el('div', 'source-text', row.source.text));
    return cell;
  }

  function diffCell(row) {
    const cell = el('td', 'diff');
    if (row.attribution) cell.appendChild(el('div', 'attribution', row.attribution));
    row.diff.forEach(function (segment, i) {
      if (i > 0) cell.appendChild(document.createTextNode(' '));
      const tag = segment.kind === 'del' ? 'del' : segment.kind === 'ins' ? 'ins' : 'span';
      cell.appendChild(el(tag, '', segment.text));
    });
    const notes = row.flags.map(function (f) { return FLAG_WORDS[f] || f; });
    // Similarity only helps judge a drift; verbatim is always 100% and unsupported has none.
    if (row.score && row.status === 'drift') notes.unshift(row.score + ' similar');
    if (notes.length > 0) cell.appendChild(el('div', 'notes', notes.join(' · ')));
    if (row.saidBy) cell.appendChild(el('div', 'notes said-by', row.saidBy));
    return cell;
  }

  function statusCell(row) {
    const cell = el('td', 'status');
    cell.appendChild(el('span', 'badge ' + row.status, row.statusLabel));
    return cell;
  }

  function render(update) {
    title.textContent = 'Quotes: ' + update.title;
    document.title = title.textContent;
    // Misattributions are rare; the count appears only when there is one.
    totals.textContent = update.totals.verbatim + ' verbatim · ' + update.totals.drift + ' drifted · '
      + update.totals.unsupported + ' unsupported'
      + (update.totals.misattributed ? ' · ' + update.totals.misattributed + ' misattributed' : '');
    body.replaceChildren();
    for (const row of update.rows) {
      const tr = el('tr', 'row ' + row.status);
      tr.tabIndex = 0;
      tr.title = 'Show this quote in the draft';
      tr.dataset.index = String(row.index);
      tr.append(el('td', 'line', row.line), statusCell(row), quoteCell(row), sourceCell(row), diffCell(row));
      body.appendChild(tr);
    }
    table.hidden = update.rows.length === 0;
    empty.hidden = update.rows.length !== 0;
    empty.textContent = 'No quotations in this draft.';
  }

  function notice(text) {
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

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update') render(message);
    else if (message.type === 'notice') notice(String(message.text));
  });

  vscode.postMessage({ type: 'ready' });
})();
