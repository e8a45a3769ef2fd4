/** Sign-in: the notice and consent first, then username and password, then (when required) a TOTP code. */
import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@entente/contracts';
import { setCsrfToken } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { ErrorState, Spinner } from '../../components/States';
import { useDocumentTitle } from '../../components/PageHeader';
import { ME_KEY } from '../../app/session';
import { DEFAULT_PAGE_LABEL, usePageLabelContribution } from '../../app/pageLabelStore';
import { NoticeStep } from './NoticeStep';
import { CredentialsForm } from './CredentialsForm';
import { TotpForm } from './TotpForm';
import { DemoAccounts } from './DemoAccounts';

type Step = 'notice' | 'credentials' | 'totp';

export function LoginPage({ redirect }: { redirect?: string | undefined }) {
  useDocumentTitle('Sign in');
  const page = useApiQuery(['auth', 'login-page'], endpoints.loginPage, { staleTime: 0 });
  // The login page's own banner (green, e.g. HUB OFFICIAL) until the response's label says more.
  usePageLabelContribution(page.data ? { ...DEFAULT_PAGE_LABEL, banner: page.data.banner } : undefined);
  const [step, setStep] = useState<Step>('notice');
  const [credentials, setCredentials] = useState({ username: '', password: '' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signedIn = (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, me);
    void navigate({ to: redirect ?? '/' });
  };

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <main id="main" tabIndex={-1} className="login">
        <div className="login__brand">
          <span className="brand" aria-hidden="true">
            ⬡
          </span>
          <span className="brand__name">Entente</span>
        </div>
        {page.error ? (
          <ErrorState
            error={page.error}
            onRetry={page.refetch}
            title="The sign-in page could not be loaded"
          />
        ) : !page.data ? (
          <Spinner label="Loading the sign-in page…" />
        ) : step === 'notice' ? (
          <NoticeStep notice={page.data.notice} onConsent={() => setStep('credentials')} />
        ) : (
          <div className="login__grid">
            <section className="card login__form" aria-labelledby="signin-title">
              {step === 'credentials' ? (
                <CredentialsForm
                  value={credentials}
                  onChange={setCredentials}
                  noticeVersion={page.data.notice.version}
                  onMfa={() => setStep('totp')}
                  onSignedIn={signedIn}
                />
              ) : (
                <TotpForm onSignedIn={signedIn} onBack={() => setStep('credentials')} />
              )}
            </section>
            {step === 'credentials' && page.data.demoAccounts.length > 0 ? (
              <DemoAccounts
                accounts={page.data.demoAccounts}
                onPick={(a) => setCredentials({ username: a.username, password: a.password })}
              />
            ) : null}
          </div>
        )}
      </main>
    </>
  );
}
