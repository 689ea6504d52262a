/**
 * Chapter 1's three ways to make the output larger (or smaller, with a pull of −1), run side by side on the
 * open circuit by the engine's `runStrategy`: random local search, the numerical gradient and the analytic one,
 * each output per iteration on one chart, with the passes each spent. Seeded, so a run repeats exactly.
 */
import { useState } from 'react';
import { runStrategy, STRATEGIES, type StrategyName, type StrategyRun } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';
import { formatNumber, parseNumber } from '../numbers.ts';
import { LineChart } from './LineChart.tsx';

const COLOURS: Record<StrategyName, string> = { random: '#8a63d2', numerical: '#d08a1a', analytic: '#2f8f5b' };
const TITLES: Record<StrategyName, string> = {
  random: 'random local search',
  numerical: 'numerical gradient',
  analytic: 'analytic gradient',
};

const FIELDS = [
  { key: 'iterations', label: 'iterations', initial: '100', title: 'Iterations of each strategy' },
  { key: 'stepSize', label: 'step size', initial: '0.01', title: 'The step along the gradient (numerical and analytic)' },
  { key: 'tweak', label: 'tweak', initial: '0.01', title: 'The largest random tweak of each input (random search)' },
  { key: 'h', label: 'h', initial: '0.0001', title: "The numerical gradient's nudge" },
  { key: 'seed', label: 'seed', initial: '1', title: 'The random seed: the same seed repeats the run' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

export function StrategiesPanel() {
  const store = useEditorStore();
  const [fields, setFields] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>);
  const [runs, setRuns] = useState<StrategyRun[]>([]);
  const [error, setError] = useState<string | null>(null);
  const numbers = Object.fromEntries(FIELDS.map((f) => [f.key, parseNumber(fields[f.key])])) as Record<Key, number | undefined>;
  const valid = FIELDS.every((f) => numbers[f.key] !== undefined) && Number.isInteger(numbers.iterations) && numbers.iterations! > 0 && numbers.iterations! <= 100_000;

  const run = () => {
    if (!valid) return;
    const circuit = store.getState().circuit;
    const options = { iterations: numbers.iterations!, stepSize: numbers.stepSize!, tweak: numbers.tweak!, h: numbers.h!, seed: numbers.seed! };
    const results: StrategyRun[] = [];
    for (const strategy of STRATEGIES) {
      const result = runStrategy(circuit, strategy, options);
      if (!result.ok) {
        setError(result.error);
        setRuns([]);
        return;
      }
      results.push(result.value);
    }
    setError(null);
    setRuns(results);
  };

  return (
    <section className="learn-section" aria-label="The three strategies">
      <p className="learn-help">
        Runs each strategy on a copy of this circuit, moving its trainable inputs to pull the output the way the
        pull says. The circuit itself is not changed.
      </p>
      <div className="learn-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className="learn-field" title={f.title}>
            {f.label}
            <input
              data-testid={`strategies-${f.key}`}
              value={fields[f.key]}
              size={7}
              aria-invalid={numbers[f.key] === undefined}
              onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <button type="button" className="learn-primary" data-testid="strategies-run" disabled={!valid} onClick={run}>
        Run all three
      </button>
      {error && <p className="learn-error" data-testid="strategies-error">{error}</p>}
      {runs.length > 0 && (
        <>
          <LineChart
            testId="strategies-chart"
            xLabel="iteration"
            yLabel="output"
            // Dashed on top: the analytic gradient's curve lies on the numerical one's, which would vanish under it.
            series={runs.map((r) => ({ name: r.strategy, colour: COLOURS[r.strategy], dash: r.strategy === 'analytic' ? '6 4' : undefined, points: r.outputs.map((y, x) => [x, y] as const) }))}
          />
          <table className="learn-table">
            <thead>
              <tr>
                <th>strategy</th>
                <th>output</th>
                <th title="Forward passes spent in all">forward</th>
                <th title="Backward passes spent in all">backward</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.strategy} data-testid={`strategies-row-${r.strategy}`} data-output={r.outputs.at(-1)} data-forward={r.forwardPasses} data-backward={r.backwardPasses}>
                  <td>
                    <span className="legend-swatch" style={{ background: COLOURS[r.strategy] }} /> {TITLES[r.strategy]}
                    {r.strategy === 'analytic' && ' (dashed)'}
                  </td>
                  <td title={String(r.outputs.at(-1))}>
                    {formatNumber(r.outputs[0])} → {formatNumber(r.outputs.at(-1))}
                  </td>
                  <td>{r.forwardPasses}</td>
                  <td>{r.backwardPasses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
