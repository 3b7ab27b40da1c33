/**
 * Removes holes and islands of at most `maxArea` pixels from a 0/255 mask in place: GrabCut
 * leaves single-pixel speckle in textured areas, and a mask with pinholes fills badly.
 * Holes touching the border are open background, never filled.
 */
export function removeSpecks(mask: Uint8Array, width: number, height: number, maxArea: number) {
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const members: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (seen[start]) continue;
    const value = mask[start]!;
    let touchesBorder = false;
    members.length = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touchesBorder = true;
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y < height - 1) visit(i + width);
    }
    const isHole = value === 0 && !touchesBorder;
    const isIsland = value !== 0;
    if ((isHole || isIsland) && members.length <= maxArea) {
      for (const i of members) mask[i] = value === 0 ? 255 : 0;
    }
    function visit(j: number) {
      if (!seen[j] && mask[j] === value) {
        seen[j] = 1;
        stack.push(j);
      }
    }
  }
}
