/** Agreements: status, validity, covered engagement types, partners and expiry alerts; "New agreement" for planners. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AgreementInput, AgreementItem, AgreementTransitionRequest } from '@entente/contracts';
import type { AgreementsSearch } from '../../app/search';
import { can, useMe } from '../../app/session';
import { compact } from '../../app/search';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { useSearchText } from '../../lib/useDebounced';
import { useCommunities, useCountries } from '../../lib/reference';
import { AGREEMENT_STATUS_VALUES } from '../../lib/domain';
import { humanise, typeLabel } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, QueryView, SkeletonRows } from '../../components/States';
import { ExpiryBadge } from './ExpiryBadge';
import { AgreementForm } from './AgreementForm';
import { AgreementTransitionDialog } from './AgreementTransitionDialog';
import { AgreementClassification } from './AgreementClassification';
import { agreementTransitionLabel, agreementsApi } from './agreementsApi';
import { TlpRecipientsPanel } from '../access/TlpRecipientsPanel';

type Props = { search: AgreementsSearch; onSearch: (s: AgreementsSearch) => void };

export function AgreementsPage({ search, onSearch }: Props) {
  useDocumentTitle('Agreements');
  const [q, setQ] = useSearchText(search.q, (v) => onSearch(compact({ ...search, q: v })));
  const countries = useCountries();
  const query = {
    q: search.q,
    status: search.status,
    partner: search.partner,
    expiringWithinDays: search.expiring,
  };
  const agreements = useApiQuery(['agreements', query], (s) => endpoints.agreements(query, s), {
    keepPrevious: true,
  });
  const set = (patch: Partial<AgreementsSearch>) => onSearch(compact({ ...search, ...patch }));
  const me = useMe();
  const canRecord = can.recordAgreements(me);
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [classifying, setClassifying] = useState<string | null>(null);
  const classified = classifying ? agreements.data?.find((a) => a.id === classifying) : undefined;
  const [acting, setActing] = useState<{
    agreement: AgreementItem;
    to: AgreementTransitionRequest['to'];
  } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    void queryClient.invalidateQueries({ queryKey: ['partner'] });
    void queryClient.invalidateQueries({ queryKey: ['due-items'] });
  };
  const transition = async (body: AgreementTransitionRequest) => {
    if (!acting) return;
    const next = (await agreementsApi.transition(acting.agreement.id, body)).data;
    setActing(null);
    setNotice(`Agreement ${next.code} is now ${humanise(next.status).toLowerCase()}.`);
    refresh();
  };

  const create = async (input: AgreementInput) => {
    const created = (await endpoints.createAgreement(input)).data;
    setAdding(false);
    setNotice(`Agreement ${created.code} was recorded.`);
    refresh(); // an agreement recorded in force may raise its renewal due item
  };

  return (
    <>
      <PageHeader
        title="Agreements"
        lead="Cooperation agreements, MOUs, SOFAs and mandates, with their validity."
      >
        {canRecord ? (
          <button
            type="button"
            className="btn btn--primary"
            aria-expanded={adding}
            aria-controls="agreement-form"
            onClick={() => {
              setAdding(!adding);
              setNotice(null);
            }}
          >
            {adding ? 'Close the form' : 'New agreement'}
          </button>
        ) : null}
      </PageHeader>
      {canRecord && adding ? (
        <div id="agreement-form">
          <NewAgreement onSave={create} onCancel={() => setAdding(false)} />
        </div>
      ) : null}
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="btn btn--link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <form className="filters" aria-label="Agreement filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="agr-q">Search</label>
          <input
            id="agr-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Code or title"
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="agr-status">Status</label>
          <select
            id="agr-status"
            value={search.status ?? ''}
            onChange={(e) => set({ status: e.target.value || undefined })}
          >
            <option value="">Any status</option>
            {AGREEMENT_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="agr-partner">Partner</label>
          <select
            id="agr-partner"
            value={search.partner ?? ''}
            onChange={(e) => set({ partner: e.target.value || undefined })}
          >
            <option value="">Any partner</option>
            {(countries.data ?? []).map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline field--check">
          <input
            id="agr-expiring"
            type="checkbox"
            checked={search.expiring !== undefined}
            onChange={(e) => set({ expiring: e.target.checked ? 180 : undefined })}
          />
          <label htmlFor="agr-expiring">Expiring within 180 days</label>
        </div>
      </form>
      <QueryView query={agreements} loading={<SkeletonRows label="Loading agreements…" />}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState>No agreements match these filters.</EmptyState>
          ) : (
            <div className="table-wrap" aria-busy={agreements.isFetching}>
              <table className="table">
                <caption className="visually-hidden">Agreements</caption>
                <thead>
                  <tr>
                    <th scope="col" className="col-title">
                      Agreement
                    </th>
                    <th scope="col">Kind</th>
                    <th scope="col">Status</th>
                    <th scope="col">Partners</th>
                    <th scope="col">Validity</th>
                    <th scope="col">Covers</th>
                    <th scope="col">Expiry</th>
                    <th scope="col">Lifecycle</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr
                      key={a.id}
                      className={
                        a.expiresInDays !== null && a.expiresInDays <= 180 ? 'row--alert' : undefined
                      }
                    >
                      <td className="col-title">
                        <div>
                          <PortionMark portion={a.portion} />
                        </div>
                        <strong className="nowrap">{a.code}</strong>
                        <div>{a.title}</div>
                        <div className="muted">Ref. {a.documentRef}</div>
                        {!me.partner && a.label ? (
                          <button
                            type="button"
                            className="btn btn--link btn--small"
                            aria-expanded={classifying === a.id}
                            aria-controls="agreement-classification"
                            onClick={() => setClassifying(classifying === a.id ? null : a.id)}
                          >
                            Classification…
                          </button>
                        ) : null}
                      </td>
                      <td>{humanise(a.kind)}</td>
                      <td>
                        <span className={`badge badge--agr-${a.status}`}>{humanise(a.status)}</span>
                      </td>
                      <td>{a.partnerIso3s.join(', ')}</td>
                      <td className="nowrap">
                        {a.signedOn ? <div>Signed {formatDate(a.signedOn)}</div> : null}
                        <div>In force {formatDate(a.inForceFrom)}</div>
                        <div>{a.expiresOn ? `Expires ${formatDate(a.expiresOn)}` : 'Open-ended'}</div>
                        {a.autoRenew ? <div className="muted">Renews automatically</div> : null}
                      </td>
                      <td>{a.coversTypes.length ? a.coversTypes.map(typeLabel).join(', ') : '—'}</td>
                      <td>
                        <ExpiryBadge days={a.expiresInDays} />
                      </td>
                      <td>
                        {a.allowedTransitions?.length ? (
                          <div className="button-row" role="group" aria-label={`Lifecycle of ${a.code}`}>
                            {a.allowedTransitions.map((to) => (
                              <button
                                key={to}
                                type="button"
                                className={`btn btn--small ${to === 'terminated' ? 'btn--danger' : ''}`}
                                onClick={() => {
                                  setNotice(null);
                                  setActing({ agreement: a, to });
                                }}
                              >
                                {agreementTransitionLabel(to, a.status)}
                              </button>
                            ))}
                          </div>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {classified ? (
        <AgreementClassification
          agreement={classified}
          onChanged={refresh}
          onClose={() => setClassifying(null)}
        />
      ) : null}
      {classified ? <TlpRecipientsPanel kind="agreement" id={classified.id} onChanged={refresh} /> : null}
      {acting ? (
        <AgreementTransitionDialog
          agreement={acting.agreement}
          to={acting.to}
          onSubmit={transition}
          onClose={() => setActing(null)}
          onStale={refresh}
        />
      ) : null}
    </>
  );
}

/** The form once its reference lists (countries, communities) have loaded. */
function NewAgreement({
  onSave,
  onCancel,
}: {
  onSave: (input: AgreementInput) => Promise<void>;
  onCancel: () => void;
}) {
  const communities = useCommunities();
  const countries = useCountries();
  const failed = [communities, countries].find((q) => q.error && !q.data);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );
  if (!communities.data || !countries.data) return <SkeletonRows rows={6} label="Loading the form…" />;
  return (
    <AgreementForm
      countries={countries.data}
      communities={communities.data}
      onSave={onSave}
      onCancel={onCancel}
    />
  );
}
