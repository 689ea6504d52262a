/**
 * A small, strict CSV reader for datasets: a header row of column names, then one number per column in every
 * row. Strict because a silently skipped cell would train on data the user never saw; a refusal names the line
 * and the column, so the user can fix the file, and nothing is changed meanwhile.
 */
import type { Dataset } from '../../engine/index.ts';

export type CsvResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

/** Cells are separated by commas, or by semicolons or tabs when the header uses those instead. */
function separatorOf(header: string): string {
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

export function parseCsv(text: string, name?: string): CsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const numbered = lines.map((line, k) => ({ line, number: k + 1 })).filter(({ line }) => line.trim() !== '');
  if (numbered.length === 0) return { ok: false, error: 'the CSV is empty: expected a header row of column names' };
  const [header, ...body] = numbered;
  const separator = separatorOf(header.line);
  const columns = header.line.split(separator).map(unquote);
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    if (column === '') return { ok: false, error: `line ${header.number}, column ${c + 1}: a column name is empty` };
    if (NUMBER.test(column)) {
      return { ok: false, error: `line ${header.number}, column ${c + 1}: "${column}" is a number; the first row must name the columns` };
    }
    const first = columns.indexOf(column);
    if (first !== c) return { ok: false, error: `line ${header.number}, column ${c + 1}: "${column}" names column ${first + 1} too` };
  }
  const rows: number[][] = [];
  for (const { line, number } of body) {
    const cells = line.split(separator).map(unquote);
    if (cells.length !== columns.length) {
      return { ok: false, error: `line ${number}: expected ${columns.length} cells, one per column (${columns.join(', ')}), got ${cells.length}` };
    }
    const row: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        const what = cell === '' ? 'is empty' : `"${cell}" is not a number`;
        return { ok: false, error: `line ${number}, column ${c + 1} (${columns[c]}): ${what}` };
      }
      row.push(value);
    }
    rows.push(row);
  }
  return { ok: true, dataset: { ...(name ? { name } : {}), columns, rows } };
}

/** The dataset as CSV, the inverse of parseCsv: what the table's "copy as CSV" gives. */
export function toCsv(dataset: Dataset): string {
  return [dataset.columns.join(','), ...dataset.rows.map((row) => row.join(','))].join('\n') + '\n';
}
