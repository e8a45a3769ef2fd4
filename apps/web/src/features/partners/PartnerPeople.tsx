/**
 * People of a partner (DOMAIN.md §2.2): key leaders and focal points released to the user, focal
 * points first. Home planners add and edit them; each person's contact is a field label shown (or
 * absent, with no placeholder) through RecordFieldsPanel, kind 'person'.
 */
import { Fragment, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PersonItem } from '@entente/contracts';
import { can, useMe } from '../../app/session';
import { useApiQuery } from '../../lib/query';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { RecordFieldsPanel } from '../access/RecordFieldsPanel';
import { peopleApi } from './peopleApi';
import { PersonForm } from './PersonForm';

const COLUMNS = 7;

export function PartnerPeople({ iso3 }: { iso3: string }) {
  const me = useMe();
  const qc = useQueryClient();
  const key = ['people', iso3];
  const q = useApiQuery(key, (s) => peopleApi.list(iso3, s));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [contactOf, setContactOf] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writer = can.plan(me);
  const saved = (what: string) => async (p: PersonItem) => {
    setAdding(false);
    setEditing(null);
    setNotice(`${p.name} was ${what}.`);
    await qc.invalidateQueries({ queryKey: key });
  };

  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <p className="muted">Key leaders and the focal points of the partnership.</p>
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
            aria-controls="person-add"
            onClick={() => setAdding(!adding)}
          >
            {adding ? 'Close the form' : 'Add a person'}
          </button>
        </p>
      ) : null}
      {writer && adding ? (
        <div id="person-add">
          <PersonForm iso3={iso3} onCancel={() => setAdding(false)} onSaved={saved('added')} />
        </div>
      ) : null}
      {q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={q.refetch} />
      ) : !q.data ? (
        <SkeletonRows rows={3} label="Loading people…" />
      ) : q.data.length === 0 ? (
        <EmptyState>No people of this partner are released to you.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">People of {iso3}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Rank</th>
                <th scope="col">Position</th>
                <th scope="col">Organisation</th>
                <th scope="col">Languages</th>
                <th scope="col">Focal point</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((p) => (
                <Fragment key={p.id}>
                  <tr>
                    <th scope="row">
                      <PortionMark portion={p.portion} /> {p.name}
                    </th>
                    <td>{p.rank ?? '—'}</td>
                    <td>{p.position}</td>
                    <td title={p.org.name}>{p.org.code}</td>
                    <td>{p.languages.join(', ') || '—'}</td>
                    <td>{p.focalPoint ? <span className="badge">Focal point</span> : null}</td>
                    <td className="nowrap">
                      <button
                        type="button"
                        className="btn btn--small"
                        aria-expanded={contactOf === p.id}
                        aria-controls={`person-contact-${p.id}`}
                        aria-label={`Contact of ${p.name}`}
                        onClick={() => setContactOf(contactOf === p.id ? null : p.id)}
                      >
                        Contact
                      </button>{' '}
                      {writer ? (
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-expanded={editing === p.id}
                          aria-label={`Edit ${p.name}`}
                          onClick={() => setEditing(editing === p.id ? null : p.id)}
                        >
                          Edit
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {contactOf === p.id ? (
                    <tr id={`person-contact-${p.id}`}>
                      <td colSpan={COLUMNS}>
                        <RecordFieldsPanel kind="person" recordKey={p.id} title={`Contact of ${p.name}`} />
                      </td>
                    </tr>
                  ) : null}
                  {editing === p.id ? (
                    <tr>
                      <td colSpan={COLUMNS}>
                        <PersonForm
                          iso3={iso3}
                          person={p}
                          onCancel={() => setEditing(null)}
                          onSaved={saved('updated')}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
