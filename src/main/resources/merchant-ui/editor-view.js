// Editor: open the active version or any other, save as a draft (problems marked on their lines),
// diff against the active version, activate.
import { call } from './api.js';
import { $, busy, el } from './dom.js';
import { createEditor } from './editor.js';
import { problemList, counts } from './problems.js';
import { activate, cartResults } from './activation.js';

export function editorView(page) {
  const view = $('editor-view');
  const status = $('editor-status');
  let opened = null;          // {number, status, problems} of the version in the editor
  let savedText = null;       // its content, to tell unsaved edits
  const editor = createEditor($('editor'), showLabel);

  function showLabel() {
    $('editing').textContent = (opened ? `version ${opened.number} (${opened.status})` : 'new version')
        + (editor.getText() === savedText ? '' : ' (edited)');
    $('activate-draft').disabled = !opened || opened.status === 'active' || counts(opened.problems ?? []).errors > 0;
  }

  function load(version, content) {
    opened = version;
    savedText = content;
    editor.setText(content);
    showProblems(version.problems ?? []);
    showLabel();
    $('diff-output').hidden = true;
    $('activation').replaceChildren();
    $('activate-draft').textContent = `Activate version ${version.number}`;
  }

  function showProblems(problems) {
    editor.markProblems(problems);
    $('problems').replaceChildren(problemList(problems, editor.goToLine));
  }

  async function openActive() {
    page.show('editor');
    await busy(view, status, async () => {
      const { body, headers } = await call('GET', '/merchant/config', { accept: 'application/yaml' });
      const number = Number(headers.get('X-Config-Version'));
      load(page.versions.find(v => v.number === number) ?? { number, status: 'active', problems: [] }, body);
    });
  }

  async function openVersion(number) {
    page.show('editor');
    await busy(view, status, async () => {
      const { body } = await call('GET', `/merchant/config/versions/${number}`);
      load(body, body.content);
    });
  }

  $('submit').addEventListener('click', () => busy(view, status, async () => {
    const comment = encodeURIComponent($('comment').value);
    const { body } = await call('POST', `/merchant/config/versions?comment=${comment}`,
        { body: editor.getText(), contentType: 'application/yaml; charset=utf-8' });
    const text = editor.getText();
    await page.refreshVersions();
    load(body, text);
    const found = counts(body.problems);
    status.textContent = `Saved draft version ${body.number}: ${found.text}.`
        + (found.errors ? ' Fix the errors and save again; a version with errors cannot be activated.' : '');
    status.classList.toggle('error', found.errors > 0);
    if (body.test_carts?.length) {
      $('activation').append(el('p', {}, 'Test carts against this draft:'), cartResults(body.test_carts));
    }
  }));

  $('diff').addEventListener('click', () => busy(view, status, async () => {
    if (!opened) return;
    const { body } = await call('GET', `/merchant/config/versions/${opened.number}/diff`, { accept: 'text/plain' });
    const out = $('diff-output');
    out.replaceChildren(...body.split('\n').map(line => el('span', {
      class: line.startsWith('+') && !line.startsWith('+++') ? 'add' : line.startsWith('-') && !line.startsWith('---') ? 'del'
          : line.startsWith('@@') ? 'hunk' : '',
    }, line + '\n')));
    if (!body) out.textContent = `Version ${opened.number} is the same as the active version ${page.active}.`;
    out.hidden = false;
    out.scrollIntoView({ block: 'nearest' });
    if (editor.getText() !== savedText) status.textContent = 'Unsaved edits are not in this diff: save a draft first.';
  }));

  $('activate-draft').addEventListener('click', () => busy(view, status, () => activate(page, opened.number, $('activation'))));

  // An activation or rollback from here or from History changes the opened version's status.
  document.addEventListener('versions-changed', () => {
    const now = opened && page.versions.find(v => v.number === opened.number);
    if (now && now.status !== opened.status) {
      opened = { ...opened, status: now.status };
      showLabel();
    }
  });

  return { openActive, openVersion };
}
