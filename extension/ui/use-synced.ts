import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Local state for a text input that follows the stored value when (and only when) that value changes. Compared
 * with the last stored value seen, so the first render's effect never resets what the user already typed.
 */
export function useSynced<T extends string | number | boolean>(stored: T): [T, (value: T) => void] {
  const [value, setValue] = useState(stored);
  const last = useRef(stored);
  useEffect(() => {
    if (last.current === stored) return;
    last.current = stored;
    setValue(stored);
  }, [stored]);
  return [value, setValue];
}
