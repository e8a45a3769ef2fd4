/** Demo accounts of the seeded data set; choosing one fills the form. */
type Account = { username: string; password: string; persona: string; totp: boolean };

export function DemoAccounts({
  accounts,
  onPick,
}: {
  accounts: readonly Account[];
  onPick: (a: Account) => void;
}) {
  return (
    <section className="card demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <p className="muted">Choose an account to fill in the form.</p>
      <div className="table-wrap">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Persona</th>
              <th scope="col">Password</th>
              <th scope="col">TOTP</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username}>
                <td>
                  <button
                    type="button"
                    className="btn btn--link"
                    onClick={() => onPick(a)}
                    aria-label={`Use ${a.username} (${a.persona})`}
                  >
                    {a.username}
                  </button>
                </td>
                <td>{a.persona}</td>
                <td>
                  <code className="nowrap">{a.password}</code>
                </td>
                <td>{a.totp ? 'Required' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
