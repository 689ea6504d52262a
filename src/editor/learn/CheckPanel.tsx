/**
 * The numerical gradient check, one click: every input's (and every wire's) analytic gradient beside a central
 * difference, their relative error and a verdict. The engine's `checkGradients` computes all of it, the same
 * function the CLI's `check` calls.
 */
import { useMemo, useState } from 'react';
import type { Circuit } from '../../engine/index.ts';
import { useActions, useEditor } from '../context.ts';
import { formatNumber } from '../numbers.ts';
import { parseNumber } from '../numbers.ts';
import { nodeName } from '../stepping/explain.ts';
import { useLearn, useLearnActions } from './context.ts';

/** What the table calls a wire: where it runs, as the canvas shows it ("b → by.a"), not its id. */
function wireNames(circuit: Circuit): Map<string, string> {
  return new Map(circuit.edges.map((e) => [e.id, `${nodeName(circuit, e.source)} → ${nodeName(circuit, e.target)}.${e.targetHandle}`]));
}

export function CheckPanel() {
  const actions = useLearnActions();
  const report = useLearn((s) => s.check);
  const error = useLearn((s) => s.checkError);
  const settings = useLearn((s) => s.checkSettings);
  const [tolerance, setTolerance] = useState(String(settings.tolerance));
  const failed = report?.rows.filter((r) => !r.ok).length ?? 0;
  const circuit = useEditor((s) => s.circuit);
  const editor = useActions();
  const wires = useMemo(() => wireNames(circuit), [circuit]);

  return (
    <section className="learn-section" aria-label="Gradient check">
      <p className="learn-help">
        Nudges each input, and the value each wire carries, by a tiny step both ways: the change of the output over
        the step is the <em>numerical</em> gradient, which backpropagation's <em>analytic</em> one must match.
      </p>
      <div className="learn-row">
        <button type="button" className="learn-primary" data-testid="learn-check-run" onClick={() => actions.runCheck({ tolerance: parseNumber(tolerance) ?? settings.tolerance })}>
          Check gradients
        </button>
        <label className="learn-field" title="Largest relative error that passes">
          tolerance
          <input data-testid="learn-check-tolerance" value={tolerance} onChange={(e) => setTolerance(e.target.value)} size={6} />
        </label>
        <label className="learn-field">
          <input type="checkbox" data-testid="learn-check-wires" checked={settings.wires} onChange={(e) => actions.runCheck({ wires: e.target.checked })} />
          wires too
        </label>
        {report && (
          <button type="button" data-testid="learn-check-clear" onClick={actions.clearCheck} title="Hide the results and the badges on the canvas">
            Clear
          </button>
        )}
      </div>
      {error && <p className="learn-error" data-testid="learn-check-error">{error}</p>}
      {report && report.rows.length > 0 && (
        <>
          <p className={`learn-verdict ${report.ok ? 'learn-verdict--ok' : 'learn-verdict--bad'}`} data-testid="learn-check-verdict" data-ok={report.ok}>
            {report.ok ? `All ${report.rows.length} gradients pass` : `${failed} of ${report.rows.length} gradients fail`} (relative error ≤ {report.tolerance})
          </p>
          <table className="learn-table">
            <thead>
              <tr>
                <th>what</th>
                <th title="From the backward pass">analytic</th>
                <th title="Central difference of the output">numerical</th>
                <th>rel. error</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={`${row.kind}:${row.id}`} data-testid={`learn-check-row-${row.kind}-${row.id}`} data-ok={row.ok} className={row.ok ? '' : 'learn-bad-row'}>
                  <td>
                    <button
                      type="button"
                      className="learn-link"
                      title="Select it on the canvas"
                      onClick={() => (row.kind === 'input' ? editor.select([row.id]) : editor.select([], [row.id]))}
                    >
                      {row.kind === 'input' ? nodeName(circuit, row.id) : (wires.get(row.id) ?? `wire ${row.id}`)}
                    </button>
                  </td>
                  <td title={String(row.analytic)}>{formatNumber(row.analytic)}</td>
                  <td title={String(row.numerical)}>{formatNumber(row.numerical)}</td>
                  <td title={String(row.relError)}>{formatNumber(row.relError)}</td>
                  <td>
                    <span className={`check-mark ${row.ok ? 'check-mark--ok' : 'check-mark--bad'}`}>{row.ok ? '✓' : '✗'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
