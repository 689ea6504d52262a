/**
 * The overview canvas (see overview.ts): mounted while a large circuit is zoomed far out. It redraws when the view
 * moves (at once, so that it keeps step with the input gates React Flow still moves) and when the circuit, its
 * numbers or the selection change (once per frame). Gates drawn here can still be selected (click, Shift-click),
 * dragged, hovered for their numbers, and double-clicked to zoom in on them.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useContext, useEffect, useRef, type CSSProperties, type RefObject } from 'react';
import { gateType } from '../../engine/index.ts';
import { useActions, useEditorStore } from '../context.ts';
import { exactNumber } from '../numbers.ts';
import { SteppingContext } from '../stepping/context.ts';
import type { FlowNode, WireFlowEdge } from './flowTypes.ts';
import type { FrameMoves } from './frameMoves.ts';
import { drawOverview, gateAt, overviewScene, type Context2D, type Palette, type Scene, type StepFocus } from './overview.ts';

/**
 * The canvas reaches this far (screen pixels) past each side of the view: a pan shifts the picture already drawn,
 * as a compositor transform, and the canvas is drawn again only when the pan has gone further than that, or the
 * zoom, the circuit or its numbers changed, or the pan came to rest.
 */
const MARGIN = 256;
/** How long after the last move of a pan the canvas is drawn again around the view (ms). */
const REST = 200;
/** How far (screen pixels) the pointer must travel before a press on a gate becomes a drag. */
const DRAG_START = 3;
const GRID = 10;

function readPalette(element: Element): Palette {
  const css = getComputedStyle(element);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    gate: { input: v('--gate-input'), arithmetic: v('--gate-arith'), nonlinear: v('--gate-nonlinear') },
    border: v('--muted'),
    accent: v('--accent'),
    output: v('--value'),
    bad: v('--bad'),
    text: v('--text'),
    forward: v('--accent'),
    backward: v('--grad'),
    wire: { 'wire--up': v('--up'), 'wire--down': v('--down'), 'wire--zero': v('--none'), 'wire--none': v('--none'), 'wire--bad': v('--bad') },
  };
}

interface Props {
  wrapper: RefObject<HTMLDivElement | null>;
  frameMoves: FrameMoves;
  snapToGrid: boolean;
}

