import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts.ts';

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className="sheet"
        role="dialog"
        aria-modal
        aria-label="Keyboard shortcuts"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <header>
          <h2>Keyboard shortcuts</h2>
          <button ref={close} type="button" onClick={onClose} aria-label="Close">×</button>
        </header>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="sheet__row">
              <dt><kbd>{s.keys}</kbd></dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <p>On a Mac, ⌘ stands for Ctrl.</p>
      </div>
    </div>
  );
}
