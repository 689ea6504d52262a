import { describe, expect, it } from 'vitest';
import { FrameMoves, type Move } from './frameMoves.ts';

function setup() {
  const applied: Move[][] = [];
  const frames = new Map<number, () => void>();
  let next = 1;
  const moves = new FrameMoves(
    (m) => applied.push(m),
    (run) => {
      frames.set(next, run);
      return next++;
    },
    (handle) => frames.delete(handle),
  );
  const runFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const run of due) run();
  };
  return { moves, applied, frames, runFrame };
}

describe('FrameMoves', () => {
  it('applies nothing until the frame, then only the last position of each gate, once', () => {
    const { moves, applied, frames, runFrame } = setup();
    moves.add([{ id: 'a', position: { x: 1, y: 1 } }]);
    moves.add([{ id: 'a', position: { x: 2, y: 3 } }, { id: 'b', position: { x: 5, y: 5 } }]);
    moves.add([{ id: 'a', position: { x: 4, y: 6 } }]);
    expect(applied).toEqual([]);
    expect(frames.size).toBe(1);
    runFrame();
    expect(applied).toEqual([[{ id: 'a', position: { x: 4, y: 6 } }, { id: 'b', position: { x: 5, y: 5 } }]]);
    runFrame();
    expect(applied).toHaveLength(1);
  });

  it('asks for a frame again after one has run', () => {
    const { moves, applied, frames, runFrame } = setup();
    moves.add([{ id: 'a', position: { x: 1, y: 1 } }]);
    runFrame();
    moves.add([{ id: 'a', position: { x: 7, y: 8 } }]);
    expect(frames.size).toBe(1);
    runFrame();
    expect(applied).toEqual([[{ id: 'a', position: { x: 1, y: 1 } }], [{ id: 'a', position: { x: 7, y: 8 } }]]);
  });

  it('flush applies held moves at once and cancels the frame, so a drag that ends records its last move', () => {
    const { moves, applied, frames, runFrame } = setup();
    moves.add([{ id: 'a', position: { x: 9, y: 9 } }]);
    moves.flush();
    expect(applied).toEqual([[{ id: 'a', position: { x: 9, y: 9 } }]]);
    expect(frames.size).toBe(0);
    runFrame();
    moves.flush();
    expect(applied).toHaveLength(1);
  });

  it('asks for no frame when given no moves', () => {
    const { moves, frames } = setup();
    moves.add([]);
    expect(frames.size).toBe(0);
  });
});
