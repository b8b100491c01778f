import { useState } from 'react';

/**
 * A form's text fields as one draft object: `field(key)` gives an input, textarea or select its
 * value and change handler; `reset(next)` replaces the whole draft (after a save, or "clear").
 */
export function useDraft<K extends string>(initial: Record<K, string>) {
  const [draft, setDraft] = useState(initial);
  const field = (key: K) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: event.target.value })),
  });
  return { draft, field, reset: setDraft };
}
