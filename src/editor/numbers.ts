/**
 * How numbers read on screen: four significant digits, a true minus sign, and a dash where there is no number.
 * The exact value always stays one hover away (`exact`), so rounding never hides anything.
 */

export const NO_VALUE = '—';

export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return NO_VALUE;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e-4 && abs < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return text.replace(/^-/, '−');
}

/**
 * A before and an after, rounded alike but with as many more digits as it takes to tell them apart (up to 12): a
 * step that moved 0.99337 to 0.99341 must not read "0.9934 → 0.9934".
 */
export function formatChange(before: number, after: number): [string, string] {
  for (let digits = 4; digits < 12; digits++) {
    const pair: [string, string] = [formatNumber(before, digits), formatNumber(after, digits)];
    if (pair[0] !== pair[1] || before === after) return pair;
  }
  return [formatNumber(before, 12), formatNumber(after, 12)];
}

/** Full precision, as JavaScript round-trips it; also the form the `data-value`/`data-grad` hooks carry. */
export function exactNumber(v: number | null | undefined): string {
  return v === null || v === undefined ? 'null' : String(v);
}

/** What the `data-value` / `data-grad` test hooks hold: the exact number, or nothing where there is none. */
export function hookNumber(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

export function isBad(v: number | null | undefined): boolean {
  return typeof v === 'number' && !Number.isFinite(v);
}

/** Parses what a user typed into a number field: a finite number, or undefined. Accepts − and a decimal comma. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/−/g, '-').replace(',', '.');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : undefined;
}
