import { describe, expect, it } from 'vitest';
import type { Annotations, Circuit } from '../../engine/index.ts';
import { drawOverview, ENTER_IN_VIEW, gateAt, gatesInView, isOverview, LEAVE_IN_VIEW, OVERVIEW_GATES, FAR_ZOOM, overviewScene, portPoint, visibleRect, type Context2D, type Palette } from './overview.ts';

const box = { x: 100, y: 200, width: 130, height: 70 };

const circuit: Circuit = {
  name: 't',
  nodes: [
    { id: 'a', type: 'input', value: 2, position: { x: 0, y: 0 } },
    { id: 'b', type: 'input', value: -3, position: { x: 0, y: 100 } },
    { id: 'm', type: 'mul', position: { x: 300, y: 40 } },
    { id: 't', type: 'tanh', position: { x: 600, y: 40 } },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'm', targetHandle: 'a' },
    { id: 'e2', source: 'b', target: 'm', targetHandle: 'b' },
    { id: 'e3', source: 'm', target: 't', targetHandle: 'x' },
  ],
  output: 't',
};

const annotations: Annotations = {
  output: 't',
  nodes: { a: { value: 2, grad: -3 }, b: { value: -3, grad: 2 }, m: { value: -6, grad: 1 }, t: { value: NaN, grad: 1 } },
  edges: { e1: { value: 2, grad: -3 }, e2: { value: -3, grad: 0 }, e3: { value: -6, grad: null } },
};

describe('when the overview is drawn', () => {
  it('takes a large circuit zoomed far out, and never a small one', () => {
    expect(isOverview(FAR_ZOOM / 2, OVERVIEW_GATES, 0, false)).toBe(true);
    expect(isOverview(FAR_ZOOM / 2, OVERVIEW_GATES - 1, 299, true)).toBe(false);
  });

  it('closer in, keeps a large circuit drawn while many gates are in view, and switches back only well below that', () => {
    expect(isOverview(FAR_ZOOM, 5000, ENTER_IN_VIEW, false)).toBe(false);
    expect(isOverview(FAR_ZOOM, 5000, ENTER_IN_VIEW + 1, false)).toBe(true);
    // Once in the overview, it stays until fewer than LEAVE_IN_VIEW are in view.
    expect(isOverview(0.5, 5000, ENTER_IN_VIEW, true)).toBe(true);
    expect(isOverview(0.5, 5000, LEAVE_IN_VIEW, true)).toBe(true);
    expect(isOverview(0.5, 5000, LEAVE_IN_VIEW - 1, true)).toBe(false);
  });

  it('counts the gates that meet the view, inputs too', () => {
    // The view shows flow x 500..900: only t (600..730).
    expect(gatesInView(circuit.nodes, {}, { x: -50, y: 0, zoom: 0.1, width: 40, height: 60 })).toBe(1);
    expect(gatesInView(circuit.nodes, {}, { x: 0, y: 0, zoom: 1, width: 1000, height: 600 })).toBe(4);
  });
});

describe('portPoint', () => {
  it('puts the output at the middle of the right side', () => {
    expect(portPoint(box, 'mul', 'out')).toEqual({ x: 230, y: 235 });
  });

  it('puts input ports where the gate CSS puts its handles: 22 px rows centred 12.5 px below the middle', () => {
    // .port--1-of-2 at 50% + 1.5px, .port--2-of-2 at 50% + 23.5px, .port--1-of-1 at 50% + 12.5px
    expect(portPoint(box, 'mul', 'a')).toEqual({ x: 100, y: 236.5 });
    expect(portPoint(box, 'mul', 'b')).toEqual({ x: 100, y: 258.5 });
    expect(portPoint(box, 'tanh', 'x')).toEqual({ x: 100, y: 247.5 });
  });
});

describe('overviewScene', () => {
  const scene = overviewScene(circuit, { m: { width: 150, height: 80 } }, annotations, new Set(['m']));

  it('draws every gate but the inputs, at its measured size or else the usual one', () => {
    expect(scene.gates.map((g) => [g.id, g.box])).toEqual([
      ['m', { x: 300, y: 40, width: 150, height: 80 }],
      ['t', { x: 600, y: 40, width: 130, height: 70 }],
    ]);
  });

  it('marks the selected gate, and a gate whose value is not finite (before being the output)', () => {
    expect(scene.gates.map((g) => g.look)).toEqual(['selected', 'bad']);
    const plain = overviewScene(circuit, {}, { ...annotations, nodes: { ...annotations.nodes, t: { value: 0.5, grad: 1 } } }, new Set());
    expect(plain.gates.map((g) => g.look)).toEqual(['plain', 'output']);
  });

  it('runs each wire from its source output to its target port, as a React Flow bezier, coloured by its gradient', () => {
    const e3 = scene.wires.find((w) => w.id === 'e3')!;
    expect(e3.from).toEqual({ x: 450, y: 80 });
    expect(e3.to).toEqual({ x: 600, y: 87.5 });
    // Half the horizontal distance out from each end.
    expect(e3.c1).toEqual({ x: 525, y: 80 });
    expect(e3.c2).toEqual({ x: 525, y: 87.5 });
    expect(scene.wires.map((w) => w.look)).toEqual(['wire--down', 'wire--zero', 'wire--none']);
  });

  it('bends a wire running back to the left out past both ends', () => {
    const back = overviewScene(
      { ...circuit, nodes: circuit.nodes.map((n) => (n.id === 't' ? { ...n, position: { x: 350, y: 300 } } : n)) },
      {},
      null,
      new Set(),
    ).wires.find((w) => w.id === 'e3')!;
    expect(back.from.x).toBe(430);
    expect(back.to.x).toBe(350);
    expect(back.c1.x).toBeCloseTo(430 + 6.25 * Math.sqrt(80));
    expect(back.c2.x).toBeCloseTo(350 - 6.25 * Math.sqrt(80));
  });
});

