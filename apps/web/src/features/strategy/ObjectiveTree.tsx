/** Strategic objectives as an expandable, keyboard-navigable tree (WAI-ARIA tree view pattern). */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { ObjectiveItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { humanise } from '../../lib/engagementTypes';
import { formatNumber } from '../../lib/format';
import { buildTree, parentIds, visibleRows } from './objectiveTree';
import { ObjectiveActions } from './ObjectiveActions';
import type { ObjectiveTarget } from './ObjectiveActions';

type Props = {
  objectives: readonly ObjectiveItem[];
  /** Lifecycle buttons on each row; absent for users who cannot change objectives. */
  onTransition?:
    ((objective: ObjectiveItem, to: ObjectiveTarget, reason?: string) => Promise<void>) | undefined;
};

export function ObjectiveTree({ objectives, onTransition }: Props) {
  const roots = useMemo(() => buildTree(objectives), [objectives]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(parentIds(roots)));
  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const [active, setActive] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef(false);

  const activeId = rows.some((r) => r.item.id === active) ? active : (rows[0]?.item.id ?? null);

  useEffect(() => {
    if (focusNext.current && activeId) {
      refs.current.get(activeId)?.focus();
      focusNext.current = false;
    }
  }, [activeId, rows]);

  // A link such as /strategy#objective-<id> scrolls to and selects that objective.
  useEffect(() => {
    const id = window.location.hash.replace(/^#objective-/, '');
    if (id && objectives.some((o) => o.id === id)) {
      setActive(id);
      refs.current.get(id)?.scrollIntoView({ block: 'center' });
    }
  }, [objectives]);

  const move = (id: string | null | undefined) => {
    if (!id) return;
    focusNext.current = true;
    setActive(id);
  };
  const toggle = (id: string, open?: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (e: React.KeyboardEvent, index: number) => {
    const row = rows[index];
    if (!row) return;
    const id = row.item.id;
    const open = expanded.has(id);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        move(rows[index + 1]?.item.id);
        break;
      case 'ArrowUp':
        move(rows[index - 1]?.item.id);
        break;
      case 'Home':
        move(rows[0]?.item.id);
        break;
      case 'End':
        move(rows[rows.length - 1]?.item.id);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !open) toggle(id, true);
        else if (row.hasChildren) move(rows[index + 1]?.item.id);
        break;
      case 'ArrowLeft':
        if (row.hasChildren && open) toggle(id, false);
        else move(row.parentId);
        break;
      case 'Enter':
      case ' ':
        if (row.hasChildren) toggle(id);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  if (rows.length === 0) return <p className="empty-state">No objectives are released to you.</p>;

  return (
    <ul role="tree" aria-label="Strategic objectives" className="tree">
      {rows.map((r, index) => {
        const o = r.item;
        return (
          <li
            key={o.id}
            id={`objective-${o.id}`}
            ref={(el) => {
              if (el) refs.current.set(o.id, el);
              else refs.current.delete(o.id);
            }}
            role="treeitem"
            aria-level={r.level}
            aria-setsize={r.setSize}
            aria-posinset={r.posInSet}
            aria-expanded={r.hasChildren ? expanded.has(o.id) : undefined}
            aria-selected={o.id === activeId}
            tabIndex={o.id === activeId ? 0 : -1}
            className={`tree__item${o.id === activeId ? ' tree__item--active' : ''}`}
            style={{ paddingLeft: `${(r.level - 1) * 1.5 + 1.5}rem` }}
            onKeyDown={(e) => onKeyDown(e, index)}
            onClick={() => {
              setActive(o.id);
              if (r.hasChildren) toggle(o.id);
            }}
          >
            <span className="tree__toggle" aria-hidden="true">
              {r.hasChildren ? (expanded.has(o.id) ? '▾' : '▸') : '·'}
            </span>
            <PortionMark portion={o.portion} />{' '}
            {/* The page of the objective; the row's own keys and clicks do not act on the link. */}
            <Link
              to="/strategy/objectives/$id"
              params={{ id: o.id }}
              className="tree__link"
              tabIndex={o.id === activeId ? 0 : -1}
              onClick={(e) => e.stopPropagation()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.stopPropagation();
              }}
            >
              <strong>{o.code}</strong> {o.title}
            </Link>{' '}
            <span className="tree__meta">
              <span className={`badge badge--obj-${o.status}`}>{humanise(o.status)}</span>{' '}
              <span className="badge">Priority {o.priority}</span>{' '}
              <span className="muted">
                {humanise(o.level)} · {formatNumber(o.engagementCount)} engagements
                {o.threatFocus.length ? ` · ${o.threatFocus.map(humanise).join(', ')}` : ''}
              </span>
            </span>
            {onTransition ? (
              <ObjectiveActions objective={o} tabbable={o.id === activeId} onTransition={onTransition} />
            ) : null}
            {o.linesOfEffort.length ? (
              <span className="tree__loe">
                Lines of effort: {o.linesOfEffort.map((l) => `${l.code} ${l.title}`).join('; ')}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
