/** One partner: memberships, relationship, engagements, agreements, plans, initiatives and totals. */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { formatMoney, formatNumber } from '../../lib/format';
import { humanise, typeColour, typeLabel } from '../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { ErrorState, SkeletonRows } from '../../components/States';
import { Chart } from '../../components/Chart';
import { EngagementTable } from '../engagements/EngagementTable';
import { MembershipsTable } from '../alliances/MembershipsTable';
import { PartnerAgreements } from './PartnerAgreements';
import { PartnerPlans } from './PartnerPlans';
import { PartnerStatusBadge } from './PartnerStatusBadge';
import { PartnerStatusPanel } from './PartnerStatusPanel';
import { RecordFieldsPanel } from '../access/RecordFieldsPanel';
import { CapabilityPanel } from './CapabilityPanel';
import { PartnerPeople } from './PartnerPeople';

export function PartnerPage({ iso3 }: { iso3: string }) {
  const q = useApiQuery(['partner', iso3], (s) => endpoints.partner(iso3, s));
  useDocumentTitle(q.data?.country.name ?? 'Partner');

  if (q.error && q.error instanceof ApiError && q.error.status === 404) {
    return (
      <div className="empty-state" role="alert">
        <h1>Partner not found</h1>
        <p>
          There is no state with the code {iso3}. <Link to="/partners">Back to partners</Link>
        </p>
      </div>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={q.refetch} />;
  if (!q.data) return <SkeletonRows rows={10} label="Loading the partner…" />;
  const p = q.data;
  const current = p.memberships.filter((m) => !m.to || m.to >= new Date().toISOString().slice(0, 10));
  const byType = Object.entries(p.totals.byType)
    .map(([key, value]) => ({ key, label: typeLabel(key), value, colour: typeColour(key) }))
    .sort((a, b) => b.value - a.value);

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/partners">Partners</Link> / {p.country.name}
      </p>
      <PageHeader
        title={
          <>
            {p.partner ? <PortionMark portion={p.partner.portion} /> : null} {p.country.name}{' '}
            <span className="muted">({p.country.iso3})</span>{' '}
            <PartnerStatusBadge status={p.partner?.status} />
          </>
        }
        lead={`${p.country.region}${p.country.subregion ? ` · ${p.country.subregion}` : ''}`}
      >
        <Link to="/engagements" search={{ partner: p.country.iso3 }} className="btn">
          Engagements with {p.country.iso3}
        </Link>
      </PageHeader>

      <section className="totals" aria-label="Totals">
        <div className="card total">
          <div className="total__value">{p.partner ? humanise(p.partner.tier) : '—'}</div>
          <div className="total__label">Relationship tier</div>
        </div>
        <div className="card total">
          <div className="total__value">{p.partner ? humanise(p.partner.status) : 'Not a partner'}</div>
          <div className="total__label">Status</div>
        </div>
        <div className="card total">
          <div className="total__value">{formatNumber(p.totals.engagements)}</div>
          <div className="total__label">Engagements</div>
        </div>
        <div className="card total">
          <div className="total__value">{formatMoney(p.totals.plannedCost, 'EUR')}</div>
          <div className="total__label">Planned cost</div>
        </div>
      </section>
      {p.partner ? (
        <PartnerStatusPanel iso3={p.country.iso3} name={p.country.name} partner={p.partner} />
      ) : null}
      {p.partner?.notes ? (
        <section className="card">
          <h2>Notes</h2>
          <p className="prose">{p.partner.notes}</p>
        </section>
      ) : null}

      {p.partner ? (
        <RecordFieldsPanel kind="partner" recordKey={p.country.iso3} title="Sensitivity notes" />
      ) : null}

      <div className="grid grid--2">
        <section className="card" aria-labelledby="memberships-title">
          <h2 id="memberships-title">Current memberships</h2>
          <MembershipsTable memberships={current} show="org" empty="No current memberships recorded." />
          {p.memberships.length > current.length ? (
            <details>
              <summary>Past memberships ({p.memberships.length - current.length})</summary>
              <MembershipsTable
                memberships={p.memberships.filter((m) => !current.includes(m))}
                show="org"
                empty=""
              />
            </details>
          ) : null}
        </section>
        <Chart
          title="Engagements by type"
          kind="hbar"
          data={byType}
          height={Math.max(200, byType.length * 24)}
        />
      </div>

      <section className="card" aria-labelledby="p-eng-title">
        <h2 id="p-eng-title">Engagements</h2>
        {p.engagements.length === 0 ? (
          <p className="muted">No engagements with this partner are released to you.</p>
        ) : (
          <>
            {p.totals.engagements > p.engagements.length ? (
              <p className="muted">
                The {p.engagements.length} most recent of {formatNumber(p.totals.engagements)}, by planned
                start.{' '}
                <Link to="/engagements" search={{ partner: p.country.iso3 }}>
                  All {formatNumber(p.totals.engagements)} in the engagement register
                </Link>
              </p>
            ) : null}
            <EngagementTable items={p.engagements} />
          </>
        )}
      </section>
      <PartnerAgreements agreements={p.agreements} />
      <PartnerPlans plans={p.plans} initiatives={p.initiatives} />
      {p.partner ? <PartnerPeople iso3={p.country.iso3} /> : null}
      {p.partner ? <CapabilityPanel iso3={p.country.iso3} /> : null}
    </article>
  );
}
