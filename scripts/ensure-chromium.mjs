// The e2e tests use the system Chromium. Install Debian's package when it is missing and we are
// root (CI, fresh machines); otherwise say exactly what to do. Never downloads a browser build.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH points to ${path}, which does not exist.`);
    process.exit(1);
  }
  if (process.getuid?.() !== 0) {
    console.error("Chromium is missing: run `sudo apt-get install chromium` or set CHROMIUM_PATH.");
    process.exit(1);
  }
  console.log("Installing Debian's chromium package for the end-to-end tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
}
console.log(`Chromium: ${execSync(`"${path}" --version`).toString().trim()}`);
