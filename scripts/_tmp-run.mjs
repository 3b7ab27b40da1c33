import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { selectInBrowser } from "./bench-select-browser.mjs";
const port = 8793;
const server = spawn("node", ["dist/server/main.js"], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: "test-results/bench-data", BFL_API_KEY: "" }, stdio: "ignore" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/api/config`)).ok) break; } catch {} await new Promise(r => setTimeout(r, 100)); }
  console.log(JSON.stringify(await selectInBrowser(browser, `http://127.0.0.1:${port}/`), null, 2));
} finally { await browser.close(); server.kill(); }
