/**
 * Wire labels that would cover each other. Where one value fans out to gates close together, or the view is zoomed
 * out (labels grow to stay readable), labels pile up and none can be read. In the page's order (selected and
 * stepped wires first), a label whose boxes overlap one kept before it is marked crowded: the page dims it under
 * the kept ones, and hovering it brings it back to the top.
 */
import { useStoreApi } from '@xyflow/react';
import { useContext, useEffect, type RefObject } from 'react';
import { useEditorStore } from '../context.ts';
import { SteppingContext } from '../stepping/context.ts';
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const CELL = 64;

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** For each label (the boxes of its parts), whether it is crowded; a grid of 64-px cells keeps this near-linear. */
export function crowdedLabels(labels: readonly (readonly Rect[])[]): boolean[] {
  const grid = new Map<string, Rect[]>();
  const cells = (r: Rect) => {
    const keys: string[] = [];
    for (let x = Math.floor(r.left / CELL); x <= Math.floor(r.right / CELL); x++)
      for (let y = Math.floor(r.top / CELL); y <= Math.floor(r.bottom / CELL); y++) keys.push(`${x},${y}`);
    return keys;
  };
  return labels.map((rects) => {
    const hit = rects.some((r) => cells(r).some((key) => grid.get(key)?.some((kept) => overlaps(r, kept))));
    if (hit) return true;
    for (const r of rects)
      for (const key of cells(r)) {
        const list = grid.get(key);
        if (list) list.push(r);
        else grid.set(key, [r]);
      }
    return false;
  });
}

/** How long the view and the circuit must stay put before labels are sorted out again (ms). */
const SETTLE = 120;

/** Marks crowded wire labels on the canvas whenever the view, the circuit or its numbers have settled. */
export function useDeclutter(wrapper: RefObject<HTMLElement | null>): void {
  const store = useEditorStore();
  const stepping = useContext(SteppingContext);
  const flow = useStoreApi();
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      // Far out labels are hidden, and in the overview there are none to sort out.
      if (root.classList.contains('canvas--far')) return;
      const labels = [...root.querySelectorAll<HTMLElement>('.react-flow__edgelabel-renderer .wire-label')];
      // Selected and stepped wires keep their labels first.
      const first = (l: HTMLElement) => (l.classList.contains('wire-label--selected') || l.classList.contains('wire-label--stepping') ? 0 : 1);
      const order = labels.map((label, k) => ({ label, k })).sort((a, b) => first(a.label) - first(b.label) || a.k - b.k);
      const crowded = crowdedLabels(
        order.map(({ label }) =>
          [...label.children].filter((part) => part.textContent !== '').map((part) => part.getBoundingClientRect()),
        ),
      );
      order.forEach(({ label }, k) => label.classList.toggle('wire-label--crowded', crowded[k]));
    };
    const later = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, SETTLE);
    };
    later();
    const unsubscribeFlow = flow.subscribe(later);
    const unsubscribeStore = store.subscribe(later);
    const unsubscribeStepping = stepping?.subscribe(later);
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribeFlow();
      unsubscribeStore();
      unsubscribeStepping?.();
    };
  }, [wrapper, store, stepping, flow]);
}
