// Activating a version (an earlier one is a rollback), with the server's refusals explained.
import { call, json } from './api.js';
import { el } from './dom.js';
import { problemList } from './problems.js';

/**
 * Activates version n and renders the outcome into container. A 409 (test carts would change)
 * shows the differences and a button to activate anyway, accepting them as the new expectations.
 */
export async function activate(page, number, container, accept = false) {
  container.replaceChildren();
  try {
    const { body } = await call('POST', `/merchant/config/versions/${number}/activate`,
        { body: accept ? json({ accept_changes: true }) : undefined });
    await page.refreshVersions();
    const changed = (body.test_carts ?? []).filter(c => !c.passed).length;
    container.append(el('p', { class: 'ok', id: 'activation-result' },
        `Version ${number} is active.`, changed ? ` ${changed} test cart expectation(s) updated.` : ''));
  } catch (e) {
    if (e.status === 409) {
      const retry = el('button', { type: 'button', id: 'accept-changes' }, `Activate version ${number} and accept these changes`);
      retry.addEventListener('click', () => busyRetry(page, number, container, retry));
      container.append(
          el('p', { class: 'error', id: 'activation-result' }, `Version ${number} changes the answer to a test cart:`),
          cartResults(e.body.test_carts.filter(c => !c.passed)),
          retry);
      return;
    }
    if (e.status === 422) {
      container.append(el('p', { class: 'error', id: 'activation-result' }, e.message), problemList(e.body.problems));
      return;
    }
    throw e;
  }
}

async function busyRetry(page, number, container, button) {
  const view = button.closest('.view');
  view.dataset.state = 'busy';
  try {
    await activate(page, number, container, true);
    view.dataset.state = 'done';
  } catch (e) {
    container.append(el('p', { class: 'error' }, e.message));
    view.dataset.state = 'error';
  }
}

/** [{name, passed, differences}] as a list. */
export function cartResults(results) {
  return el('ul', { class: 'cart-results' }, results.map(r =>
      el('li', { class: r.passed ? 'pass' : 'fail' }, `${r.passed ? '✓' : '✗'} ${r.name}`,
          r.differences.length ? el('ul', {}, r.differences.map(d => el('li', {}, d))) : null)));
}
