import { describe, expect, it } from 'vitest';
import type { Circuit } from '../../engine/index.ts';
import { addMultiply } from '../../engine/testing/build.ts';
import { atEnd, goTo, next, reveal, setPredict, startSession, type StepSession } from './session.ts';

// (x + y) * z at (-2, 5, -4): 5 forward steps, then f and q backward.
const circuit = addMultiply();

function start(predict = false): StepSession {
  const session = startSession(circuit, predict);
  if (typeof session === 'string') throw new Error(session);
  return session;
}

const steps = (s: StepSession, n: number) => Array.from({ length: n }).reduce<StepSession>((acc) => next(acc), s);

describe('a stepping session', () => {
  it('starts at reset and walks forward, then backward, to the end', () => {
    let s = start();
    expect(s.state.index).toBe(0);
    s = steps(s, 5);
    expect(s.state).toMatchObject({ phase: 'forward', phaseIndex: 5 });
    s = next(s);
    expect(s.state).toMatchObject({ phase: 'backward', phaseIndex: 1 });
    s = next(s);
    expect(atEnd(s)).toBe(true);
    expect(next(s)).toBe(s);
    expect(goTo(s, 2).state.index).toBe(2);
  });

  it('in predict mode asks before a backward step, then reveals it and keeps the score', () => {
    let s = steps(start(true), 5);
    s = next(s);
    expect(s.state.index).toBe(5);
    expect(s.asking?.node).toBe('f');
    expect(s.asking?.pulls.map((p) => p.edge)).toEqual(['e3', 'e4']);
    // Asking blocks further steps until the guesses are in.
    expect(next(s)).toBe(s);
    s = reveal(s, { e3: -4, e4: 2.5 });
    expect(s.state.index).toBe(6);
    expect(s.verdicts).toEqual([
      { edge: 'e3', guess: -4, actual: -4, right: true },
      { edge: 'e4', guess: 2.5, actual: 3, right: false },
    ]);
    expect(s.score).toEqual({ right: 1, asked: 2 });
    s = reveal(next(s), { e1: -4, e2: -4.0001 });
    expect(s.score).toEqual({ right: 3, asked: 4 });
    expect(atEnd(s)).toBe(true);
  });

  it('treats a missing guess as wrong, and stops asking when predict mode is turned off', () => {
    let s = next(steps(start(true), 5));
    expect(setPredict(s, false).asking).toBeNull();
    s = reveal(s, {});
    expect(s.verdicts.every((v) => !v.right)).toBe(true);
    expect(s.score).toEqual({ right: 0, asked: 2 });
  });

  it('refuses a circuit the engine refuses', () => {
    const cyclic: Circuit = {
      nodes: [{ id: 'a', type: 'neg' }, { id: 'b', type: 'neg' }],
      edges: [
        { id: '1', source: 'a', target: 'b', targetHandle: 'x' },
        { id: '2', source: 'b', target: 'a', targetHandle: 'x' },
      ],
    };
    expect(startSession(cyclic)).toBe('cycle: a -> b -> a');
  });
});
