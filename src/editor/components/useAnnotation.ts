/**
 * Numbers reach the DOM without a React render: a gate or wire subscribes to its own annotation and writes it
 * into its elements when it changes. A value edit that re-annotates a thousand wires then costs a few DOM
 * writes per wire instead of a thousand component renders, and fits in a frame.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Annotation } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';

export function useAnnotation(kind: 'nodes' | 'edges', id: string, write: (numbers: Annotation | undefined) => void): void {
  const store = useEditorStore();
  const writer = useRef(write);
  writer.current = write;
  useLayoutEffect(() => {
    let last = store.getState().annotations?.[kind][id];
    writer.current(last);
    return store.subscribe((state) => {
      const next = state.annotations?.[kind][id];
      if (next !== last) {
        last = next;
        writer.current(next);
      }
    });
  }, [store, kind, id]);
}
