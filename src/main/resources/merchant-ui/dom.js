// DOM building with textContent only: merchant data never becomes markup.

/** el('td', {class: 'x'}, 'text', childNode, ...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = id => document.getElementById(id);

export function rows(tbody, items, toRow) {
  tbody.replaceChildren(...items.map(toRow));
}

/** Marks a view busy now and done (or error) when the work ends, for people and for the browser tests. */
export async function busy(view, status, work) {
  view.dataset.state = 'busy';
  status.textContent = '';
  status.classList.remove('error');
  try {
    await work();
    view.dataset.state = 'done';
  } catch (e) {
    status.textContent = e.message;
    status.classList.add('error');
    view.dataset.state = 'error';
    if (e.status === 401) document.dispatchEvent(new CustomEvent('signed-out'));
  }
}

export const money = minor => (minor === null || minor === undefined) ? '' : (minor / 100).toFixed(2);
