/**
 * Numbers reach the DOM without a React render: a gate or wire subscribes to its own annotation and writes it
 * into its elements when it changes. A value edit that re-annotates a thousand wires then costs a few DOM
 * writes per wire instead of a thousand component renders, and fits in a frame.
 *
 * While the stepper has a session, the numbers shown are the stepper's (only what the steps so far computed);
 * this is the one place that chooses, so every gate and wire follows the stepper alike.
 *
 * `write(numbers, detailed)`: with `detailed` false the canvas is zoomed too far out to read text, and the writer
 * may skip it; it is called again with `detailed` true once the view comes back (see detail.ts).
 */
import { useContext, useLayoutEffect, useRef } from 'react';
import type { Annotation, Annotations } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';
import { SteppingContext } from '../stepping/context.ts';
import { DetailContext } from './detail.ts';

export type AnnotationWriter = (numbers: Annotation | undefined, detailed: boolean) => void;

export function useAnnotation(kind: 'nodes' | 'edges', id: string, write: AnnotationWriter): void {
  const store = useEditorStore();
  const stepping = useContext(SteppingContext);
  const detail = useContext(DetailContext);
  const writer = useRef(write);
  writer.current = write;
  useLayoutEffect(() => {
    const shown = (): Annotations | null | undefined =>
      stepping?.getState().session?.state.annotations ?? store.getState().annotations;
    let last = shown()?.[kind][id];
    // Whether the last write skipped what only a close view shows.
    let stale = false;
    const show = () => {
      const detailed = !detail?.far;
      stale = !detailed;
      writer.current(last, detailed);
    };
    const unwatch = detail?.watch(() => {
      if (stale) show();
    });
    show();
    const update = () => {
      const next = shown()?.[kind][id];
      if (next !== last) {
        last = next;
        show();
      }
    };
    const unsubscribe = store.subscribe(update);
    const unsubscribeStepping = stepping?.subscribe(update);
    return () => {
      unsubscribe();
      unsubscribeStepping?.();
      unwatch?.();
    };
  }, [store, stepping, detail, kind, id]);
}
