/** The circuit's name, files, history, and the backward pass's start: the output gate and its pull. */
import { useEffect, useRef, useState } from 'react';
import { useActions, useEditor, useEditorStore } from '../context.ts';
import { download, fetchExample, fetchExamples, type ExampleEntry } from '../files.ts';
import { NumberField } from './NumberField.tsx';

interface Props {
  onOpenFile(file: File): void;
  onFit(): void;
  onHelp(): void;
  fileInput: React.RefObject<HTMLInputElement | null>;
}

const NODE_SEPARATOR = '\u0001';

function OutputPicker() {
  const actions = useActions();
  const chosen = useEditor((s) => s.circuit.output ?? '');
  const resolved = useEditor((s) => s.annotations?.output ?? null);
  // One string, so that moving a gate does not re-render a list of a thousand options.
  const names = useEditor((s) => s.circuit.nodes.map((n) => (n.label && n.label !== n.id ? `${n.id} (${n.label})` : n.id)).join(NODE_SEPARATOR));
  const ids = useEditor((s) => s.circuit.nodes.map((n) => n.id).join(NODE_SEPARATOR));
  const idList = ids === '' ? [] : ids.split(NODE_SEPARATOR);
  const nameList = names === '' ? [] : names.split(NODE_SEPARATOR);
  return (
    <label
      className="toolbar__field"
      title={
        !chosen && !resolved
          ? 'Where the backward pass starts. “auto” takes the one gate no wire leaves; this circuit has several such gates (or none), so choose one here — until then there is no backward pass and every gradient shows “—”'
          : 'Where the backward pass starts (“auto”: the one gate no wire leaves)'
      }
    >
      <span>Output</span>
      <select data-testid="output-select" value={chosen} onChange={(event) => actions.setOutput(event.target.value || null)}>
        <option value="">auto{!chosen && resolved ? ` (${resolved})` : !chosen ? ' (none: choose one)' : ''}</option>
        {idList.map((id, k) => (
          <option key={id} value={id}>{nameList[k]}</option>
        ))}
      </select>
    </label>
  );
}

function PullField() {
  const actions = useActions();
  const pull = useEditor((s) => s.circuit.outputGrad ?? 1);
  return (
    <label className="toolbar__field" title="The gradient pulled on the output (the guide's “pull”): +1 to increase it, −1 to decrease it">
      <span>Pull</span>
      <NumberField value={pull} label="Output gradient (pull)" testId="output-grad" className="toolbar__number" onCommit={(v) => actions.setOutputGrad(v)} onSeal={actions.seal} />
    </label>
  );
}

function NameField() {
  const actions = useActions();
  const name = useEditor((s) => s.circuit.name ?? '');
  return (
    <input
      className="toolbar__name"
      aria-label="Circuit name"
      data-testid="circuit-name"
      placeholder="Untitled circuit"
      style={{ width: `${Math.round(Math.min(34, Math.max(12, name.length * 0.8 + 2)))}ch` }}
      value={name}
      spellCheck={false}
      onChange={(event) => actions.rename(event.target.value)}
      onBlur={actions.seal}
      onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
    />
  );
}

function ExamplesMenu() {
  const actions = useActions();
  const [examples, setExamples] = useState<ExampleEntry[]>([]);
  useEffect(() => {
    fetchExamples().then(setExamples, (error: unknown) => actions.notify('error', `The examples could not be loaded: ${String(error)}`));
  }, [actions]);
  return (
    <select
      className="toolbar__examples"
      aria-label="Open an example"
      data-testid="examples"
      value=""
      onChange={(event) => {
        const entry = examples.find((e) => e.file === event.target.value);
        if (!entry) return;
        fetchExample(entry.file).then(
          (text) => actions.openText(text, `the example “${entry.name}”`),
          (error: unknown) => actions.notify('error', `The example could not be loaded: ${String(error)}`),
        );
      }}
    >
      <option value="">Examples…</option>
      {examples.map((e) => (
        <option key={e.file} value={e.file} title={e.description}>{e.name}</option>
      ))}
    </select>
  );
}

export function Toolbar({ onOpenFile, onFit, onHelp, fileInput }: Props) {
  const store = useEditorStore();
  const actions = useActions();
  const canUndo = useEditor((s) => s.canUndo);
  const canRedo = useEditor((s) => s.canRedo);
  const snap = useEditor((s) => s.snapToGrid);
  const form = useRef<HTMLFormElement>(null);

  return (
    <header className="toolbar" role="toolbar" aria-label="Circuit">
      <span className="toolbar__brand" aria-hidden>∂ wiregrad</span>
      <NameField />
      <div className="toolbar__group">
        <button type="button" onClick={() => actions.newCircuit()} title="A new, empty circuit (undoable)">New</button>
        <ExamplesMenu />
        <button type="button" onClick={() => fileInput.current?.click()} title="Open a .circuit.json file (Ctrl+O), or drop one on the canvas">Open…</button>
        <form ref={form} className="visually-hidden">
          <input
            ref={fileInput}
            type="file"
            tabIndex={-1}
            accept=".json,application/json"
            data-testid="open-file"
            aria-label="Circuit file to open"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onOpenFile(file);
              form.current?.reset();
            }}
          />
        </form>
        <button type="button" data-testid="save-file" title="Download NAME.circuit.json (Ctrl+S)" onClick={() => download(store.getState().circuit)}>Save</button>
      </div>
      <div className="toolbar__group">
        <button type="button" onClick={actions.undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">↶</button>
        <button type="button" onClick={actions.redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">↷</button>
      </div>
      <div className="toolbar__group">
        <OutputPicker />
        <PullField />
      </div>
      <div className="toolbar__legend" aria-label="Legend">
        <span className="legend legend--value" title="Above each wire: the value flowing forward">value</span>
        <span className="legend legend--grad" title="Below each wire: the gradient flowing back. A wire's colour is its gradient's sign (blue positive, red negative, grey zero, dashed none) and its width the gradient's size">gradient</span>
      </div>
      <div className="toolbar__group toolbar__end">
        <label className="toolbar__check" title="Snap gates to a 10-pixel grid">
          <input type="checkbox" checked={snap} onChange={actions.toggleSnap} /> Snap
        </label>
        <button type="button" onClick={onFit} title="Fit the circuit into view (F)">Fit</button>
        <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
      </div>
    </header>
  );
}
