import opencvUrl from "@techstark/opencv-js/dist/opencv.js?url";
import { type Cv, missingFunctions, whenReady } from "./opencv";

let loading: Promise<Cv> | null = null;

/**
 * Loads OpenCV.js (about 11 MB, 3.8 MB compressed) once, in the worker that calls this. The
 * file is a UMD bundle, emitted as a plain asset rather than bundled (so the build does not
 * parse it): given a CommonJS-style `module` global it exports itself there when imported.
 */
export function loadOpenCv(): Promise<Cv> {
  loading ??= (async () => {
    const scope = globalThis as { module?: { exports: object } };
    scope.module = { exports: {} };
    try {
      await import(/* @vite-ignore */ opencvUrl);
      const cv = await whenReady(scope.module.exports);
      const missing = missingFunctions(cv);
      if (missing.length > 0) throw new Error(`OpenCV.js lacks ${missing.join(", ")}`);
      return cv;
    } finally {
      delete scope.module;
    }
  })();
  return loading;
}
