/**
 * How the canvas reads the stepper: the current step's focus, products and shares. (Which numbers a gate or wire
 * shows, the stepper's or the full evaluation's, is chosen in components/useAnnotation.ts.) Selectors return
 * primitives so that a step re-renders only the gates and wires it concerns.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
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
