/** Where the engagement takes place. */
import type { Engagement } from '@entente/contracts';

export function LocationsTable({ locations }: { locations: Engagement['locations'] }) {
  return (
    <section className="card" aria-labelledby="locations-title">
      <h2 id="locations-title">Locations</h2>
      {locations.length === 0 ? (
        <p className="muted">No locations recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Country</th>
                <th scope="col">Coordinates</th>
              </tr>
            </thead>
            <tbody>
              {locations.map((l, i) => (
                <tr key={`${l.name}-${i}`}>
                  <td>{l.name}</td>
                  <td>{l.iso3}</td>
                  <td>
                    {l.lat !== undefined && l.lon !== undefined
                      ? `${l.lat.toFixed(3)}, ${l.lon.toFixed(3)}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
