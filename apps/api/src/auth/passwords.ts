/** Password hashes whose argon2 parameters differ from the current ones are re-hashed at login (ACCESS.md §8). */
import { ARGON2 } from '@entente/db';

/** Does this PHC string use other parameters (or another algorithm) than ACCESS.md §8 asks for now? */
export function needsRehash(stored: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!m) return true;
  return (
    Number(m[1]) !== ARGON2.memoryCost ||
    Number(m[2]) !== ARGON2.timeCost ||
    Number(m[3]) !== ARGON2.parallelism
  );
}
