import { useCallback, useEffect, useState } from "react";

/** What the last copy of a link did, shown on that link's row. */
export interface CopyNotice {
  linkId: string;
  copied: boolean;
}

/** How long a row says "Link copied.": long enough to read, then it says "Copy" again. */
const SHOWN_MS = 4000;

/**
 * Copies links and remembers the outcome for the row to show. It is said in the row rather than
 * in a toast: a toast floats over whatever is under it, and at 1024×640 that was a variant tile.
 * The clipboard may be refused (insecure origin, permissions), which the row says too.
 */
export function useCopyNotice() {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const copy = useCallback(async (link: { id: string; url: string }) => {
    const copied = await navigator.clipboard.writeText(link.url).then(
      () => true,
      () => false,
    );
    setNotice({ linkId: link.id, copied });
  }, []);
  return { notice, copy };
}
