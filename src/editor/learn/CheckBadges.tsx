/**
 * The gradient check's verdicts on the canvas: a badge above each checked input, above each gate whose incoming
 * wires were checked (a wrong local gradient fails the wires into its gate), and on each checked wire. Drawn
 * from outside the node components, in React Flow's viewport, so they pan and zoom with the circuit.
 */
import { useInternalNode, ViewportPortal } from '@xyflow/react';
import type { GradCheckRow } from '../../engine/index.ts';
import { useEditor } from '../context.ts';
import { formatNumber } from '../numbers.ts';
import { useLearn } from './context.ts';

interface Verdict {
  ok: boolean;
  title: string;
}

function verdictOf(rows: GradCheckRow[]): Verdict {
  const worst = rows.reduce((a, b) => (b.relError > a.relError ? b : a));
  const ok = rows.every((r) => r.ok);
  return { ok, title: `${ok ? 'passes' : 'fails'}: largest relative error ${formatNumber(worst.relError)} (${worst.kind} ${worst.id})` };
}

function Badge({ testId, verdict }: { testId: string; verdict: Verdict }) {
  return (
    <span className={`check-badge ${verdict.ok ? 'check-badge--ok' : 'check-badge--bad'}`} data-testid={testId} data-ok={verdict.ok} title={verdict.title}>
      {verdict.ok ? '✓' : '✗'}
    </span>
  );
}

function NodeBadge({ id, rows }: { id: string; rows: GradCheckRow[] }) {
  const node = useInternalNode(id);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  return (
    <div className="check-badge__node" style={{ transform: `translate(-50%, -50%) translate(${x + (node.measured.width ?? 0) - 4}px, ${y - 2}px)` }}>
      <Badge testId={`check-badge-${id}`} verdict={verdictOf(rows)} />
    </div>
  );
}

function WireBadge({ row, source, target, port }: { row: GradCheckRow; source: string; target: string; port: string }) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const handle = to.internals.handleBounds?.target?.find((h) => h.id === port);
  const x0 = from.internals.positionAbsolute.x + (from.measured.width ?? 0);
  const y0 = from.internals.positionAbsolute.y + (from.measured.height ?? 0) / 2;
  const x1 = to.internals.positionAbsolute.x + (handle ? handle.x : 0);
  const y1 = to.internals.positionAbsolute.y + (handle ? handle.y + handle.height / 2 : (to.measured.height ?? 0) / 2);
  return (
    <div className="check-badge__wire" style={{ transform: `translate(-50%, -50%) translate(${(x0 + x1) / 2 + 34}px, ${(y0 + y1) / 2}px)` }}>
      <Badge testId={`check-badge-wire-${row.id}`} verdict={verdictOf([row])} />
    </div>
  );
}

export function CheckBadges() {
  const report = useLearn((s) => s.check);
  const edges = useEditor((s) => s.circuit.edges);
  if (!report || report.rows.length === 0) return null;
  const byNode = new Map<string, GradCheckRow[]>();
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  for (const row of report.rows) {
    const node = row.kind === 'input' ? row.id : edgeById.get(row.id)?.target;
    if (node) byNode.set(node, [...(byNode.get(node) ?? []), row]);
  }
  return (
    <>
      <ViewportPortal>
        {[...byNode].map(([id, rows]) => (
          <NodeBadge key={id} id={id} rows={rows} />
        ))}
        {report.rows
          .filter((r) => r.kind === 'wire')
          .map((row) => {
            const edge = edgeById.get(row.id);
            return edge ? <WireBadge key={row.id} row={row} source={edge.source} target={edge.target} port={edge.targetHandle} /> : null;
          })}
      </ViewportPortal>
    </>
  );
}
