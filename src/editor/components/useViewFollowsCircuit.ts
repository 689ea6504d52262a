/**
 * How the view follows the circuit: an opened circuit is fitted into view, and when the canvas changes size a
 * circuit that was all in view stays so.
 */
import { getViewportForBounds, useReactFlow, type FitViewOptions, type Viewport } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { CircuitNode } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';
import { USUAL_GATE } from '../placement.ts';

/** Room around a fitted circuit; more at the top, where the stepper's bar floats over the canvas. */
export const FIT_PADDING: NonNullable<FitViewOptions['padding']> = { x: 0.15, bottom: 0.15, top: '84px' };
/** How every fit fits: with that padding, and counting the gates the overview draws, which React Flow holds hidden. */
export const FIT_OPTIONS = { padding: FIT_PADDING, includeHiddenNodes: true } as const;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;
/** Roughly half a gate, so that a gate added at a point is centred on it. */
export const HALF_GATE = { x: USUAL_GATE.width / 2, y: USUAL_GATE.height / 2 };

/** Where fitting the view would land, from the gates' positions and a gate's usual size, before any is measured. */
function roughViewport(nodes: readonly CircuitNode[], width: number, height: number): Viewport | null {
  if (nodes.length === 0 || width === 0 || height === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position = { x: 0, y: 0 } } of nodes) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + 2 * HALF_GATE.x);
    bottom = Math.max(bottom, position.y + 2 * HALF_GATE.y);
  }
  return getViewportForBounds({ x: left, y: top, width: right - left, height: bottom - top }, width, height, MIN_ZOOM, MAX_ZOOM, FIT_PADDING);
}

/**
 * Returns, while a circuit just opened is not yet shown where it will be, the zoom it will be shown at: the canvas
 * renders the new circuit for that zoom from its first render (a large one as the overview, with no gate mounted
 * in between), and null once React Flow's view has it.
 */
export function useViewFollowsCircuit(wrapper: RefObject<HTMLDivElement | null>, opened: number): number | null {
  const store = useEditorStore();
  const rf = useReactFlow();

  // A circuit just opened is shown first where its gates will be, guessed from their positions and a gate's usual
  // size, so that a large circuit mounts already zoomed out (far, without its text); the fit below then uses the
  // sizes React Flow measured. The guess is made while rendering, as the canvas needs its zoom before React Flow has it.
  const guess = useRef<{ opened: number; view: Viewport | null; shown: boolean }>({ opened: 0, view: null, shown: true });
  if (opened > 0 && guess.current.opened !== opened) {
    const element = wrapper.current;
    const view = element ? roughViewport(store.getState().circuit.nodes, element.clientWidth, element.clientHeight) : null;
    guess.current = { opened, view, shown: false };
  }
  useLayoutEffect(() => {
    const { view } = guess.current;
    if (opened === 0 || guess.current.opened !== opened) return;
    if (view) void rf.setViewport(view);
    guess.current.shown = true;
  }, [opened, rf]);

  useEffect(() => {
    if (opened > 0) void rf.fitView({ ...FIT_OPTIONS, duration: 0 });
  }, [opened, rf]);

  // When the canvas changes size (the Learn panel opens or closes, the window is resized): a circuit that was all
  // in view stays all in view, never zoomed in further; otherwise what was at the centre stays at the centre.
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    let last = { width: element.clientWidth, height: element.clientHeight };
    const observer = new ResizeObserver(() => {
      const before = last;
      last = { width: element.clientWidth, height: element.clientHeight };
      if (before.width === 0 || last.width === 0 || (last.width === before.width && last.height === before.height)) return;
      const { x, y, zoom } = rf.getViewport();
      const flowNodes = rf.getNodes();
      const bounds = rf.getNodesBounds(flowNodes);
      const allInView =
        flowNodes.length > 0 &&
        bounds.x * zoom + x >= -1 &&
        bounds.y * zoom + y >= -1 &&
        (bounds.x + bounds.width) * zoom + x <= before.width + 1 &&
        (bounds.y + bounds.height) * zoom + y <= before.height + 1;
      if (allInView) void rf.fitView({ ...FIT_OPTIONS, duration: 0, maxZoom: zoom });
      else void rf.setViewport({ x: x + (last.width - before.width) / 2, y: y + (last.height - before.height) / 2, zoom });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [rf]);

  return guess.current.shown ? null : (guess.current.view?.zoom ?? null);
}
