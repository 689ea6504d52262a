import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Circuit } from '../../engine/index.ts';
import { parseCircuit } from '../../format/index.ts';
import { createEditorStore } from '../store.ts';
import { createLearnStore, type Scheduler } from './store.ts';

function example(file: string): Circuit {
  const parsed = parseCircuit(readFileSync(new URL(`../../../public/examples/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Frames run when the test says so; the clock moves 16 ms a frame. */
function manualFrames() {
  const queue: (() => void)[] = [];
  let time = 0;
  const scheduler: Scheduler = {
    frame(callback) {
      queue.push(callback);
      return () => queue.splice(queue.indexOf(callback) >>> 0, 1);
    },
    now: () => time,
  };
  const step = (n = 1) => {
    for (let k = 0; k < n && queue.length > 0; k++) {
      time += 16;
      queue.shift()!();
    }
  };
  return { scheduler, step, pending: () => queue.length };
}

const valuesOf = (c: Circuit) => Object.fromEntries(c.nodes.filter((n) => n.type === 'input').map((n) => [n.id, n.value]));

describe('the Learn store', () => {
  it('trains the SVM example to 100% in frames, and one undo takes the circuit back', () => {
    const editor = createEditorStore({ initial: example('svm-training.circuit.json') });
    const frames = manualFrames();
    const learn = createLearnStore(editor, frames.scheduler);
    const before = valuesOf(editor.getState().circuit);
    learn.getState().actions.start();
    expect(learn.getState().status).toBe('running');
    frames.step(1000);
    expect(learn.getState().status).toBe('done');
    expect(learn.getState().reports.at(-1)).toMatchObject({ iteration: 400, accuracy: 1 });
    expect(valuesOf(editor.getState().circuit)).not.toEqual(before);
    editor.getState().actions.undo();
    expect(valuesOf(editor.getState().circuit)).toEqual(before);
  });

  it('pauses, writes back, and resumes where it was', () => {
    const editor = createEditorStore({ initial: example('net-training.circuit.json') });
    const frames = manualFrames();
    const learn = createLearnStore(editor, frames.scheduler);
    learn.getState().actions.start();
    frames.step(3);
    learn.getState().actions.pause();
    const paused = learn.getState().run!.iteration;
    expect(learn.getState().status).toBe('paused');
    expect(frames.pending()).toBe(0);
    frames.step(5);
    expect(learn.getState().run!.iteration).toBe(paused);
    learn.getState().actions.resume();
    frames.step(1000);
    expect(learn.getState().reports.at(-1)).toMatchObject({ iteration: 2000, accuracy: 1 });
  });

  it('an edit by the user while training halts it without overwriting the edit', () => {
    const editor = createEditorStore({ initial: example('svm-training.circuit.json') });
    const frames = manualFrames();
    const learn = createLearnStore(editor, frames.scheduler);
    learn.getState().actions.start();
    frames.step(2);
    editor.getState().actions.setValue('a', 42);
    expect(learn.getState().status).toBe('paused');
    expect(editor.getState().circuit.nodes.find((n) => n.id === 'a')?.value).toBe(42);
  });

  it('redoes the gradient check on every edit while one is shown', () => {
    const editor = createEditorStore({ initial: example('neuron.circuit.json') });
    const learn = createLearnStore(editor, manualFrames().scheduler);
    learn.getState().actions.runCheck();
    const first = learn.getState().check!;
    expect(first.ok).toBe(true);
    expect(first.rows.some((r) => r.kind === 'wire')).toBe(true);
    editor.getState().actions.setValue('x', 2);
    expect(learn.getState().check).not.toBe(first);
    learn.getState().actions.clearCheck();
    editor.getState().actions.setValue('x', 3);
    expect(learn.getState().check).toBeNull();
  });

  it('says why training cannot start', () => {
    const editor = createEditorStore({ initial: example('neuron.circuit.json') });
    const learn = createLearnStore(editor, manualFrames().scheduler);
    learn.getState().actions.start();
    expect(learn.getState().trainingError).toMatch(/no dataset/);
    expect(learn.getState().status).toBe('idle');
  });
});
