/**
 * The circuit's dataset: a built-in one, a table to edit row by row, CSV pasted or opened from a file, and the
 * plot to click points onto. A malformed CSV is refused with the line and column at fault, and the dataset stays
 * as it was; every change is an edit of the circuit, so it can be undone and is saved with it.
 */
import { useRef, useState } from 'react';
import { GUIDE_DATASETS } from '../../engine/index.ts';
import { NumberField } from '../components/NumberField.tsx';
import { useActions, useEditor } from '../context.ts';
import { BoundaryPlot } from './BoundaryPlot.tsx';
import { parseCsv, toCsv } from './csv.ts';
import { addRow, removeDataset, removeRow, replaceDataset, setCell } from './setup.ts';

/** Rows shown at once; a longer dataset scrolls. */
function DatasetTable() {
  const actions = useActions();
  const dataset = useEditor((s) => s.circuit.dataset);
  if (!dataset) return null;
  return (
    <div className="dataset-table">
      <table className="learn-table" data-testid="dataset-table">
        <thead>
          <tr>
            <th>#</th>
            {dataset.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {dataset.rows.map((row, r) => (
            <tr key={r} data-testid={`dataset-row-${r}`}>
              <td className="learn-muted">{r + 1}</td>
              {row.map((value, c) => (
                <td key={c}>
                  <NumberField
                    value={value}
                    label={`${dataset.columns[c]} of example ${r + 1}`}
                    testId={`dataset-cell-${r}-${c}`}
                    className="dataset-cell"
                    onCommit={(v) => actions.edit(setCell(r, c, v), `cell:${r}:${c}`)}
                    onSeal={actions.seal}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="learn-icon" data-testid={`dataset-row-remove-${r}`} aria-label={`Remove example ${r + 1}`} onClick={() => actions.edit(removeRow(r))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="dataset-row-add" onClick={() => actions.edit(addRow(dataset.columns.map(() => 0)))}>
        + row
      </button>
      <span className="learn-muted" data-testid="dataset-count"> {dataset.rows.length} examples</span>
    </div>
  );
}

function CsvImport() {
  const actions = useActions();
  const output = useEditor((s) => s.annotations?.output ?? null);
  const dataset = useEditor((s) => s.circuit.dataset);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const apply = (csv: string, source: string) => {
    const parsed = parseCsv(csv, source);
    if (!parsed.ok) {
      setError(`${source} was not used: ${parsed.error}`);
      return;
    }
    setError(null);
    actions.edit(replaceDataset(parsed.dataset, output));
    actions.notify('info', `Dataset from ${source}: ${parsed.dataset.rows.length} examples, columns ${parsed.dataset.columns.join(', ')}`);
  };

  return (
    <div className="csv-import" data-native-keys>
      <textarea
        data-testid="dataset-csv-input"
        aria-label="CSV to use as the dataset"
        placeholder={'x,y,label\n1.2,0.7,1\n-0.3,-0.5,-1'}
        rows={4}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="learn-row">
        <button type="button" data-testid="dataset-csv-apply" disabled={text.trim() === ''} onClick={() => apply(text, 'the pasted CSV')}>
          Use this CSV
        </button>
        <button type="button" data-testid="dataset-csv-export" disabled={!dataset} onClick={() => dataset && setText(toCsv(dataset))} title="Write the dataset into the box as CSV, to copy or edit">
          Dataset → CSV
        </button>
        <label className="learn-file">
          Open CSV…
          <form ref={form} className="visually-hidden">
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="dataset-csv-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                form.current?.reset();
                if (file) file.text().then((t) => apply(t, file.name), (err: unknown) => setError(`${file.name} could not be read: ${String(err)}`));
              }}
            />
          </form>
        </label>
      </div>
      {error && (
        <p className="learn-error" role="alert" data-testid="dataset-csv-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function DataPanel() {
  const actions = useActions();
  const output = useEditor((s) => s.annotations?.output ?? null);
  const dataset = useEditor((s) => s.circuit.dataset);
  return (
    <section className="learn-section" aria-label="Dataset">
      <div className="learn-row">
        <label className="learn-field">
          built-in
          <select
            data-testid="dataset-builtin"
            value=""
            onChange={(e) => {
              const chosen = GUIDE_DATASETS[Number(e.target.value)];
              if (chosen) actions.edit(replaceDataset(chosen, output));
            }}
          >
            <option value="">choose…</option>
            {GUIDE_DATASETS.map((d, k) => (
              <option key={d.name} value={k}>{d.name}</option>
            ))}
          </select>
        </label>
        {dataset && (
          <button type="button" data-testid="dataset-remove" onClick={() => actions.edit(removeDataset)} title="Remove the dataset, its bindings and the training settings (undoable)">
            Remove dataset
          </button>
        )}
      </div>
      {dataset ? (
        <>
          <h3 data-testid="dataset-name">{dataset.name ?? 'Dataset'}</h3>
          <BoundaryPlot addable />
          <DatasetTable />
        </>
      ) : (
        <p className="learn-help" data-testid="dataset-none">
          This circuit has no dataset. Choose a built-in one, paste a CSV or open a CSV file: a header row of column
          names, then one number per column in each row.
        </p>
      )}
      <h3>CSV</h3>
      <CsvImport />
    </section>
  );
}
