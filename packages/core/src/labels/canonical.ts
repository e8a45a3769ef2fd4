/** Canonical form and content-addressed ids of labels (ACCESS.md §2). */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Label, LabelId, Tlp } from './types';

/** The namespace of every label id: `labelId = UUIDv5(ENTENTE_LABEL_NS, JCS(canonical(label)))`. */
export const ENTENTE_LABEL_NS = 'a6df9077-06d2-42e4-a192-e950e6f69e4d';

const sortedUnique = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

/** The canonical form: upper-cased codes (handling and tlp lower snake_case), arrays sorted and de-duplicated, absent tlp omitted. */
export function canonicalLabel(l: Label): Label {
  const out: Label = {
    policy: l.policy.toUpperCase(),
    level: l.level.toUpperCase(),
    restrictive: sortedUnique(l.restrictive.map((c) => c.toUpperCase())),
    releasableTo: sortedUnique(l.releasableTo.map((c) => c.toUpperCase())),
    handling: sortedUnique(l.handling.map((c) => c.toLowerCase())),
  };
  if (l.tlp !== undefined) out.tlp = l.tlp.toLowerCase() as Tlp;
  return out;
}

/** The RFC 8785 (JCS) serialisation of the canonical form. */
export function canonicalLabelJson(l: Label): string {
  const json = canonicalize(canonicalLabel(l));
  if (json === undefined) throw new TypeError('label cannot be serialised');
  return json;
}

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(namespace: string, name: string): string {
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new TypeError('namespace must be a UUID');
  const ns = Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
  const b = Uint8Array.from(createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The stable id of a label: the same content gets the same id on every installation. */
export function labelId(l: Label): LabelId {
  return uuidV5(ENTENTE_LABEL_NS, canonicalLabelJson(l));
}
