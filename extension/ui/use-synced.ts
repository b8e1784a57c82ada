import { useEffect, useState } from 'preact/hooks';

/** Local state for a text input that follows the stored value when (and only when) that value changes. */
export function useSynced<T extends string | number | boolean>(stored: T): [T, (value: T) => void] {
  const [value, setValue] = useState(stored);
  useEffect(() => setValue(stored), [stored]);
  return [value, setValue];
}
