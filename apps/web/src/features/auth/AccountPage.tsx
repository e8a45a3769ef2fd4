/** The signed-in user's own account: who they are, how they signed in, and their recovery codes. */
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { useMe } from '../../app/session';
import { humanise } from '../../lib/engagementTypes';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

export function AccountPage() {
  useDocumentTitle('Account and security');
  const me = useMe();
  return (
    <>
      <PageHeader title="Account and security" lead="Your identity in Entente and your second factor." />
      <section className="card" aria-labelledby="account-who">
        <h2 id="account-who">Who you are</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>
            {me.displayName} ({me.username})
          </dd>
          <dt>Organisation</dt>
          <dd>
            {me.orgName} · {me.nationality}
          </dd>
          <dt>Roles</dt>
          <dd>{me.roles.map(humanise).join(', ') || 'none'}</dd>
          <dt>Sign-in assurance</dt>
          <dd>{me.assurance}</dd>
        </dl>
      </section>
      <RecoveryCodesPanel />
    </>
  );
}
