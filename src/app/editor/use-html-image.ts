import { useEffect, useState } from "react";

/** Loads a URL into an <img> for Konva; null until decoded. */
export function useHtmlImage(url: string | undefined): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    const element = new Image();
    element.src = url;
    element
      .decode()
      .then(() => live && setImage(element))
      .catch(() => live && setImage(null));
    return () => {
      live = false;
    };
  }, [url]);
  return url ? image : null;
}
