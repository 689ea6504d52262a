/**
 * Every refusal class of the format, each with the exact message that names the place; and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, parseCircuit, validateCircuit } from './index.ts';

/** A valid version-1 document of (x + y) * z, built fresh for each test to be broken in one place. */
function doc(): Record<string, any> {
  return {
    format: 'wiregrad/circuit',
    version: 1,
    name: '(x + y) * z',
    nodes: [
      { id: 'x', type: 'input', value: -2 },
      { id: 'y', type: 'input', value: 5 },
      { id: 'q', type: 'add' },
      { id: 'z', type: 'input', value: -4, trainable: false },
      { id: 'f', type: 'mul' },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'q', targetHandle: 'a' },
      { id: 'e2', source: 'y', target: 'q', targetHandle: 'b' },
      { id: 'e3', source: 'q', target: 'f', targetHandle: 'a' },
      { id: 'e4', source: 'z', target: 'f', targetHandle: 'b' },
    ],
    output: 'f',
  };
}

function refusal(document: unknown): string {
  const result = parseCircuit(typeof document === 'string' ? document : JSON.stringify(document));
  if (result.ok) throw new Error('expected a refusal, the document was accepted');
  return result.error;
}

function broken(change: (d: Record<string, any>) => void): string {
  const d = doc();
  change(d);
  return refusal(d);
}

describe('the valid document', () => {
  it('is accepted as the circuit it describes', () => {
    const result = parseCircuit(JSON.stringify(doc()));
    if (!result.ok) throw new Error(result.error);
    const { format: _f, version: _v, ...circuit } = doc();
    expect(result.value).toStrictEqual(circuit);
  });

  it('an unwired input port is allowed: incomplete, not invalid', () => {
    const d = doc();
    d.edges.splice(1, 1);
    expect(parseCircuit(JSON.stringify(d)).ok).toBe(true);
  });

  it('optional fields may be absent; unknown fields are ignored', () => {
    const d = doc();
    delete d.name;
    delete d.output;
    d.extra = { anything: true };
    d.nodes[2].color = 'red';
    const result = parseCircuit(JSON.stringify(d));
    if (!result.ok) throw new Error(result.error);
    expect(result.value).not.toHaveProperty('extra');
    expect(result.value.nodes[2]).toStrictEqual({ id: 'q', type: 'add' });
  });

  it('labels, positions, sourceHandle "out", trainable and outputGrad are read', () => {
    const d = doc();
    d.nodes[0] = { id: 'x', type: 'input', value: -2, trainable: true, label: 'x₀', position: { x: 1.5, y: -20 } };
    d.edges[0].sourceHandle = 'out';
    d.outputGrad = -1;
    const result = parseCircuit(JSON.stringify(d));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.nodes[0]).toStrictEqual(d.nodes[0]);
    expect(result.value.edges[0].sourceHandle).toBe('out');
    expect(result.value.outputGrad).toBe(-1);
  });
});

