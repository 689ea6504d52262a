import { describe, expect, it } from 'vitest';
import type { Circuit } from '../../engine/index.ts';
import { addMultiply, gate, input, wire } from '../../engine/testing/build.ts';
import { createEditorStore } from '../store.ts';
import { startSession } from './session.ts';
import { createSteppingStore, nothingToStep } from './store.ts';

const empty: Circuit = { nodes: [], edges: [] };

function stores(initial: Circuit) {
  const editor = createEditorStore({ initial });
  return { editor, stepping: createSteppingStore(editor) };
}

/** Every action of the bar and its keys that could start a session. */
const starters = ['next', 'prev', 'reset', 'run', 'play', 'togglePlay'] as const;

describe('the stepper with nothing to step', () => {
  it('says why on an empty circuit, and no action (button or key) starts a session or adds a notice', () => {
    const { editor, stepping } = stores(empty);
    expect(stepping.getState().blocked?.status).toBe('nothing to step: add gates and wire an output');
    for (const action of starters) {
      stepping.getState().actions[action]();
      expect(stepping.getState().session, action).toBeNull();
      expect(stepping.getState().playing, action).toBe(false);
    }
    expect(editor.getState().notice).toBeNull();
  });

  it('a gate with no value is still nothing to step; an input gives one forward step', () => {
    const { editor, stepping } = stores(empty);
    editor.getState().actions.addGate('add', { x: 0, y: 0 });
    expect(stepping.getState().blocked?.status).toBe('nothing to step: wire inputs into the gates');
    stepping.getState().actions.next();
    expect(stepping.getState().session).toBeNull();

    editor.getState().actions.addGate('input', { x: -200, y: 0 });
    expect(stepping.getState().blocked).toBeNull();
    stepping.getState().actions.next();
    expect(stepping.getState().session?.state).toMatchObject({ index: 1, total: 1, phase: 'forward' });
  });

  it('New blocks stepping again and ends the session; opening a circuit unblocks it', () => {
    const { editor, stepping } = stores(addMultiply());
    expect(stepping.getState().blocked).toBeNull();
    stepping.getState().actions.next();
    expect(stepping.getState().session).not.toBeNull();
    editor.getState().actions.newCircuit();
    expect(stepping.getState().session).toBeNull();
    expect(stepping.getState().blocked?.status).toMatch(/^nothing to step/);
    editor.getState().actions.open(addMultiply());
    expect(stepping.getState().blocked).toBeNull();
    stepping.getState().actions.run();
    expect(stepping.getState().session?.state.index).toBe(7);
  });

  it("names the engine's refusal", () => {
    const { editor, stepping } = stores({ ...addMultiply(), output: 'gone' });
    expect(editor.getState().evalError).toBe('output: no node "gone"');
    expect(stepping.getState().blocked?.status).toBe('cannot step: output: no node "gone"');
    stepping.getState().actions.next();
    expect(stepping.getState().session).toBeNull();
  });

  it('agrees with the session itself on which circuits have a step', () => {
    const circuits: Record<string, Circuit> = {
      empty,
      'a lone gate': { nodes: [gate('g', 'add')], edges: [] },
      'a gate with one port wired': { nodes: [input('x', 1), gate('g', 'add')], edges: [wire('x', 'g', 'a')], output: 'g' },
      'a lone input': { nodes: [input('x', 1)], edges: [] },
      'two unwired inputs (no output)': { nodes: [input('x', 1), input('y', 2)], edges: [] },
      'an unwired gate beside an input': { nodes: [input('x', 1), gate('g', 'mul')], edges: [] },
      '(x + y) · z': addMultiply(),
      'a stale output': { ...addMultiply(), output: 'gone' },
    };
    for (const [name, circuit] of Object.entries(circuits)) {
      const started = startSession(circuit);
      const hasStep = typeof started !== 'string' && started.state.total > 0;
      expect(nothingToStep(createEditorStore({ initial: circuit }).getState()) === null, name).toBe(hasStep);
    }
  });
});
