/**
 * The notice again in a running session (ACCESS.md §8): when /auth/me says `noticeRequired` (the text
 * changed, or the last consent is over 24 hours old), show the notice in a modal and POST the consent
 * before the app goes on. The server audits the consent with the banner version's SHA-256.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AUTH_ROUTES, LoginPage, Me, ROUTES } from '@entente/contracts';
import { NoticeStep } from '../features/auth/NoticeStep';
import { anything, api, messageOf } from './api';

type Notice = { text: string; version: string };

/** The modal: the deployment's notice, consent, or sign out. */
export function NoticeAgainDialog({
  notice,
  onConsent,
  onSignOut,
}: {
  notice: Notice;
  onConsent: () => Promise<void>;
  onSignOut: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div style={BACKDROP}>
      <div role="dialog" aria-modal="true" aria-labelledby="notice-title" style={PANEL}>
        <p>Please read the notice again: it has changed, or your last consent is more than 24 hours old.</p>
        <NoticeStep
          notice={notice}
          onConsent={() => {
            setError(null);
            onConsent().catch((e: unknown) => setError(messageOf(e)));
          }}
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" className="btn" onClick={onSignOut}>
            Sign out instead
          </button>
        </div>
      </div>
    </div>
  );
}

/** Show the current notice, post the consent, and resolve with the refreshed Me. */
export async function consentAgain(): Promise<Me> {
  const notice = (await api.get(ROUTES.loginPage, LoginPage)).data.notice;
  return new Promise<Me>((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const close = () =>
      setTimeout(() => {
        root.unmount();
        host.remove();
      }, 0);
    root.render(
      <NoticeAgainDialog
        notice={notice}
        onConsent={async () => {
          const r = await api.post(AUTH_ROUTES.consent, Me, { noticeVersion: notice.version });
          close();
          resolve(r.data);
        }}
        onSignOut={() => {
          void api
            .post(ROUTES.logout, anything, {}, { noAuthRedirect: true })
            .finally(() => window.location.assign('/login'));
        }}
      />,
    );
  });
}

const BACKDROP: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(20, 28, 36, 0.6)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 70,
};
const PANEL: React.CSSProperties = {
  maxWidth: '40rem',
  width: '94%',
  maxHeight: '90vh',
  overflow: 'auto',
  margin: 0,
};