describe('refusals name the place', () => {
  it('not JSON: the parser message with line and column', () => {
    expect(refusal('{\n  "format": "wiregrad/circuit",\n  oops\n}')).toBe(
      'not JSON: Expected double-quoted property name in JSON at position 36 (line 3, column 3)',
    );
    expect(refusal('')).toMatch(/^not JSON: /);
    expect(refusal('{"format": "wiregrad/circuit",')).toMatch(/^not JSON: /);
  });

  it('not an object', () => {
    expect(refusal('[]')).toBe('the document is an array, not a circuit object');
    expect(refusal('null')).toBe('the document is null, not a circuit object');
    expect(refusal('"circuit"')).toBe('the document is the string "circuit", not a circuit object');
    expect(refusal('42')).toBe('the document is the number 42, not a circuit object');
  });

  it('format string wrong or missing', () => {
    expect(broken((d) => { d.format = 'wiregrad/circuits'; })).toBe('format: expected "wiregrad/circuit", got the string "wiregrad/circuits"');
    expect(broken((d) => { delete d.format; })).toBe('format: expected "wiregrad/circuit", got nothing');
    expect(broken((d) => { d.format = 1; })).toBe('format: expected "wiregrad/circuit", got the number 1');
  });

  it('a version newer than this wiregrad reads: the message names it', () => {
    const newer = CURRENT_VERSION + 1;
    expect(broken((d) => { d.version = newer; })).toBe(
      `version: this file is version ${newer}, newer than this wiregrad reads (up to version ${CURRENT_VERSION}); update wiregrad to open it`,
    );
    expect(broken((d) => { d.version = 99; })).toContain('version 99');
  });

  it('a version that is not a whole number from 1', () => {
    const expected = (got: string) => `version: expected a whole number from 1 to ${CURRENT_VERSION}, got ${got}`;
    expect(broken((d) => { delete d.version; })).toBe(expected('nothing'));
    expect(broken((d) => { d.version = '1'; })).toBe(expected('"1"'));
    expect(broken((d) => { d.version = 0; })).toBe(expected('0'));
    expect(broken((d) => { d.version = 1.5; })).toBe(expected('1.5'));
  });

  it('missing required fields', () => {
    expect(broken((d) => { delete d.nodes; })).toBe('nodes: missing (required)');
    expect(broken((d) => { delete d.edges; })).toBe('edges: missing (required)');
    expect(broken((d) => { delete d.nodes[0].id; })).toBe('nodes[0].id: missing (required)');
    expect(broken((d) => { delete d.nodes[2].type; })).toBe('nodes[2].type: missing (required)');
    expect(broken((d) => { delete d.edges[1].id; })).toBe('edges[1].id: missing (required)');
    expect(broken((d) => { delete d.edges[1].source; })).toBe('edges[1].source: missing (required)');
    expect(broken((d) => { delete d.edges[2].target; })).toBe('edges[2].target: missing (required)');
    expect(broken((d) => { delete d.edges[3].targetHandle; })).toBe('edges[3].targetHandle: missing (required)');
    expect(broken((d) => { delete d.nodes[1].value; })).toBe('nodes[1].value: missing; an input needs a value');
  });

  it('an empty id', () => {
    expect(broken((d) => { d.nodes[0].id = ''; })).toBe('nodes[0].id: must not be empty');
    expect(broken((d) => { d.edges[0].id = ''; })).toBe('edges[0].id: must not be empty');
  });

  it('fields of the wrong type', () => {
    expect(broken((d) => { d.nodes[0].value = '3'; })).toBe('nodes[0].value: expected a finite number, got the string "3"');
    expect(broken((d) => { d.nodes[0].trainable = 'yes'; })).toBe('nodes[0].trainable: expected true or false, got the string "yes"');
    expect(broken((d) => { d.nodes[0].label = 7; })).toBe('nodes[0].label: expected a string, got the number 7');
    expect(broken((d) => { d.nodes[0].position = { x: 0, y: '1' }; })).toBe('nodes[0].position.y: expected a finite number, got the string "1"');
    expect(broken((d) => { d.nodes[0].position = [0, 1]; })).toBe('nodes[0].position: expected an object, got an array');
    expect(broken((d) => { d.edges[0].source = 5; })).toBe('edges[0].source: expected a string, got the number 5');
    expect(broken((d) => { d.nodes = {}; })).toBe('nodes: expected an array, got an object');
    expect(broken((d) => { d.output = null; })).toBe('output: expected a string, got null');
    expect(broken((d) => { d.name = false; })).toBe('name: expected a string, got a boolean');
    expect(broken((d) => { d.outputGrad = '1'; })).toBe('outputGrad: expected a finite number, got the string "1"');
  });

  it('several problems: the first is named and the rest counted', () => {
    expect(broken((d) => { delete d.nodes[0].id; d.nodes[1].id = 3; d.edges[0].target = 1; })).toBe(
      'nodes[0].id: missing (required) (and 2 more problems)',
    );
  });

  it('numbers that are not finite (1e999 in the text reads as Infinity)', () => {
    const text = (field: string, number: string) => {
      const d = JSON.stringify(doc());
      return d.replace(field, number);
    };
    expect(refusal(text('"value":-2', '"value":1e999'))).toBe('nodes[0].value: expected a finite number, got Infinity');
    expect(refusal(text('"value":5', '"value":-1e999'))).toBe('nodes[1].value: expected a finite number, got -Infinity');
    expect(refusal(text('"output":"f"', '"output":"f","outputGrad":1e400'))).toBe('outputGrad: expected a finite number, got Infinity');
    expect(refusal(text('"type":"add"', '"type":"add","position":{"x":1e999,"y":0}'))).toBe(
      'nodes[2].position.x: expected a finite number, got Infinity',
    );
  });

  it('NaN and Infinity handed over as values (not through JSON) are refused too', () => {
    const d = doc();
    d.nodes[0].value = NaN;
    expect(validateCircuit(d)).toEqual({ ok: false, error: 'nodes[0].value: expected a finite number, got NaN' });
    d.nodes[0].value = Infinity;
    expect(validateCircuit(d)).toEqual({ ok: false, error: 'nodes[0].value: expected a finite number, got Infinity' });
  });

  it('a repeated node id', () => {
    expect(broken((d) => { d.nodes[2].id = 'x'; })).toBe('nodes[2].id: "x" is already the id of nodes[0]');
  });

  it('a repeated edge id', () => {
    expect(broken((d) => { d.edges[3].id = 'e2'; })).toBe('edges[3].id: "e2" is already the id of edges[1]');
  });

  it('a node id and an edge id may be the same', () => {
    const d = doc();
    d.edges[0].id = 'x';
    expect(parseCircuit(JSON.stringify(d)).ok).toBe(true);
  });

  it('an unknown gate', () => {
    expect(broken((d) => { d.nodes[4].type = 'mull'; })).toBe('nodes[4].type: unknown gate "mull"');
    expect(broken((d) => { d.nodes.splice(3, 0, { id: 'g', type: 'mull' }); })).toBe('nodes[3].type: unknown gate "mull"');
    expect(broken((d) => { d.nodes[2].type = 'Add'; })).toBe('nodes[2].type: unknown gate "Add"');
  });

  it('an edge to or from a missing node', () => {
    expect(broken((d) => { d.edges[2].target = 'q2'; })).toBe('edges[2].target: no node "q2"');
    expect(broken((d) => { d.edges[2].source = 'q2'; })).toBe('edges[2].source: no node "q2"');
  });

  it('an unknown port', () => {
    expect(broken((d) => { d.edges[3].targetHandle = 'x'; })).toBe(
      'edges[3].targetHandle: mul gate "f" has no port "x" (its ports: "a", "b")',
    );
    expect(broken((d) => { d.nodes[4].type = 'neg'; d.edges.splice(3, 1); })).toBe(
      'edges[2].targetHandle: neg gate "f" has no port "a" (its ports: "x")',
    );
  });

  it('a sourceHandle other than "out"', () => {
    expect(broken((d) => { d.edges[0].sourceHandle = 'a'; })).toBe(
      'edges[0].sourceHandle: "a" is not a port; every gate\'s output is "out"',
    );
  });

  it('two edges into one port', () => {
    expect(broken((d) => { d.edges[3].targetHandle = 'a'; })).toBe(
      'edges[3].targetHandle: port "a" of "f" is already wired by edges[2]',
    );
  });

  it('an edge into an input', () => {
    expect(broken((d) => { d.edges.push({ id: 'e5', source: 'f', target: 'z', targetHandle: 'a' }); })).toBe(
      'edges[4].target: "z" is an input and takes no wire',
    );
  });

  it('a value or trainable on a gate, and an output naming no node', () => {
    expect(broken((d) => { d.nodes[2].value = 1; })).toBe('nodes[2].value: only an input has a value, and "q" is a add gate');
    expect(broken((d) => { d.nodes[4].trainable = false; })).toBe('nodes[4].trainable: only an input can be trainable, and "f" is a mul gate');
    expect(broken((d) => { d.output = 'g'; })).toBe('output: no node "g"');
  });
});

