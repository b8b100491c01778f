import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useSession } from './session';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
const WARNING_MS = 60_000;

/**
 * Signs out after the server's idle setting (BROWSER_IDLE_TIMEOUT_MINUTES) without keyboard or
 * pointer use, warning one minute before with a button that keeps the session.
 */
export function IdleSignOut() {
  const { state, idleTimeoutMinutes, signOut } = useSession();
  const { messages } = useI18n();
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    if (state !== 'signed-in') return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      const limit = idleTimeoutMinutes * 60_000;
      if (idle >= limit) void signOut();
      setWarning(idle >= limit - WARNING_MS && idle < limit);
    }, 5_000);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity);
      window.clearInterval(timer);
    };
  }, [state, idleTimeoutMinutes, signOut]);

  if (!warning) return null;
  return (
    <div role="alertdialog" aria-labelledby="idle-warning" className="idle-warning">
      <p id="idle-warning">{messages.idle.warning}</p>
      <button
        type="button"
        onClick={() => {
          lastActivity.current = Date.now();
          setWarning(false);
        }}
      >
        {messages.idle.stay}
      </button>
    </div>
  );
}
