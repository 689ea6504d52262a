/**
 * The guide's 6-point dataset for binary classification, in both versions the project was seeded with: the
 * notebook's (which differs in four points, and is separable by a line) and the Python seed's, which is the
 * guide's own and needs a line with large weights, or the 2-layer net.
 */
import type { Dataset } from './circuit.ts';

export const GUIDE_DATASETS: readonly Dataset[] = [
  {
    name: "guide's 6 points (notebook)",
    columns: ['x', 'y', 'label'],
    rows: [
      [1.2, 0.7, 1],
      [-0.3, -0.5, -1],
      [3.0, 0.1, 1],
      [-0.1, -1.0, -1],
      [-1.0, 1.1, -1],
      [2.1, -3, 1],
    ],
  },
  {
    name: "guide's 6 points (Python seed)",
    columns: ['x', 'y', 'label'],
    rows: [
      [1.2, 0.7, 1],
      [-0.3, 0.5, -1],
      [-3.0, -1.0, 1],
      [0.1, 1.0, -1],
      [3.0, 1.1, -1],
      [2.1, -3.0, 1],
    ],
  },
];
