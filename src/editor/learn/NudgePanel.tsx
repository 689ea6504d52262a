/**
 * What a gradient means, shown: nudge one input by h (here, or by scrubbing it on the canvas) and compare the
 * output's actual change, which the engine computes by running the circuit again, with the change the gradient
 * predicted, grad × h. Below, the guide's parameter update with its step size, and the output before and after.
 */
import { useState } from 'react';
import { updateCircuit } from '../../engine/index.ts';
import { stepped } from '../components/NumberField.tsx';
import { useActions, useEditor, useEditorStore } from '../context.ts';
import { exactNumber, formatChange, formatNumber, parseNumber } from '../numbers.ts';
import { useLearn, useLearnActions } from './context.ts';
import { nudgeReading, type NudgeReading } from './nudge.ts';
import { setInputValues } from './setup.ts';

const SEPARATOR = '\u0001';

/** The reading for the chosen input as the circuit is now, or null. */
export function useNudgeReading(): NudgeReading | null {
  const baseline = useLearn((s) => s.nudge);
  const x = useEditor((s) => (baseline ? s.nodeById.get(baseline.input)?.value : undefined));
  const out = useEditor((s) => (s.annotations?.output ? s.annotations.nodes[s.annotations.output]?.value : null));
  if (!baseline || x === undefined || out === null || out === undefined) return null;
  return nudgeReading(baseline, x, out);
}

function Signed({ value, testId }: { value: number; testId: string }) {
  return (
    <output data-testid={testId} data-value={exactNumber(value)} title={exactNumber(value)}>
      {value > 0 ? '+' : ''}
      {formatNumber(value)}
    </output>
  );
}

export function NudgeReadout({ reading }: { reading: NudgeReading }) {
  return (
    <div className="nudge-readout">
      <span>
        h = <Signed value={reading.h} testId="nudge-h-now" />
      </span>
      <span className="nudge-readout__actual">
        actual Δ <Signed value={reading.actual} testId="nudge-actual" />
      </span>
      <span className="nudge-readout__predicted">
        grad × h <Signed value={reading.predicted} testId="nudge-predicted" />
      </span>
    </div>
  );
}

function Nudge() {
  const actions = useActions();
  const learn = useLearnActions();
  const chosen = useLearn((s) => s.nudgeInput);
  const baseline = useLearn((s) => s.nudge);
  const inputs = useEditor((s) => s.circuit.nodes.filter((n) => n.type === 'input').map((n) => n.id).join(SEPARATOR));
  const x = useEditor((s) => (chosen ? s.nodeById.get(chosen)?.value : undefined));
  const [h, setH] = useState('0.01');
  const reading = useNudgeReading();
  const step = parseNumber(h);

  const nudge = (sign: number) => {
    if (!chosen || x === undefined || step === undefined) return;
    // Rounded to 12 digits, so that −2.04 + 0.01 reads −2.03, not −2.0300000000000002.
    actions.setValue(chosen, stepped(x, sign * step), `nudge:${chosen}`);
    actions.seal();
  };

  return (
    <section className="learn-section" aria-label="Nudge an input">
      <h3>Nudge</h3>
      <p className="learn-help">
        Pick an input and nudge it by h, or scrub it on the canvas: beside the output you see how much it actually
        changed, and how much its gradient predicted.
      </p>
      <div className="learn-row">
        <label className="learn-field">
          input
          <select data-testid="nudge-input" value={chosen ?? ''} onChange={(e) => learn.chooseNudgeInput(e.target.value || null)}>
            <option value="">choose…</option>
            {inputs.split(SEPARATOR).filter(Boolean).map((id) => (
              <option key={id} value={id}>{id}</option>
            ))}
          </select>
        </label>
        <label className="learn-field">
          h
          <input data-testid="nudge-h" value={h} size={6} onChange={(e) => setH(e.target.value)} aria-invalid={step === undefined} />
        </label>
        <button type="button" data-testid="nudge-minus" disabled={!baseline || step === undefined} onClick={() => nudge(-1)}>−h</button>
        <button type="button" data-testid="nudge-plus" disabled={!baseline || step === undefined} onClick={() => nudge(1)}>+h</button>
        <button type="button" data-testid="nudge-back" disabled={!baseline || x === baseline.x0} onClick={() => baseline && actions.setValue(baseline.input, baseline.x0)} title="Put the input back where the nudge started">
          back
        </button>
      </div>
      {baseline && (
        <p className="learn-help" data-testid="nudge-baseline">
          from {baseline.input} = {formatNumber(baseline.x0)}, output {formatNumber(baseline.out0)}, ∂output/∂{baseline.input} = {formatNumber(baseline.slope)}
        </p>
      )}
      {reading && <NudgeReadout reading={reading} />}
    </section>
  );
}

function StepUpdate() {
  const store = useEditorStore();
  const actions = useActions();
  const [size, setSize] = useState('0.01');
  const [last, setLast] = useState<{ before: number | null; after: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pull = useEditor((s) => s.circuit.outputGrad ?? 1);
  const h = parseNumber(size);

  const outputValue = () => {
    const { annotations } = store.getState();
    return annotations?.output ? (annotations.nodes[annotations.output]?.value ?? null) : null;
  };

  const apply = () => {
    if (h === undefined) return;
    const { circuit } = store.getState();
    const updated = updateCircuit(circuit, h);
    if (!updated.ok) {
      setError(updated.error);
      return;
    }
    const before = outputValue();
    actions.edit(setInputValues(Object.fromEntries(updated.value.nodes.filter((n) => n.type === 'input' && n.trainable !== false).map((n) => [n.id, n.value!]))));
    actions.seal();
    setError(null);
    setLast({ before, after: outputValue() });
  };

  const shown: [string, string] =
    last && last.before !== null && last.after !== null ? formatChange(last.before, last.after) : [formatNumber(last?.before), formatNumber(last?.after)];

  return (
    <section className="learn-section" aria-label="Parameter update">
      <h3>Step along the gradient</h3>
      <p className="learn-help">
        The guide's update: every trainable input moves by step size × its gradient, so the output moves
        {pull >= 0 ? ' up' : ' down'} (the pull is {formatNumber(pull)}).
      </p>
      <div className="learn-row">
        <label className="learn-field">
          step size
          <input data-testid="learn-step-size" value={size} size={6} onChange={(e) => setSize(e.target.value)} aria-invalid={h === undefined} />
        </label>
        <button type="button" className="learn-primary" data-testid="learn-step-apply" disabled={h === undefined} onClick={apply}>
          Update
        </button>
      </div>
      {error && <p className="learn-error">{error}</p>}
      {last && (
        <p className="learn-step-result">
          output <output data-testid="learn-step-before" data-value={exactNumber(last.before)}>{shown[0]}</output> →{' '}
          <output data-testid="learn-step-after" data-value={exactNumber(last.after)}>{shown[1]}</output>
        </p>
      )}
    </section>
  );
}

export function NudgePanel() {
  return (
    <>
      <Nudge />
      <StepUpdate />
    </>
  );
}
