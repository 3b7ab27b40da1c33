/**
 * The neutral checkerboard shown behind transparent pixels (and around an outpaint's photo),
 * one definition for the Konva stages, the CSS of Compare and Present, and the side-by-side PNG.
 */
export const CHECKER = { light: "#d4d4d4", dark: "#a3a3a3", cell: 8 } as const;

/** As a CSS background, in screen pixels whatever the zoom. */
export const checkerboardStyle = {
  backgroundImage: `conic-gradient(${CHECKER.dark} 25%, ${CHECKER.light} 0 50%, ${CHECKER.dark} 0 75%, ${CHECKER.light} 0)`,
  backgroundSize: `${CHECKER.cell * 2}px ${CHECKER.cell * 2}px`,
} as const;

/** Paints the checkerboard into a 2D context's rectangle (the side-by-side PNG). */
export function paintCheckerboard(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  cell: number = CHECKER.cell,
): void {
  context.fillStyle = CHECKER.light;
  context.fillRect(x, y, width, height);
  context.fillStyle = CHECKER.dark;
  for (let row = 0; row * cell < height; row++) {
    for (let col = row % 2; col * cell < width; col += 2) {
      context.fillRect(
        x + col * cell,
        y + row * cell,
        Math.min(cell, width - col * cell),
        Math.min(cell, height - row * cell),
      );
    }
  }
}
