/**
 * Tab order on the canvas: gates first (each followed by its own fields), then wires. React Flow puts its wires'
 * layer before its gates' in the page, so the browser's own order visited every wire before the first gate: with
 * the neuron, nine presses before reaching a gate.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]';

function focusable(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || (el as HTMLInputElement).disabled) return false;
  return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
}

/** The canvas's focusable elements in the order Tab visits them. */
export function canvasTabOrder(renderer: Element): HTMLElement[] {
  const order: HTMLElement[] = [];
  for (const gate of renderer.querySelectorAll<HTMLElement>('.react-flow__node')) {
    order.push(gate, ...gate.querySelectorAll<HTMLElement>(FOCUSABLE));
  }
  order.push(...renderer.querySelectorAll<HTMLElement>('.react-flow__edge'));
  return order.filter(focusable);
}

/** The focusable element of the page just before (or after) `boundary`, outside it. */
function besides(boundary: Element, after: boolean): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !boundary.contains(el) && focusable(el));
  const follows = (el: Element) => (boundary.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return after ? (all.find(follows) ?? null) : ([...all].reverse().find((el) => !follows(el)) ?? null);
}

export function useCanvasTabOrder(wrapper: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const renderer = () => root.querySelector('.react-flow__renderer');
    // Whether the focus is moving by Tab, so that a click on a wire is not taken for Tab arriving on the canvas.
    let tabbing = false;
    const onKeyDown = (event: KeyboardEvent) => {
      tabbing = event.key === 'Tab';
      const layer = renderer();
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !layer) return;
      const order = canvasTabOrder(layer);
      const at = order.indexOf(document.activeElement as HTMLElement);
      if (at < 0) return;
      const next = at + (event.shiftKey ? -1 : 1);
      const target = next >= 0 && next < order.length ? order[next] : besides(layer, !event.shiftKey);
      if (!target) return;
      event.preventDefault();
      target.focus();
    };
    const onPointerDown = () => {
      tabbing = false;
    };
    // Tab arriving from outside the canvas lands on the first gate (or, going back, on the last wire).
    const onFocusIn = (event: FocusEvent) => {
      const layer = renderer();
      const from = event.relatedTarget as Element | null;
      if (!tabbing || !layer || !layer.contains(event.target as Node) || (from && layer.contains(from))) return;
      const order = canvasTabOrder(layer);
      if (order.length === 0) return;
      const forward = !from || (layer.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      const target = forward ? order[0] : order[order.length - 1];
      if (target !== event.target) target.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [wrapper]);
}
