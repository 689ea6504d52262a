/**
 * A node's value and gradient, rounded, with the exact numbers on hover and in `data-value`/`data-grad`; written
 * straight from its annotation, touching only what changed, and the hover text only when the pointer arrives.
 */
import { memo, useRef } from 'react';
import type { Annotation } from '../../engine/index.ts';
import { exactNumber, formatNumber, hookNumber } from '../numbers.ts';
import { NOT_WRITTEN } from './detail.ts';
import { useAnnotation } from './useAnnotation.ts';
import { useAccumulation } from '../stepping/context.ts';

const valueTitle = (value: number | null) =>
  value === null ? 'no value: an input port upstream is not wired' : `value ${exactNumber(value)}`;
const gradTitle = (grad: number | null) =>
  grad === null ? 'no gradient: there is no backward pass (no output with a value)' : `gradient ${exactNumber(grad)}`;

/**
 * `rows`: the gate's input ports, beside which the readouts sit; a class (not an inline style, which would cost every
 * gate its share of the style cache) makes the gate tall enough for them.
 */
export const Readouts = memo(function Readouts({ id, rows = 0 }: { id: string; rows?: number }) {
  const valueRef = useRef<HTMLSpanElement>(null);
  const gradRef = useRef<HTMLSpanElement>(null);
  // `valueTitled`/`gradTitled`: whether a hover text was ever written (kept here rather than read from the element on every edit).
  const written = useRef({
    valueHook: NOT_WRITTEN, gradHook: NOT_WRITTEN, value: '', grad: '', numbers: undefined as Annotation | undefined, valueTitled: false, gradTitled: false,
  });
  const accumulation = useAccumulation(id);
  useAnnotation('nodes', id, (numbers, detailed) => {
    const value = numbers?.value ?? null;
    const grad = numbers?.grad ?? null;
    const v = valueRef.current;
    const g = gradRef.current;
    const w = written.current;
    w.numbers = numbers;
    if (!v || !g) return;
    if (w.valueTitled) v.title = valueTitle(value);
    if (w.gradTitled) g.title = gradTitle(grad);
    // The exact numbers behind the text wait with it while the text is hidden far out: at 1,000 gates they are
    // 2,000 attribute writes an edit need not make. (A wire label's hooks, which the file format's contract names,
    // never wait.)
    if (!detailed) return;
    const valueHook = hookNumber(value);
    if (valueHook !== w.valueHook) v.setAttribute('data-value', (w.valueHook = valueHook));
    const gradHook = hookNumber(grad);
    if (gradHook !== w.gradHook) g.setAttribute('data-grad', (w.gradHook = gradHook));
    const valueText = formatNumber(value);
    if (valueText !== w.value) v.textContent = w.value = valueText;
    const gradText = formatNumber(grad);
    if (gradText !== w.grad) g.textContent = w.grad = gradText;
  });
  const onValueEnter = () => {
    if (!valueRef.current) return;
    valueRef.current.title = valueTitle(written.current.numbers?.value ?? null);
    written.current.valueTitled = true;
  };
  const onGradEnter = () => {
    if (!gradRef.current) return;
    gradRef.current.title = gradTitle(written.current.numbers?.grad ?? null);
    written.current.gradTitled = true;
  };
  return (
    <div className={`readouts readouts--rows-${rows}`}>
      <span ref={valueRef} className="readout readout--value" data-testid={`node-value-${id}`} onPointerEnter={onValueEnter} />
      <span ref={gradRef} className="readout readout--grad" data-testid={`node-grad-${id}`} onPointerEnter={onGradEnter} />
      {accumulation && (
        <span className="readout readout--accumulation" data-testid={`node-accumulation-${id}`} title="each pull this value has received, added up (+=)">
          += {accumulation}
        </span>
      )}
    </div>
  );
});
