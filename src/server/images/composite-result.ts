import type { CompositePlan } from "../jobs/composite-store";
import { padToCanvas } from "../providers/job-geometry";
import { compositeInto } from "./composite";
import { decodeOwnValues, encodeOwnValues, resultInProfile } from "./source-colour";

/**
 * A provider's result composited into the original at full resolution: the result is resized
 * to the canvas and converted into the source's colour profile, its pixels are used only
 * inside the plan's mask (soft seam, colour matched), and the output carries the source's
 * profile, in the format the client asked for.
 */
export async function compositeResult(plan: CompositePlan, result: Uint8Array): Promise<Buffer> {
  const own = await decodeOwnValues(plan.source);
  const base = await padToCanvas(own, plan.geometry);
  const { width, height } = base;
  const provider = await resultInProfile(result, width, height, own.icc);
  const data = compositeInto(base, provider, plan.mask);
  return encodeOwnValues({ ...base, data }, { bytes: plan.source, icc: own.icc }, plan.format);
}
