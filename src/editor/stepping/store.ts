/**
 * The stepper's state beside the editor's: the stepping session (if any), playback, and the actions of the
 * stepper bar. It watches the editor store: any edit gives a new circuit, and a new circuit ends the stepping,
 * so the canvas goes back to the full evaluation. It also keeps why the circuit as it is has nothing to step
 * (empty, no gate with a value, refused by the engine); then no action, button or key, starts a session.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EditorState, EditorStore } from '../store.ts';
import { atEnd, goTo, next, reveal, setPredict, startSession, type StepSession } from './session.ts';

/** Why there is nothing to step: a short status for the bar and a longer explanation for its tooltip. */
export interface NothingToStep {
  status: string;
  why: string;
}

export interface SteppingState {
  session: StepSession | null;
  /** Why no session can start on the editor's circuit as it is now; null when there is something to step. */
  blocked: NothingToStep | null;
  playing: boolean;
  /** Playback speed in steps per second. */
  speed: number;
  /** Predict mode is a preference that outlives sessions. */
  predict: boolean;
  actions: SteppingActions;
}

export interface SteppingActions {
  reset(): void;
  next(): void;
  prev(): void;
  run(): void;
  stop(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(stepsPerSecond: number): void;
  setPredict(on: boolean): void;
  reveal(guesses: Record<string, number | undefined>): void;
}

export type SteppingStore = StoreApi<SteppingState>;

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/**
 * Why a stepping session on the editor's circuit would have no step, or null when it has at least one. A session
 * steps forward through every node with a value (the engine's `forwardOrder`), and backward only through gates
 * that have one, so it has a step exactly when the circuit compiles and some node has a value. That is read from
 * the editor's own evaluation, which already compiled the circuit, rather than by compiling it again.
 */
export function nothingToStep({ circuit, annotations, evalError }: Pick<EditorState, 'circuit' | 'annotations' | 'evalError'>): NothingToStep | null {
  if (evalError !== null || annotations === null) {
    const reason = evalError ?? 'the circuit was not evaluated';
    return { status: `cannot step: ${reason}`, why: `The engine cannot run this circuit (${reason}), so there is nothing to step through.` };
  }
  if (circuit.nodes.length === 0) {
    return {
      status: 'nothing to step: add gates and wire an output',
      why: 'The circuit is empty. Add inputs and gates from the palette and wire them; then Next steps through the forward and backward passes one gate at a time.',
    };
  }
  if (!circuit.nodes.some((node) => annotations.nodes[node.id]?.value != null)) {
    return {
      status: 'nothing to step: wire inputs into the gates',
      why: 'No gate has a value yet: a gate computes one only once every input port is wired from something that has a value. Add an input and wire it in; then Next steps through the passes one gate at a time.',
    };
  }
  return null;
}

export function createSteppingStore(editor: EditorStore): SteppingStore {
  let timer: ReturnType<typeof setInterval> | null = null;

  const store = createStore<SteppingState>()((set, get) => {
    const stopTimer = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };

    /**
     * The session to act on: the current one, or a new one on the circuit as it is now; none where there is
     * nothing to step (the bar says why, so a key press does not add a notice).
     */
    const session = (): StepSession | null => {
      const current = get().session;
      if (current) return current;
      if (get().blocked) return null;
      const started = startSession(editor.getState().circuit, get().predict);
      if (typeof started === 'string') {
        editor.getState().actions.notify('error', `Cannot step this circuit: ${started}`);
        return null;
      }
      return started;
    };

    const show = (next: StepSession | null) => {
      set({ session: next });
      if (next && (atEnd(next) || next.asking)) pause();
    };

    const pause = () => {
      stopTimer();
      set({ playing: false });
    };

    const play = () => {
      const s = session();
      if (!s) return;
      stopTimer();
      // Playing from the end starts over, as a media player does.
      show(atEnd(s) ? goTo(s, 0) : s);
      set({ playing: true });
      timer = setInterval(() => {
        const current = get().session;
        if (!current) return pause();
        show(next(current));
      }, 1000 / get().speed);
    };

    const actions: SteppingActions = {
      reset() {
        const s = session();
        if (s) show(goTo(s, 0));
      },
      next() {
        const s = session();
        if (s) show(next(s));
      },
      prev() {
        const s = session();
        if (!s) return;
        // Before any stepping, "previous" steps back from the end: the last gradient to arrive.
        show(goTo(s, get().session ? s.state.index - 1 : s.state.total - 1));
      },
      run() {
        const s = session();
        if (s) show(goTo(s, s.state.total));
      },
      stop() {
        pause();
        set({ session: null });
      },
      play,
      pause,
      togglePlay: () => (get().playing ? pause() : play()),
      setSpeed(stepsPerSecond) {
        set({ speed: stepsPerSecond });
        if (get().playing) play();
      },
      setPredict(on) {
        const s = get().session;
        set({ predict: on, session: s ? setPredict(s, on) : s });
      },
      reveal(guesses) {
        const s = get().session;
        if (s) show(reveal(s, guesses));
      },
    };

    return { session: null, blocked: nothingToStep(editor.getState()), playing: false, speed: 2, predict: false, actions };
  });

  editor.subscribe((state, previous) => {
    const { session } = store.getState();
    if (session && state.circuit !== session.circuit) store.getState().actions.stop();
    if (state.annotations !== previous.annotations || state.evalError !== previous.evalError) {
      const blocked = nothingToStep(state);
      const shown = store.getState().blocked;
      if (blocked?.status !== shown?.status || blocked?.why !== shown?.why) store.setState({ blocked });
    }
  });
  return store;
}
