/**
 * The stepper: a bar of controls (reset, previous, next, run to the end, play with a speed), the progress, the
 * predict switch with its score, the guesses asked for in predict mode, and the explanation of the current step.
 */
import { memo, useEffect, useMemo, useState, type FormEvent } from 'react';
import { formatNumber, parseNumber } from '../numbers.ts';
import { explain, nodeName, progressText } from './explain.ts';
import { Explanation } from './Explanation.tsx';
import { useStepping, useSteppingStore } from './context.ts';
import { SPEEDS } from './store.ts';
import type { Guess } from './session.ts';

export const SteppingPanel = memo(function SteppingPanel() {
  useStepperKeys();
  const session = useStepping((s) => s.session);
  const circuit = session?.circuit;
  const lines = useMemo(() => (session && circuit ? explain(circuit, session.state) : []), [session, circuit]);
  const heading = session?.state.current
    ? `${session.state.current.phase === 'forward' ? 'Forward' : 'Backward'}: ${nodeName(circuit!, session.state.current.node)}`
    : 'Step through the passes';
  return (
    <section className="stepper" aria-label="Stepper">
      <StepperBar />
      {session?.asking ? <PredictPrompt key={session.state.index} /> : <Verdicts />}
      {session && <Explanation lines={lines} heading={heading} />}
    </section>
  );
});

/** The status without a session: the canvas shows the whole evaluation, and Next starts stepping through it. */
const IDLE_STATUS = 'all passes shown — Next steps gate by gate';
const IDLE_WHY =
  'The canvas shows the complete forward and backward pass: every value and every gradient at once. ' +
  'Next (.) steps through them one gate at a time, forward first, then backward.';

const StepperBar = memo(function StepperBar() {
  const actions = useStepping((s) => s.actions);
  const active = useStepping((s) => s.session !== null);
  const index = useStepping((s) => s.session?.state.index ?? null);
  const total = useStepping((s) => s.session?.state.total ?? 0);
  const progress = useStepping((s) => (s.session ? progressText(s.session.state) : null));
  // Only without a session: a session cannot be on a circuit with nothing to step.
  const blocked = useStepping((s) => (s.session ? null : s.blocked));
  const playing = useStepping((s) => s.playing);
  const speed = useStepping((s) => s.speed);
  const predict = useStepping((s) => s.predict);
  const score = useStepping((s) => s.session?.score ?? null);
  const atStart = blocked !== null || index === 0;
  const atEnd = blocked !== null || (index !== null && index >= total);
  const status = progress ?? blocked?.status ?? IDLE_STATUS;
  const statusWhy = progress === null ? (blocked?.why ?? IDLE_WHY) : undefined;

  return (
    <div className="stepper__bar" role="toolbar" aria-label="Step through the forward and backward passes">
      <button type="button" data-testid="step-reset" onClick={actions.reset} disabled={atStart} title="Reset: clear every computed number (Shift+R)">
        Reset
      </button>
      <button type="button" data-testid="step-prev" onClick={actions.prev} disabled={atStart} title="Previous step (,)">
        ◀ Prev
      </button>
      <button type="button" data-testid="step-next" onClick={actions.next} disabled={atEnd} title="Next step: compute one gate (.)">
        Next ▶
      </button>
      <button type="button" data-testid="step-run" onClick={actions.run} disabled={atEnd} title="Run to the end (Shift+E)">
        Run to end
      </button>
      <button
        type="button"
        data-testid="step-play"
        onClick={actions.togglePlay}
        disabled={blocked !== null}
        aria-pressed={playing}
        title="Play the steps one after another (K)"
      >
        {playing ? '⏸ Pause' : '▶ Play'}
      </button>
      <label className="stepper__speed" title="Playback speed">
        <span>speed</span>
        <select
          data-testid="step-speed"
          value={speed}
          onChange={(event) => actions.setSpeed(Number(event.target.value))}
          aria-label="Steps per second"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}/s
            </option>
          ))}
        </select>
      </label>
      <output
        className={`stepper__progress${progress === null ? ' stepper__progress--idle' : ''}`}
        data-testid="step-progress"
        aria-live="polite"
        title={statusWhy}
      >
        {status}
      </output>
      <label className="stepper__predict" title="Before each backward step, guess the gradient each wire will receive">
        <input type="checkbox" data-testid="step-predict" checked={predict} onChange={(e) => actions.setPredict(e.target.checked)} />
        <span>predict</span>
      </label>
      {predict && score && (
        <span className="stepper__score" data-testid="step-score">
          score {score.right}/{score.asked}
        </span>
      )}
      {active && (
        <button type="button" data-testid="step-stop" onClick={actions.stop} title="Leave stepping and show the full evaluation (Esc)">
          ✕ Done
        </button>
      )}
    </div>
  );
});

