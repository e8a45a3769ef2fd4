/**
 * New area: draw a box or a polygon on the map, type the coordinates (the keyboard alternative), or
 * upload a GeoJSON file (one area per feature or one area for all). The server validates; its errors
 * come back with the JSON path of the offending value and are listed here. After saving, the number
 * of incidents assigned is shown.
 */
import { Suspense, lazy, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { ApiError, messageOf } from '../../lib/api';
import { plural } from '../../lib/format';
import { Spinner } from '../../components/States';
import { areasApi } from './areasApi';
import type { CreatedAreas, NewArea } from './areasApi';
import { boxPolygon, parseBox, parseCoordinates, type Box, type Ring } from './drawModel';

const AreaMap = lazy(() => import('./AreaMap'));

type Method = 'box' | 'polygon' | 'geojson';

export function AreaForm({ onCreated }: { onCreated: (r: CreatedAreas) => void }) {
  const qc = useQueryClient();
  const [method, setMethod] = useState<Method>('box');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [box, setBox] = useState<string[]>(['', '', '', '']);
  const [coords, setCoords] = useState('');
  const [file, setFile] = useState<{ name: string; json: unknown } | null>(null);
  const [mode, setMode] = useState<'each' | 'union'>('each');
  const [local, setLocal] = useState<string | null>(null);
  const [result, setResult] = useState<CreatedAreas | null>(null);

  const save = useMutation({
    mutationFn: (body: NewArea) => areasApi.create(body),
    onSuccess: (r) => {
      setResult(r.data);
      onCreated(r.data);
      void qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  });

  const parsedBox = parseBox(box);
  const parsedRing = parseCoordinates(coords);
  const preview: Geometry | null =
    method === 'box' && parsedBox.ok
      ? boxPolygon(parsedBox.value)
      : method === 'polygon' && parsedRing.ok
        ? { type: 'Polygon', coordinates: [parsedRing.value] }
        : null;

  const onBox = (b: Box) => setBox(b.map(String));
  const onPolygon = (r: Ring) => setCoords(r.map(([x, y]) => `${x} ${y}`).join('\n'));

  async function onFile(f: File | undefined) {
    setLocal(null);
    if (!f) return setFile(null);
    try {
      setFile({ name: f.name, json: JSON.parse(await f.text()) as unknown });
    } catch {
      setFile(null);
      setLocal(`${f.name} is not valid JSON.`);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setLocal(null);
    setResult(null);
    const base = { name: name.trim(), description };
    if (method === 'box') {
      if (!parsedBox.ok) return setLocal(`Box: ${parsedBox.message}.`);
      save.mutate({ ...base, type: 'box', box: parsedBox.value });
    } else if (method === 'polygon') {
      if (!parsedRing.ok) return setLocal(`Coordinates: ${parsedRing.message}.`);
      save.mutate({
        ...base,
        type: 'polygon',
        geometry: { type: 'Polygon', coordinates: [parsedRing.value] },
      });
    } else {
      if (!file) return setLocal('Choose a GeoJSON file.');
      save.mutate({ ...base, type: 'geojson', geojson: file.json, mode });
    }
  }

  const fields = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <form className="card area-form" onSubmit={submit} aria-labelledby="area-form-title" noValidate>
      <h2 id="area-form-title">New area</h2>
      <div className="field">
        <label htmlFor="area-name">Name</label>
        <input
          id="area-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor="area-description">Description</label>
        <input
          id="area-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={2000}
        />
      </div>
      <fieldset className="field">
        <legend>Shape</legend>
        {(
          [
            ['box', 'Box (drag on the map or type west, south, east, north)'],
            ['polygon', 'Polygon (click vertices or type coordinates)'],
            ['geojson', 'Upload a GeoJSON file'],
          ] as const
        ).map(([v, label]) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="area-method"
              value={v}
              checked={method === v}
              onChange={() => setMethod(v)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {method !== 'geojson' ? (
        <Suspense fallback={<Spinner label="Loading the map…" />}>
          <AreaMap mode={method} geometry={preview} onBox={onBox} onPolygon={onPolygon} />
        </Suspense>
      ) : null}
      {method === 'box' ? (
        <fieldset className="field area-form__box">
          <legend>Box in degrees (west greater than east crosses the antimeridian)</legend>
          {['West', 'South', 'East', 'North'].map((label, i) => (
            <label key={label}>
              {label}{' '}
              <input
                inputMode="decimal"
                value={box[i]}
                onChange={(e) => setBox(box.map((v, j) => (j === i ? e.target.value : v)))}
                aria-label={`${label} (degrees)`}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      {method === 'polygon' ? (
        <div className="field">
          <label htmlFor="area-coords">Coordinates: one “longitude latitude” per line</label>
          <textarea id="area-coords" rows={6} value={coords} onChange={(e) => setCoords(e.target.value)} />
        </div>
      ) : null}
      {method === 'geojson' ? (
        <>
          <div className="field">
            <label htmlFor="area-file">GeoJSON file (Polygon or MultiPolygon features, WGS84)</label>
            <input
              id="area-file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </div>
          <fieldset className="field">
            <legend>Several features</legend>
            <label className="radio">
              <input
                type="radio"
                name="area-mode"
                checked={mode === 'each'}
                onChange={() => setMode('each')}
              />{' '}
              One area per feature
            </label>
            <label className="radio">
              <input
                type="radio"
                name="area-mode"
                checked={mode === 'union'}
                onChange={() => setMode('union')}
              />{' '}
              One area of all features
            </label>
          </fieldset>
        </>
      ) : null}
      {local ? (
        <p className="error-text" role="alert">
          {local}
        </p>
      ) : null}
      {save.error ? (
        <div className="error-state" role="alert">
          <strong>The area was not saved</strong>
          {fields.length > 0 ? (
            <ul>
              {fields.map((f) => (
                <li key={`${f.path}-${f.message}`}>
                  <code>{f.path}</code>: {f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p>{messageOf(save.error)}</p>
          )}
        </div>
      ) : null}
      {result ? (
        <div className="notice" role="status">
          {result.areas.map((a) => (
            <p key={a.key}>
              Saved “{a.name}”: {plural(a.assigned, 'incident')} assigned.
            </p>
          ))}
        </div>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={save.isPending || !name.trim()}>
        {save.isPending ? 'Saving and assigning incidents…' : 'Save area'}
      </button>
    </form>
  );
}
