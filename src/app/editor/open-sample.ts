import { loadImageFile } from "../lib/load-image-file";
import { useAppStore } from "../store/store";
import { maskFromFile } from "./mask-from-file";

/** Shipped in `public/sample/` with its licence (CC0): a photo and a mask over its spoon. */
export const SAMPLE = {
  image: "/sample/coffee.png",
  mask: "/sample/coffee-mask.png",
  name: "sample-coffee.png",
  prompt: "an empty red saucer on a wooden table",
} as const;

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The sample could not be loaded (${response.status}).`);
  return response.blob();
}

/**
 * Opens the sample photo with its mask and prompt ready, so a newcomer's next click (Generate)
 * already shows a before and after. The prompt is the sample's: opening a photo clears the last.
 */
export async function openSample(): Promise<void> {
  const [imageBlob, maskBlob] = await Promise.all([
    fetchBlob(SAMPLE.image),
    fetchBlob(SAMPLE.mask),
  ]);
  const image = await loadImageFile(imageBlob, SAMPLE.name);
  const { mask } = await maskFromFile(maskBlob, "coffee-mask.png", image);
  const store = useAppStore.getState();
  store.openDocument(image);
  store.commitMaskOp({ kind: "bitmap", data: mask });
  store.setPrompt(SAMPLE.prompt);
}
