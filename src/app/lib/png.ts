/**
 * RGBA pixels as a PNG through the browser's own encoder (lossless). OffscreenCanvas.convertToBlob
 * is asynchronous, unlike toDataURL, which blocks and doubles memory.
 */
export async function encodeRgbaPng(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  return canvas.convertToBlob({ type: "image/png" });
}

/** The image as the user sees it (EXIF orientation applied), re-encoded as PNG at full size. */
export async function encodeImagePng(url: string, width: number, height: number): Promise<Blob> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob(), {
    imageOrientation: "from-image",
  });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: "image/png" });
}

/** Bare base64 of a blob, as BFL wants it (no `data:` prefix). */
export async function blobToBase64(blob: Blob): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("could not read the image"));
    reader.readAsDataURL(blob);
  });
  return dataUrl.slice(dataUrl.indexOf(",") + 1);
}

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
