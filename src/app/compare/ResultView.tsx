import { Download } from "lucide-react";
import { useRef } from "react";
import { ReactCompareSlider, ReactCompareSliderImage } from "react-compare-slider";
import { fitView } from "../editor/fit-view";
import { useElementSize } from "../editor/use-element-size";
import type { SubmittedJob } from "../store/jobs-slice";
import { useReadyResult } from "./use-ready-result";

/** Before/after over the original at the editor's scale, the result downloadable. */
export function ResultView({ job }: { job: SubmittedJob }) {
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  const sample = useReadyResult(job);
  const { scale } = fitView(job.source, viewport, 0);
  const extension = sample ? (new URL(sample).pathname.split(".").pop() ?? "png") : "png";
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <div ref={frame} className="grid min-h-0 flex-1 place-items-center">
        {sample && viewport.width > 0 && (
          <div
            data-testid="compare-slider"
            style={{ width: job.source.width * scale, height: job.source.height * scale }}
          >
            <ReactCompareSlider
              className="h-full w-full"
              itemOne={<ReactCompareSliderImage src={job.source.url} alt="Before" />}
              itemTwo={
                <ReactCompareSliderImage data-testid="result-image" src={sample} alt="After" />
              }
            />
          </div>
        )}
      </div>
      <div className="flex items-center justify-between gap-4 text-sm text-neutral-300">
        <span>
          Drag the handle, or focus it and use the arrow keys, to compare before and after.
        </span>
        {sample && (
          <a
            data-testid="download-result"
            href={sample}
            download={`fillpaint-${job.id.slice(0, 8)}.${extension}`}
            className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-neutral-100 px-3 py-1.5 font-medium text-neutral-900 hover:bg-white"
          >
            <Download size={15} aria-hidden /> Download result
          </a>
        )}
      </div>
    </div>
  );
}