describe('cycles: the message lists the nodes on the cycle, along the wires', () => {
  /** Checks `cycle: v0 -> v1 -> … -> v0` names exactly `nodes`, each step a wire of the document. */
  function expectCycle(message: string, nodes: string[], edges: { source: string; target: string }[]) {
    expect(message).toMatch(/^cycle: /);
    const path = message.slice('cycle: '.length).split(' -> ');
    expect(path[0]).toBe(path[path.length - 1]);
    expect(path.length).toBe(nodes.length + 1);
    expect(new Set(path)).toEqual(new Set(nodes));
    for (let k = 0; k + 1 < path.length; k++) {
      expect(edges.some((e) => e.source === path[k] && e.target === path[k + 1]), `${path[k]} -> ${path[k + 1]}`).toBe(true);
    }
  }

  it('two gates: cycle: a -> b -> a', () => {
    const d = doc();
    d.nodes = [{ id: 'a', type: 'add' }, { id: 'b', type: 'neg' }];
    d.edges = [
      { id: 'e1', source: 'a', target: 'b', targetHandle: 'x' },
      { id: 'e2', source: 'b', target: 'a', targetHandle: 'a' },
    ];
    delete d.output;
    expect(refusal(d)).toBe('cycle: a -> b -> a');
  });

  it('a self-loop: cycle: n -> n', () => {
    expect(broken((d) => {
      d.nodes.push({ id: 'n', type: 'mul' });
      d.edges.push({ id: 'e5', source: 'n', target: 'n', targetHandle: 'a' }, { id: 'e6', source: 'f', target: 'n', targetHandle: 'b' });
      delete d.output;
    })).toBe('cycle: n -> n');
  });

  it('a longer cycle, entered from outside and left to a sink: only its own nodes are listed', () => {
    const d = doc();
    d.nodes = [
      { id: 'x', type: 'input', value: 1 },
      { id: 'a', type: 'add' },
      { id: 'b', type: 'neg' },
      { id: 'c', type: 'tanh' },
      { id: 'd', type: 'exp' },
      { id: 'out', type: 'sigmoid' },
    ];
    d.edges = [
      { id: 'e1', source: 'x', target: 'a', targetHandle: 'a' },
      { id: 'e2', source: 'd', target: 'a', targetHandle: 'b' },
      { id: 'e3', source: 'a', target: 'b', targetHandle: 'x' },
      { id: 'e4', source: 'b', target: 'c', targetHandle: 'x' },
      { id: 'e5', source: 'c', target: 'd', targetHandle: 'x' },
      { id: 'e6', source: 'c', target: 'out', targetHandle: 'x' },
    ];
    d.output = 'out';
    expectCycle(refusal(d), ['a', 'b', 'c', 'd'], d.edges);
  });

  it('a cycle with no sink at all', () => {
    const d = doc();
    d.nodes = [{ id: 'p', type: 'neg' }, { id: 'q', type: 'neg' }, { id: 'r', type: 'neg' }];
    d.edges = [
      { id: 'e1', source: 'p', target: 'q', targetHandle: 'x' },
      { id: 'e2', source: 'q', target: 'r', targetHandle: 'x' },
      { id: 'e3', source: 'r', target: 'p', targetHandle: 'x' },
    ];
    delete d.output;
    expectCycle(refusal(d), ['p', 'q', 'r'], d.edges);
  });
});
