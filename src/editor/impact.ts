/**
 * What an edit means for evaluation, read off its patches: nothing (a move, a label, the name), new values
 * for some inputs or a new pull (write them and run again), or a new structure (compile again).
 */
import type { Patch } from 'immer';

export type Impact =
  | { kind: 'none' }
  | { kind: 'values'; nodes: number[]; outputGrad: boolean }
  | { kind: 'structure' };

const cosmetic = new Set(['position', 'label']);

export function impactOf(patches: readonly Patch[]): Impact {
  const nodes: number[] = [];
  let outputGrad = false;
  for (const { path } of patches) {
    const [top, index, field] = path;
    if (top === 'name') continue;
    if (top === 'outputGrad') {
      outputGrad = true;
      continue;
    }
    if (top === 'nodes' && typeof index === 'number' && typeof field === 'string') {
      if (cosmetic.has(field)) continue;
      if (field === 'value' && path.length === 3) {
        nodes.push(index);
        continue;
      }
    }
    return { kind: 'structure' };
  }
  return nodes.length > 0 || outputGrad ? { kind: 'values', nodes, outputGrad } : { kind: 'none' };
}
