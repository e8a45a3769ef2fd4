/** Secrets at rest (TOTP seeds) sealed with AES-256-GCM under the deployment key; password hashing. */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const key = (secretKey: string) => createHash('sha256').update(secretKey).digest();

/** Encrypt a secret: base64(iv ‖ tag ‖ ciphertext). */
export function sealSecret(secretKey: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key(secretKey), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

/** Decrypt a sealed secret; throws when it was tampered with or sealed under another key. */
export function openSecret(secretKey: string, sealed: string): string {
  const b = Buffer.from(sealed, 'base64');
  const d = createDecipheriv('aes-256-gcm', key(secretKey), b.subarray(0, 12));
  d.setAuthTag(b.subarray(12, 28));
  return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
}

/** argon2id with ACCESS.md §8 parameters (m = 64 MiB, t = 3, p = 1). */
export const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;
export const hashPassword = (pw: string) => hash(pw, ARGON2);
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw);

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Base32 (RFC 4648, no padding). */
export function base32(buf: Buffer): string {
  let bits = 0, value = 0, out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** The fixed TOTP secret of a DEMO account (demo data only; real enrolment uses random secrets). */
export const demoTotpSecret = (username: string) => base32(createHmac('sha256', 'entente-demo-totp').update(username).digest().subarray(0, 20));
