import { expect, type Page, test } from "@playwright/test";
import type { FakeBfl } from "../src/server/testing/fake-bfl";
import { type SecondProxy, startFakeUpstream, startProxyWithUpstream } from "./fake-bfl-upstream";
import { imagePlacement, openHistory, openImage, paint } from "./helpers";

let upstream: FakeBfl;
let proxy: SecondProxy;

test.beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxyWithUpstream(upstream);
});

test.afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

async function openAndPaint(page: Page) {
  await page.goto(proxy.url);
  await openImage(page, "skimage_coffee.png");
  const place = await imagePlacement(page, 600, 400);
  await paint(page, [
    [place.x + 200 * place.scale, place.y + 200 * place.scale],
    [place.x + 400 * place.scale, place.y + 200 * place.scale],
  ]);
}

async function generate(page: Page, prompt: string) {
  await page.getByTestId("prompt").fill(prompt);
  await page.getByTestId("generate").click();
  return page.getByTestId("job-status");
}

test("each upstream failure gets its own message, a retry where it helps, and keeps the work", async ({
  page,
}) => {
  await openAndPaint(page);
  await expect(page.getByText(/does not read the prompt/)).toBeHidden(); // BFL reads it

  const cases: { prompt: string; status: string; text: RegExp; retry: boolean }[] = [
    { prompt: "[402] a boat", status: "Submit failed", text: /^Out of credits/, retry: true },
    {
      prompt: "[request-moderated] a boat",
      status: "Request Moderated",
      text: /refused this prompt or image/,
      retry: false,
    },
    {
      prompt: "[content-moderated] a boat",
      status: "Content Moderated",
      text: /withheld the result/,
      retry: true,
    },
    {
      prompt: "[error] a boat",
      status: "Error",
      text: /Black Forest Labs reported Error/,
      retry: true,
    },
    {
      prompt: "[not-found] a boat",
      status: "Task not found",
      text: /no longer knows this job/,
      retry: true,
    },
  ];
  for (const c of cases) {
    const status = await generate(page, c.prompt);
    await expect(status).toHaveAttribute("data-status", c.status, { timeout: 20_000 });
    await expect(status).toHaveText(c.text);
    await expect(page.getByTestId("job-retry")).toHaveCount(c.retry ? 1 : 0);
    // Nothing of the work is lost: image, mask and form are as they were.
    await expect(page.getByText("skimage_coffee.png · 600×400")).toBeVisible();
    await expect(page.getByTestId("undo")).toBeEnabled();
    await expect(page.getByTestId("prompt")).toHaveValue(c.prompt);
  }

  // 429 is refused once; the retry is sent from the run's stored image and mask and succeeds.
  const status = await generate(page, "[429] a boat");
  await expect(status).toHaveAttribute("data-status", "Submit failed");
  await expect(status).toHaveText(/^Too many requests/);
  await page.getByTestId("job-retry").click();
  await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 20_000 });
  await expect(page.getByTestId("result-image")).toHaveJSProperty("naturalWidth", 600);
  expect(upstream.submits.filter((s) => s.prompt === "[429] a boat")).toHaveLength(2);
  await openHistory(page);
  await expect(page.getByTestId("history").getByTestId("history-run")).toHaveCount(
    cases.length + 1,
  );
});

test("network loss, cancel, and polling that resumes after a reload", async ({ page }) => {
  await openAndPaint(page);

  // Offline while pending: said plainly, and polling picks up again when the network is back.
  const status = await generate(page, "[slow] a boat offline");
  await expect(status).toHaveAttribute("data-status", "Pending");
  await page.context().setOffline(true);
  await expect(status).toHaveAttribute("data-status", "unreachable", { timeout: 10_000 });
  await expect(status).toHaveText(/^Connection lost/);
  await page.context().setOffline(false);
  await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 20_000 });

  // A submit while offline fails at once with its own message.
  await page.getByTestId("mode-edit").click();
  await page.context().setOffline(true);
  await generate(page, "a boat while offline");
  await expect(page.getByTestId("job-status")).toHaveText(/^Cannot reach the Fillpaint server/);
  await page.context().setOffline(false);
  await page.getByTestId("job-retry").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
    timeout: 20_000,
  });

  // Cancel stops the job; retry sends it again.
  await page.getByTestId("mode-edit").click();
  await generate(page, "[slow] a boat to cancel");
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Pending");
  await page.getByTestId("job-cancel").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Cancelled");
  await expect(page.getByTestId("job-retry")).toBeVisible();

  // A reload while a job runs: the job is remembered and its polling resumes.
  await generate(page, "[slow] a boat across a reload");
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Pending");
  await page.reload();
  await openHistory(page);
  const newest = page.getByTestId("history-run").first();
  await expect(newest).toContainText("across a reload");
  await expect(newest.getByTestId("history-run-status")).toHaveText("0 ready · 1 running");
  await expect(newest.getByTestId("history-run-status")).toHaveText("1 ready", {
    timeout: 20_000,
  });
});

test("a proxy restart loses nothing: jobs in flight finish, a forgotten job says so and retries", async ({
  page,
}) => {
  await openAndPaint(page);
  const status = await generate(page, "a boat before the restart");
  await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 20_000 });
  await page.getByTestId("mode-edit").click();
  await generate(page, "[slow] a boat during the restart");
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Pending");

  // Same address and data, new process: the proxy resumes polling BFL for the job in flight.
  const port = Number(new URL(proxy.url).port);
  await proxy.close();
  proxy = await startProxyWithUpstream(upstream, port);
  await page.reload();
  await openHistory(page);
  const runs = page.getByTestId("history-run");
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0).getByTestId("history-run-status")).toHaveText("1 ready", {
    timeout: 20_000,
  });

  // A proxy that lost its data directory no longer knows a job: the app says so and retries.
  await page.getByTestId("mode-edit").click();
  await generate(page, "[slow] a boat the proxy forgets");
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Pending");
  await proxy.close();
  proxy = await startProxyWithUpstream(upstream, port, "test-results/e2e-data-bfl-fresh");
  await page.reload();
  await openHistory(page);
  await expect(runs).toHaveCount(3);
  await expect(runs.nth(0).getByTestId("history-run-status")).toHaveText("0 ready · 1 failed", {
    timeout: 20_000,
  });
  await runs
    .nth(0)
    .getByRole("button", { name: /the proxy forgets/ })
    .click();
  const forgotten = page.getByTestId("run-tile").nth(1);
  await expect(forgotten).toContainText("Task not found");
  // Retried from the image and mask the browser kept, without reopening anything.
  await forgotten.getByTestId("tile-retry").click();
  await expect(forgotten.locator("img")).toHaveJSProperty("naturalWidth", 600, { timeout: 20_000 });
  await expect(runs.nth(0).getByTestId("history-run-status")).toHaveText("1 ready");
  // The finished run's result is still there, from the browser's own copy.
  await runs
    .nth(2)
    .getByRole("button", { name: /before the restart/ })
    .click();
  await expect(page.getByTestId("result-image")).toHaveJSProperty("naturalWidth", 600);
});
