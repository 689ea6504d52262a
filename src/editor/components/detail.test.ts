import { describe, expect, it } from 'vitest';
import { Detail } from './detail.ts';

describe('Detail', () => {
  it('calls every watcher each time the view comes back, never while it is or goes far, and none that stopped watching', () => {
    const detail = new Detail();
    const ran: string[] = [];
    detail.watch(() => ran.push('a'));
    const unwatchB = detail.watch(() => ran.push('b'));
    expect(detail.far).toBe(false);
    detail.setFar(false);
    expect(ran).toEqual([]);
    detail.setFar(true);
    expect(detail.far).toBe(true);
    detail.setFar(true);
    expect(ran).toEqual([]);
    detail.setFar(false);
    expect(ran).toEqual(['a', 'b']);
    unwatchB();
    detail.setFar(true);
    detail.setFar(false);
    expect(ran).toEqual(['a', 'b', 'a']);
  });
});
