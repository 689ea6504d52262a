/**
 * A text field for a number that commits every keystroke that reads as a finite number (so the circuit
 * re-evaluates as you type), steps with the arrow keys and, once it has the focus, the mouse wheel, and keeps what
 * you typed while it does not read as a number, marked invalid, without touching the circuit.
 */
import { useEffect, useState, type KeyboardEvent, type WheelEvent } from 'react';
import { parseNumber } from '../numbers.ts';

interface Props {
  value: number;
  onCommit(value: number): void;
  /** Ends the gesture: the next edit is a new undo step. */
  onSeal(): void;
  label: string;
  testId?: string;
  className?: string;
}

export function stepOf(event: { shiftKey: boolean; altKey: boolean }): number {
  return event.shiftKey ? 1 : event.altKey ? 0.01 : 0.1;
}

/** value + delta without binary noise such as 0.30000000000000004: a user stepping by 0.1 expects tenths. */
export function stepped(value: number, delta: number): number {
  return Number((value + delta).toPrecision(12));
}

/**
 * The field holds the exact number (a trained weight such as −2.9999999999999996 included), so a long one is set
 * smaller instead of being cut off: about 11 characters fit at the usual size in an input gate.
 */
function fontSizeFor(text: string): string | undefined {
  const FITS = 11;
  if (text.length <= FITS) return undefined;
  return `${Math.max(6.5, (12 * FITS) / text.length).toFixed(2)}px`;
}

export function NumberField({ value, onCommit, onSeal, label, testId, className }: Props) {
  const [draft, setDraft] = useState(String(value));
  // The wheel steps the value only in a field one has clicked into: over a gate on the canvas it otherwise zooms, as
  // everywhere else on the canvas, and a value never changes under a wheel meant for the view.
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    setDraft((current) => (parseNumber(current) === value ? current : String(value)));
  }, [value]);
  const invalid = parseNumber(draft) === undefined;

  const step = (delta: number) => {
    const next = stepped(value, delta);
    setDraft(String(next));
    onCommit(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      step((event.key === 'ArrowUp' ? 1 : -1) * stepOf(event));
    } else if (event.key === 'Enter') {
      onSeal();
      setDraft(String(value));
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      setDraft(String(value));
      event.currentTarget.blur();
    }
  };

  const onWheel = (event: WheelEvent<HTMLInputElement>) => {
    if (event.deltaY === 0 || !focused) return;
    step((event.deltaY < 0 ? 1 : -1) * stepOf(event));
  };

  return (
    <input
      className={`number-field nodrag ${focused ? 'nowheel' : ''} ${className ?? ''} ${invalid ? 'number-field--invalid' : ''}`}
      type="text"
      inputMode="decimal"
      spellCheck={false}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? 'Not a number: the circuit keeps the last number' : `${value} (↑/↓, or the wheel once clicked, to step)`}
      data-testid={testId}
      value={draft}
      style={{ fontSize: fontSizeFor(draft) }}
      onChange={(event) => {
        setDraft(event.target.value);
        const v = parseNumber(event.target.value);
        if (v !== undefined) onCommit(v);
      }}
      onKeyDown={onKeyDown}
      onWheel={onWheel}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        onSeal();
        setDraft(String(value));
      }}
    />
  );
}
