import { Download } from "lucide-react";
import { ReactCompareSlider, ReactCompareSliderImage } from "react-compare-slider";
import type { SubmittedJob } from "../store/jobs-slice";
import { useReadyResult } from "./use-ready-result";

/** Before/after over the original, with the result downloadable under a descriptive name. */
export function ResultView({ job }: { job: SubmittedJob }) {
  const sample = useReadyResult(job);
  if (!sample) return null;
  const extension = new URL(sample).pathname.split(".").pop() ?? "png";
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <div data-testid="compare-slider" className="min-h-0 flex-1">
        <ReactCompareSlider
          className="h-full w-full"
          itemOne={
            <ReactCompareSliderImage
              src={job.imageUrl}
              alt="Before"
              style={{ objectFit: "contain" }}
            />
          }
          itemTwo={
            <ReactCompareSliderImage
              data-testid="result-image"
              src={sample}
              alt="After"
              style={{ objectFit: "contain" }}
            />
          }
        />
      </div>
      <div className="flex items-center justify-between text-sm text-neutral-300">
        <span>Drag the handle (or use the arrow keys) to compare before and after.</span>
        <a
          data-testid="download-result"
          href={sample}
          download={`fillpaint-${job.id.slice(0, 8)}.${extension}`}
          className="inline-flex items-center gap-1.5 rounded-md bg-neutral-100 px-3 py-1.5 font-medium text-neutral-900 hover:bg-white"
        >
          <Download size={15} aria-hidden /> Download result
        </a>
      </div>
    </div>
  );
}
