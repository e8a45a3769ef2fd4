/**
 * The logic-model editor: nodes grouped input → activity → output → outcome → impact. Each node links
 * upward to nodes one level up (checkboxes), outcomes and impacts to objectives, and results (output,
 * outcome, impact) carry indicators with a baseline. Only native controls, so it works by keyboard:
 * adding a node moves focus to its statement, removing one moves focus to the add button of its level.
 */
import { useEffect, useRef, useState } from 'react';
import { humanise } from '../../../lib/engagementTypes';
import { errorAt } from '../../engagements/formModel';
import type { FieldErrors } from '../../engagements/formModel';
import { NODE_KINDS, emptyIndicator, newNodeId, nodeFieldId } from './initiativeModel';
import type { IndicatorDraft, NodeDraft, NodeKind } from './initiativeModel';

type Props = {
  nodes: readonly NodeDraft[];
  objectives: readonly { id: string; code: string; title: string }[];
  errors: FieldErrors;
  onChange: (nodes: NodeDraft[]) => void;
};

const RESULT_KINDS: readonly NodeKind[] = ['output', 'outcome', 'impact'];
const up = (k: NodeKind): NodeKind | null => NODE_KINDS[NODE_KINDS.indexOf(k) + 1] ?? null;
const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s || '(no statement yet)');

