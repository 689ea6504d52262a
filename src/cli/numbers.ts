/**
 * JSON has no NaN or infinities; the command line writes them as the strings "NaN", "Infinity" and "-Infinity"
 * so that they stay distinct from null, which means "no value".
 */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity' | null;

export function jsonNumber(v: number | null): JsonNumber {
  if (v === null || Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** Full precision for tables: the shortest text that reads back as the same double. */
export function showNumber(v: number | null): string {
  return v === null ? '—' : String(v);
}
