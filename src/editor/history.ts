/**
 * Undo and redo as immer patches: each entry holds the patches that made an edit and those that revert it.
 * Consecutive edits with the same key (typing in one field, scrubbing one value) merge into one entry until the
 * history is sealed, so one undo reverts one gesture rather than one keystroke.
 */
import type { Patch } from 'immer';

export interface HistoryEntry {
  patches: Patch[];
  inverse: Patch[];
  key?: string;
}

export class History {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private open = false;

  constructor(private readonly limit = 500) {}

  push(entry: HistoryEntry): void {
    const last = this.done.at(-1);
    if (this.open && entry.key !== undefined && last?.key === entry.key) {
      last.patches = [...last.patches, ...entry.patches];
      last.inverse = [...entry.inverse, ...last.inverse];
    } else {
      this.done.push(entry);
      if (this.done.length > this.limit) this.done.shift();
    }
    this.open = entry.key !== undefined;
    this.undone = [];
  }

  /** Ends the current gesture: the next edit starts a new entry even if its key is the same. */
  seal(): void {
    this.open = false;
  }

  undo(): HistoryEntry | undefined {
    const entry = this.done.pop();
    if (entry) this.undone.push(entry);
    this.open = false;
    return entry;
  }

  redo(): HistoryEntry | undefined {
    const entry = this.undone.pop();
    if (entry) this.done.push(entry);
    this.open = false;
    return entry;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
