/**
 * The stepper's state beside the editor's: the stepping session (if any), playback, and the actions of the
 * stepper bar. It watches the editor store: any edit gives a new circuit, and a new circuit ends the stepping,
 * so the canvas goes back to the full evaluation.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EditorStore } from '../store.ts';
import { atEnd, goTo, next, reveal, setPredict, startSession, type StepSession } from './session.ts';

export interface SteppingState {
  session: StepSession | null;
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

export function createSteppingStore(editor: EditorStore): SteppingStore {
  let timer: ReturnType<typeof setInterval> | null = null;

  const store = createStore<SteppingState>()((set, get) => {
    const stopTimer = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };

    /** The session to act on: the current one, or a new one on the circuit as it is now. */
    const session = (): StepSession | null => {
      const current = get().session;
      if (current) return current;
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

    return { session: null, playing: false, speed: 2, predict: false, actions };
  });

  editor.subscribe((state) => {
    const { session } = store.getState();
    if (session && state.circuit !== session.circuit) store.getState().actions.stop();
  });
  return store;
}
