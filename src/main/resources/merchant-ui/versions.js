// Version pickers shared by the views.
import { el } from './dom.js';

/** Fills a select with the versions that can run (no errors), keeping the current choice. */
export function versionChoices(select, page, firstLabel) {
  const current = select.value;
  const runnable = page.versions.filter(v => !v.problems.some(p => p.severity === 'error'));
  select.replaceChildren(
      ...(firstLabel ? [el('option', { value: '' }, `${firstLabel} (${page.active})`)] : []),
      ...runnable.map(v => el('option', { value: v.number }, `version ${v.number} (${v.status})`)));
  if ([...select.options].some(o => o.value === current)) select.value = current;
}
