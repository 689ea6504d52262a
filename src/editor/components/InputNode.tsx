/**
 * An input on the canvas: an editable label, an editable value (type it, step it with the arrows or the wheel,
 * or drag the grip to scrub it), a trainable/constant switch, and its numbers.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useActions, useEditorTuple } from '../context.ts';
import type { InputFlowNode } from './flowTypes.ts';
import { NumberField, stepped } from './NumberField.tsx';
import { Readouts } from './Readouts.tsx';
import { useStepFocus } from '../stepping/context.ts';

let scrubs = 0;

export const InputNode = memo(function InputNode({ id }: NodeProps<InputFlowNode>) {
  const focus = useStepFocus(id);
  const [found, isOutput] = useEditorTuple((s) => [s.nodeById.get(id), s.annotations?.output === id] as const);
  const node = found ?? { id, type: 'input', value: 0 };
  const actions = useActions();
  const trainable = node.trainable !== false;
  const name = node.label ?? node.id;
  const [labelDraft, setLabelDraft] = useState(name);
  useEffect(() => setLabelDraft(name), [name]);
  const scrub = useRef<{ x: number; start: number; key: string } | null>(null);

  const onScrubDown = (event: PointerEvent<HTMLSpanElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    scrub.current = { x: event.clientX, start: node.value ?? 0, key: `scrub:${id}:${++scrubs}` };
  };
  const onScrubMove = (event: PointerEvent<HTMLSpanElement>) => {
    const s = scrub.current;
    if (!s) return;
    const perPixel = event.shiftKey ? 0.1 : event.altKey ? 0.001 : 0.01;
    actions.setValue(id, stepped(s.start, Math.round(event.clientX - s.x) * perPixel), s.key);
  };
  const onScrubUp = () => {
    scrub.current = null;
    actions.seal();
  };

  return (
    <div className={`gate gate--input ${isOutput ? 'gate--output' : ''} ${focus ? `gate--step gate--step-${focus}` : ''}`} aria-label={`Input ${name}`} data-glyph={name}>
      <div className="gate__header">
        <input
          className="gate__label nodrag"
          aria-label={`Label of input ${node.id}`}
          value={labelDraft}
          spellCheck={false}
          onChange={(event) => {
            setLabelDraft(event.target.value);
            actions.setLabel(id, event.target.value);
          }}
          onBlur={() => {
            actions.seal();
            setLabelDraft(name);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
          }}
        />
        <button
          type="button"
          role="switch"
          aria-checked={trainable}
          aria-label={`${name} is trainable`}
          className={`switch nodrag ${trainable ? 'switch--on' : ''}`}
          data-testid={`input-trainable-${id}`}
          title={trainable ? 'Trainable: a parameter update moves it. Click to make it a constant.' : 'Constant: a parameter update leaves it. Click to make it trainable.'}
          onClick={() => actions.setTrainable(id, !trainable)}
        >
          {trainable ? 'trainable' : 'constant'}
        </button>
      </div>
      <div className="gate__field">
        <span
          className="scrub nodrag"
          title="Drag sideways to scrub the value (Shift: faster, Alt: finer)"
          aria-hidden
          onPointerDown={onScrubDown}
          onPointerMove={onScrubMove}
          onPointerUp={onScrubUp}
          onPointerCancel={onScrubUp}
        >
          ⇔
        </span>
        <NumberField
          value={node.value ?? 0}
          label={`Value of ${name}`}
          testId={`input-value-${id}`}
          onCommit={(v) => actions.setValue(id, v)}
          onSeal={actions.seal}
        />
      </div>
      <Readouts id={id} />
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
