import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { configQuery } from "../api/config-query";
import { submitFill } from "../api/fill-jobs";
import { rasterizeStrokes } from "../editor/rasterize-strokes";
import { blobToBase64, encodeImagePng, encodeMaskPng } from "../lib/png";
import { buildOutpaintInputs } from "../outpaint/build-outpaint-inputs";
import { DEFAULT_LIMITS, fitFrame } from "../outpaint/outpaint-geometry";
import { useAppStore } from "../store/store";

/** The provider the form submits to: the user's pick, else the proxy's default. */
export function useSelectedProvider() {
  const picked = useAppStore((s) => s.provider);
  const config = useQuery(configQuery);
  const id = picked ?? config.data?.defaultProvider ?? null;
  return config.data?.providers.find((p) => p.id === id) ?? null;
}

/**
 * Export image and mask at the image's own resolution and submit them. The store's image and
 * strokes are only read, so a failure leaves the user's work exactly as it was.
 */
export function useGenerate() {
  const provider = useSelectedProvider();
  const setCurrentJob = useAppStore((s) => s.setCurrentJob);
  return useMutation({
    mutationFn: async () => {
      const { image, strokes, prompt, outpaint, outpaintOverlap } = useAppStore.getState();
      if (!image) throw new Error("Load an image first.");
      if (strokes.length === 0 && !outpaint) {
        throw new Error("Paint the area to repaint, or pick an outpaint preset, first.");
      }
      if (!provider) throw new Error("The server's configuration has not loaded yet.");
      const painted =
        strokes.length > 0 ? rasterizeStrokes(strokes, image.width, image.height) : null;
      const inputs = outpaint
        ? await buildOutpaintInputs(
            image,
            fitFrame(image, outpaint.padding, DEFAULT_LIMITS),
            outpaintOverlap,
            painted,
          )
        : {
            image: await encodeImagePng(image.url, image.width, image.height),
            mask: await encodeMaskPng(painted!, image.width, image.height),
            width: image.width,
            height: image.height,
          };
      const [imageBase64, maskBase64] = await Promise.all([
        blobToBase64(inputs.image),
        blobToBase64(inputs.mask),
      ]);
      const submitted = await submitFill(
        { image: imageBase64, mask: maskBase64, prompt, output_format: "png" },
        provider.id,
      );
      // An outpaint is compared with the padded canvas it was generated from.
      const url = outpaint ? URL.createObjectURL(inputs.image) : image.url;
      const source = { url, width: inputs.width, height: inputs.height };
      return { submitted, prompt, provider: provider.id, source };
    },
    onSuccess: ({ submitted, prompt, provider: providerId, source }) =>
      setCurrentJob({
        id: submitted.id,
        pollingUrl: submitted.polling_url,
        provider: providerId,
        prompt,
        source,
      }),
    onError: (error) => toast.error(error.message),
  });
}
