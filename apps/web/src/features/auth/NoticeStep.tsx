/** The deployment's notice, acknowledged before the credential form is shown. */
import { useEffect, useRef } from 'react';

export function NoticeStep({
  notice,
  onConsent,
}: {
  notice: { text: string; version: string };
  onConsent: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card notice" aria-labelledby="notice-title">
      <h1 id="notice-title" ref={heading} tabIndex={-1}>
        Notice and consent
      </h1>
      <div className="notice__text">{notice.text}</div>
      <p className="muted">Notice version {notice.version}</p>
      <button type="button" className="btn btn--primary" onClick={onConsent}>
        I understand and consent
      </button>
    </section>
  );
}
