import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { configQuery } from "../api/config-query";
import { submitFill } from "../api/fill-jobs";
import { useAppStore } from "../store/store";
import { exportFillInputs } from "./fill-inputs";

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
      const { prompt } = useAppStore.getState();
      if (!provider) throw new Error("The server's configuration has not loaded yet.");
      const inputs = await exportFillInputs();
      const submitted = await submitFill(
        { image: inputs.image, mask: inputs.mask, prompt, output_format: "png" },
        provider.id,
      );
      return { submitted, prompt, provider: provider.id, source: inputs.source };
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
