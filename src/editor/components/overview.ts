/**
 * The overview: a large circuit zoomed far out is drawn on one canvas instead of as a thousand React Flow nodes.
 *
 * Far out a gate is a few pixels tall and shows no text, yet as a DOM node it still costs its share of mounting,
 * measuring, styling, hit-testing and layerizing on every open, edit and pan: at 1,000 gates more than a frame per
 * pan move, in bare React Flow too. Drawn as boxes and curves on a canvas, the same picture costs a few
 * milliseconds. Input gates stay DOM nodes (they hold the fields a value is typed into); every other gate and every
 * wire is drawn here. This module is the geometry and the drawing, pure over a minimal 2D context, so that tests
 * can check what is drawn where.
 */
import { gateType, type Annotations, type Circuit, type CircuitNode } from '../../engine/index.ts';
import { gateBox, type Box } from '../placement.ts';
import { gradClass } from './wireLook.ts';

/**
 * A circuit of at least OVERVIEW_GATES gates is drawn as an overview below FAR_ZOOM (where text would be a few pixels
 * tall, see Canvas), and also closer while more than ENTER_IN_VIEW of its gates are in view, until fewer than
 * LEAVE_IN_VIEW are: mounting every gate in view at once costs a long frame (1.2 s for 266 gates here), so the view
 * comes back to gates only where few are in view. The two counts differ so that a pan at the boundary does not
 * switch back and forth.
 */
export const FAR_ZOOM = 0.35;
export const OVERVIEW_GATES = 300;
export const ENTER_IN_VIEW = 200;
export const LEAVE_IN_VIEW = 150;

/** Whether the view is the overview, given whether it was one a moment ago (`was`). */
export function isOverview(zoom: number, gates: number, inView: number, was: boolean): boolean {
  if (gates < OVERVIEW_GATES) return false;
  if (zoom < FAR_ZOOM) return true;
  return was ? inView >= LEAVE_IN_VIEW : inView > ENTER_IN_VIEW;
}

/** How many gates (inputs included: React Flow mounts them) meet the view. */
export function gatesInView(
  nodes: readonly Pick<CircuitNode, 'id' | 'position'>[],
  measured: Readonly<Record<string, { width: number; height: number }>>,
  view: View,
): number {
  const shown = visibleRect(view);
  let count = 0;
  for (const node of nodes) if (meets(gateBox(node, measured), shown)) count++;
  return count;
}

/** Whether a node is drawn by the overview (inputs stay DOM nodes). */
export function drawnInOverview(node: Pick<CircuitNode, 'type'>): boolean {
  return node.type !== 'input';
}

export interface Point {
  x: number;
  y: number;
}

/** Where a port sits on a gate's box: the output at the middle of the right side, inputs in rows on the left, as the gate's CSS places its handles. */
export function portPoint(box: Box, type: string, port: string): Point {
  if (port === 'out') return { x: box.x + box.width, y: box.y + box.height / 2 };
  const inputs = gateType(type)?.inputs ?? [];
  const k = Math.max(0, inputs.indexOf(port));
  // Rows of 22 px centred on the body below a 25 px header (GateNode's handles).
  return { x: box.x, y: box.y + box.height / 2 + 12.5 + (k - (inputs.length - 1) / 2) * 22 };
}

/** How far a wire's control points stand off its ends: React Flow's bezier edge, so that a wire keeps its shape when the view zooms in. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

export interface WireCurve {
  id: string;
  look: string;
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

export interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

export interface Scene {
  gates: { id: string; type: string; box: Box; look: GateLook }[];
  wires: WireCurve[];
}

export type GateLook = 'plain' | 'selected' | 'output' | 'bad';

/** Everything the overview draws, in flow coordinates: the gates it draws (not inputs), every wire, and how each looks. */
export function overviewScene(
  circuit: Circuit,
  measured: Readonly<Record<string, { width: number; height: number }>>,
  annotations: Annotations | null | undefined,
  selectedNodes: ReadonlySet<string>,
): Scene {
  const boxes = new Map<string, { box: Box; type: string }>();
  for (const node of circuit.nodes) boxes.set(node.id, { box: gateBox(node, measured), type: node.type });
  const gates: Scene['gates'] = [];
  for (const node of circuit.nodes) {
    if (!drawnInOverview(node)) continue;
    const own = annotations?.nodes[node.id];
    const bad = !!own && ((own.value !== null && !Number.isFinite(own.value)) || (own.grad !== null && !Number.isFinite(own.grad)));
    const look: GateLook = selectedNodes.has(node.id) ? 'selected' : bad ? 'bad' : annotations?.output === node.id ? 'output' : 'plain';
    gates.push({ id: node.id, type: node.type, box: boxes.get(node.id)!.box, look });
  }
  const wires: WireCurve[] = [];
  for (const edge of circuit.edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) continue;
    const from = portPoint(source.box, source.type, 'out');
    const to = portPoint(target.box, target.type, edge.targetHandle);
    const off = controlOffset(to.x - from.x);
    wires.push({
      id: edge.id,
      look: gradClass(annotations?.edges[edge.id]?.grad ?? null),
      from,
      c1: { x: from.x + off, y: from.y },
      c2: { x: to.x - off, y: to.y },
      to,
    });
  }
  return { gates, wires };
}

/** The part of the flow the view shows. */
export function visibleRect(view: View): Box {
  return { x: -view.x / view.zoom, y: -view.y / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom };
}