export function Overview({ wrapper, frameMoves, snapToGrid }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useEditorStore();
  const stepping = useContext(SteppingContext);
  const flow = useStoreApi<FlowNode, WireFlowEdge>();
  const rf = useReactFlow<FlowNode, WireFlowEdge>();
  const actions = useActions();
  const snap = useRef(snapToGrid);
  snap.current = snapToGrid;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d') as Context2D | null | undefined;
    const host = wrapper.current;
    if (!canvas || !ctx || !host) return;
    let palette = readPalette(host);
    const shown = () => stepping?.getState().session?.state.annotations ?? store.getState().annotations;
    let inputs: unknown[] = [];
    const focusNow = (): StepFocus | null => {
      const current = stepping?.getState().session?.state.current;
      return current && (current.phase === 'forward' || current.phase === 'backward') ? { id: current.node, pass: current.phase } : null;
    };
    const focusKey = (focus: StepFocus | null) => (focus ? `${focus.pass} ${focus.id}` : '');
    let drawnFocus = '';
    let scene: Scene = { gates: [], wires: [] };
    const sceneNow = (): Scene => {
      const { circuit, measured, selectedNodes } = store.getState();
      const next = [circuit, measured, selectedNodes, shown()];
      if (next.some((v, k) => v !== inputs[k])) {
        inputs = next;
        scene = overviewScene(circuit, measured, shown(), selectedNodes);
      }
      return scene;
    };

    let frame = 0;
    let rest: ReturnType<typeof setTimeout> | null = null;
    // What the canvas holds: the view it was drawn for, and the scene drawn.
    let drawnFor: { x: number; y: number; zoom: number; width: number; height: number; scene: Scene } | null = null;
    const draw = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      if (rest !== null) clearTimeout(rest);
      rest = null;
      const { transform, width, height } = flow.getState();
      const ratio = window.devicePixelRatio || 1;
      const [w, h] = [width + 2 * MARGIN, height + 2 * MARGIN];
      if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
        canvas.width = Math.round(w * ratio);
        canvas.height = Math.round(h * ratio);
      }
      const scene = sceneNow();
      const view = { x: transform[0] + MARGIN, y: transform[1] + MARGIN, zoom: transform[2], width: w, height: h };
      const focus = focusNow();
      drawnFocus = focusKey(focus);
      const drawn = drawOverview(ctx, scene, view, palette, ratio, focus);
      canvas.style.transform = '';
      drawnFor = { x: transform[0], y: transform[1], zoom: transform[2], width, height, scene };
      canvas.dataset.gates = String(drawn.gates);
      if (focus && drawn.focused) canvas.dataset.focus = focus.id;
      else delete canvas.dataset.focus;
      canvas.dataset.wires = String(drawn.wires);
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    // A pan within the margin moves what is drawn; anything else draws anew.
    const follow = () => {
      const { transform, width, height } = flow.getState();
      const held = drawnFor;
      const dx = held ? transform[0] - held.x : 0;
      const dy = held ? transform[1] - held.y : 0;
      if (
        !held || held.zoom !== transform[2] || held.width !== width || held.height !== height || held.scene !== sceneNow() ||
        Math.abs(dx) > MARGIN || Math.abs(dy) > MARGIN
      ) {
        draw();
        return;
      }
      canvas.style.transform = `translate(${dx}px, ${dy}px)`;
      if (rest !== null) clearTimeout(rest);
      rest = setTimeout(draw, REST);
    };
    draw();

    let view = flow.getState().transform;
    let size = [flow.getState().width, flow.getState().height];
    // React Flow's selection box passes over hidden nodes: when it ends, the drawn gates wholly inside it join the
    // selection, as React Flow's own selection takes the gates wholly inside.
    let box: { x: number; y: number; width: number; height: number } | null = null;
    const unsubscribeBox = flow.subscribe((s) => {
      if (s.userSelectionActive && s.userSelectionRect) {
        box = s.userSelectionRect;
        return;
      }
      if (!box || s.userSelectionActive) return;
      const [tx, ty, zoom] = s.transform;
      const area = { x: (box.x - tx) / zoom, y: (box.y - ty) / zoom, width: box.width / zoom, height: box.height / zoom };
      box = null;
      const inside = sceneNow().gates.filter(
        ({ box: b }) => b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height,
      );
      if (inside.length > 0) actions.changeSelection(Object.fromEntries(inside.map((g) => [g.id, true])), {});
    });
    const unsubscribeFlow = flow.subscribe((s) => {
      if (s.transform === view && s.width === size[0] && s.height === size[1]) return;
      view = s.transform;
      size = [s.width, s.height];
      follow();
    });
    // Only what changes the picture draws it again: a notice coming or going, say, does not.
    const onChange = () => {
      const { circuit, measured, selectedNodes } = store.getState();
      const next = [circuit, measured, selectedNodes, shown()];
      if (next.some((v, k) => v !== inputs[k]) || focusKey(focusNow()) !== drawnFocus) later();
    };
    const unsubscribeStore = store.subscribe(onChange);
    const unsubscribeStepping = stepping?.subscribe(onChange);
    const theme = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => {
      palette = readPalette(host);
      draw();
    };
    theme.addEventListener('change', onTheme);

    // Pointer: a press on a drawn gate selects and drags it (React Flow would pan); elsewhere React Flow has it. The
    // listeners capture on the document, ahead of React's own at its root, where React Flow starts a Shift-press's
    // selection box.
    const onPane = (event: MouseEvent) => host.contains(event.target as Node) && (event.target as Element).classList.contains('react-flow__pane');
    const gateUnder = (event: MouseEvent) => gateAt(sceneNow(), rf.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    let hovered: string | null = null;
    // Whether the press being released was on a drawn gate: its click is then not React Flow's click on empty pane,
    // which would clear the selection the press just made.
    let pressedGate = false;
    const onPointerDown = (event: PointerEvent) => {
      pressedGate = false;
      if (event.button !== 0 || !onPane(event)) return;
      const hit = gateUnder(event);
      if (!hit) return;
      pressedGate = true;
      // Without the mousedown that follows, React Flow's pan (d3-zoom) and selection box never start.
      event.preventDefault();
      event.stopPropagation();
      const { selectedNodes } = store.getState();
      if (event.shiftKey || event.metaKey || event.ctrlKey) {
        actions.changeSelection({ [hit.id]: !selectedNodes.has(hit.id) }, {});
        return;
      }
      if (!selectedNodes.has(hit.id)) actions.select([hit.id]);
      const { nodeById } = store.getState();
      const moving = [...store.getState().selectedNodes].flatMap((id) => {
        const node = nodeById.get(id);
        return node ? [{ id, from: node.position ?? { x: 0, y: 0 } }] : [];
      });
      const start = { x: event.clientX, y: event.clientY };
      const origin = rf.screenToFlowPosition(start);
      let dragging = false;
      const onMove = (e: PointerEvent) => {
        if (!dragging && Math.hypot(e.clientX - start.x, e.clientY - start.y) < DRAG_START) return;
        dragging = true;
        const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        const place = (v: number) => (snap.current ? Math.round(v / GRID) * GRID : v);
        frameMoves.add(moving.map(({ id, from }) => ({ id, position: { x: place(from.x + at.x - origin.x), y: place(from.y + at.y - origin.y) } })));
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        if (!dragging) return;
        frameMoves.flush();
        actions.endMove();
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    const onHover = (event: PointerEvent) => {
      const pane = event.target as HTMLElement;
      if (!onPane(event) || event.buttons !== 0) return;
      const hit = gateUnder(event);
      if ((hit?.id ?? null) === hovered) return;
      hovered = hit?.id ?? null;
      pane.style.cursor = hit ? 'move' : '';
      if (!hit) {
        pane.removeAttribute('title');
        return;
      }
      const node = store.getState().nodeById.get(hit.id);
      const numbers = shown()?.nodes[hit.id];
      pane.title = `${gateType(hit.type)?.title ?? hit.type} gate ${node?.label ?? hit.id}: value ${exactNumber(numbers?.value ?? null)}, gradient ${exactNumber(numbers?.grad ?? null)}. Double-click to zoom in.`;
    };
    const onClick = (event: MouseEvent) => {
      if (!pressedGate) return;
      pressedGate = false;
      event.stopPropagation();
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (!onPane(event)) return;
      const hit = gateUnder(event);
      if (!hit) return;
      // Not the gate search a double-click on empty canvas opens.
      event.stopPropagation();
      // At once: an animation would pass through the zooms where hundreds of gates are in view, and mount them all.
      void rf.setCenter(hit.box.x + hit.box.width / 2, hit.box.y + hit.box.height / 2, { zoom: 1, duration: 0 });
    };
    // Arrow keys move the selection, as they move a focused gate close up (5 px, or a grid step; four times with Shift).
    const onKeyDown = (event: KeyboardEvent) => {
      const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
      const focused = document.activeElement;
      if (!step || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (focused && focused !== document.body && (!host.contains(focused) || focused.closest('.react-flow__node, input, select, textarea, button'))) return;
      const { selectedNodes, nodeById } = store.getState();
      const moves = [...selectedNodes].flatMap((id) => {
        const node = nodeById.get(id);
        return node ? [{ id, from: node.position ?? { x: 0, y: 0 } }] : [];
      });
      if (moves.length === 0) return;
      event.preventDefault();
      const size = (snap.current ? GRID : 5) * (event.shiftKey ? 4 : 1);
      actions.moveLive(moves.map(({ id, from }) => ({ id, position: { x: from.x + step[0] * size, y: from.y + step[1] * size } })));
      actions.endMove();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    host.addEventListener('pointermove', onHover);
    document.addEventListener('click', onClick, true);
    document.addEventListener('dblclick', onDoubleClick, true);
    document.addEventListener('keydown', onKeyDown);

    return () => {
      if (frame) cancelAnimationFrame(frame);
      if (rest !== null) clearTimeout(rest);
      unsubscribeBox();
      unsubscribeFlow();
      unsubscribeStore();
      unsubscribeStepping?.();
      theme.removeEventListener('change', onTheme);
      document.removeEventListener('pointerdown', onPointerDown, true);
      host.removeEventListener('pointermove', onHover);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('dblclick', onDoubleClick, true);
      document.removeEventListener('keydown', onKeyDown);
      const pane = host.querySelector<HTMLElement>('.react-flow__pane');
      if (pane && hovered) {
        pane.removeAttribute('title');
        pane.style.cursor = '';
      }
    };
  }, [wrapper, store, stepping, flow, rf, actions, frameMoves]);

  return (
    <canvas
      ref={canvasRef}
      className="overview"
      data-testid="overview"
      aria-hidden="true"
      style={{ '--overview-margin': `${MARGIN}px` } as CSSProperties}
    />
  );
}