describe('gateAt', () => {
  const scene = overviewScene(circuit, {}, annotations, new Set());

  it('finds the gate under a point, and nothing on empty canvas or on an input (a node of its own)', () => {
    expect(gateAt(scene, { x: 310, y: 50 })?.id).toBe('m');
    expect(gateAt(scene, { x: 729, y: 109 })?.id).toBe('t');
    expect(gateAt(scene, { x: 500, y: 50 })).toBeNull();
    expect(gateAt(scene, { x: 10, y: 10 })).toBeNull();
  });

  it('takes the one drawn last where two overlap', () => {
    const over = overviewScene({ ...circuit, nodes: circuit.nodes.map((n) => (n.id === 't' ? { ...n, position: { x: 350, y: 40 } } : n)) }, {}, null, new Set());
    expect(gateAt(over, { x: 400, y: 60 })?.id).toBe('t');
  });
});

/** A context that records the calls the overview makes. */
function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => calls.push(`${key}(${args.map((a) => JSON.stringify(a)).join(',')})`)),
    set: (target, key: string, value) => {
      target[key] = value;
      calls.push(`${key}=${value}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as Context2D, calls };
}

const palette: Palette = {
  gate: { input: '#in', arithmetic: '#ar', nonlinear: '#nl' },
  border: '#border', accent: '#accent', output: '#output', bad: '#bad', text: '#text', forward: '#fwd', backward: '#bwd',
  wire: { 'wire--up': '#up', 'wire--down': '#down', 'wire--zero': '#zero', 'wire--none': '#none', 'wire--bad': '#bad' },
};

describe('drawOverview', () => {
  const scene = overviewScene(circuit, {}, annotations, new Set(['m']));

  it('draws in flow coordinates through the view transform, one stroke per wire colour, one fill per gate group', () => {
    const { ctx, calls } = recorder();
    const drawn = drawOverview(ctx, scene, { x: 10, y: 20, zoom: 0.5, width: 800, height: 600 }, palette, 2);
    expect(drawn).toEqual({ gates: 2, wires: 3, focused: false });
    expect(calls).toContain('setTransform(1,0,0,1,20,40)');
    expect(calls.filter((c) => c.startsWith('bezierCurveTo'))).toHaveLength(3);
    // e1 and e2 leave different colours: three wire strokes, then a border stroke for each gate look drawn.
    const strokes = calls.flatMap((c, k) => (c === 'stroke()' ? [calls.slice(0, k).reverse().find((s) => s.startsWith('strokeStyle='))] : []));
    expect(strokes).toEqual(['strokeStyle=#down', 'strokeStyle=#zero', 'strokeStyle=#none', 'strokeStyle=#bad', 'strokeStyle=#accent']);
    expect(calls.filter((c) => c === 'fill()')).toHaveLength(2);
    // Line widths stay a screen pixel or so at any zoom.
    expect(calls).toContain('lineWidth=2.4');
  });

  it('leaves out what is outside the view, and the symbols when too small to read', () => {
    const { ctx, calls } = recorder();
    // The view shows flow x from 500 to 900: gate t and the wire into it; gate m ends at 430.
    const view = { x: -500 * 0.1, y: 10, zoom: 0.1, width: 40, height: 60 };
    expect(visibleRect(view)).toEqual({ x: 500, y: -100, width: 400, height: 600 });
    expect(drawOverview(ctx, scene, view, palette)).toEqual({ gates: 1, wires: 1, focused: false });
    expect(calls.some((c) => c.startsWith('fillText'))).toBe(false);
  });

  it('marks the stepped gate with a frame and a ring in its pass colour, and nothing when it is not drawn', () => {
    const { ctx, calls } = recorder();
    drawOverview(ctx, scene, { x: 0, y: 0, zoom: 0.2, width: 1000, height: 600 }, palette, 1, { id: 't', pass: 'backward' });
    const ring = calls.findIndex((c) => c.startsWith('arc('));
    expect(ring).toBeGreaterThan(0);
    // Around t's centre (665, 75), its half-diagonal and 24 screen pixels (120 flow units at 20 %) out.
    const [x, y, r] = JSON.parse(`[${calls[ring].slice(4, -1)}]`) as number[];
    expect([x, y]).toEqual([665, 75]);
    expect(r).toBeCloseTo(Math.hypot(130, 70) / 2 + 120);
    expect(calls.slice(0, ring).reverse().find((c) => c.startsWith('strokeStyle='))).toBe('strokeStyle=#bwd');
    const inputs = recorder();
    drawOverview(inputs.ctx, scene, { x: 0, y: 0, zoom: 0.2, width: 1000, height: 600 }, palette, 1, { id: 'a', pass: 'forward' });
    expect(inputs.calls.some((c) => c.startsWith('arc('))).toBe(false);
  });

  it('writes each gate symbol when a gate is tall enough to read it', () => {
    const { ctx, calls } = recorder();
    drawOverview(ctx, scene, { x: 0, y: 0, zoom: 0.3, width: 1000, height: 600 }, palette);
    expect(calls.filter((c) => c.startsWith('fillText')).map((c) => c.slice(9, 12))).toEqual(['"×"', '"ta']);
  });
});
