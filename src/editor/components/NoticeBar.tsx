/** The latest notice: a refused file or wire, in the format's words, until dismissed or replaced. */
import { useActions, useEditor } from '../context.ts';

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  const evalError = useEditor((s) => s.evalError);
  const actions = useActions();
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
