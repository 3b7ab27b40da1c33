import opencvUrl from "@techstark/opencv-js/dist/opencv.js?url";
import { type DownloadProgress, readWithProgress } from "./download-progress";
import { type Cv, missingFunctions, whenReady } from "./opencv";

let loading: Promise<Cv> | null = null;

/**
 * Loads OpenCV.js (about 11 MB) once, in the worker that calls this. The file is a UMD bundle,
 * emitted as a plain asset rather than bundled (so the build does not parse it). It is fetched
 * as a stream so the bytes received can be shown, then run as a CommonJS-style function body
 * (the worker's policy allows it; embind needs the same), which exports it on `module`.
 */
export function loadOpenCv(onProgress: (progress: DownloadProgress) => void): Promise<Cv> {
  loading ??= (async () => {
    const bytes = await readWithProgress(await fetch(opencvUrl), onProgress);
    const module = { exports: {} };
    new Function("module", "exports", new TextDecoder().decode(bytes))(module, module.exports);
    const cv = await whenReady(module.exports);
    const missing = missingFunctions(cv);
    if (missing.length > 0) throw new Error(`OpenCV.js lacks ${missing.join(", ")}`);
    return cv;
  })();
  return loading;
}
