/** A record's portion mark, e.g. `(HR//REL TO XHN, FRA)`, shown before its title or row. */
export function PortionMark({ portion }: { portion: string }) {
  const text = portion.startsWith('(') ? portion : `(${portion})`;
  return (
    <span className="portion" title="Portion marking">
      {text}
    </span>
  );
}
