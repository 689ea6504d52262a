/** The nudge's reading beside the output gate on the canvas, where the eye already is while scrubbing. */
import { NodeToolbar, Position } from '@xyflow/react';
import { useEditor } from '../context.ts';
import { formatNumber } from '../numbers.ts';
import { useNudgeReading } from './NudgePanel.tsx';

export function NudgeBeside() {
  const output = useEditor((s) => s.annotations?.output ?? null);
  const reading = useNudgeReading();
  if (!output || !reading || reading.h === 0) return null;
  const sign = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v)}`;
  return (
    <NodeToolbar nodeId={output} isVisible position={Position.Bottom} offset={8}>
      <div className="nudge-beside" data-testid="nudge-beside-output">
        <span className="nudge-readout__actual">Δ {sign(reading.actual)}</span>
        <span className="nudge-readout__predicted">grad×h {sign(reading.predicted)}</span>
      </div>
    </NodeToolbar>
  );
}
