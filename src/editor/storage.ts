/**
 * Autosave: the working circuit is written to the browser's storage after every edit, in the file format, so
 * that a reload or a crashed tab reopens it as it was. A stored circuit that cannot be read is kept aside, never
 * overwritten silently.
 */
import type { Circuit } from '../engine/index.ts';
import { parseCircuit, serializeCircuit } from '../format/index.ts';

export const AUTOSAVE_KEY = 'wiregrad.autosave';
const UNREADABLE_KEY = 'wiregrad.autosave.unreadable';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export type Restored = { circuit: Circuit } | { circuit: null; problem?: string };

export function restore(storage: KeyValueStore | null): Restored {
  if (!storage) return { circuit: null };
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { circuit: null, problem: 'the browser refused access to its storage: autosave is off' };
  }
  if (text === null) return { circuit: null };
  const parsed = parseCircuit(text);
  if (parsed.ok) return { circuit: parsed.value };
  try {
    storage.setItem(UNREADABLE_KEY, text);
  } catch {
    // Kept where it is if it cannot be copied: the next save would overwrite it, but there is nothing else to do.
  }
  return { circuit: null, problem: `the autosaved circuit could not be read (${parsed.error}); it is kept under "${UNREADABLE_KEY}"` };
}

/** Returns an error message where the storage refused the write (full, or disabled). */
export function save(storage: KeyValueStore | null, circuit: Circuit): string | null {
  if (!storage) return null;
  try {
    storage.setItem(AUTOSAVE_KEY, serializeCircuit(circuit));
    return null;
  } catch (error) {
    return `autosave failed: ${error instanceof Error ? error.message : String(error)}; save the circuit to a file`;
  }
}