/** In predict mode: one field per wire of the coming backward step; Enter reveals them all. */
const PredictPrompt = memo(function PredictPrompt() {
  const asking = useStepping((s) => s.session?.asking ?? null);
  const circuit = useStepping((s) => s.session?.circuit ?? null);
  const actions = useStepping((s) => s.actions);
  const [texts, setTexts] = useState<Record<string, string>>({});
  if (!asking || !circuit) return null;
  const gate = nodeName(circuit, asking.node);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const guesses = Object.fromEntries(asking.pulls.map((p) => [p.edge, parseNumber(texts[p.edge] ?? '')]));
    actions.reveal(guesses);
  };
  return (
    <form className="stepper__predict-prompt" onSubmit={submit} data-testid="predict-prompt" data-native-keys>
      <p>
        The gradient {formatNumber(asking.grad)} has arrived at <strong>{gate}</strong>. What will each of its input wires
        receive?
      </p>
      {asking.pulls.map((pull, k) => (
        <label key={pull.edge}>
          <span>
            {nodeName(circuit, pull.source)} → {gate}.{pull.port}
          </span>
          <input
            data-testid={`predict-${pull.edge}`}
            inputMode="decimal"
            autoFocus={k === 0}
            value={texts[pull.edge] ?? ''}
            onChange={(event) => setTexts({ ...texts, [pull.edge]: event.target.value })}
            aria-label={`gradient on the wire from ${nodeName(circuit, pull.source)} into port ${pull.port} of ${gate}`}
          />
        </label>
      ))}
      <button type="submit" data-testid="predict-reveal">
        Reveal
      </button>
    </form>
  );
});

// One shared empty list: a selector must return the same value for the same state, or React re-renders forever.
const NO_VERDICTS: readonly Guess[] = [];

const Verdicts = memo(function Verdicts() {
  const verdicts = useStepping((s) => s.session?.verdicts ?? NO_VERDICTS);
  if (verdicts.length === 0) return null;
  return (
    <ul className="stepper__verdicts" data-testid="predict-verdicts" aria-live="polite">
      {verdicts.map((v) => (
        <li key={v.edge} className={v.right ? 'verdict--right' : 'verdict--wrong'} data-testid={`verdict-${v.edge}`} data-right={v.right}>
          {v.right ? '✓' : '✗'} {Number.isNaN(v.guess) ? 'no guess' : formatNumber(v.guess)}
          {v.right ? '' : `, it is ${formatNumber(v.actual)}`}
        </li>
      ))}
    </ul>
  );
});

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** The stepper's keys (listed in shortcuts.ts); they leave text fields alone. */
function useStepperKeys() {
  const store = useSteppingStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { actions, session } = store.getState();
      const keys: Record<string, (() => void) | undefined> = {
        '.': actions.next,
        ',': actions.prev,
        R: event.shiftKey ? actions.reset : undefined,
        E: event.shiftKey ? actions.run : undefined,
        k: actions.togglePlay,
        Escape: session ? actions.stop : undefined,
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

