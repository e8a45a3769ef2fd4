/** The side navigation. Home-only items (Import, Admin) are absent, not disabled, for users who may not use them. */
import { Link } from '@tanstack/react-router';
import type { Me } from '@entente/contracts';
import { can } from './session';
import { canImportIncidents } from '../features/incidents/incidentsApi';
import { OpenAlertsBadge } from '../features/monitors/OpenAlertsBadge';
import { DueRemindersBadge } from '../features/due-items/DueRemindersBadge';

const ACTIVE = { className: 'active' } as const;

export function SideNav({ me }: { me: Me }) {
  return (
    <nav className="shell__nav" aria-label="Main">
      <ul>
        <li>
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }} activeProps={ACTIVE}>
            Dashboard
          </Link>
        </li>
        <li>
          <Link to="/engagements" activeProps={ACTIVE}>
            Engagements
          </Link>
        </li>
        <li>
          <Link to="/calendar" activeProps={ACTIVE}>
            Calendar
          </Link>
        </li>
        <li>
          <Link to="/partners" activeProps={ACTIVE}>
            Partners
          </Link>
        </li>
        <li>
          <Link to="/alliances" activeProps={ACTIVE}>
            Alliances
          </Link>
        </li>
        <li>
          <Link to="/agreements" activeProps={ACTIVE}>
            Agreements
          </Link>
        </li>
        <li>
          <Link to="/due-items" activeProps={ACTIVE}>
            Due items
            <DueRemindersBadge />
          </Link>
        </li>
        <li>
          <Link to="/strategy" activeProps={ACTIVE}>
            Strategy
          </Link>
        </li>
        {can.importData(me) ? (
          <li>
            <Link to="/import" activeProps={ACTIVE}>
              Import
            </Link>
          </li>
        ) : null}
        <li>
          <span className="nav__group">Incident data</span>
          <ul aria-label="Incident data">
            {canImportIncidents(me) ? (
              <li>
                <Link to="/incidents/import" activeProps={ACTIVE}>
                  Import
                </Link>
              </li>
            ) : null}
            <li>
              <Link to="/incidents/datasets" activeProps={ACTIVE}>
                Datasets
              </Link>
            </li>
            <li>
              <Link to="/incidents/explore" activeProps={ACTIVE}>
                Explore
              </Link>
            </li>
            <li>
              <Link to="/incidents/areas" activeProps={ACTIVE}>
                Areas
              </Link>
            </li>
            <li>
              <Link to="/evaluate" activeProps={ACTIVE}>
                Evaluate
              </Link>
            </li>
            <li>
              <Link to="/evaluations" activeProps={ACTIVE} activeOptions={{ exact: true }}>
                Evaluations
              </Link>
            </li>
            <li>
              <Link to="/monitors" activeProps={ACTIVE}>
                Watch areas
                <OpenAlertsBadge />
              </Link>
            </li>
          </ul>
        </li>
        {can.administer(me) || can.readAudit(me) ? (
          <li>
            <span className="nav__group">Admin</span>
            <ul>
              {can.administer(me) ? (
                <>
                  <li>
                    <Link to="/admin/users" activeProps={ACTIVE}>
                      Users
                    </Link>
                  </li>
                  <li>
                    <Link to="/admin/organisations" activeProps={ACTIVE}>
                      Organisations
                    </Link>
                  </li>
                  <li>
                    <Link to="/admin/communities" activeProps={ACTIVE}>
                      Communities
                    </Link>
                  </li>
                </>
              ) : null}
              <li>
                <Link to="/admin/audit" activeProps={ACTIVE}>
                  Audit log
                </Link>
              </li>
            </ul>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