function meets(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function curveBox(w: WireCurve): Box {
  const xs = [w.from.x, w.c1.x, w.c2.x, w.to.x];
  const ys = [w.from.y, w.c1.y, w.c2.y, w.to.y];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The gate drawn at a flow point, or null; the one drawn last (on top) where boxes overlap. */
export function gateAt(scene: Scene, point: Point): Scene['gates'][number] | null {
  for (let k = scene.gates.length - 1; k >= 0; k--) {
    const { box } = scene.gates[k];
    if (point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height) return scene.gates[k];
  }
  return null;
}

/** The colours the overview draws with, read from the page's CSS so that it follows the theme. */
export interface Palette {
  gate: Record<string, string>;
  border: string;
  accent: string;
  output: string;
  bad: string;
  text: string;
  /** The stepper's marks: the gate a forward step computes, and the one a backward step does. */
  forward: string;
  backward: string;
  wire: Record<string, string>;
}

/** The gate the stepper's current step computes, marked so that it can be found among a thousand. */
export interface StepFocus {
  id: string;
  pass: 'forward' | 'backward';
}

/** The few calls of a 2D canvas context the overview makes. */
export type Context2D = Pick<
  CanvasRenderingContext2D,
  | 'setTransform' | 'clearRect' | 'beginPath' | 'moveTo' | 'bezierCurveTo' | 'rect' | 'arc' | 'stroke' | 'fill' | 'fillText'
  | 'setLineDash' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textAlign' | 'textBaseline'
>;

const DASHES: Record<string, number[]> = { 'wire--none': [4, 4], 'wire--bad': [2, 3] };

/**
 * Draws the scene as the view shows it, into a canvas of the view's size (times `ratio`, the device pixel ratio).
 * Wires of one look go in one path, so a thousand wires are a handful of strokes. Returns how many gates and wires
 * were drawn (those in view), and whether the stepped gate was among them.
 */
export function drawOverview(
  ctx: Context2D,
  scene: Scene,
  view: View,
  palette: Palette,
  ratio = 1,
  focus: StepFocus | null = null,
): { gates: number; wires: number; focused: boolean } {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.setTransform(view.zoom * ratio, 0, 0, view.zoom * ratio, view.x * ratio, view.y * ratio);
  const shown = visibleRect(view);
  const pixel = 1 / view.zoom;

  const byLook = new Map<string, WireCurve[]>();
  let wires = 0;
  for (const w of scene.wires) {
    if (!meets(curveBox(w), shown)) continue;
    wires++;
    const list = byLook.get(w.look);
    if (list) list.push(w);
    else byLook.set(w.look, [w]);
  }
  for (const [look, list] of byLook) {
    ctx.beginPath();
    for (const w of list) {
      ctx.moveTo(w.from.x, w.from.y);
      ctx.bezierCurveTo(w.c1.x, w.c1.y, w.c2.x, w.c2.y, w.to.x, w.to.y);
    }
    ctx.setLineDash((DASHES[look] ?? []).map((d) => d * pixel));
    ctx.strokeStyle = palette.wire[look] ?? palette.wire['wire--none'];
    ctx.lineWidth = 1.2 * pixel;
    ctx.stroke();
  }
  ctx.setLineDash([]);

  const inView = scene.gates.filter((g) => meets(g.box, shown));
  // Fill by group, then borders by look: a few fills and strokes, not one per gate.
  const byGroup = new Map<string, Box[]>();
  for (const g of inView) {
    const group = gateType(g.type)?.group ?? 'arithmetic';
    const list = byGroup.get(group);
    if (list) list.push(g.box);
    else byGroup.set(group, [g.box]);
  }
  for (const [group, boxes] of byGroup) {
    ctx.beginPath();
    for (const b of boxes) ctx.rect(b.x, b.y, b.width, b.height);
    ctx.fillStyle = palette.gate[group] ?? palette.gate.arithmetic;
    ctx.fill();
  }
  const colour: Record<GateLook, string> = { plain: palette.border, selected: palette.accent, output: palette.output, bad: palette.bad };
  for (const look of ['plain', 'output', 'bad', 'selected'] as const) {
    const boxes = inView.filter((g) => g.look === look);
    if (boxes.length === 0) continue;
    ctx.beginPath();
    for (const { box: b } of boxes) ctx.rect(b.x, b.y, b.width, b.height);
    ctx.strokeStyle = colour[look];
    ctx.lineWidth = (look === 'plain' ? 1 : 2.5) * pixel;
    ctx.stroke();
  }
  // The gate's symbol, as the far-out DOM gate shows it, when it is big enough to read.
  if (70 * view.zoom >= 9) {
    ctx.fillStyle = palette.text;
    ctx.font = "700 40px 'Cambria Math', 'STIX Two Math', serif";
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const g of inView) ctx.fillText(gateType(g.type)?.symbol ?? '?', g.box.x + g.box.width / 2, g.box.y + g.box.height / 2);
  }
  // The stepped gate: a thick frame, and a ring 24 screen pixels out around it.
  const stepped = focus && inView.find((g) => g.id === focus.id);
  if (stepped) {
    const b = stepped.box;
    ctx.strokeStyle = focus.pass === 'forward' ? palette.forward : palette.backward;
    ctx.lineWidth = 3 * pixel;
    ctx.beginPath();
    ctx.rect(b.x - 3 * pixel, b.y - 3 * pixel, b.width + 6 * pixel, b.height + 6 * pixel);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(b.x + b.width / 2, b.y + b.height / 2, Math.hypot(b.width, b.height) / 2 + 24 * pixel, 0, 2 * Math.PI);
    ctx.stroke();
  }
  return { gates: inView.length, wires, focused: !!stepped };
}
