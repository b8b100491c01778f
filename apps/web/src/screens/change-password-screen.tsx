import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { FormError } from '../ui/states';

/**
 * The first screen after logging in with a password an administrator set. Changing it ends the
 * other sessions on the server, not this one.
 */
export function ChangePasswordScreen() {
  const { messages } = useI18n();
  const { reloadMe } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await must(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      await reloadMe();
      await navigate('/app/cases');
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="narrow">
      <h1>{messages.password.title}</h1>
      <p>{messages.password.intro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {messages.password.current}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {messages.password.next}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={newPassword}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <FormError error={error} />
        <button type="submit" className="primary">
          {messages.password.submit}
        </button>
      </form>
    </section>
  );
}
