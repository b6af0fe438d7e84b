// The merchant page: sign in with an API key, then edit, preview, test, activate and browse.
import { call, session } from './api.js';
import { $ } from './dom.js';
import { editorView } from './editor-view.js';
import { previewView } from './preview-view.js';
import { cartsView } from './carts-view.js';
import { historyView } from './history-view.js';
import { shipmentsView } from './shipments-view.js';

/** What every view shares: the versions and the active one, refreshed after every change. */
const page = {
  active: null,
  versions: [],
  async refreshVersions() {
    const { body } = await call('GET', '/merchant/config/versions');
    page.versions = body.versions;
    page.activations = body.activations;
    page.active = body.versions.find(v => v.status === 'active')?.number ?? null;
    $('active-version').textContent = page.active === null ? 'no active version' : `active: version ${page.active}`;
    document.dispatchEvent(new CustomEvent('versions-changed'));
  },
  show(name) {
    for (const button of document.querySelectorAll('nav button')) {
      button.classList.toggle('current', button.dataset.view === name);
    }
    for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `${name}-view`;
    // A view with nothing to load is settled at once: data-state tells people and tests when a view is ready.
    if (views[name].shown) views[name].shown();
    else $(`${name}-view`).dataset.state = 'done';
  },
};

const views = {
  editor: editorView(page),
  preview: previewView(page),
  carts: cartsView(page),
  history: historyView(page),
  shipments: shipmentsView(page),
};
page.editor = views.editor;

async function enter() {
  const view = $('sign-in-view');
  view.dataset.state = 'busy';
  try {
    await page.refreshVersions();
  } catch (e) {
    session.signOut();
    $('sign-in-error').textContent = e.status === 401 ? 'That API key was not accepted.' : e.message;
    view.dataset.state = 'error';
    return;
  }
  $('sign-in-error').textContent = '';
  view.hidden = true;
  $('app').hidden = false;
  $('session').hidden = false;
  view.dataset.state = 'done';
  await views.editor.openActive();
}

function leave() {
  session.signOut();
  $('app').hidden = true;
  $('session').hidden = true;
  $('sign-in-view').hidden = false;
  $('api-key').value = '';
}

$('sign-in-form').addEventListener('submit', event => {
  event.preventDefault();
  session.signIn($('api-key').value.trim());
  enter();
});
$('sign-out').addEventListener('click', leave);
document.addEventListener('signed-out', () => {
  leave();
  $('sign-in-error').textContent = 'The API key is no longer accepted; sign in again.';
});
for (const button of document.querySelectorAll('nav button')) {
  button.addEventListener('click', () => page.show(button.dataset.view));
}
if (session.key()) enter();
