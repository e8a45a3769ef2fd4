/** The logic model as five columns; each card links to the cards it leads to (its `parentIds`, one level up), the cards that build on it, and the objectives it serves. */
import { Link } from '@tanstack/react-router';
import type { Initiative } from '@entente/contracts';

type Node = Initiative['logicModel'][number];
const KINDS = ['input', 'activity', 'output', 'outcome', 'impact'] as const;
const TITLES: Record<(typeof KINDS)[number], string> = {
  input: 'Inputs',
  activity: 'Activities',
  output: 'Outputs',
  outcome: 'Outcomes',
  impact: 'Impact',
};

export function LogicModel({
  nodes,
  objectiveLabel,
}: {
  nodes: readonly Node[];
  objectiveLabel: (id: string) => string;
}) {
  if (nodes.length === 0) return <p className="empty-state">No logic model recorded yet.</p>;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const feeds = new Map<string, Node[]>();
  for (const n of nodes) for (const p of n.parentIds) feeds.set(p, [...(feeds.get(p) ?? []), n]);
  const short = (n: Node) => (n.statement.length > 60 ? `${n.statement.slice(0, 57)}…` : n.statement);

  return (
    <div className="logic-model">
      {KINDS.map((kind) => {
        const column = nodes.filter((n) => n.kind === kind);
        return (
          <section
            key={kind}
            className={`logic-model__column logic-model__column--${kind}`}
            aria-labelledby={`lm-${kind}`}
          >
            <h3 id={`lm-${kind}`}>
              {TITLES[kind]} <span className="muted">({column.length})</span>
            </h3>
            <ul className="plain-list">
              {column.map((n) => (
                <li key={n.id} id={`node-${n.id}`} className="logic-card" tabIndex={-1}>
                  <p>{n.statement}</p>
                  {n.parentIds.length ? (
                    <div className="logic-card__links">
                      <span className="muted">Leads to: </span>
                      {n.parentIds.map((pid, i) => {
                        const p = byId.get(pid);
                        return (
                          <span key={pid}>
                            {i > 0 ? '; ' : ''}
                            <a href={`#node-${pid}`} onClick={(e) => focusNode(e, pid)}>
                              {p ? short(p) : pid}
                            </a>
                          </span>
                        );
                      })}
                    </div>
                  ) : null}
                  {feeds.get(n.id)?.length ? (
                    <div className="logic-card__links">
                      <span className="muted">Builds on: </span>
                      {(feeds.get(n.id) ?? []).map((c, i) => (
                        <span key={c.id}>
                          {i > 0 ? '; ' : ''}
                          <a href={`#node-${c.id}`} onClick={(e) => focusNode(e, c.id)}>
                            {short(c)}
                          </a>
                        </span>
                      ))}
                    </div>
                  ) : null}
                  {n.objectiveIds.length ? (
                    <div className="logic-card__links">
                      <span className="muted">Serves: </span>
                      {n.objectiveIds.map((oid, i) => (
                        <span key={oid}>
                          {i > 0 ? ', ' : ''}
                          <Link to="/strategy/objectives/$id" params={{ id: oid }}>
                            {objectiveLabel(oid)}
                          </Link>
                        </span>
                      ))}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function focusNode(e: React.MouseEvent, id: string) {
  e.preventDefault();
  const el = document.getElementById(`node-${id}`);
  if (el) {
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    el.focus();
  }
}
