/** The user menu: who is signed in, with what roles, and logout. */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@entente/contracts';
import { setCsrfToken } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { humanise } from '../lib/engagementTypes';
import { resetPageLabel } from './pageLabelStore';

export function UserMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const logout = async () => {
    setBusy(true);
    try {
      await endpoints.logout();
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
    setCsrfToken(null);
    queryClient.clear();
    resetPageLabel();
    await navigate({ to: '/login' });
  };

  return (
    <div
      className="user-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="btn user-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span className="avatar" aria-hidden="true">
          {me.displayName.slice(0, 1)}
        </span>
        <span>{me.displayName}</span>
        {me.partner ? <span className="badge badge--partner">Partner</span> : null}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="user-menu__panel" id={id} role="group" aria-label="User">
          <p>
            <strong>{me.displayName}</strong> ({me.username})
          </p>
          <p>
            {me.orgName} · {me.nationality}
          </p>
          <p className="muted">Roles: {me.roles.map(humanise).join(', ') || 'none'}</p>
          <p className="muted">Sign-in assurance: {me.assurance}</p>
          <p>
            <Link to="/account" onClick={() => setOpen(false)}>
              Account and security
            </Link>
          </p>
          <button type="button" className="btn btn--primary" onClick={() => void logout()} disabled={busy}>
            {busy ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
