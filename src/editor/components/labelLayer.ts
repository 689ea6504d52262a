/**
 * Where wire labels are drawn: React Flow's edge label layer, found once. React Flow's own EdgeLabelRenderer looks
 * the layer up with querySelector on every store update for every edge, which at a thousand wires costs
 * seconds per edit; a context holding the element costs nothing.
 */
import { createContext } from 'react';

export const LabelLayerContext = createContext<HTMLElement | null>(null);
