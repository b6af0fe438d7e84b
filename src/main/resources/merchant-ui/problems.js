// A version's problems as a list; a click on one moves the editor to its line.
import { el } from './dom.js';

export function problemList(problems, goToLine) {
  return el('ul', { class: 'problems' }, problems.map(p => {
    const where = p.line ? `line ${p.line}${p.column ? `:${p.column}` : ''}` : 'document';
    const item = el('li', { class: p.severity, 'data-line': p.line ?? false },
        el('span', { class: 'where' }, where),
        el('span', { class: 'severity' }, p.severity),
        el('span', { class: 'path' }, p.path ?? ''),
        el('span', { class: 'message' }, p.message));
    if (goToLine && p.line) item.addEventListener('click', () => goToLine(p.line));
    return item;
  }));
}

export function counts(problems) {
  const errors = problems.filter(p => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return { errors, warnings, text: `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` };
}
