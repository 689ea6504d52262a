/** A node's value and gradient, rounded, with the exact numbers on hover; written straight from its annotation. */
import { memo, useRef } from 'react';
import { exactNumber, formatNumber, hookNumber } from '../numbers.ts';
import { useAnnotation } from './useAnnotation.ts';
import { useAccumulation } from '../stepping/context.ts';

export const Readouts = memo(function Readouts({ id }: { id: string }) {
  const valueRef = useRef<HTMLSpanElement>(null);
  const gradRef = useRef<HTMLSpanElement>(null);
  const accumulation = useAccumulation(id);
  useAnnotation('nodes', id, (numbers) => {
    const value = numbers?.value ?? null;
    const grad = numbers?.grad ?? null;
    const v = valueRef.current;
    const g = gradRef.current;
    if (!v || !g) return;
    v.textContent = formatNumber(value);
    v.dataset.value = hookNumber(value);
    v.title = value === null ? 'no value: an input port upstream is not wired' : `value ${exactNumber(value)}`;
    g.textContent = formatNumber(grad);
    g.dataset.grad = hookNumber(grad);
    g.title = grad === null ? 'no gradient: there is no backward pass (no output with a value)' : `gradient ${exactNumber(grad)}`;
  });
  return (
    <div className="readouts">
      <span ref={valueRef} className="readout readout--value" data-testid={`node-value-${id}`} />
      <span ref={gradRef} className="readout readout--grad" data-testid={`node-grad-${id}`} />
      {accumulation && (
        <span className="readout readout--accumulation" data-testid={`node-accumulation-${id}`} title="each pull this value has received, added up (+=)">
          += {accumulation}
        </span>
      )}
    </div>
  );
});
