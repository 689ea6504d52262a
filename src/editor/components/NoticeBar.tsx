/**
 * The latest notice. An error (a refused file or wire, in the format's words) stays until dismissed or replaced,
 * since it explains something refused; an informational one ("Opened …") goes by itself after a few seconds.
 */
import { useEffect, useState } from 'react';
import { useActions, useEditor } from '../context.ts';
import type { Notice } from '../store.ts';

/**
 * How long an informational notice stays: long enough to read "Opened …". The wait starts again with each new
 * notice, and again when the pointer or the focus leaves it, so that one being read does not go mid-sentence.
 */
const INFO_SECONDS = 6;

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  const evalError = useEditor((s) => s.evalError);
  return (
    <div className="notices" aria-live="polite">
      {evalError && (
        <div className="notice notice--error" role="alert">
          The circuit cannot be evaluated: {evalError}
        </div>
      )}
      {/* Keyed by its serial: a new notice, even with the same text, is shown afresh with its own wait. */}
      {notice && <NoticeItem key={notice.serial} notice={notice} />}
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const actions = useActions();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const fades = notice.kind === 'info';
  useEffect(() => {
    if (!fades || hovered || focused) return;
    const timer = setTimeout(() => actions.dismissNotice(notice.serial), INFO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [fades, hovered, focused, notice.serial, actions]);
  return (
    <div
      className={`notice notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => actions.dismissNotice()}>×</button>
    </div>
  );
}
