/** A node's value and gradient, rounded, with the exact numbers on hover. */
import { memo } from 'react';
import { exactNumber, formatNumber } from '../numbers.ts';

interface Props {
  id: string;
  value: number | null;
  grad: number | null;
}

export const Readouts = memo(function Readouts({ id, value, grad }: Props) {
  return (
    <div className="readouts">
      <span
        className="readout readout--value"
        data-testid={`node-value-${id}`}
        data-value={exactNumber(value)}
        title={value === null ? 'no value: an input port upstream is not wired' : `value ${exactNumber(value)}`}
      >
        {formatNumber(value)}
      </span>
      <span
        className="readout readout--grad"
        data-testid={`node-grad-${id}`}
        data-grad={exactNumber(grad)}
        title={grad === null ? 'no gradient: there is no backward pass (no output with a value)' : `gradient ${exactNumber(grad)}`}
      >
        {formatNumber(grad)}
      </span>
    </div>
  );
});
