/**
 * The Learn panel's state beside the editor's: the gradient check shown on the canvas, the nudge's baseline,
 * and the training run. It watches the editor store: the check is redone on every edit so its badges never go
 * stale, and an edit made while training (not by the training itself) pauses it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkGradients, compile, type GradCheckReport, type TrainingReport } from '../../engine/index.ts';
import type { EditorStore } from '../store.ts';
import { nudgeBaseline, sameBut, type NudgeBaseline } from './nudge.ts';
import { setInputValues } from './setup.ts';
import { autoSpeed, startRun, trainedValues, type TrainingRun } from './training.ts';

export interface CheckSettings {
  tolerance: number;
  wires: boolean;
}

export type TrainingStatus = 'idle' | 'running' | 'paused' | 'done';

export interface LearnState {
  /** The last gradient check, redone on every edit; null until asked for, or after Clear. */
  check: GradCheckReport | null;
  checkError: string | null;
  checkSettings: CheckSettings;
  nudgeInput: string | null;
  nudge: NudgeBaseline | null;
  status: TrainingStatus;
  run: TrainingRun | null;
  /** Reports so far, a new array after each frame, so charts re-render. */
  reports: readonly TrainingReport[];
  /** Iterations per frame; 0 is automatic. */
  speed: number;
  trainingError: string | null;
  actions: LearnActions;
}

export interface LearnActions {
  runCheck(settings?: Partial<CheckSettings>): void;
  clearCheck(): void;
  chooseNudgeInput(id: string | null): void;
  rebaseNudge(): void;
  start(): void;
  pause(): void;
  resume(): void;
  /** Pauses without writing the run's values back. */
  halt(): void;
  setSpeed(iterationsPerFrame: number): void;
}

export type LearnStore = StoreApi<LearnState>;

/** How often a running training writes its values into the circuit, so the canvas follows it. */
const LIVE_WRITE_MS = 250;

export interface Scheduler {
  frame(callback: () => void): () => void;
  now(): number;
}

const browserScheduler: Scheduler = {
  frame(callback) {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  },
  now: () => performance.now(),
};

export function createLearnStore(editor: EditorStore, scheduler: Scheduler = browserScheduler): LearnStore {
  let cancelFrame: (() => void) | null = null;
  let runs = 0;
  let runKey = '';
  let lastWrite = 0;
  /** The circuit as the training last wrote it: any other circuit means the user edited meanwhile. */
  let written: unknown = null;
  /** True while the training writes its values, whose edit the subscription below must not take for the user's. */
  let writing = false;

  const store = createStore<LearnState>()((set, get) => {
    const check = () => {
      const { circuit } = editor.getState();
      const compiled = compile(circuit);
      if (!compiled.ok) {
        set({ check: null, checkError: compiled.error });
        return;
      }
      const report = checkGradients(circuit, compiled.value, get().checkSettings);
      set({ check: report, checkError: report.rows.length === 0 ? 'there is no backward pass to check: the circuit has no output with a value' : null });
    };

    const baseline = (id: string | null) => {
      if (id === null) return set({ nudgeInput: null, nudge: null });
      const taken = nudgeBaseline(editor.getState().circuit, id);
      set({ nudgeInput: id, nudge: typeof taken === 'string' ? null : taken });
    };

    /** Writes the run's values into the circuit: one undo step per run, however often it writes. */
    const writeBack = (run: TrainingRun) => {
      const { actions } = editor.getState();
      writing = true;
      try {
        actions.edit(setInputValues(trainedValues(run)), runKey);
      } finally {
        writing = false;
      }
      written = editor.getState().circuit;
      lastWrite = scheduler.now();
    };

    const stopFrames = () => {
      cancelFrame?.();
      cancelFrame = null;
    };

    const frame = () => {
      cancelFrame = null;
      const { run, speed } = get();
      if (!run || get().status !== 'running') return;
      run.advance(speed > 0 ? speed : autoSpeed(run.total));
      const finished = run.done;
      if (finished || scheduler.now() - lastWrite >= LIVE_WRITE_MS) writeBack(run);
      if (finished) {
        editor.getState().actions.seal();
        set({ status: 'done', reports: [...run.reports] });
        return;
      }
      set({ reports: [...run.reports] });
      cancelFrame = scheduler.frame(frame);
    };

    const actions: LearnActions = {
      runCheck(settings) {
        if (settings) set({ checkSettings: { ...get().checkSettings, ...settings } });
        check();
      },
      clearCheck: () => set({ check: null, checkError: null }),

      chooseNudgeInput: baseline,
      rebaseNudge: () => baseline(get().nudgeInput),

      start() {
        stopFrames();
        const run = startRun(editor.getState().circuit);
        if (!run.ok) {
          set({ trainingError: run.error, status: 'idle', run: null, reports: [] });
          return;
        }
        editor.getState().actions.seal();
        runKey = `train:${++runs}`;
        written = editor.getState().circuit;
        lastWrite = scheduler.now();
        set({ run: run.value, reports: [...run.value.reports], status: 'running', trainingError: null });
        cancelFrame = scheduler.frame(frame);
      },

      pause() {
        const { run, status } = get();
        if (!run || status !== 'running') return;
        stopFrames();
        writeBack(run);
        editor.getState().actions.seal();
        set({ status: 'paused', reports: [...run.reports] });
      },

      resume() {
        const { run, status } = get();
        if (!run || status !== 'paused') return;
        // Values or wiring changed since the pause: the run's copy is stale, so a new run starts from them.
        if (editor.getState().circuit !== written) return actions.start();
        runKey = `train:${++runs}`;
        set({ status: 'running' });
        cancelFrame = scheduler.frame(frame);
      },

      halt() {
        stopFrames();
        const { run } = get();
        if (run && get().status === 'running') set({ status: 'paused', reports: [...run.reports] });
      },

      setSpeed: (speed) => set({ speed }),
    };

    return {
      check: null,
      checkError: null,
      checkSettings: { tolerance: 1e-6, wires: true },
      nudgeInput: null,
      nudge: null,
      status: 'idle',
      run: null,
      reports: [],
      speed: 0,
      trainingError: null,
      actions,
    };
  });

  editor.subscribe((state, previous) => {
    if (state.circuit === previous.circuit) return;
    const learn = store.getState();
    if (state.opened !== previous.opened) {
      // Another circuit: what was checked, nudged or trained belongs to the one before.
      learn.actions.halt();
      store.setState({ check: null, checkError: null, nudgeInput: null, nudge: null, status: 'idle', run: null, reports: [], trainingError: null });
      return;
    }
    if (learn.status === 'running' && !writing && state.circuit !== written) {
      // Not written back: the run's values would overwrite what the user just typed. Resuming starts afresh.
      learn.actions.halt();
      editor.getState().actions.notify('info', 'Training paused: the circuit was edited');
    }
    if (learn.check || learn.checkError) learn.actions.runCheck();
    if (learn.nudge && !sameBut(state.circuit, learn.nudge)) learn.actions.rebaseNudge();
    else if (learn.nudgeInput && !learn.nudge) learn.actions.rebaseNudge();
  });

  return store;
}
