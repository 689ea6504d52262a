import type { Edge, Node } from '@xyflow/react';
import type { CircuitNode } from '../../engine/index.ts';

/** Each flow node carries its circuit node, so a node re-renders only when its own circuit node changes. */
export type GateFlowNode = Node<{ node: CircuitNode }, 'gate'>;
export type InputFlowNode = Node<{ node: CircuitNode }, 'inputGate'>;
export type FlowNode = GateFlowNode | InputFlowNode;
export type WireFlowEdge = Edge<Record<string, never>, 'wire'>;
