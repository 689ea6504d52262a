/**
 * Training on the dataset, chapter 2 of the guide: which inputs read which column, which node is the loss and
 * which the score, the step size, iterations and seed; then SGD run a slice per frame by the Learn store, with
 * its progress, pause and resume, loss and accuracy over the iterations, and the decision boundary live.
 */
import { checkSetup, trainingSetupOf } from '../../engine/index.ts';
import { NumberField } from '../components/NumberField.tsx';
import { useActions, useEditor } from '../context.ts';
import { exactNumber, formatNumber } from '../numbers.ts';
import { BoundaryPlot } from './BoundaryPlot.tsx';
import { useLearn, useLearnActions } from './context.ts';
import { LineChart } from './LineChart.tsx';
import { bind, setTraining } from './setup.ts';

const SEPARATOR = '\u0001';
const SPEEDS = [0, 1, 10, 100, 1000];

function Bindings() {
  const actions = useActions();
  const inputs = useEditor((s) => s.circuit.nodes.filter((n) => n.type === 'input').map((n) => n.id).join(SEPARATOR));
  const columns = useEditor((s) => s.circuit.dataset?.columns ?? []);
  const bindings = useEditor((s) => s.circuit.bindings);
  return (
    <div className="learn-grid" aria-label="Bindings">
      {inputs.split(SEPARATOR).filter(Boolean).map((id) => (
        <label key={id} className="learn-field" title={`Where input ${id} takes its value: a column of the current example, or its own value (a parameter)`}>
          {id}
          <select data-testid={`binding-${id}`} value={bindings?.[id] ?? ''} onChange={(e) => actions.edit(bind(id, e.target.value || null))}>
            <option value="">its value</option>
            {columns.map((c) => (
              <option key={c} value={c}>← {c}</option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

function Settings() {
  const actions = useActions();
  const training = useEditor((s) => s.circuit.training);
  const nodes = useEditor((s) => s.circuit.nodes.map((n) => n.id).join(SEPARATOR));
  const columns = useEditor((s) => s.circuit.dataset?.columns ?? []);
  if (!training) return null;
  const nodeSelect = (key: 'loss' | 'score', title: string) => (
    <label className="learn-field" title={title}>
      {key}
      <select data-testid={`train-${key}`} value={training[key]} onChange={(e) => actions.edit(setTraining({ [key]: e.target.value }))}>
        {nodes.split(SEPARATOR).map((id) => (
          <option key={id} value={id}>{id}</option>
        ))}
      </select>
    </label>
  );
  const numberField = (key: 'learningRate' | 'iterations' | 'seed', label: string, valid: (v: number) => boolean, title: string) => (
    <label className="learn-field" title={title}>
      {label}
      <NumberField
        value={training[key]}
        label={label}
        testId={`train-${key}`}
        className="learn-number"
        onCommit={(v) => valid(v) && actions.edit(setTraining({ [key]: v }), `training:${key}`)}
        onSeal={actions.seal}
      />
    </label>
  );
  return (
    <div className="learn-grid" aria-label="Training settings">
      {nodeSelect('loss', 'The node minimised: training pulls it with −1')}
      {nodeSelect('score', 'The node whose sign is the prediction: > 0 is class +1')}
      <label className="learn-field" title="The column holding each example's class (its sign)">
        label
        <select data-testid="train-label" value={training.label} onChange={(e) => actions.edit(setTraining({ label: e.target.value }))}>
          {columns.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </label>
      {numberField('learningRate', 'step size', (v) => v > 0, 'Each iteration adds step size × gradient to every trainable, unbound input')}
      {numberField('iterations', 'iterations', (v) => Number.isInteger(v) && v >= 0 && v <= 10_000_000, 'SGD iterations a run makes')}
      {numberField('seed', 'seed', (v) => Number.isFinite(v), 'The seed of the random choice of examples: the same seed gives the same run')}
    </div>
  );
}

function Run() {
  const learn = useLearnActions();
  const status = useLearn((s) => s.status);
  const run = useLearn((s) => s.run);
  const reports = useLearn((s) => s.reports);
  const speed = useLearn((s) => s.speed);
  const error = useLearn((s) => s.trainingError);
  const problem = useEditor((s) => {
    const setup = trainingSetupOf(s.circuit);
    return setup ? (checkSetup(s.circuit, setup) ?? null) : null;
  });
  const last = reports.at(-1);
  const total = run?.total ?? 0;
  const iteration = last?.iteration ?? 0;

  return (
    <div className="train-run">
      <div className="learn-row">
        <button type="button" className="learn-primary" data-testid="train-start" disabled={problem !== null} onClick={learn.start} title="Train from the circuit's current values">
          {status === 'idle' ? 'Train' : 'Train again'}
        </button>
        <button
          type="button"
          data-testid="train-pause"
          disabled={status !== 'running' && status !== 'paused'}
          onClick={status === 'running' ? learn.pause : learn.resume}
        >
          {status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <label className="learn-field" title="Iterations per animation frame">
          speed
          <select data-testid="train-speed" value={speed} onChange={(e) => learn.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s === 0 ? 'auto' : `${s}/frame`}</option>
            ))}
          </select>
        </label>
      </div>
      {problem && <p className="learn-error" data-testid="train-setup-error">{problem}</p>}
      {error && <p className="learn-error" data-testid="train-error">{error}</p>}
      {run && (
        <>
          <div className="train-progress">
            <progress data-testid="train-progress" max={total} value={iteration} />
            <span data-testid="train-status" data-status={status}>
              {status} · iteration <span data-testid="train-iteration">{iteration}</span> / {total}
            </span>
          </div>
          {last && (
            <p className="train-numbers">
              loss <output data-testid="train-loss-value" data-value={exactNumber(last.loss)}>{formatNumber(last.loss)}</output> · accuracy{' '}
              <output data-testid="train-accuracy" data-value={exactNumber(last.accuracy)} className={last.accuracy === 1 ? 'learn-good' : ''}>
                {Math.round(last.accuracy * 1000) / 10}%
              </output>
            </p>
          )}
          <div className="train-charts">
            <LineChart testId="train-loss-chart" xLabel="iteration" yLabel="mean loss" height={110} series={[{ name: 'loss', colour: 'var(--grad)', points: reports.map((r) => [r.iteration, r.loss] as const) }]} />
            <LineChart testId="train-accuracy-chart" xLabel="iteration" yLabel="accuracy" height={110} yRange={[0, 1]} series={[{ name: 'accuracy', colour: 'var(--value)', points: reports.map((r) => [r.iteration, r.accuracy] as const) }]} />
          </div>
        </>
      )}
    </div>
  );
}

export function TrainPanel() {
  const hasDataset = useEditor((s) => s.circuit.dataset !== undefined);
  const hasTraining = useEditor((s) => s.circuit.training !== undefined);
  if (!hasDataset) {
    return (
      <section className="learn-section">
        <p className="learn-help" data-testid="train-no-dataset">
          Training needs a dataset: choose or paste one in Data. Or open the example “Train an SVM on the guide's data”.
        </p>
      </section>
    );
  }
  return (
    <section className="learn-section" aria-label="Training">
      <Run />
      <BoundaryPlot />
      <details open={!hasTraining}>
        <summary>Inputs bound to columns</summary>
        <Bindings />
      </details>
      <details open>
        <summary>Settings</summary>
        <Settings />
      </details>
    </section>
  );
}
