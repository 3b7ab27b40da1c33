/**
 * The smart tools' wall time in the real app (`npm run bench:editor` adds it under
 * `selectBrowser`): headless Chromium drives the built app with real input events on the
 * 12 MP sunset photo, and each figure runs from the pointer event's timestamp to the
 * performance mark the app leaves when the result is drawn (`src/app/select/shown-marks.ts`).
 * That covers the message to the worker, the work, the answer's transfer and the drawing.
 */
import { join } from "node:path";

const PHOTO = join(
  import.meta.dirname,
  "../../shared/fixtures/photos/lomiri_sunset_by_Aitzol_Berasategi.jpg",
);
const WIDTH = 4272;
const HEIGHT = 2848;
const MARKS = {
  preview: "fillpaint:selection-preview",
  quickCut: "fillpaint:object-quick-cut",
  fullCut: "fillpaint:object-full-cut",
  anchor: "fillpaint:lasso-anchor",
  path: "fillpaint:lasso-path",
  committed: "fillpaint:selection-committed",
};

export async function selectInBrowser(browser, baseUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(baseUrl);
    // The last pointer event's timestamp, on the same clock as the marks.
    await page.evaluate(() => {
      window.__lastPointer = {};
      for (const type of ["pointermove", "pointerdown", "pointerup"])
        window.addEventListener(
          type,
          (event) => (window.__lastPointer[type] = event.timeStamp),
          true,
        );
    });
    await page.getByTestId("image-input").setInputFiles(PHOTO);
    await page.getByText(`${WIDTH}×${HEIGHT}`).first().waitFor({ timeout: 120_000 });
    await page.locator("[data-testid=stage] canvas").first().waitFor();
    const stage = await page.getByTestId("stage").boundingBox();
    const at = placement(stage);
    const mouse = page.mouse;

    await page.locator("body").press("w");
    // The first hover waits for the worker to decode the photo; it is reported on its own.
    const wandFirst = await timed(page, "pointermove", MARKS.preview, () =>
      mouse.move(...at(2136, 240)),
    );
    const wandHover = [];
    for (let i = 0; i < 8; i++)
      wandHover.push(
        await timed(page, "pointermove", MARKS.preview, () =>
          mouse.move(...at(900 + i * 300, 200 + (i % 3) * 60)),
        ),
      );

    // A click works out the region on the full image and commits it.
    const wandClicks = [];
    for (let i = 0; i < 3; i++) {
      await mouse.move(...at(1200 + i * 700, 300));
      wandClicks.push(
        await timed(page, "pointerdown", MARKS.committed, () =>
          mouse.down().then(() => mouse.up()),
        ),
      );
      await page.keyboard.press("Control+z");
    }

    await page.locator("body").press("s");
    const quarter = [WIDTH / 4, HEIGHT / 4, (3 * WIDTH) / 4, (3 * HEIGHT) / 4];
    const dragBox = async ([x0, y0, x1, y1]) => {
      await mouse.move(...at(x0, y0));
      await mouse.down();
      await mouse.move(...at(x1, y1), { steps: 4 });
      await mouse.up();
    };
    // Each box shows a quick cut first, then the full one (what Apply commits). The first
    // waits for OpenCV.js to download and compile.
    const cutMarks = [MARKS.quickCut, MARKS.fullCut];
    const [objectFirst] = await timed(page, "pointerup", cutMarks, () => dragBox(quarter), 300_000);
    const objectRuns = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Escape");
      objectRuns.push(await timed(page, "pointerup", cutMarks, () => dragBox(quarter), 60_000));
    }
    await page.keyboard.press("Escape");

    // Picking the lasso starts its edge features; a click at once still waits for them.
    await page.locator("body").press("q");
    await mouse.move(...at(400, 2000));
    const click = () => mouse.down().then(() => mouse.up());
    const lassoStart = await timed(page, "pointerdown", MARKS.anchor, click, 60_000);
    const lassoMoves = [];
    for (let i = 1; i <= 30; i++)
      lassoMoves.push(
        await timed(page, "pointermove", MARKS.path, () =>
          mouse.move(...at(400 + i * 100, 2000 - i * 40)),
        ),
      );
    // More anchors on the same path (each restarts the shortest paths, nothing is rebuilt),
    // then a click on the first closes the path: its fill is refined at full resolution in
    // the worker before it is committed.
    const nextAnchors = [];
    for (const [x, y] of [
      [3400, 800],
      [3800, 1600],
      [3400, 2400],
      [2000, 2600],
    ]) {
      await mouse.move(...at(x, y));
      nextAnchors.push(await timed(page, "pointerdown", MARKS.anchor, click, 60_000));
    }
    await mouse.move(...at(400, 2000));
    const lassoClose = await timed(page, "pointerdown", MARKS.committed, click, 60_000);
    await page.keyboard.press("Control+z");
    // A new path on the same image: its first anchor finds the edge costs made.
    const lassoAnchors = [];
    for (let i = 0; i < 3; i++) {
      await mouse.move(...at(600 + i * 500, 1800));
      lassoAnchors.push(await timed(page, "pointerdown", MARKS.anchor, click, 60_000));
      await page.keyboard.press("Escape");
    }

    return {
      image: `${WIDTH}×${HEIGHT}`,
      measuredFrom: "pointer event timestamp → the app's mark when the result is drawn",
      wand: {
        firstHoverWithDecodeMs: wandFirst,
        hoverToPreviewMs: stats(wandHover),
        clickToCommittedMs: stats(wandClicks),
        targetMs: 150,
      },
      objectSelect: {
        firstQuickCutWithOpenCvLoadMs: objectFirst,
        quarterBoxToQuickCutMs: stats(objectRuns.map(([quick]) => quick)),
        quarterBoxToFullCutMs: stats(objectRuns.map(([, full]) => full)),
        targetMs: 2000,
      },
      edgeLasso: {
        firstAnchorRightAfterPickingMs: lassoStart,
        nextAnchorClickMs: stats(nextAnchors),
        newPathFirstAnchorMs: stats(lassoAnchors),
        moveToPathMs: stats(lassoMoves),
        closeToCommittedMs: lassoClose,
        targets: { startMs: 1000, moveMs: 50 },
      },
    };
  } finally {
    await page.close();
  }
}

