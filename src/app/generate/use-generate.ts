import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { toast } from "sonner";
import type { ProviderInfo } from "../../contract";
import { configQuery } from "../api/config-query";
import { maskOutline, outlineRgba } from "../compare/mask-outline";
import { snapshotDocument } from "../export/document-snapshot";
import { exportFillInputs } from "../export/export-document";
import { exclusionPng } from "../export/export-exclusion";
import { coverageRefusal } from "../export/export-mask";
import { useMaskManager } from "../export/mask-manager-context";
import { makeThumbnail } from "../history/image-blobs";
import { runTaskOf } from "../history/run-task";
import { createRun, pruneHistory, readVariant, updateVariant } from "../history/runs-repo";
import { encodeRgbaPng } from "../lib/decode-image";
import { blobToBase64 } from "../lib/png";
import { useAppStore } from "../store/store";
import { currentTask, offeredTasks } from "../workspace/tasks";
import type { RunParams } from "./fill-params";
import { variantSeeds } from "./fill-params";
import { useSendsInFlight } from "./sends-in-flight-context";
import { CANCELLED_VARIANT, submitVariant } from "./submit-variant";
import { chooseRequest } from "./task-request";

/** The provider the form submits to: the user's pick, else the proxy's default. */
export function useSelectedProvider() {
  const picked = useAppStore((s) => s.provider);
  const config = useQuery(configQuery);
  const id = picked ?? config.data?.defaultProvider ?? null;
  return config.data?.providers.find((p) => p.id === id) ?? null;
}

/** The mask outline drawn over comparisons, in the accent colour. */
const OUTLINE_RGB: [number, number, number] = [255, 92, 57];

/**
 * Export image and mask from one snapshot of the document, choose the task's endpoint, store the
 * run with them, then submit one job per variant, image and mask base64'd once for all of them. The store is only read, and the run is
 * stored before anything is sent, so a failure never loses the user's work.
 */
export function useGenerate() {
  const showRun = useAppStore((s) => s.showRun);
  const masks = useMaskManager();
  const sends = useSendsInFlight();
  // The press being sent: Cancel works from the first moment, before the run is even stored.
  const sending = useRef<AbortController | null>(null);
  const mutation = useMutation({
    // Offline, a submit must fail at once with a message, not wait silently for the network.
    networkMode: "always",
    mutationFn: async ({ provider, params }: { provider: ProviderInfo; params: RunParams }) => {
      const controller = new AbortController();
      sending.current = controller;
      const { signal } = controller;
      const state = useAppStore.getState();
      const snapshot = snapshotDocument(state, provider.outpaintPresets);
      const inputs = await exportFillInputs(masks, snapshot);
      const { source, mask, maskGray, width, height, outpaintPreset, file, frame } = inputs;
      const task = currentTask(frame !== null, state.maskTask, offeredTasks(provider));
      const request = chooseRequest(task.id, provider, {
        image: snapshot.image,
        frame,
        painted: inputs.painted,
        outpaintPreset,
        dilatePixels: state.dilatePixels,
      });
      if (request.kind === "erase") {
        // The provider grows the mask before removing: refused here when that covers everything.
        const refusal = coverageRefusal({ data: maskGray, width, height }, request.dilatePixels);
        if (refusal) throw new Error(refusal);
      }
      // Only a padded outpaint sends the canvas; every other request sends the file itself.
      const padded = request.kind === "fill" && frame ? frame : null;
      const original = padded ? null : file;
      // Sent only where it is honoured; the sidebar says when a provider cannot take it.
      const exclude =
        provider.excludesSources && inputs.exclusion
          ? await exclusionPng(inputs.exclusion, padded)
          : null;
      const outline = await encodeRgbaPng(
        outlineRgba(maskOutline(maskGray, width, height, 3), OUTLINE_RGB),
        width,
        height,
      );
      if (signal.aborted) throw new GenerateCancelled();
      const run = await createRun({
        // Remove reads no prompt; one typed for another task is not the run's.
        prompt: task.promptPlaceholder === null ? "" : state.prompt,
        provider: provider.id,
        params,
        seeds: variantSeeds(params),
        source: { name: snapshot.image.name, width, height },
        images: { source, mask, outline, original, exclude },
        outpaintPreset,
        task: runTaskOf({ ...state, removing: task.id === "erase" }),
        request,
        composite: state.composite,
        thumbnail: await makeThumbnail(source),
      });
      showRun(run.id);
      signal.addEventListener("abort", () => {
        for (const v of run.variants) sends.abort(run.id, v.index);
      });
      // Encoded once per run, after the run is on show: a large image takes a moment.
      const encoded = {
        image: await blobToBase64(original ?? source),
        mask: await blobToBase64(mask),
        ...(exclude ? { exclude: await blobToBase64(exclude) } : {}),
      };
      await Promise.all(
        run.variants.map(async (v) => {
          // A variant cancelled while the images were encoded is not sent at all.
          if (signal.aborted || (await readVariant(run.id, v.index))?.state === "cancelled") {
            await updateVariant(run.id, v.index, CANCELLED_VARIANT);
            return;
          }
          await submitVariant(run, v.index, encoded, v.seed, sends);
        }),
      );
      const pruned = await pruneHistory(new Set([run.id]));
      if (pruned > 0) toast.info(`Freed space: pruned images of ${pruned} old run(s).`);
      return run;
    },
    onError: (error) => {
      if (!(error instanceof GenerateCancelled)) toast.error(error.message);
    },
  });
  const cancel = useCallback(() => sending.current?.abort(), []);
  return { ...mutation, cancel };
}

/** A press cancelled before its run was stored: nothing was kept or sent. */
export class GenerateCancelled extends Error {
  constructor() {
    super("Cancelled.");
  }
}
