/**
 * Numbers reach the DOM without a React render: a gate or wire subscribes to its own annotation and writes it
 * into its elements when it changes. A value edit that re-annotates a thousand wires then costs a few DOM
 * writes per wire instead of a thousand component renders, and fits in a frame.
 *
 * While the stepper has a session, the numbers shown are the stepper's (only what the steps so far computed);
 * this is the one place that chooses, so every gate and wire follows the stepper alike.
 */
import { useContext, useLayoutEffect, useRef } from 'react';
import type { Annotation, Annotations } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';
import { SteppingContext } from '../stepping/context.ts';

export function useAnnotation(kind: 'nodes' | 'edges', id: string, write: (numbers: Annotation | undefined) => void): void {
  const store = useEditorStore();
  const stepping = useContext(SteppingContext);
  const writer = useRef(write);
  writer.current = write;
  useLayoutEffect(() => {
    const shown = (): Annotations | null | undefined =>
      stepping?.getState().session?.state.annotations ?? store.getState().annotations;
    let last = shown()?.[kind][id];
    writer.current(last);
    const update = () => {
      const next = shown()?.[kind][id];
      if (next !== last) {
        last = next;
        writer.current(next);
      }
    };
    const unsubscribe = store.subscribe(update);
    const unsubscribeStepping = stepping?.subscribe(update);
    return () => {
      unsubscribe();
      unsubscribeStepping?.();
    };
  }, [store, stepping, kind, id]);
}
