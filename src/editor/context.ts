/** The editor store reaches components through context, so that each test and each tab gets its own. */
import { createContext, useContext } from 'react';
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

export function useActions(): EditorActions {
  return useEditor((s) => s.actions);
}
