import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { configQuery } from "../api/config-query";
import { submitFill } from "../api/fill-jobs";
import { maskMayHavePixels } from "../editor/mask-op";
import { exportMask } from "../lib/mask-export";
import { blobToBase64, encodeImagePng } from "../lib/png";
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
 * mask are only read, so a failure leaves the user's work exactly as it was.
 */
export function useGenerate() {
  const provider = useSelectedProvider();
  const setCurrentJob = useAppStore((s) => s.setCurrentJob);
  return useMutation({
    mutationFn: async () => {
      const { image, maskOps, prompt } = useAppStore.getState();
      if (!image) throw new Error("Load an image first.");
      if (!maskMayHavePixels(maskOps)) throw new Error("Paint the area to repaint first.");
      if (!provider) throw new Error("The server's configuration has not loaded yet.");
      const [imageBase64, maskBase64] = await Promise.all([
        encodeImagePng(image.url, image.width, image.height).then(blobToBase64),
        exportMask().then((png) => png.base64),
      ]);
      const submitted = await submitFill(
        { image: imageBase64, mask: maskBase64, prompt, output_format: "png" },
        provider.id,
      );
      const { url, width, height } = image;
      return { submitted, prompt, provider: provider.id, source: { url, width, height } };
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
