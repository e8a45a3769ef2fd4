/** The lists of an objective's page: children, lines of effort, initiatives, plans, engagements and stored evaluations. */
import { Link } from '@tanstack/react-router';
import type { ObjectivePage } from '@entente/contracts';
import { PortionMark } from '../../../components/PortionMark';
import { StatusBadge, TypeBadge } from '../../../components/Badges';
import { formatDate, formatNumber, plural } from '../../../lib/format';
import { humanise } from '../../../lib/engagementTypes';
import { StoredEvaluationRow } from '../../evaluation/EvaluationsPanel';

type Page = ObjectivePage;

const period = (from: string, to: string | null) => `${formatDate(from)} → ${to ? formatDate(to) : 'open'}`;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="card" aria-labelledby={`objective-${id}-title`}>
      <h2 id={`objective-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export function ChildrenSection({ page }: { page: Page }) {
  return (
    <Section id="children" title="Sub-objectives">
      {page.children.length === 0 ? (
        <p className="empty-state">No sub-objectives released to you.</p>
      ) : (
        <ul className="objective-list">
          {page.children.map((c) => (
            <li key={c.id}>
              <PortionMark portion={c.portion} />{' '}
              <Link to="/strategy/objectives/$id" params={{ id: c.id }}>
                <strong>{c.code}</strong> {c.title}
              </Link>{' '}
              <span className={`badge badge--obj-${c.status}`}>{humanise(c.status)}</span>{' '}
              <span className="muted">
                Priority {c.priority} · {period(c.validFrom, c.validTo)} ·{' '}
                {plural(c.engagementCount, 'engagement')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function LinesOfEffortSection({ page }: { page: Page }) {
  return (
    <Section id="loes" title="Lines of effort">
      {page.linesOfEffort.length === 0 ? (
        <p className="empty-state">No lines of effort released to you.</p>
      ) : (
        <ul className="objective-list">
          {page.linesOfEffort.map((l) => (
            <li key={l.id}>
              <PortionMark portion={l.portion} /> <strong>{l.code}</strong> {l.title}{' '}
              {l.status !== 'active' ? <span className="badge">{humanise(l.status)}</span> : null}
              {l.description ? <p className="muted">{l.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const VIA = {
  line_of_effort: 'through a line of effort',
  logic_model: 'its logic model links this objective',
};

export function InitiativesSection({ page }: { page: Page }) {
  return (
    <Section id="initiatives" title="Initiatives serving it">
      {page.initiatives.length === 0 ? (
        <p className="empty-state">No initiative released to you serves this objective.</p>
      ) : (
        <ul className="objective-list">
          {page.initiatives.map((i) => (
            <li key={i.id}>
              <PortionMark portion={i.portion} />{' '}
              <Link to="/strategy/initiatives/$id" params={{ id: i.id }}>
                <strong>{i.code}</strong> {i.title}
              </Link>{' '}
              <span className="badge">{humanise(i.status)}</span>{' '}
              <span className="muted">
                {period(i.from, i.to)}
                {i.partnerIso3s.length ? ` · ${i.partnerIso3s.join(', ')}` : ''} ·{' '}
                {i.via.map((v) => VIA[v]).join('; ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function PlansSection({ page }: { page: Page }) {
  return (
    <Section id="plans" title="Cooperation plans with a goal for it">
      {page.plans.length === 0 ? (
        <p className="empty-state">No cooperation plan released to you has a goal linking this objective.</p>
      ) : (
        <ul className="objective-list">
          {page.plans.map((p) => (
            <li key={p.id}>
              <PortionMark portion={p.portion} />{' '}
              <Link to="/strategy/plans/$id" params={{ id: p.id }}>
                <strong>{p.code}</strong> {p.title}
              </Link>{' '}
              <span className="badge">{humanise(p.status)}</span>{' '}
              <span className="muted">
                {period(p.from, p.to)}
                {p.partnerIso3s.length ? ` · ${p.partnerIso3s.join(', ')}` : ''}
              </span>
              <br />
              <span className="muted">Goals: {p.goals.map((g) => `${g.code} ${g.title}`).join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function EngagementsSection({ page }: { page: Page }) {
  const e = page.engagements;
  const id = page.objective.id;
  return (
    <Section id="engagements" title="Engagements">
      <p>
        <strong>{plural(e.total, 'engagement')}</strong> linked to this objective
        {e.byStatus.length ? ': ' : '.'}
        {e.byStatus.map((s, i) => (
          <span key={s.status}>
            {i > 0 ? ', ' : ''}
            {formatNumber(s.count)} {humanise(s.status).toLowerCase()}
          </span>
        ))}
        {e.byStatus.length ? '.' : ''}
      </p>
      {e.recent.length === 0 ? (
        <p className="empty-state">No engagement released to you links this objective.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="muted">The {e.recent.length} most recent by planned start</caption>
            <thead>
              <tr>
                <th scope="col">Engagement</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Planned</th>
              </tr>
            </thead>
            <tbody>
              {e.recent.map((x) => (
                <tr key={x.id}>
                  <td>
                    <PortionMark portion={x.portion} />{' '}
                    <Link to="/engagements/$id" params={{ id: x.id }}>
                      <strong>{x.code}</strong> {x.title}
                    </Link>
                  </td>
                  <td>
                    <TypeBadge type={x.type} />
                  </td>
                  <td>
                    <StatusBadge status={x.status} />
                  </td>
                  <td className="nowrap">{period(x.plannedStart, x.plannedEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {e.total > 0 ? (
        <p>
          <Link to="/engagements" search={{ objective: id }}>
            All {formatNumber(e.total)} in the engagement register
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

export function EvaluationsSection({ page }: { page: Page }) {
  const o = page.objective;
  return (
    <Section id="evaluations" title="Evaluations">
      <p>
        <Link
          to="/evaluate"
          search={{ subjectKind: 'objective', subjectId: o.id, subjectCode: o.code }}
          className="btn"
        >
          Evaluate this objective
        </Link>
      </p>
      {page.evaluations.length === 0 ? (
        <p className="empty-state">No stored evaluation of this objective.</p>
      ) : (
        <ul className="objective-list">
          {page.evaluations.map((e) => (
            <StoredEvaluationRow key={e.id} e={e} />
          ))}
        </ul>
      )}
    </Section>
  );
}
