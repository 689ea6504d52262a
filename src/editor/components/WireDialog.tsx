/**
 * Wiring from the keyboard: with one gate selected, `W` lists every input port its output may be wired to
 * (ports that would close a cycle are left out); type to filter, Enter to wire.
 */
import { useEffect, useMemo, useState } from 'react';
import { gateType } from '../../engine/index.ts';
import { useActions, useEditorStore } from '../context.ts';

interface Props {
  source: string;
  onClose(): void;
}

export function WireDialog({ source, onClose }: Props) {
  const store = useEditorStore();
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Focus goes back where it was (the gate wired from) when the list closes, so that keyboard work carries on there.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
  const targets = useMemo(() => {
    const { circuit, wired } = store.getState();
    const list: { target: string; port: string; name: string; taken: boolean }[] = [];
    for (const node of circuit.nodes) {
      for (const port of gateType(node.type)?.inputs ?? []) {
        if (actions.checkWire({ source, target: node.id, targetHandle: port }) !== null) continue;
        const name = `${node.label ?? node.id} · ${port}`;
        list.push({ target: node.id, port, name, taken: (wired[node.id] ?? '').split(',').includes(port) });
      }
    }
    // Open ports first: that is what a wire is usually drawn for.
    return list.sort((a, b) => Number(a.taken) - Number(b.taken));
  }, [store, actions, source]);
  const q = query.trim().toLowerCase();
  const matches = q === '' ? targets : targets.filter((t) => t.name.toLowerCase().includes(q));
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const pick = (k: number) => {
    const t = matches[k];
    if (!t) return;
    actions.connect({ source, target: t.target, targetHandle: t.port });
    onClose();
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="gate-search gate-search--dialog" role="dialog" aria-label={`Wire the output of ${source} to a port`} onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          data-native-keys
          role="combobox"
          aria-expanded
          aria-controls="wire-dialog-list"
          aria-label={`Port to wire ${source} into`}
          placeholder={`Wire ${source} → …`}
          data-testid="wire-dialog"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(1, matches.length));
            else if (event.key === 'ArrowUp') setActive((current - 1 + matches.length) % Math.max(1, matches.length));
            else if (event.key === 'Enter') pick(current);
            else return;
            event.preventDefault();
          }}
        />
        <ul id="wire-dialog-list" role="listbox">
          {matches.map((t, k) => (
            <li key={`${t.target}:${t.port}`} role="option" aria-selected={k === current} onMouseDown={() => pick(k)}>
              {t.name} {t.taken && <small>replaces its wire</small>}
            </li>
          ))}
          {matches.length === 0 && <li className="gate-search__none">No port it can be wired to</li>}
        </ul>
      </div>
    </div>
  );
}
