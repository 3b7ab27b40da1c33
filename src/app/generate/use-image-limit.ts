import { useEffect } from "react";
import { toast } from "sonner";
import type { ProviderInfo } from "../../contract";
import { useAppStore } from "../store/store";
import { imageTooLarge } from "./image-limit";

const NOTICE_ID = "image-too-large";

/**
 * Why the open image is too large for the provider, or null. Said once as a notice when the
 * image opens (or the provider changes); the reason stays beside Generate while it holds.
 */
export function useImageLimit(provider: ProviderInfo | null): string | null {
  const image = useAppStore((s) => s.image);
  const reason = image && provider ? imageTooLarge(image, provider) : null;
  useEffect(() => {
    if (reason) toast.warning(reason, { id: NOTICE_ID, duration: 15_000 });
    else toast.dismiss(NOTICE_ID);
  }, [reason]);
  return reason;
}
