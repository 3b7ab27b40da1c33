/**
 * The few parts of OpenCV.js the smart tools use, typed by hand: the package's own typings
 * describe every module and would cost the type checker more than the whole app.
 */
export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32S: Int32Array;
  delete(): void;
}

export interface Cv {
  Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
  Rect: new (x: number, y: number, width: number, height: number) => object;
  CV_8UC1: number;
  CV_8UC3: number;
  GC_BGD: number;
  GC_FGD: number;
  GC_PR_BGD: number;
  GC_PR_FGD: number;
  GC_INIT_WITH_RECT: number;
  GC_INIT_WITH_MASK: number;
  GC_EVAL: number;
  grabCut(
    image: CvMat,
    mask: CvMat,
    rect: object,
    bgdModel: CvMat,
    fgdModel: CvMat,
    iterations: number,
    mode: number,
  ): void;
  setRNGSeed(seed: number): void;
  floodFill: unknown;
  segmentation_IntelligentScissorsMB: unknown;
}

/** What the smart tools need from the build; a build without one of them cannot be used. */
export const REQUIRED_FUNCTIONS = [
  "grabCut",
  "floodFill",
  "segmentation_IntelligentScissorsMB",
] as const;

export function missingFunctions(cv: object): string[] {
  return REQUIRED_FUNCTIONS.filter(
    (name) => typeof (cv as Record<string, unknown>)[name] !== "function",
  );
}

/**
 * The Emscripten module is a thenable that calls back with itself once the WebAssembly is
 * compiled: awaiting it directly would chase `then` forever, so it is waited for by callback.
 */
export function whenReady(module: object): Promise<Cv> {
  const thenable = module as { then?: (ready: () => void) => void; grabCut?: unknown };
  return new Promise((resolve) => {
    const done = () => {
      delete thenable.then;
      resolve(module as Cv);
    };
    if (typeof thenable.grabCut === "function" || typeof thenable.then !== "function") done();
    else thenable.then(done);
  });
}
