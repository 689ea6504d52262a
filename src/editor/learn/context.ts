/** The Learn store reaches its components through context, like the editor's, so each editor gets its own. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LearnActions, LearnState, LearnStore } from './store.ts';

export const LearnContext = createContext<LearnStore | null>(null);

export function useLearnStore(): LearnStore {
  const store = useContext(LearnContext);
  if (!store) throw new Error('useLearn outside <LearnContext>');
  return store;
}

export function useLearn<T>(selector: (state: LearnState) => T): T {
  return useStore(useLearnStore(), selector);
}

export function useLearnActions(): LearnActions {
  return useLearn((s) => s.actions);
}
