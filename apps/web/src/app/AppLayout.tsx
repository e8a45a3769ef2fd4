/** The signed-in layout: checks the session, then side navigation, header with user menu and the main landmark. */
import { useEffect, useState } from 'react';
import { Outlet, useNavigate, useRouter } from '@tanstack/react-router';
import { ApiError } from '../lib/api';
import { ErrorState, Spinner } from '../components/States';
import { MeContext, useMeQuery } from './session';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const me = useMeQuery();

  if (me.isPending) {
    return (
      <main id="main" tabIndex={-1} className="page-centre">
        <Spinner label="Checking your session…" />
      </main>
    );
  }
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <RedirectToLogin />;
    }
    return (
      <main id="main" tabIndex={-1} className="page-centre">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Entente is not reachable" />
      </main>
    );
  }

  return (
    <MeContext.Provider value={me.data}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="shell">
        <header className="shell__header">
          <span className="brand" aria-hidden="true">
            ⬡
          </span>
          <span className="brand__name">Entente</span>
          <span className="brand__tag">International security engagements</span>
          <UserMenu me={me.data} />
        </header>
        <SideNav me={me.data} />
        <main id="main" tabIndex={-1} className="shell__main">
          <Outlet />
        </main>
      </div>
    </MeContext.Provider>
  );
}

/** Go to the login page once, remembering where the user was going. */
function RedirectToLogin() {
  const router = useRouter();
  const navigate = useNavigate();
  const [from] = useState(() => router.state.location.href);
  useEffect(() => {
    void navigate({
      to: '/login',
      search: from === '/' || from.startsWith('/login') ? {} : { redirect: from },
      replace: true,
    });
  }, [from, navigate]);
  return (
    <main id="main" tabIndex={-1} className="page-centre">
      <Spinner label="Going to the sign-in page…" />
    </main>
  );
}
