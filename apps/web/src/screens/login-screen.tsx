import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { LanguagePicker, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { EnrolmentForm, RecoveryCodes, type Enrolment } from './second-factor-screen';

type Step =
  | { kind: 'password' }
  | { kind: 'mfa'; mfaToken: string }
  | { kind: 'enrolment'; enrolmentToken: string; enrolment: Enrolment | null }
  | { kind: 'recovery-codes'; codes: string[]; session: { accessToken: string; idleTimeoutMinutes: number } };

/**
 * Email and password, then the second factor when the account has one. A role that must have one
 * and has none yet enrols here, with the enrolment-only token of step one (kept in this screen's
 * state, sent as the bearer of the two enrolment calls): the first code completes the login.
 */
export function LoginScreen() {
  const { messages } = useI18n();
  const { signedIn } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [enrolmentError, setEnrolmentError] = useState<unknown>(null);

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
      enrolmentToken?: string;
      accessToken?: string;
      idleTimeoutMinutes?: number;
    };
    if (body.status === 'mfa_required' && body.mfaToken) return setStep({ kind: 'mfa', mfaToken: body.mfaToken });
    if (body.status === 'mfa_enrolment_required' && body.enrolmentToken) return startEnrolment(body.enrolmentToken);
    await signedIn({ accessToken: body.accessToken!, idleTimeoutMinutes: body.idleTimeoutMinutes ?? 30 });
  }

  async function startEnrolment(enrolmentToken: string) {
    setStep({ kind: 'enrolment', enrolmentToken, enrolment: null });
    const { data, response } = await api.POST('/auth/mfa/enrol', { headers: bearer(enrolmentToken) });
    if (!response.ok || !data) return setFailed(true);
    setStep({ kind: 'enrolment', enrolmentToken, enrolment: data });
  }

  async function confirmEnrolment(event: FormEvent, enrolmentToken: string) {
    event.preventDefault();
    setBusy(true);
    setEnrolmentError(null);
    try {
      const confirmed = await must(
        api.POST('/auth/browser/login/enrol', { headers: bearer(enrolmentToken), body: { code: code.trim() } }),
      );
      setCode('');
      setStep({ kind: 'recovery-codes', codes: confirmed.recoveryCodes, session: confirmed.session });
    } catch (error) {
      setEnrolmentError(error);
    } finally {
      setBusy(false);
    }
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
        {step.kind === 'enrolment' ? (
          <>
            <h2>{messages.mfa.title}</h2>
            <p className="notice">{messages.login.enrolmentNeeded}</p>
            {failed ? <LoginFailed /> : null}
            {step.enrolment ? (
              <EnrolmentForm
                enrolment={step.enrolment}
                code={code}
                onCode={setCode}
                onSubmit={(event) => void confirmEnrolment(event, step.enrolmentToken)}
                pending={busy}
                error={enrolmentError}
              />
            ) : null}
          </>
        ) : null}
        {step.kind === 'recovery-codes' ? (
          <RecoveryCodes codes={step.codes} onDone={() => void signedIn(step.session)} />
        ) : null}
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

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
