import { describe, expect, it } from 'vitest';
import { exactNumber, formatChange, formatNumber, parseNumber } from './numbers.ts';

describe('numbers on screen', () => {
  it('rounds to four significant digits with a true minus sign', () => {
    expect(formatNumber(0.8807970779778823)).toBe('0.8808');
    expect(formatNumber(-0.10499358540350662)).toBe('−0.105');
    expect(formatNumber(-12)).toBe('−12');
    expect(formatNumber(123456.7)).toBe('123500');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(-2.25e9)).toBe('−2.25e+9');
  });

  it('shows a small change with as many more digits as it takes to see it', () => {
    expect(formatChange(-12, -11.5924)).toEqual(['−12', '−11.59']);
    expect(formatChange(0.99337, 0.99341)).toEqual(['0.99337', '0.99341']);
    expect(formatChange(0.993371, 0.993374)).toEqual(['0.993371', '0.993374']);
    expect(formatChange(2.5e-7, 2.5001e-7)).toEqual(['2.5e-7', '2.5001e-7']);
    expect(formatChange(0.5, 0.5)).toEqual(['0.5', '0.5']);
    expect(formatChange(1, 1 + 2 ** -52)).toEqual(['1', '1']);
  });

  it('shows what is not a number', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(exactNumber(null)).toBe('null');
    expect(exactNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('reads what people type', () => {
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('2e-3')).toBe(0.002);
    expect(parseNumber('-')).toBeUndefined();
    expect(parseNumber('1e999')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });
});
