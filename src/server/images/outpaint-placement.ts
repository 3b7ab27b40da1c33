import { FieldError } from "./field-error";

export interface Size {
  width: number;
  height: number;
}

/** Pixels added around the part of the image that lands on the canvas. */
export interface Sides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Where an outpainting request puts the image: the canvas, the part of the image that lands on
 * it (`crop`, in image pixels: all of it unless `auto_crop` cut it) and the new pixels around
 * that part (`sides`). `x`/`y` are the requested top-left corner on the canvas (may be negative).
 */
export interface Placement {
  canvas: Size;
  x: number;
  y: number;
  crop: { left: number; top: number } & Size;
  sides: Sides;
}

export interface PlacementRequest {
  width: number;
  height: number;
  reference_offset_x?: number | null;
  reference_offset_y?: number | null;
  auto_crop: boolean;
}

/**
 * BFL's placement rules: absent offsets centre the image (rounded down here; BFL's rounding is
 * unconfirmed), an image that runs off the canvas is refused unless `auto_crop`, which keeps
 * only the part on the canvas. Throws a `FieldError` naming the field at fault.
 */
export function placeOnCanvas(image: Size, request: PlacementRequest): Placement {
  const canvas = { width: request.width, height: request.height };
  const x = request.reference_offset_x ?? Math.floor((canvas.width - image.width) / 2);
  const y = request.reference_offset_y ?? Math.floor((canvas.height - image.height) / 2);
  const left = Math.max(0, x);
  const top = Math.max(0, y);
  const right = Math.min(canvas.width, x + image.width);
  const bottom = Math.min(canvas.height, y + image.height);
  const overflows =
    left !== x || top !== y || right !== x + image.width || bottom !== y + image.height;
  if (overflows && !request.auto_crop) {
    throw new FieldError(
      ["body", "reference_offset_x"],
      `the ${image.width}×${image.height} image at (${x}, ${y}) runs off the ${canvas.width}×${canvas.height} canvas; move it or send auto_crop: true`,
      "value_error.placement",
    );
  }
  if (right <= left || bottom <= top) {
    throw new FieldError(
      ["body", "reference_offset_x"],
      `the image at (${x}, ${y}) does not touch the ${canvas.width}×${canvas.height} canvas`,
      "value_error.placement",
    );
  }
  const crop = { left: left - x, top: top - y, width: right - left, height: bottom - top };
  const sides = {
    top,
    left,
    bottom: canvas.height - bottom,
    right: canvas.width - right,
  };
  if (sides.top + sides.bottom + sides.left + sides.right === 0) {
    throw new FieldError(
      ["body", "width"],
      "the image fills the whole canvas: there is nothing to outpaint",
      "value_error.placement",
    );
  }
  return { canvas, x, y, crop, sides };
}

/** True when the placement keeps the whole image (nothing cropped). */
export function keepsWholeImage(placement: Placement, image: Size): boolean {
  return placement.crop.width === image.width && placement.crop.height === image.height;
}
