/**
 * Capability assessments of one partner (DOMAIN.md §2.2): a dated baseline judgement of a unit's
 * capability and absorptive capacity in one area. Lists those released to the user (current =
 * approved and at most 24 months old, which an initiative's approval needs), records new ones as
 * drafts, and moves them draft → submitted → approved (an approver other than the assessor).
 */
import '../../styles/initiatives.css';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CapabilityAssessmentItem } from '@entente/contracts';
import { can, useMe } from '../../app/session';
import { messageOf } from '../../lib/api';
import { humanise } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { capabilityApi } from './capabilityApi';
import { CapabilityForm } from './CapabilityForm';

export function CapabilityPanel({ iso3 }: { iso3: string }) {
  const me = useMe();
  const qc = useQueryClient();
  const q = useApiQuery(['capability-assessments', iso3], (s) => capabilityApi.list(iso3, s));
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const writer = can.writeStrategy(me);
  const approver = !me.partner && me.roles.includes('approver');
  const reload = () => qc.invalidateQueries({ queryKey: ['capability-assessments', iso3] });

  const move = async (a: CapabilityAssessmentItem, to: 'submitted' | 'approved') => {
    setBusyId(a.id);
    setNotice(null);
    try {
      const r = (await capabilityApi.transition(a.id, { to, expectedVersion: a.version })).data;
      setNotice(
        `${humanise(a.capabilityArea)} assessment of ${a.subjectOrg.code} is now ${to}.${r.superseded.length ? ` It supersedes ${r.superseded.length} earlier assessment${r.superseded.length === 1 ? '' : 's'}.` : ''}`,
      );
    } catch (err) {
      setNotice(messageOf(err));
    } finally {
      setBusyId(null);
      await reload();
    }
  };

  return (
    <section className="card" aria-labelledby="ca-title">
      <h2 id="ca-title">Capability assessments</h2>
      <p className="muted">
        Initiatives with this partner need an approved assessment, at most 24 months old, in each capability
        area they target.
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {writer ? (
        <p>
          <button
            type="button"
            className="btn"
            aria-expanded={adding}
            aria-controls="ca-form"
            onClick={() => setAdding(!adding)}
          >
            {adding ? 'Close the form' : 'Record an assessment'}
          </button>
        </p>
      ) : null}
      {writer && adding ? (
        <div id="ca-form">
          <CapabilityForm
            iso3={iso3}
            onCancel={() => setAdding(false)}
            onSaved={(a) => {
              setAdding(false);
              setNotice(
                `The ${humanise(a.capabilityArea).toLowerCase()} assessment of ${a.subjectOrg.code} was saved as a draft.`,
              );
              void reload();
            }}
          />
        </div>
      ) : null}
      {q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={q.refetch} />
      ) : !q.data ? (
        <SkeletonRows rows={3} label="Loading capability assessments…" />
      ) : q.data.length === 0 ? (
        <EmptyState>No capability assessments of this partner are released to you.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Capability assessments of {iso3}</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Unit</th>
                <th scope="col">Conducted</th>
                <th scope="col">Method</th>
                <th scope="col">Absorptive capacity</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <PortionMark portion={a.portion} /> {humanise(a.capabilityArea)}
                    <div className="muted">{a.findings}</div>
                  </td>
                  <td>{a.subjectOrg.code}</td>
                  <td className="nowrap">{formatDate(a.conductedOn)}</td>
                  <td>{humanise(a.method)}</td>
                  <td>
                    {humanise(a.absorptiveCapacity.rating)}
                    {a.absorptiveCapacity.maxTraineesPerMonth !== undefined
                      ? ` · ${a.absorptiveCapacity.maxTraineesPerMonth} trainees/month`
                      : ''}
                  </td>
                  <td>
                    {humanise(a.status)}
                    {a.status === 'approved' ? (
                      <div className="muted">
                        {a.current ? 'Current (≤ 24 months)' : 'Older than 24 months'}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {writer && a.status === 'draft' ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={busyId === a.id}
                        onClick={() => void move(a, 'submitted')}
                        aria-label={`Submit the ${humanise(a.capabilityArea)} assessment of ${a.subjectOrg.code}`}
                      >
                        Submit
                      </button>
                    ) : null}
                    {approver && a.status === 'submitted' && a.assessorId !== me.id ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={busyId === a.id}
                        onClick={() => void move(a, 'approved')}
                        aria-label={`Approve the ${humanise(a.capabilityArea)} assessment of ${a.subjectOrg.code}`}
                      >
                        Approve
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
