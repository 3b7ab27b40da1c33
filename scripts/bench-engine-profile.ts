/**
 * One speed case of `npm run bench:engine` filled in this process, without the worker pool, so
 * a profiler sees the engine itself:
 *   node --cpu-prof --import tsx scripts/bench-engine-profile.ts zoom-out 2
 * Arguments: a word of the case's name (12mp, 10pct, zoom-out), the repetitions (default 2), and
 * optionally a file to write the last fill's raw RGB to (to compare two versions bit for bit).
 * Prints wall and CPU milliseconds per repetition.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fillTask } from "../src/server/engine/fill-engine";
import { SPEED_CASES } from "./bench-engine-cases";

const [word = "zoom-out", repeats = "2", outFile] = process.argv.slice(2);
const spec = SPEED_CASES.find((c) => c.name.includes(word));
if (!spec) throw new Error(`no speed case matches "${word}"`);
const c = await spec.make();
let pixels: Uint8Array = new Uint8Array(0);
for (let r = 0; r < Number(repeats); r++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  pixels = fillTask({ ...c, pixels: c.input, channels: 3, seed: 0 });
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  console.log(`${c.name} wall ${Math.round(performance.now() - started)} ms, CPU ${cpuMs} ms`);
}
if (outFile) writeFileSync(outFile, pixels);