export function LogicModelEditor({ nodes, objectives, errors, onChange }: Props) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusId) return;
    root.current?.querySelector<HTMLElement>(`#${CSS.escape(focusId)}`)?.focus();
    setFocusId(null);
  }, [focusId, nodes]);

  const patch = (id: string, p: Partial<NodeDraft>) =>
    onChange(nodes.map((n) => (n.id === id ? { ...n, ...p } : n)));
  const add = (kind: NodeKind) => {
    const node: NodeDraft = {
      id: newNodeId(),
      kind,
      statement: '',
      parentIds: [],
      objectiveIds: [],
      indicators: [],
    };
    onChange([...nodes, node]);
    setFocusId(nodeFieldId(nodes.length, 'statement'));
  };
  const remove = (id: string, kind: NodeKind) => {
    onChange(
      nodes.filter((n) => n.id !== id).map((n) => ({ ...n, parentIds: n.parentIds.filter((p) => p !== id) })),
    );
    setFocusId(`ini-add-${kind}`);
  };
  const setIndicator = (n: NodeDraft, k: number, p: Partial<IndicatorDraft>) =>
    patch(n.id, { indicators: n.indicators.map((x, j) => (j === k ? { ...x, ...p } : x)) });

  const modelError = errors['logicModel'];
  return (
    <div ref={root} className="logic-editor">
      {modelError ? (
        <p className="field__error" id="ini-logic-error">
          {modelError}
        </p>
      ) : null}
      {NODE_KINDS.map((kind) => {
        const parentKind = up(kind);
        const parents = parentKind ? nodes.filter((n) => n.kind === parentKind) : [];
        return (
          <section key={kind} className="logic-editor__level" aria-labelledby={`ini-level-${kind}`}>
            <h4 id={`ini-level-${kind}`}>{humanise(kind)}s</h4>
            {nodes.map((n, i) => {
              if (n.kind !== kind) return null;
              const e = (f: string) => errorAt(errors, `logicModel.${i}.${f}`);
              const position = nodes.slice(0, i + 1).filter((x) => x.kind === kind).length;
              const name = `${humanise(kind)} ${position}`;
              return (
                <fieldset key={n.id} className="logic-editor__node" aria-label={name}>
                  <legend>{name}</legend>
                  <div className={`field${e('statement') ? ' field--invalid' : ''}`}>
                    <label htmlFor={nodeFieldId(i, 'statement')}>Statement</label>
                    <textarea
                      id={nodeFieldId(i, 'statement')}
                      rows={2}
                      maxLength={1000}
                      value={n.statement}
                      aria-invalid={!!e('statement') || undefined}
                      aria-describedby={e('statement') ? `${nodeFieldId(i, 'statement')}-error` : undefined}
                      onChange={(ev) => patch(n.id, { statement: ev.target.value })}
                    />
                    {e('statement') ? (
                      <p className="field__error" id={`${nodeFieldId(i, 'statement')}-error`}>
                        {e('statement')}
                      </p>
                    ) : null}
                  </div>
                  {parentKind ? (
                    <fieldset className="checks" id={nodeFieldId(i, 'parentIds')} tabIndex={-1}>
                      <legend>Leads to ({humanise(parentKind).toLowerCase()}s)</legend>
                      {parents.length === 0 ? (
                        <p className="muted">
                          Add a {parentKind} to link this {kind} upward.
                        </p>
                      ) : null}
                      {parents.map((p) => (
                        <label key={p.id} className="check">
                          <input
                            type="checkbox"
                            checked={n.parentIds.includes(p.id)}
                            onChange={() => patch(n.id, { parentIds: toggle(n.parentIds, p.id) })}
                          />{' '}
                          {short(p.statement)}
                        </label>
                      ))}
                      {e('parentIds') ? <p className="field__error checks__error">{e('parentIds')}</p> : null}
                    </fieldset>
                  ) : null}
                  {kind === 'outcome' || kind === 'impact' ? (
                    <fieldset
                      className="checks checks--scroll"
                      id={nodeFieldId(i, 'objectiveIds')}
                      tabIndex={-1}
                    >
                      <legend>Objectives served</legend>
                      {objectives.map((o) => (
                        <label key={o.id} className="check">
                          <input
                            type="checkbox"
                            checked={n.objectiveIds.includes(o.id)}
                            onChange={() => patch(n.id, { objectiveIds: toggle(n.objectiveIds, o.id) })}
                          />{' '}
                          {o.code} — {o.title}
                        </label>
                      ))}
                      {e('objectiveIds') ? (
                        <p className="field__error checks__error">{e('objectiveIds')}</p>
                      ) : null}
                    </fieldset>
                  ) : null}
                  {RESULT_KINDS.includes(kind) ? (
                    <fieldset
                      className="logic-editor__indicators"
                      id={nodeFieldId(i, 'indicators')}
                      tabIndex={-1}
                    >
                      <legend>Indicators</legend>
                      {e('indicators') && !n.indicators.length ? (
                        <p className="field__error">{e('indicators')}</p>
                      ) : null}
                      {n.indicators.map((x, k) => {
                        const id = (f: string) => `${nodeFieldId(i, 'indicators')}-${k}-${f}`;
                        const ie = (f: string) => errorAt(errors, `logicModel.${i}.indicators.${k}.${f}`);
                        const field = (
                          f: keyof IndicatorDraft,
                          label: string,
                          errPath: string,
                          type = 'text',
                        ) => (
                          <div className={`field${ie(errPath) ? ' field--invalid' : ''}`}>
                            <label htmlFor={id(f)}>{label}</label>
                            <input
                              id={id(f)}
                              type={type}
                              value={x[f]}
                              aria-invalid={!!ie(errPath) || undefined}
                              onChange={(ev) => setIndicator(n, k, { [f]: ev.target.value })}
                            />
                            {ie(errPath) ? <p className="field__error">{ie(errPath)}</p> : null}
                          </div>
                        );
                        return (
                          <div
                            key={k}
                            className="logic-editor__indicator"
                            role="group"
                            aria-label={`Indicator ${k + 1} of ${name}`}
                          >
                            <div className="grid grid--form">
                              {field('title', 'Indicator', 'title')}
                              {field('unit', 'Unit', 'unit')}
                            </div>
                            <div className="grid grid--form">
                              {field('baselineDate', 'Baseline date', 'baseline.date', 'date')}
                              {field('baselineValue', 'Baseline value', 'baseline.value')}
                              {field('baselineSource', 'Baseline source', 'baseline.source')}
                            </div>
                            <button
                              type="button"
                              className="btn btn--link"
                              onClick={() => {
                                patch(n.id, { indicators: n.indicators.filter((_, j) => j !== k) });
                                setFocusId(`ini-add-indicator-${n.id}`);
                              }}
                            >
                              Remove indicator {k + 1}
                            </button>
                          </div>
                        );
                      })}
                      <button
                        type="button"
                        className="btn btn--small"
                        id={`ini-add-indicator-${n.id}`}
                        onClick={() => {
                          patch(n.id, { indicators: [...n.indicators, emptyIndicator()] });
                          setFocusId(`${nodeFieldId(i, 'indicators')}-${n.indicators.length}-title`);
                        }}
                      >
                        Add an indicator
                      </button>
                    </fieldset>
                  ) : null}
                  <button type="button" className="btn btn--link" onClick={() => remove(n.id, kind)}>
                    Remove {name.toLowerCase()}
                  </button>
                </fieldset>
              );
            })}
            <button type="button" className="btn btn--small" id={`ini-add-${kind}`} onClick={() => add(kind)}>
              Add an {kind}
            </button>
          </section>
        );
      })}
    </div>
  );
}
