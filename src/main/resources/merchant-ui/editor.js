// The YAML editor: CodeMirror 6 with the server's problems as lint markers on their lines.
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { StreamLanguage } from '@codemirror/language';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';

export function createEditor(parent, onChange) {
  const view = new EditorView({
    parent,
    extensions: [
      basicSetup,
      StreamLanguage.define(yaml),
      lintGutter(),
      EditorView.updateListener.of(update => { if (update.docChanged) onChange(); }),
    ],
  });

  function setText(text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    view.dispatch(setDiagnostics(view.state, []));
  }

  /** problems: [{severity, line, column, message, path}] from the server; those without a line stay in the list only. */
  function markProblems(problems) {
    const doc = view.state.doc;
    const diagnostics = problems.filter(p => p.line && p.line <= doc.lines).map(p => {
      const line = doc.line(p.line);
      const indent = line.text.length - line.text.trimStart().length;
      const from = line.from + Math.min(Math.max((p.column ?? 1) - 1, indent), line.length);
      return {
        from,
        to: Math.max(line.to, from),
        severity: p.severity === 'warning' ? 'warning' : 'error',
        message: p.path ? `${p.path}: ${p.message}` : p.message,
      };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }

  function goToLine(number) {
    const line = view.state.doc.line(Math.min(Math.max(number, 1), view.state.doc.lines));
    view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    view.focus();
  }

  return { getText: () => view.state.doc.toString(), setText, markProblems, goToLine };
}
