import { useEffect, useState } from 'react';

/**
 * True from the first time `open` is true: mount a lazy modal/drawer on first use and keep it
 * mounted afterwards (its close animation plays, its chunk is not on the list's critical path).
 */
export function useMountedOnce(open: boolean): boolean {
  const [used, setUsed] = useState(open);
  useEffect(() => {
    if (open) setUsed(true);
  }, [open]);
  return used || open;
}
