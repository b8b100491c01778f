import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { OtpauthQr } from '../session/otpauth-qr';
import { FormError } from '../ui/states';

export type Enrolment = Schemas['MfaEnrolmentResponse'];

/**
 * Second-factor (TOTP) enrolment: the secret for the authenticator app (as an otpauth: link and
 * typed by hand), confirmed with a first code; then the ten recovery codes, shown this once with a
 * download. They live only in this screen's state and are gone when the user leaves it.
 */
export function SecondFactorScreen() {
  const { messages } = useI18n();
  const { me, reloadMe } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const enrol = useMutation({
    mutationFn: () => must(api.POST('/auth/mfa/enrol')),
    onSuccess: setEnrolment,
  });
  const confirm = useMutation({
    mutationFn: () => must(api.POST('/auth/mfa/confirm', { body: { code: code.trim() } })),
    onSuccess: (confirmed) => {
      setEnrolment(null);
      setRecoveryCodes(confirmed.recoveryCodes);
      void reloadMe();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <section className="narrow">
      <h1>{messages.mfa.title}</h1>
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} /> : null}
      {!recoveryCodes && me?.mfaEnabled ? <p className="notice">{messages.mfa.enabled}</p> : null}
      {!recoveryCodes && !me?.mfaEnabled && !enrolment ? (
        <>
          <p>{messages.mfa.intro}</p>
          <FormError error={enrol.error} />
          <button type="button" className="primary" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
            {messages.mfa.start}
          </button>
        </>
      ) : null}
      {enrolment ? (
        <EnrolmentForm
          enrolment={enrolment}
          code={code}
          onCode={setCode}
          onSubmit={submit}
          pending={confirm.isPending}
          error={confirm.error}
        />
      ) : null}
    </section>
  );
}

/**
 * The new secret for the authenticator app: a QR code drawn in this page, the otpauth: link for a
 * phone that holds the app, and the key to type by hand; then the first code. Shared by this screen
 * and the first login of a role that must have a second factor.
 */
export function EnrolmentForm({
  enrolment,
  code,
  onCode,
  onSubmit,
  pending,
  error,
}: {
  enrolment: Enrolment;
  code: string;
  onCode: (code: string) => void;
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  error: unknown;
}) {
  const { messages } = useI18n();
  return (
    <form onSubmit={onSubmit} className="card">
      <p>{messages.mfa.scan}</p>
      <OtpauthQr uri={enrolment.otpauthUri} label={messages.mfa.qrLabel} />
      <p>
        <a href={enrolment.otpauthUri}>{messages.mfa.openApp}</a>
      </p>
      <p>
        {messages.mfa.typeSecret}{' '}
        <code data-testid="mfa-secret" className="secret">
          {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
        </code>
      </p>
      <label>
        {messages.mfa.code}
        <input
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          required
          value={code}
          onChange={(e) => onCode(e.target.value)}
        />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {messages.mfa.confirm}
      </button>
    </form>
  );
}

/** The recovery codes, once: a list, a text-file download, and "stored them" to hide them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { messages } = useI18n();
  const url = useMemo(() => URL.createObjectURL(new Blob([`${codes.join('\n')}\n`], { type: 'text/plain' })), [codes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div className="card" role="region" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{messages.mfa.recoveryTitle}</h2>
      <p className="warning">{messages.mfa.recoveryOnce}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <a className="button" href={url} download="sillok-recovery-codes.txt">
          {messages.mfa.download}
        </a>
        <button type="button" className="primary" onClick={onDone}>
          {messages.mfa.stored}
        </button>
      </div>
    </div>
  );
}
