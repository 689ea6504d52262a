/** The editor store reaches components through context, so that each test and each tab gets its own. */
import { createContext, useContext, useRef } from 'react';
import { useStore } from 'zustand';
import type { EditorActions, EditorState, EditorStore } from './store.ts';

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor outside <EditorContext>');
  return store;
}

/** Subscribes to one slice of the state; keep selectors narrow and their results primitive where possible. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

/**
 * Subscribes to a few values at once: the same array comes back while every element is the same, so the component
 * renders only when one changes. zustand's useShallow does this too, but through iterators, which costs more than
 * the selectors themselves when a thousand gates run theirs on every drag move.
 */
export function useEditorTuple<T extends readonly unknown[]>(selector: (state: EditorState) => T): T {
  const last = useRef<T | null>(null);
  return useEditor((state) => {
    const next = selector(state);
    const previous = last.current;
    if (previous && previous.length === next.length) {
      let same = true;
      for (let k = 0; k < next.length && same; k++) same = Object.is(next[k], previous[k]);
      if (same) return previous;
    }
    last.current = next;
    return next;
  });
}

export function useActions(): EditorActions {
  return useEditor((s) => s.actions);
}
