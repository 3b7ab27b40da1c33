import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { FILL_ROUTE } from "../src/contract";
import { decodeOwnValues } from "../src/server/images/source-colour";
import { adobeRgbJpeg } from "../src/server/testing/images";
import { exportedMask } from "./helpers";
import { differences, generateAndCapture, strokeAcross } from "./tasks-helpers";

test("an Adobe RGB JPEG filled on local keeps its own values outside the mask and its profile", async ({
  page,
}) => {
  const size = { width: 600, height: 400 };
  const { bytes, icc } = await adobeRgbJpeg(size.width, size.height);
  await page.goto("/");
  await page
    .getByTestId("image-input")
    .setInputFiles({ name: "adobe-rgb.jpg", mimeType: "image/jpeg", buffer: bytes });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  await strokeAcross(page, size, 200, 150, 450);
  const mask = await exportedMask(page);

  const sent = await generateAndCapture(page, FILL_ROUTE);
  // The file itself goes out, profile and all: a canvas re-encode would have made it sRGB.
  expect(Buffer.from(String(sent.body.image), "base64").equals(bytes)).toBe(true);
  await expect(page.getByTestId("job-status").first()).toHaveAttribute("data-status", "Ready", {
    timeout: 45_000,
  });
  const download = page.waitForEvent("download");
  await page.getByTestId("download-result").click();
  const file = readFileSync(await (await download).path());

  const result = await decodeOwnValues(file);
  const source = await decodeOwnValues(bytes);
  expect(result.icc?.equals(icc)).toBe(true);
  expect([result.width, result.height]).toEqual([size.width, size.height]);
  const changed = differences(
    result.data,
    source.data,
    (i) => mask.data[i * mask.channels] === 255,
  );
  expect(changed.outside).toBe(0);
  expect(changed.inside).toBeGreaterThan(100);
});
