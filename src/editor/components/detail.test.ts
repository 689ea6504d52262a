import { describe, expect, it } from 'vitest';
import { Detail } from './detail.ts';

describe('Detail', () => {
  it('runs each deferred catch-up once, when the view comes back, and none it was told to forget', () => {
    const detail = new Detail();
    const ran: string[] = [];
    const a = () => ran.push('a');
    const b = () => ran.push('b');
    detail.setFar(true);
    expect(detail.far).toBe(true);
    detail.defer(a);
    detail.defer(a);
    detail.defer(b);
    detail.forget(b);
    detail.setFar(true);
    expect(ran).toEqual([]);
    detail.setFar(false);
    expect(ran).toEqual(['a']);
    detail.setFar(true);
    detail.setFar(false);
    expect(ran).toEqual(['a']);
  });
});
