/**
 * How numbers read on screen: four significant digits, a true minus sign, and a dash where there is no number.
 * The exact value always stays one hover away (`exact`), so rounding never hides anything.
 */

export const NO_VALUE = '—';

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return NO_VALUE;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e-4 && abs < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(3).replace(/\.?0+e/, 'e');
  return text.replace(/^-/, '−');
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
