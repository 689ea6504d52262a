/** What the editor opens with: the autosaved circuit where there is one, else the guide's single neuron. */
import type { Circuit } from '../engine/index.ts';
import { parseCircuit } from '../format/index.ts';
import neuronText from '../../public/examples/neuron.circuit.json?raw';
import { restore, type KeyValueStore } from './storage.ts';
import { createEditorStore, type EditorStore } from './store.ts';

function neuron(): Circuit {
  const parsed = parseCircuit(neuronText);
  // The example is part of the build and tested; an empty circuit is the only sensible fallback.
  return parsed.ok ? parsed.value : { name: 'Untitled circuit', nodes: [], edges: [] };
}

export function startEditor(storage: KeyValueStore | null): EditorStore {
  const restored = restore(storage);
  const store = createEditorStore({
    initial: restored.circuit ?? neuron(),
    storage,
    notice: restored.circuit === null ? restored.problem : undefined,
    deferSaves: true,
  });
  // A save deferred past the last edit is written before the page goes away.
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => store.getState().actions.flushSave());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') store.getState().actions.flushSave();
    });
  }
  return store;
}
