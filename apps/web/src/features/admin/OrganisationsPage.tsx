/** Organisations: ministry echelons, partner bodies, alliances and donors, with kind, country and parent; add and edit. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OrganisationInput } from '@entente/contracts';
import { useApiQuery } from '../../lib/query';
import { useCountries } from '../../lib/reference';
import { humanise } from '../../lib/engagementTypes';
import { ApiError } from '../../lib/api';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, SkeletonRows } from '../../components/States';
import { adminApi } from './adminApi';
import type { OrganisationRow } from './adminApi';
import { OrganisationForm } from './OrganisationForm';

export function OrganisationsPage() {
  useDocumentTitle('Organisations');
  const queryClient = useQueryClient();
  const orgs = useApiQuery(['admin', 'organisations'], adminApi.organisations);
  const countries = useCountries();
  const [editing, setEditing] = useState<OrganisationRow | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => {
    orgs.refetch();
    void queryClient.invalidateQueries({ queryKey: ['ref', 'organisations'] });
  };
  const save = async (input: OrganisationInput) => {
    try {
      const r =
        editing && editing !== 'new'
          ? await adminApi.updateOrganisation(editing.id, editing.version, input)
          : await adminApi.createOrganisation(input);
      setNotice(`${r.data.code} saved.`);
      setEditing(null);
      refresh();
    } catch (err) {
      // Someone else saved first: fetch their version so the next edit starts from it.
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') refresh();
      throw err;
    }
  };

  const needle = filter.trim().toLowerCase();
  const shown = (rows: OrganisationRow[]) =>
    needle
      ? rows.filter((o) =>
          [o.code, o.name, o.acronym ?? '', o.iso3 ?? '', o.kind].some((v) =>
            v.toLowerCase().includes(needle),
          ),
        )
      : rows;

  return (
    <>
      <PageHeader
        title="Organisations"
        lead="Home echelons, partner bodies, alliances and other organisations."
      >
        <button
          type="button"
          className="btn btn--primary"
          aria-expanded={editing === 'new'}
          onClick={() => setEditing(editing === 'new' ? null : 'new')}
        >
          {editing === 'new' ? 'Close the form' : 'Add organisation'}
        </button>
      </PageHeader>
      {notice ? (
        <p className="ok" role="status">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <OrganisationForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          {...(editing === 'new' ? {} : { initial: editing })}
          organisations={orgs.data ?? []}
          countries={countries.data ?? []}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label="Organisation filter"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field field--inline">
          <label htmlFor="org-filter">Find</label>
          <input
            id="org-filter"
            type="search"
            value={filter}
            placeholder="Code, name, country or kind"
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </form>
      <QueryView query={orgs} loading={<SkeletonRows rows={10} label="Loading organisations…" />}>
        {(rows) =>
          shown(rows).length === 0 ? (
            <EmptyState>
              {rows.length === 0 ? 'No organisations yet.' : 'No organisation matches.'}
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table table--compact">
                <caption className="visually-hidden">Organisations</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Country</th>
                    <th scope="col">Parent</th>
                    <th scope="col" className="num">
                      Users
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown(rows).map((o) => (
                    <tr key={o.id}>
                      <td className="nowrap mono">{o.code}</td>
                      <td>
                        {o.name}
                        {o.acronym ? <div className="muted">{o.acronym}</div> : null}
                      </td>
                      <td>{humanise(o.kind)}</td>
                      <td>{o.iso3 ?? '—'}</td>
                      <td className="nowrap">{o.parentCode ?? '—'}</td>
                      <td className="num">{o.userCount}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={`Edit ${o.code}`}
                          onClick={() => {
                            setNotice(null);
                            setEditing(o);
                          }}
                        >
                          Edit
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
