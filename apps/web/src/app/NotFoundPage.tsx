import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <main id="main" tabIndex={-1} className="page-centre">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </main>
  );
}
