/** Pages that need a role: without it, the page says so (the navigation does not even offer it). */
import type { ReactNode } from 'react';
import type { Me } from '@entente/contracts';
import { useMe } from './session';

export function RequireRole({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const me = useMe();
  if (!allow(me)) {
    return (
      <div className="error-state" role="alert">
        <h1>Not available</h1>
        <p>This page is not available to your account.</p>
      </div>
    );
  }
  return <>{children}</>;
}
