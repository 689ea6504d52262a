/**
 * Gate moves during a drag, handed to the store once per animation frame.
 *
 * A store update renders synchronously (zustand reads through useSyncExternalStore), so applying each mouse move as it
 * arrives renders the canvas inside the mouse event, once per event. Holding the latest position of each dragged gate
 * until the next frame renders once per frame, just before it is painted, as React Flow's own state updates do.
 */
import type { XYPosition } from '@xyflow/react';

export type Move = { id: string; position: XYPosition };

export class FrameMoves {
  private pending = new Map<string, XYPosition>();
  private frame = 0;

  constructor(
    private readonly apply: (moves: Move[]) => void,
    private readonly schedule: (run: () => void) => number = (run) => requestAnimationFrame(run),
    private readonly cancel: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
  ) {}

  /** Holds moves until the next frame; a later move of the same gate replaces an earlier one. */
  add(moves: Move[]): void {
    for (const m of moves) this.pending.set(m.id, m.position);
    if (this.pending.size > 0 && this.frame === 0) this.frame = this.schedule(() => {
      this.frame = 0;
      this.flush();
    });
  }

  /** Applies every held move now: before a drag ends, so the move that is recorded is the last one. */
  flush(): void {
    if (this.frame !== 0) {
      this.cancel(this.frame);
      this.frame = 0;
    }
    if (this.pending.size === 0) return;
    const moves = [...this.pending].map(([id, position]) => ({ id, position }));
    this.pending.clear();
    this.apply(moves);
  }
}