/** Stage-relative placement of the fitted image, as a function from image to page pixels. */
function placement(stage) {
  const margin = 24;
  const scale = Math.min((stage.width - 2 * margin) / WIDTH, (stage.height - 2 * margin) / HEIGHT);
  const left = Math.round((Math.floor(stage.width) - WIDTH * scale) / 2);
  const top = Math.round((Math.floor(stage.height) - HEIGHT * scale) / 2);
  return (x, y) => [stage.x + left + x * scale, stage.y + top + y * scale];
}

/**
 * Runs `act`, then waits for a mark newer than its `event`; ms from the event to the mark.
 * Given several marks, waits for each and answers each's ms in order.
 */
async function timed(page, event, mark, act, timeout = 30_000) {
  const marks = Array.isArray(mark) ? mark : [mark];
  const before = await page.evaluate(() => performance.now());
  await act();
  const ms = await page.waitForFunction(
    ({ event, marks, before }) => {
      const sent = window.__lastPointer[event];
      if (sent === undefined || sent < before) return null;
      const times = marks.map((name) => performance.getEntriesByName(name).at(-1)?.startTime);
      if (times.some((shown) => shown === undefined || shown < sent)) return null;
      return times.map((shown) => shown - sent);
    },
    { event, marks, before },
    { timeout, polling: "raf" },
  );
  const values = (await ms.jsonValue()).map(round);
  return Array.isArray(mark) ? values : values[0];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: values.length,
    median: round(sorted[Math.floor(sorted.length / 2)]),
    max: round(sorted.at(-1)),
  };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
