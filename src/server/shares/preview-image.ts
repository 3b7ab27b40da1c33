import sharp from "sharp";

const HEIGHT = 630;
const GUTTER = 8;
const BACKGROUND = "#171717";

/**
 * The Open Graph picture of a share: before | after side by side on one JPEG (1200×630 at
 * most), which is what a chat app shows when the link is pasted. Transparent pixels (an
 * outpaint's placed original) become the page's dark grey.
 */
export async function beforeAfterPreview(before: Buffer, after: Buffer): Promise<Buffer> {
  const meta = await sharp(before).autoOrient().metadata();
  const aspect =
    (meta.autoOrient?.width ?? meta.width ?? 1) / (meta.autoOrient?.height ?? meta.height ?? 1);
  const panelWidth = Math.max(
    1,
    Math.min(Math.round((1200 - GUTTER) / 2), Math.round(HEIGHT * aspect)),
  );
  const panelHeight = Math.max(1, Math.round(panelWidth / aspect));
  const panel = (bytes: Buffer) =>
    sharp(bytes)
      .autoOrient()
      .resize(panelWidth, panelHeight, { fit: "fill" })
      .flatten({ background: BACKGROUND })
      .png()
      .toBuffer();
  const [left, right] = await Promise.all([panel(before), panel(after)]);
  return sharp({
    create: {
      width: panelWidth * 2 + GUTTER,
      height: panelHeight,
      channels: 3,
      background: BACKGROUND,
    },
  })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: panelWidth + GUTTER, top: 0 },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}
