import { useEffect, useState } from "react";

const current = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * The window's size, kept current. The review page picks its layout from it rather than from
 * its own box, which grows with the content under the slider when the page scrolls.
 */
export function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(current);
  useEffect(() => {
    const update = () => setSize(current());
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return size;
}
