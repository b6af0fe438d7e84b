// Test carts: the saved carts against the active version or any other; delete one.
import { call } from './api.js';
import { $, busy, el, rows } from './dom.js';
import { versionChoices } from './versions.js';

export function cartsView(page) {
  const view = $('carts-view');
  const status = $('carts-status');

  function render(results, version) {
    rows(document.querySelector('#carts tbody'), results, r => {
      const remove = el('button', { type: 'button', class: 'delete' }, 'Delete');
      remove.addEventListener('click', () => busy(view, status, async () => {
        await call('DELETE', `/merchant/config/test-carts/${encodeURIComponent(r.name)}`);
        await run();
      }));
      return el('tr', { 'data-cart': r.name, class: r.passed ? 'pass' : 'fail' },
          el('td', {}, r.name), el('td', {}, r.passed ? 'passed' : 'changed'),
          el('td', {}, r.differences.length ? el('ul', {}, r.differences.map(d => el('li', {}, d))) : ''), el('td', {}, remove));
    });
    const failed = results.filter(r => !r.passed).length;
    status.textContent = results.length === 0 ? 'No test carts yet: save one from the preview.'
        : `${results.length} test cart(s) against version ${version}: ${failed ? `${failed} changed` : 'all as expected'}.`;
  }

  async function run() {
    const version = $('carts-version').value;
    const { body } = await call('GET', version ? `/merchant/config/versions/${version}/test-carts` : '/merchant/config/test-carts');
    render(body.test_carts, body.version ?? body.config_version);
  }

  $('run-carts').addEventListener('click', () => busy(view, status, run));
  document.addEventListener('versions-changed', () => versionChoices($('carts-version'), page, 'active version'));
  return { shown: () => busy(view, status, run) };
}
