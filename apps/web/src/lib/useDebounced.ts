import { useEffect, useRef, useState } from 'react';

/** `value`, settled for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * A search box bound to a URL param: typing is local, the param is committed once typing settles,
 * and an outside change of the param (e.g. "clear filters") resets the box.
 */
export function useSearchText(
  current: string | undefined,
  commit: (value: string | undefined) => void,
  ms = 300,
) {
  const [text, setText] = useState(current ?? '');
  const debounced = useDebounced(text, ms);
  const commitRef = useRef(commit);
  const currentRef = useRef(current);
  commitRef.current = commit;
  currentRef.current = current;

  useEffect(() => {
    if ((currentRef.current ?? '') !== debounced) commitRef.current(debounced.trim() ? debounced : undefined);
  }, [debounced]);

  useEffect(() => {
    if ((current ?? '') !== debounced.trim() && (current ?? '') !== text) setText(current ?? '');
  }, [current]); // only an outside change of the param resets the box

  return [text, setText] as const;
}
