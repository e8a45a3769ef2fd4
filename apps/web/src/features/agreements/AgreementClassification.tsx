/**
 * "Change classification" for one agreement (ACCESS.md §3 step 7): the same panel as an
 * engagement's, on the agreement relabel routes. Opened from a row of the agreements register.
 */
import { useEffect, useRef } from 'react';
import type { AgreementItem } from '@entente/contracts';
import { useCountries } from '../../lib/reference';
import { RelabelPanel, agreementRelabelClient } from '../engagements/RelabelPanel';

type Props = {
  agreement: AgreementItem;
  /** The agreement's label or version changed: reload the register. */
  onChanged: () => void;
  onClose: () => void;
};

export function AgreementClassification({ agreement: a, onChanged, onClose }: Props) {
  const countries = useCountries();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [a.id]);
  if (!a.label) return null;
  return (
    <section className="card" aria-labelledby="agr-classification-title" id="agreement-classification">
      <h2 id="agr-classification-title" tabIndex={-1} ref={heading}>
        Classification of {a.code}
      </h2>
      <RelabelPanel
        recordId={a.id}
        version={a.version}
        label={a.label}
        portion={a.portion}
        countries={countries.data ?? []}
        client={agreementRelabelClient}
        onChanged={onChanged}
      />
      <button type="button" className="btn btn--link" onClick={onClose}>
        Close classification
      </button>
    </section>
  );
}
