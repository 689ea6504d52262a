/**
 * The wire labels' test hooks while the overview draws the wires (see overview.ts): the format's contract wants every
 * wire's label, `edge-label-ID` with `data-value` and `data-grad`, and with no wire component mounted this hidden
 * layer holds them. One writer for all of them, elements made once, attributes written only where a wire's
 * annotation changed: an edit at 1,000 gates costs the attribute writes and nothing else.
 */
import { useContext, useLayoutEffect, useRef } from 'react';
import type { Annotation } from '../../engine/index.ts';
import { useEditorStore } from '../context.ts';
import { hookNumber } from '../numbers.ts';
import { SteppingContext } from '../stepping/context.ts';
import { NOT_WRITTEN } from './detail.ts';

interface Hook {
  element: HTMLElement;
  numbers: Annotation | undefined;
  value: string;
  grad: string;
}

export function WireHooks() {
  const store = useEditorStore();
  const stepping = useContext(SteppingContext);
  const layer = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const root = layer.current;
    if (!root) return;
    const hooks = new Map<string, Hook>();
    let edges: unknown = null;
    let annotations: unknown = null;
    const sync = () => {
      const { circuit } = store.getState();
      const shown = stepping?.getState().session?.state.annotations ?? store.getState().annotations;
      if (circuit.edges === edges && shown === annotations) return;
      if (circuit.edges !== edges) {
        const ids = new Set(circuit.edges.map((e) => e.id));
        for (const [id, hook] of hooks) {
          if (ids.has(id)) continue;
          hook.element.remove();
          hooks.delete(id);
        }
        for (const id of ids) {
          if (hooks.has(id)) continue;
          const element = document.createElement('div');
          element.className = 'wire-label';
          element.dataset.testid = `edge-label-${id}`;
          root.append(element);
          hooks.set(id, { element, numbers: undefined, value: NOT_WRITTEN, grad: NOT_WRITTEN });
        }
        edges = circuit.edges;
      }
      annotations = shown;
      for (const [id, hook] of hooks) {
        const numbers = shown?.edges[id];
        if (numbers === hook.numbers && hook.value !== NOT_WRITTEN) continue;
        hook.numbers = numbers;
        const value = hookNumber(numbers?.value ?? null);
        if (value !== hook.value) hook.element.setAttribute('data-value', (hook.value = value));
        const grad = hookNumber(numbers?.grad ?? null);
        if (grad !== hook.grad) hook.element.setAttribute('data-grad', (hook.grad = grad));
      }
    };
    sync();
    const unsubscribe = store.subscribe(sync);
    const unsubscribeStepping = stepping?.subscribe(sync);
    return () => {
      unsubscribe();
      unsubscribeStepping?.();
      root.replaceChildren();
    };
  }, [store, stepping]);

  return <div ref={layer} className="wire-hooks" hidden />;
}
