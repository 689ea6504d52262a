/**
 * Whether the canvas shows detail. Zoomed far out, wire labels and gate text are hidden (they would be a few
 * pixels tall), so writing their text on every edit is wasted work: writers then keep only the wire labels' test
 * hooks and the wire colours current (not widths: a new stroke width costs a layout, and far out every wire is
 * about a pixel wide; nor a gate's readouts and their exact numbers), and catch up when the view comes back
 * close enough to read.
 */
import { createContext } from 'react';

export class Detail {
  private farOut = false;
  private readonly watchers = new Set<() => void>();

  get far(): boolean {
    return this.farOut;
  }

  /**
   * `catchUp` runs each time the view comes back close enough to read, until the returned function is called. A
   * writer registers once and keeps its own "stale" flag, so that an edit far out costs it no call here.
   */
  watch(catchUp: () => void): () => void {
    this.watchers.add(catchUp);
    return () => this.watchers.delete(catchUp);
  }

  setFar(far: boolean): void {
    if (far === this.farOut) return;
    this.farOut = far;
    if (far) return;
    for (const catchUp of [...this.watchers]) catchUp();
  }
}

export const DetailContext = createContext<Detail | null>(null);

/** What a writer remembers before its first write: no hook text equals it, so the first write always happens. */
export const NOT_WRITTEN = '\u0000';
