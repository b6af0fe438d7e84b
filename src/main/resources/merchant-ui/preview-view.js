// Preview: any address and cart against any version, with the options Klarna would get and the
// trace of every option of the table; a previewed cart can be saved as a test cart.
import { call, json } from './api.js';
import { $, busy, el, money, rows } from './dom.js';
import { versionChoices } from './versions.js';

const FIELDS = ['pv-country', 'pv-postal', 'pv-city', 'pv-currency', 'pv-total', 'pv-weight', 'pv-size', 'pv-tags'];

export function previewView(page) {
  const view = $('preview-view');
  const status = $('preview-status');

  function request() {
    const total = Number($('pv-total').value || 0);
    const weight = Number($('pv-weight').value || 0);
    const tags = $('pv-tags').value.split(',').map(t => t.trim()).filter(Boolean);
    const [height, width, length] = ($('pv-size').value.match(/\d+/g) ?? []).map(Number);
    const dimensions = length === undefined ? {} : { dimensions: { height, width, length } };
    return {
      currency: $('pv-currency').value.trim(),
      locale: 'sv-SE',
      session_id: 'merchant-preview',
      order: {
        lines: [{
          type: 'physical', reference: 'preview-item', quantity: 1, unit_price: total, tax_rate: 2500,
          total_price_including_tax: total, attributes: { weight, ...dimensions, ...(tags.length ? { tags } : {}) },
        }],
        total_amount: total,
        total_weight: weight,
      },
      recipient: { country: $('pv-country').value.trim(), postal_code: $('pv-postal').value.trim(), city: $('pv-city').value.trim() },
    };
  }

  const writeRequest = () => { $('pv-request').value = JSON.stringify(request(), null, 2); };
  for (const id of FIELDS) $(id).addEventListener('input', writeRequest);
  writeRequest();

  function parsedRequest() {
    try {
      return JSON.parse($('pv-request').value);
    } catch (e) {
      throw new Error(`request: not valid JSON (${e.message})`);
    }
  }

  const at = () => $('pv-at').value.trim() || undefined;

  $('run-preview').addEventListener('click', () => busy(view, status, async () => {
    const version = $('pv-version').value;
    const { body } = await call('POST', '/merchant/preview',
        { body: json({ request: parsedRequest(), at: at(), version: version ? Number(version) : undefined }) });
    status.textContent = `Version ${body.version} at ${body.at}` + (body.fallback ? `: answered with the ${body.fallback}` : '')
        + (body.failure ? ` (${body.failure})` : '');
    rows(document.querySelector('#preview-options tbody'), body.klarna_answer.shipping_options, o => el('tr', { 'data-option': o.id },
        el('td', {}, o.id), el('td', {}, o.name), el('td', { class: 'num' }, money(o.price)),
        el('td', {}, o.preselected ? 'yes' : ''), el('td', {}, promise(o.delivery_time))));
    $('trace').replaceChildren(...body.trace.map(traceEntry));
  }));

  $('save-test-cart').addEventListener('click', () => busy(view, status, async () => {
    const name = $('test-cart-name').value.trim();
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new Error('test cart name: 1 to 64 letters, digits, dots, dashes or underscores');
    const { body, status: code } = await call('PUT', `/merchant/config/test-carts/${name}`,
        { body: json({ request: parsedRequest(), at: at() }) });
    const expected = body.expected.options.map(o => `${o.id} ${money(o.price)}`).join(', ');
    status.textContent = `${code === 201 ? 'Saved' : 'Replaced'} test cart ${name}: expects ${expected || 'no options'}`
        + (body.expected.preselected ? `, ${body.expected.preselected} preselected` : '') + '.';
  }));

  document.addEventListener('versions-changed', () => versionChoices($('pv-version'), page, 'active version'));
  return {};
}

function promise(time) {
  if (!time?.interval) return '';
  const { earliest, latest } = time.interval;
  return earliest === latest ? `${earliest} days` : `${earliest}–${latest} days`;
}

function traceEntry(t) {
  return el('article', { class: `trace-option ${t.offered ? 'offered' : 'not-offered'}`, 'data-option': t.option_id },
      el('h4', {}, `${t.option_id} — ${t.offered ? 'offered' : 'not offered'}`),
      el('p', { class: 'reason' }, t.reason),
      t.conditions?.length ? el('ul', { class: 'conditions' }, t.conditions.map(c =>
          el('li', { class: c.passed ? 'pass' : 'fail' }, `${c.passed ? '✓' : '✗'} ${c.condition}: ${c.because}`))) : null,
      t.price ? el('p', { class: 'price' }, 'Price: ', t.price) : null,
      t.promise ? el('p', { class: 'promise' }, 'Delivery promise: ', t.promise) : null,
      t.locations?.length ? el('p', { class: 'locations' }, 'Locations: ', t.locations.join('; ')) : null);
}
