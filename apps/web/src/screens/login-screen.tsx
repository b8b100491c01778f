import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { LanguagePicker, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

type Step = { kind: 'password' } | { kind: 'mfa'; mfaToken: string } | { kind: 'enrolment' };

/** Email and password, then the second factor when the account has one. */
export function LoginScreen() {
  const { messages } = useI18n();
  const { signedIn } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    const { data, response } = await api.POST('/auth/browser/login', { body: { email, password } });
    setBusy(false);
    if (!response.ok || !data) return setFailed(true);
    const body = data as unknown as {
      status: string;
      mfaToken?: string;
      accessToken?: string;
      idleTimeoutMinutes?: number;
    };
    if (body.status === 'mfa_required' && body.mfaToken) return setStep({ kind: 'mfa', mfaToken: body.mfaToken });
    if (body.status === 'mfa_enrolment_required') return setStep({ kind: 'enrolment' });
    await signedIn({ accessToken: body.accessToken!, idleTimeoutMinutes: body.idleTimeoutMinutes ?? 30 });
  }

  async function submitCode(event: FormEvent, mfaToken: string) {
    event.preventDefault();
    setBusy(true);
    const { data, response } = await api.POST('/auth/browser/login/mfa', { body: { mfaToken, code } });
    setBusy(false);
    if (!response.ok || !data) return setFailed(true);
    await signedIn(data);
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-language">
          <LanguagePicker />
        </div>
        <h1>{messages.login.title}</h1>
        <p className="muted">{messages.login.intro}</p>
        {step.kind === 'password' ? (
          <form onSubmit={(event) => void submitPassword(event)}>
            <label>
              {messages.login.email}
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              {messages.login.password}
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {failed ? <LoginFailed /> : null}
            <button type="submit" className="primary" disabled={busy}>
              {messages.login.submit}
            </button>
          </form>
        ) : null}
        {step.kind === 'mfa' ? (
          <form onSubmit={(event) => void submitCode(event, step.mfaToken)}>
            <h2>{messages.login.mfaTitle}</h2>
            <label>
              {messages.login.mfaCode}
              <input autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
            </label>
            {failed ? <LoginFailed /> : null}
            <button type="submit" className="primary" disabled={busy}>
              {messages.login.mfaSubmit}
            </button>
          </form>
        ) : null}
        {step.kind === 'enrolment' ? <p role="alert">{messages.login.enrolmentNeeded}</p> : null}
      </div>
    </main>
  );
}

function LoginFailed() {
  const { messages } = useI18n();
  return (
    <p role="alert" className="error-text">
      {messages.login.failed}
    </p>
  );
}
