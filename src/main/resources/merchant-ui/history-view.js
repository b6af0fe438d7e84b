// History: every version with its status and problems; open, diff, activate or roll back.
import { call } from './api.js';
import { $, busy, el, rows } from './dom.js';
import { counts } from './problems.js';
import { activate } from './activation.js';

export function historyView(page) {
  const view = $('history-view');
  const status = $('history-status');
  const result = el('div', { class: 'activation' });
  status.after(result);

  function render() {
    rows(document.querySelector('#versions tbody'), page.versions, v => {
      const found = counts(v.problems);
      const actions = el('td', { class: 'actions' });
      const button = (text, handler) => {
        const b = el('button', { type: 'button', 'data-action': text.split(' ')[0].toLowerCase() }, text);
        b.addEventListener('click', handler);
        actions.append(b);
      };
      button('Open in editor', () => page.editor.openVersion(v.number));
      if (v.status !== 'active' && page.active !== null) {
        button('Diff against active', () => busy(view, status, async () => {
          const { body } = await call('GET', `/merchant/config/versions/${v.number}/diff`, { accept: 'text/plain' });
          result.replaceChildren(el('pre', { class: 'diff' }, body || 'no differences'));
        }));
      }
      if (v.status !== 'active' && found.errors === 0) {
        const verb = page.active !== null && v.number < page.active ? 'Roll back to' : 'Activate';
        button(`${verb} version ${v.number}`, () => busy(view, status, () => activate(page, v.number, result)));
      }
      return el('tr', { 'data-version': v.number, class: v.status },
          el('td', {}, v.number), el('td', { class: 'status' }, v.status), el('td', {}, v.author), el('td', {}, v.comment ?? ''),
          el('td', {}, new Date(v.created_at).toLocaleString()), el('td', {}, found.text), actions);
    });
    $('activations').replaceChildren(...(page.activations ?? []).map(a => el('li', {},
        `${new Date(a.at).toLocaleString()}: version ${a.number} activated by ${a.author}`
        + (a.previous ? ` (was ${a.previous})` : ''))));
  }

  document.addEventListener('versions-changed', render);
  return { shown: () => busy(view, status, async () => { result.replaceChildren(); await page.refreshVersions(); }) };
}
