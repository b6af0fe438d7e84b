// Shipments: the latest reservations and their status; one shipment in full.
import { call } from './api.js';
import { $, busy, el, money, rows } from './dom.js';

export function shipmentsView() {
  const view = $('shipments-view');
  const status = $('shipments-status');

  async function list() {
    const filter = $('shipment-status').value;
    const { body } = await call('GET', `/merchant/shipments?limit=50${filter ? `&status=${filter}` : ''}`);
    rows(document.querySelector('#shipments tbody'), body.shipments, s => {
      const link = el('button', { type: 'button', class: 'link' }, s.shipment_id);
      link.addEventListener('click', () => busy(view, status, () => show(s.shipment_id)));
      return el('tr', { 'data-shipment': s.shipment_id },
          el('td', {}, link), el('td', {}, s.status), el('td', {}, s.option_id), el('td', {}, s.carrier ?? ''),
          el('td', { class: 'num' }, `${money(s.price)} ${s.currency ?? ''}`), el('td', {}, s.config_version ?? ''),
          el('td', {}, new Date(s.updated_at).toLocaleString()));
    });
    status.textContent = body.shipments.length ? `${body.shipments.length} most recent shipment(s).` : 'No shipments yet.';
  }

  async function show(id) {
    const { body } = await call('GET', `/merchant/shipments/${encodeURIComponent(id)}`);
    $('shipment-detail').textContent = JSON.stringify(body, null, 2);
    $('shipment-detail').hidden = false;
  }

  $('refresh-shipments').addEventListener('click', () => busy(view, status, list));
  $('shipment-status').addEventListener('change', () => busy(view, status, list));
  $('find-shipment').addEventListener('click', () => busy(view, status, () => show($('shipment-id').value.trim())));
  return { shown: () => busy(view, status, list) };
}
