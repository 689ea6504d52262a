/**
 * A stepping session: the circuit being stepped, where in its passes the learner is, and (in predict mode) the
 * guesses asked for and the score. Pure data and functions, so that every rule here is tested without a browser;
 * the numbers all come from the engine's stepState.
 */
import { compile, stepState, type BackwardDetail, type Circuit, type CompiledCircuit, type StepState } from '../../engine/index.ts';
import { guessIsRight } from './explain.ts';

export interface Guess {
  edge: string;
  guess: number;
  actual: number;
  right: boolean;
}

export interface StepSession {
  /** The circuit as it was when stepping began: any other circuit means an edit, which ends the session. */
  circuit: Circuit;
  compiled: CompiledCircuit;
  state: StepState;
  predict: boolean;
  /** In predict mode, the backward step whose wires the learner is asked about before it is shown. */
  asking: BackwardDetail | null;
  /** The verdicts on the guesses for the step just revealed. */
  verdicts: Guess[];
  score: { right: number; asked: number };
}

export function startSession(circuit: Circuit, predict = false): StepSession | string {
  const compiled = compile(circuit);
  if (!compiled.ok) return compiled.error;
  compiled.value.run();
  return {
    circuit,
    compiled: compiled.value,
    state: stepState(circuit, compiled.value, 0),
    predict,
    asking: null,
    verdicts: [],
    score: { right: 0, asked: 0 },
  };
}

/** Moves to step `index` directly (prev, reset, run, or a click on the progress), asking nothing. */
export function goTo(session: StepSession, index: number): StepSession {
  return { ...session, state: stepState(session.circuit, session.compiled, index), asking: null, verdicts: [] };
}

/**
 * One step on. In predict mode a backward step is not shown at once: the session first asks for the gradient
 * each of its wires will receive.
 */
export function next(session: StepSession): StepSession {
  if (session.asking) return session;
  const ahead = stepState(session.circuit, session.compiled, session.state.index + 1);
  if (ahead.index === session.state.index) return session;
  if (session.predict && ahead.current?.phase === 'backward' && ahead.current.pulls.length > 0) {
    return { ...session, asking: ahead.current, verdicts: [] };
  }
  return { ...session, state: ahead, verdicts: [] };
}

/** Reveals the step asked about, judging each guess at the precision shown on screen. */
export function reveal(session: StepSession, guesses: Readonly<Record<string, number | undefined>>): StepSession {
  if (!session.asking) return session;
  const verdicts = session.asking.pulls.map((pull): Guess => {
    const guess = guesses[pull.edge];
    const right = guess !== undefined && guessIsRight(guess, pull.grad);
    return { edge: pull.edge, guess: guess ?? Number.NaN, actual: pull.grad, right };
  });
  const right = verdicts.filter((v) => v.right).length;
  return {
    ...session,
    state: stepState(session.circuit, session.compiled, session.state.index + 1),
    asking: null,
    verdicts,
    score: { right: session.score.right + right, asked: session.score.asked + verdicts.length },
  };
}

export function setPredict(session: StepSession, predict: boolean): StepSession {
  return { ...session, predict, asking: predict ? session.asking : null };
}

export function atEnd(session: StepSession): boolean {
  return session.state.index >= session.state.total;
}
