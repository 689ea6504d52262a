import type { Edge, Node } from '@xyflow/react';

/**
 * A flow node carries only what never changes (its gate type); components read their circuit node and numbers
 * from the editor store, so that editing a value hands React Flow nothing new at all.
 */
export type GateFlowNode = Node<{ type: string }, 'gate'>;
export type InputFlowNode = Node<{ type: string }, 'inputGate'>;
export type FlowNode = GateFlowNode | InputFlowNode;
export type WireFlowEdge = Edge<Record<string, never>, 'wire'>;
