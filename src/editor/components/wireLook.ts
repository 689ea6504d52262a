/**
 * How a wire looks for its gradient: a colour class for the sign, a width for the size. Pure, so that browser tests
 * can compute what every wire should show.
 */

export function gradClass(grad: number | null): string {
  if (grad === null) return 'wire--none';
  if (!Number.isFinite(grad)) return 'wire--bad';
  return grad > 0 ? 'wire--up' : grad < 0 ? 'wire--down' : 'wire--zero';
}

/**
 * In half-pixel steps: the eye cannot tell finer ones apart, and a wire whose width stays the same costs its
 * style nothing when an edit changes its gradient a little.
 */
export function widthOf(grad: number | null): number {
  if (grad === null || !Number.isFinite(grad)) return 1.5;
  return 1.5 + Math.round(Math.min(3.5, Math.log1p(Math.abs(grad)) * 2) * 2) / 2;
}
