import { describe, expect, it } from 'vitest';
import { GUIDE_DATASETS } from '../../engine/index.ts';
import { parseCsv, toCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads a header of column names and one number per column in each row', () => {
    const parsed = parseCsv('x,y,label\n1.2,0.7,1\n-0.3,-0.5,-1\n', 'points');
    expect(parsed).toEqual({ ok: true, dataset: { name: 'points', columns: ['x', 'y', 'label'], rows: [[1.2, 0.7, 1], [-0.3, -0.5, -1]] } });
  });

  it('accepts CRLF, blank lines, spaces, quotes, exponents, semicolons and tabs', () => {
    expect(parseCsv('"x" , y\r\n\r\n 1e-3 , +2 \r\n')).toEqual({ ok: true, dataset: { columns: ['x', 'y'], rows: [[0.001, 2]] } });
    expect(parseCsv('x;y\n1;2')).toEqual({ ok: true, dataset: { columns: ['x', 'y'], rows: [[1, 2]] } });
    expect(parseCsv('x\ty\n1\t2')).toEqual({ ok: true, dataset: { columns: ['x', 'y'], rows: [[1, 2]] } });
  });

  it('reads a header alone as a dataset with no rows', () => {
    expect(parseCsv('x,y\n')).toEqual({ ok: true, dataset: { columns: ['x', 'y'], rows: [] } });
  });

  it('names the line and the column of a cell that is not a number', () => {
    expect(parseCsv('x,y,label\n1,2,1\n3,abc,-1\n')).toEqual({ ok: false, error: 'line 3, column 2 (y): "abc" is not a number' });
    expect(parseCsv('x,y\n1,\n')).toEqual({ ok: false, error: 'line 2, column 2 (y): is empty' });
    expect(parseCsv('x,y\n1,Infinity\n')).toEqual({ ok: false, error: 'line 2, column 2 (y): "Infinity" is not a number' });
    expect(parseCsv('x,y\n1,1e999\n')).toEqual({ ok: false, error: 'line 2, column 2 (y): "1e999" is not a number' });
  });

  it('counts lines as the file does, blank lines included', () => {
    expect(parseCsv('x,y\n\n1,2\n\nfoo,2\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^line 5, column 1/) });
  });

  it('refuses a row with too many or too few cells', () => {
    expect(parseCsv('x,y\n1,2,3\n')).toEqual({ ok: false, error: 'line 2: expected 2 cells, one per column (x, y), got 3' });
    expect(parseCsv('x,y\n1\n')).toEqual({ ok: false, error: 'line 2: expected 2 cells, one per column (x, y), got 1' });
  });

  it('refuses a missing, empty, numeric or repeated header', () => {
    expect(parseCsv('')).toEqual({ ok: false, error: 'the CSV is empty: expected a header row of column names' });
    expect(parseCsv('x,,y\n')).toEqual({ ok: false, error: 'line 1, column 2: a column name is empty' });
    expect(parseCsv('1,2\n3,4\n')).toEqual({ ok: false, error: 'line 1, column 1: "1" is a number; the first row must name the columns' });
    expect(parseCsv('x,y,x\n')).toEqual({ ok: false, error: 'line 1, column 3: "x" names column 1 too' });
  });

  it('reads back what toCsv writes', () => {
    for (const dataset of GUIDE_DATASETS) {
      expect(parseCsv(toCsv(dataset), dataset.name)).toEqual({ ok: true, dataset });
    }
  });
});
