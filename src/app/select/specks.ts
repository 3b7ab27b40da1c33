/**
 * Removes holes and islands of at most `maxArea` pixels from a 0/255 mask in place: GrabCut
 * leaves single-pixel speckle in textured areas, and a mask with pinholes fills badly.
 * Holes touching the border are open background, never filled. One pass over the pixels with
 * a typed stack; a component stops recording its pixels once it is too large to remove.
 */
export function removeSpecks(mask: Uint8Array, width: number, height: number, maxArea: number) {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const members = new Int32Array(maxArea + 1);
  for (let start = 0; start < mask.length; start++) {
    if (seen[start]) continue;
    const value = mask[start]!;
    let touchesBorder = false;
    let count = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      if (count <= maxArea) members[count] = i;
      count++;
      const x = i % width;
      if (x === 0 || x === width - 1 || i < width || i >= mask.length - width) touchesBorder = true;
      if (x > 0 && !seen[i - 1] && mask[i - 1] === value) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && !seen[i + 1] && mask[i + 1] === value) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (i >= width && !seen[i - width] && mask[i - width] === value) {
        seen[i - width] = 1;
        stack[top++] = i - width;
      }
      if (i < mask.length - width && !seen[i + width] && mask[i + width] === value) {
        seen[i + width] = 1;
        stack[top++] = i + width;
      }
    }
    const removable = value !== 0 || !touchesBorder;
    if (removable && count <= maxArea) {
      for (let k = 0; k < count; k++) mask[members[k]!] = value === 0 ? 255 : 0;
    }
  }
}
