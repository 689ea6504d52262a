/**
 * How the canvas reads the stepper: while a session is on, gates and wires show what the steps so far have
 * computed; otherwise the full evaluation. Selectors return primitives so that a step re-renders only the
 * gates and wires whose numbers changed.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Annotation } from '../../engine/index.ts';
import { useEditor } from '../context.ts';
import type { SteppingState, SteppingStore } from './store.ts';
import { factor, wireProduct } from './explain.ts';

export const SteppingContext = createContext<SteppingStore | null>(null);

export function useSteppingStore(): SteppingStore {
  const store = useContext(SteppingContext);
  if (!store) throw new Error('useStepping outside <SteppingContext>');
  return store;
}

export function useStepping<T>(selector: (state: SteppingState) => T): T {
  return useStore(useSteppingStore(), selector);
}

function useShown(kind: 'nodes' | 'edges', id: string): Annotation {
  const stepping = useStepping((s) => s.session !== null);
  const steppedValue = useStepping((s) => s.session?.state.annotations[kind][id]?.value ?? null);
  const steppedGrad = useStepping((s) => s.session?.state.annotations[kind][id]?.grad ?? null);
  const value = useEditor((s) => s.annotations?.[kind][id]?.value ?? null);
  const grad = useEditor((s) => s.annotations?.[kind][id]?.grad ?? null);
  return stepping ? { value: steppedValue, grad: steppedGrad } : { value, grad };
}

/** A node's value and gradient as the canvas should show them now. */
export function useShownNode(id: string): Annotation {
  return useShown('nodes', id);
}

/** A wire's value and gradient as the canvas should show them now. */
export function useShownEdge(id: string): Annotation {
  return useShown('edges', id);
}

/** While a backward step is current: the product that made this wire's gradient, e.g. "(−4) × 1 = −4". */
export function useWireProduct(edgeId: string): string | null {
  return useStepping((s) => {
    const current = s.session?.state.current;
    if (current?.phase !== 'backward') return null;
    const pull = current.pulls.find((p) => p.edge === edgeId);
    return pull ? wireProduct(pull.upstream, pull.local, pull.grad) : null;
  });
}

/** Whether this gate is the one the current step computes, and in which pass. */
export function useStepFocus(nodeId: string): 'forward' | 'backward' | null {
  return useStepping((s) => {
    const current = s.session?.state.current;
    return current && current.node === nodeId ? current.phase : null;
  });
}

/**
 * The pulls a node has received so far, written as its accumulation ("1 + (−2)"), when there is more than one;
 * shown on the node while stepping backward, so that `+=` can be seen.
 */
export function useAccumulation(nodeId: string): string | null {
  return useStepping((s) => {
    const shares = s.session?.state.shares[nodeId];
    if (!shares || shares.length < 2) return null;
    return shares.map(factor).join(' + ');
  });
}
