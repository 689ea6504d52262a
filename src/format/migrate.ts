/**
 * Brings an older circuit document up to the current version, one version at a time. Each step takes a
 * document of version v (already checked to be an object with that version) and returns one of version v + 1.
 * A new version adds its step here.
 */
import type { Result } from '../engine/index.ts';
import { CURRENT_VERSION } from './schema.ts';

type Doc = Record<string, unknown>;

const STEPS: Record<number, (doc: Doc) => Doc> = {
  // Version 2 adds the optional dataset, bindings and training settings; a version-1 circuit has none of them.
  1: (doc) => ({ ...doc, version: 2 }),
};

export function migrate(doc: Doc): Result<Doc> {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `version: expected a whole number from 1 to ${CURRENT_VERSION}, got ${JSON.stringify(version) ?? 'nothing'}` };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      error: `version: this file is version ${version}, newer than this wiregrad reads (up to version ${CURRENT_VERSION}); update wiregrad to open it`,
    };
  }
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) current = STEPS[v](current);
  return { ok: true, value: current };
}
