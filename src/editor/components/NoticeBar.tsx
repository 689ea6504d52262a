/** The latest notice: a refused file or wire, in the format's words, until dismissed or replaced. */
import { useEffect } from 'react';
import { useActions, useEditor } from '../context.ts';

/** Long enough to read "Opened …"; errors stay until dismissed, since they explain something refused. */
const INFO_SECONDS = 5;

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  const evalError = useEditor((s) => s.evalError);
  const actions = useActions();
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(actions.dismissNotice, INFO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [notice, actions]);
  return (
    <div className="notices" aria-live="polite">
      {evalError && (
        <div className="notice notice--error" role="alert">
          The circuit cannot be evaluated: {evalError}
        </div>
      )}
      {notice && (
        <div key={notice.serial} className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss" onClick={actions.dismissNotice}>×</button>
        </div>
      )}
    </div>
  );
}
