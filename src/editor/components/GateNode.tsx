/** A gate on the canvas: its symbol, named input ports on the left, the output on the right, its numbers. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { gateType } from '../../engine/index.ts';
import { useEditorTuple } from '../context.ts';
import { gateTooltip, troubleOf } from '../gateInfo.ts';
import type { EditorState } from '../store.ts';
import type { GateFlowNode } from './flowTypes.ts';
import { Readouts } from './Readouts.tsx';
import { useStepFocus } from '../stepping/context.ts';

/** Why this gate's numbers are not finite, or null; reads only when they are not, to stay cheap. */
function troubleSelector(id: string, type: string) {
  return (s: EditorState): string | null => {
    const own = s.annotations?.nodes[id];
    if (!own) return null;
    const fine = (v: number | null) => v === null || Number.isFinite(v);
    if (fine(own.value) && fine(own.grad)) return null;
    const gate = gateType(type);
    const inputs = (gate?.inputs ?? []).map((port) => {
      const edge = s.circuit.edges.find((e) => e.target === id && e.targetHandle === port);
      return edge ? (s.annotations?.nodes[edge.source]?.value ?? null) : null;
    });
    return troubleOf(type, own.value, own.grad, inputs);
  };
}

function gateSelector(id: string, type: string) {
  const trouble = troubleSelector(id, type);
  return (s: EditorState) => [s.nodeById.get(id), s.annotations?.output === id, s.wired[id] ?? '', trouble(s)] as const;
}

export const GateNode = memo(function GateNode({ id, data }: NodeProps<GateFlowNode>) {
  const focus = useStepFocus(id);
  // One subscription per gate, not four: every store update (each drag move too) runs every gate's selector.
  const [node, isOutput, wired, trouble] = useEditorTuple(gateSelector(id, data.type));
  const gate = gateType(data.type);
  if (!gate || !node) return <div className="gate gate--bad">unknown gate {data.type}</div>;
  const wiredPorts = wired.split(',');
  const name = node.label ?? node.id;

  // Few elements per gate: a circuit of 1,000 gates is mostly their boxes to style, lay out and hit-test. The symbol
  // and each port's name are drawn by CSS from attributes; the ports are React Flow's handles themselves.
  const ports = gate.inputs.length;
  return (
    <div
      className={`gate gate--${gate.group} ${isOutput ? 'gate--output' : ''} ${trouble ? 'gate--bad' : ''} ${focus ? `gate--step gate--step-${focus}` : ''}`}
      title={trouble ?? gateTooltip(gate)}
      data-glyph={gate.symbol}
      aria-label={`${gate.title} gate ${name}${isOutput ? ', the output' : ''}`}
    >
      <div className="gate__header" data-symbol={gate.symbol}>
        <span className="gate__name">{name}</span>
        {isOutput && <span className="gate__badge" title="The backward pass starts here">out</span>}
        {trouble && (
          <span className="gate__warning" data-testid={`node-trouble-${id}`} title={trouble} aria-label={trouble}>
            ⚠
          </span>
        )}
      </div>
      {gate.inputs.map((port, k) => {
        const open = !wiredPorts.includes(port);
        return (
          <Handle
            key={port}
            type="target"
            position={Position.Left}
            id={port}
            className={`port--${k + 1}-of-${ports}${open ? ' handle--open' : ''}`}
            // Rows of 22 px, centred on the body below the 25 px header; the usual one or two ports by class, since an
            // inline style on each of thousands of handles costs the opening frame its style sharing.
            style={ports > 2 ? { top: `calc(12.5px + 50% + ${(k - (ports - 1) / 2) * 22}px)` } : undefined}
            title={open ? `port ${port} is not wired: nothing downstream has a value` : `port ${port}`}
          />
        );
      })}
      <Readouts id={id} rows={ports} />
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
