import type { TaskId } from "../../contract";

/**
 * What the composite toggle can promise for a task. An outpaint whose canvas would break the
 * limits sends the photo scaled down (`fitFrame`'s `scale` < 1): compositing then keeps the photo
 * as sent, which is no longer the original, so the label says so and why instead of promising it.
 */
export function compositeOption(task: TaskId, photoScale: number) {
  if (task !== "outpaint")
    return { label: "Keep everything outside the mask exactly as the original", reason: null };
  if (photoScale >= 1) return { label: "Keep the photo exactly as the original", reason: null };
  // Rounded as the frame's notice rounds it, but "100%" is never said of a scaled photo.
  const percent = Math.min(99, Math.round(photoScale * 100));
  return {
    label: `Keep the photo as sent, at ${percent}% of its size`,
    reason: "At full size the canvas would be too large.",
  };
}
