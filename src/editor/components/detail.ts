/**
 * Whether the canvas shows detail. Zoomed far out, wire labels and gate text are hidden (they would be a few
 * pixels tall), so writing their text on every edit is wasted work: writers then keep only the wire labels' test
 * hooks and the wire colours current (not widths: a new stroke width costs a layout, and far out every wire is
 * about a pixel wide; nor a gate's readouts and their exact numbers), and leave a catch-up here that runs when the
 * view comes back close enough to read.
 */
import { createContext } from 'react';

export class Detail {
  private farOut = false;
  private readonly stale = new Set<() => void>();

  get far(): boolean {
    return this.farOut;
  }

  /** Remember a write to run when the detail is shown again; a later call for the same writer replaces nothing. */
  defer(catchUp: () => void): void {
    this.stale.add(catchUp);
  }

  forget(catchUp: () => void): void {
    this.stale.delete(catchUp);
  }

  setFar(far: boolean): void {
    if (far === this.farOut) return;
    this.farOut = far;
    if (far) return;
    const pending = [...this.stale];
    this.stale.clear();
    for (const catchUp of pending) catchUp();
  }
}

export const DetailContext = createContext<Detail | null>(null);

/** What a writer remembers before its first write: no hook text equals it, so the first write always happens. */
export const NOT_WRITTEN = '\u0000';
