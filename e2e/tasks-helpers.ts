import { readFileSync } from "node:fs";
import { expect, type Page, type Request } from "@playwright/test";
import type { TaskId } from "../src/contract";
import { COMPOSITE_HEADER } from "../src/contract";
import { decodeDownload, fixture, imagePlacement, paint } from "./helpers";

/** Picks a task in the sidebar's switch, as a click on its label does. */
export async function chooseTask(page: Page, task: TaskId): Promise<void> {
  await page.getByTestId("task").locator(`label:has([data-task=${task}])`).click();
  await expect(page.locator(`[data-task=${task}]`)).toBeChecked();
}

/** One brush stroke across the image, from (x0, y) to (x1, y) in image pixels. */
export async function strokeAcross(
  page: Page,
  image: { width: number; height: number },
  y: number,
  x0: number,
  x1: number,
): Promise<void> {
  const place = await imagePlacement(page, image.width, image.height);
  await paint(page, [
    [place.x + x0 * place.scale, place.y + y * place.scale],
    [place.x + x1 * place.scale, place.y + y * place.scale],
  ]);
}

/** Presses Generate and returns the job request the app sent to `route`, body parsed. */
export async function generateAndCapture(page: Page, route: string) {
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(route));
  await page.getByTestId("generate").click();
  const request: Request = await sent;
  return {
    body: JSON.parse(request.postData() ?? "{}") as Record<string, unknown>,
    composite: (await request.allHeaders())[COMPOSITE_HEADER] ?? null,
  };
}

/** The bytes of a fixture file, to check the app sent the file itself. */
export const fixtureBytes = (name: string) => readFileSync(fixture(name));

/** Waits for the run's first variant to be Ready and downloads its result, decoded to RGB. */
export async function readyResult(page: Page) {
  await expect(page.getByTestId("job-status").first()).toHaveAttribute("data-status", "Ready", {
    timeout: 45_000,
  });
  const download = page.waitForEvent("download");
  await page.getByTestId("download-result").click();
  return decodeDownload(await download);
}

/** Pixels (RGB) that differ between two rasters, counted where `inMask(i)` and elsewhere. */
export function differences(
  a: Uint8Array,
  b: Uint8Array,
  inMask: (i: number) => boolean,
): { inside: number; outside: number } {
  const count = { inside: 0, outside: 0 };
  for (let i = 0; i * 3 < a.length; i++) {
    const same =
      a[i * 3] === b[i * 3] && a[i * 3 + 1] === b[i * 3 + 1] && a[i * 3 + 2] === b[i * 3 + 2];
    if (!same) count[inMask(i) ? "inside" : "outside"] += 1;
  }
  return count;
}
