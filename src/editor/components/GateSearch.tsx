/** The quick-add box: type part of a gate's name or symbol, Enter adds it where the box was opened. */
import { useMemo, useState } from 'react';
import { GATE_TYPES } from '../../engine/index.ts';
import { gateTooltip } from '../gateInfo.ts';

interface Props {
  at: { x: number; y: number };
  onPick(type: string): void;
  onClose(): void;
}

export function GateSearch({ at, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q === '') return GATE_TYPES;
    const hits = GATE_TYPES.filter(
      (g) => g.type.includes(q) || g.title.toLowerCase().includes(q) || g.symbol.toLowerCase() === q || g.formula.toLowerCase().includes(q),
    );
    // A gate whose type starts with the query first: "s" should offer sub and sigmoid before abs.
    return [...hits].sort((a, b) => Number(!a.type.startsWith(q)) - Number(!b.type.startsWith(q)));
  }, [query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));

  return (
    <div className="gate-search" role="dialog" aria-label="Add a gate" style={{ left: at.x, top: at.y }}>
      <input
        autoFocus
        data-native-keys
        role="combobox"
        aria-expanded
        aria-controls="gate-search-list"
        aria-activedescendant={matches[current] ? `gate-search-${matches[current].type}` : undefined}
        aria-label="Gate to add"
        placeholder="Add a gate…"
        data-testid="gate-search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onBlur={onClose}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          else if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(1, matches.length));
          else if (event.key === 'ArrowUp') setActive((current - 1 + matches.length) % Math.max(1, matches.length));
          else if (event.key === 'Enter' && matches[current]) onPick(matches[current].type);
          else return;
          event.preventDefault();
        }}
      />
      <ul id="gate-search-list" role="listbox">
        {matches.map((gate, k) => (
          <li
            key={gate.type}
            id={`gate-search-${gate.type}`}
            role="option"
            aria-selected={k === current}
            title={gateTooltip(gate)}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(gate.type);
            }}
          >
            <span className="palette__symbol">{gate.symbol}</span> {gate.title} <small>{gate.formula}</small>
          </li>
        ))}
        {matches.length === 0 && <li className="gate-search__none">No gate matches “{query}”</li>}
      </ul>
    </div>
  );
}
