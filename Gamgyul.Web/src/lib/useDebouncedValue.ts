import { useEffect, useState } from 'react';
import { debounce } from './debounce';

/** The value once it has stopped changing for `delayMs` (the first value at once). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const [update] = useState(() => debounce((next: T) => setSettled(next), delayMs));
  useEffect(() => {
    update(value);
    return () => update.cancel();
  }, [value, update]);
  return settled;
}
