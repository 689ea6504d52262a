/**
 * A wire: its value above its midpoint and its gradient below, in two colours. Its colour follows the
 * gradient's sign and its width the gradient's size, so the backward pass can be read at a glance.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../context.ts';
import { exactNumber, formatNumber } from '../numbers.ts';
import type { WireFlowEdge } from './flowTypes.ts';

function gradClass(grad: number | null): string {
  if (grad === null) return 'wire--none';
  if (!Number.isFinite(grad)) return 'wire--bad';
  return grad > 0 ? 'wire--up' : grad < 0 ? 'wire--down' : 'wire--zero';
}

function widthOf(grad: number | null): number {
  if (grad === null || !Number.isFinite(grad)) return 1.5;
  return 1.5 + Math.min(3.5, Math.log1p(Math.abs(grad)) * 2);
}

export const WireEdge = memo(function WireEdge(props: EdgeProps<WireFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const value = useEditor((s) => s.annotations?.edges[id]?.value ?? null);
  const grad = useEditor((s) => s.annotations?.edges[id]?.grad ?? null);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const exact = `value ${exactNumber(value)}, gradient ${exactNumber(grad)}`;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`wire ${gradClass(grad)} ${selected ? 'wire--selected' : ''}`}
        style={{ strokeWidth: widthOf(grad) }}
        interactionWidth={18}
      />
      <EdgeLabelRenderer>
        <div
          className={`wire-label nopan ${selected ? 'wire-label--selected' : ''}`}
          data-testid={`edge-label-${id}`}
          data-value={exactNumber(value)}
          data-grad={exactNumber(grad)}
          title={exact}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(var(--wire-label-scale, 1))` }}
        >
          <span className="wire-label__value" title={`value ${exactNumber(value)}`}>{formatNumber(value)}</span>
          <span className="wire-label__grad" title={`gradient ${exactNumber(grad)}`}>{formatNumber(grad)}</span>
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
