import { loadImageFile } from "../lib/load-image-file";
import { useAppStore } from "../store/store";
import { maskFromFile } from "./mask-from-file";

/**
 * Shipped in `public/sample/` with its licence (CC BY 4.0): a hilltop at sunset and a mask over
 * the marker post at its left edge. A removal on grass and stone is what a content-aware fill
 * does well, so a newcomer's first result (with or without a key) is one to show; the earlier
 * sample asked the local engine to rebuild a cup's rim under a spoon, which no fill from the
 * surroundings can.
 */
export const SAMPLE = {
  image: "/sample/sunset.jpg",
  mask: "/sample/sunset-mask.png",
  name: "sample-sunset.jpg",
} as const;

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The sample could not be loaded (${response.status}).`);
  return response.blob();
}

/**
 * Opens the sample photo with its mask ready in Remove, so a newcomer's next click (Generate)
 * already shows a before and after.
 */
export async function openSample(): Promise<void> {
  const [imageBlob, maskBlob] = await Promise.all([
    fetchBlob(SAMPLE.image),
    fetchBlob(SAMPLE.mask),
  ]);
  const image = await loadImageFile(imageBlob, SAMPLE.name);
  const { mask } = await maskFromFile(maskBlob, "sunset-mask.png", image);
  const store = useAppStore.getState();
  store.openDocument(image);
  store.commitMaskOp({ kind: "bitmap", data: mask });
  store.setMaskTask("erase");
}
