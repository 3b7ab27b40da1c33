import { Toaster } from "sonner";
import { ResultView } from "./compare/ResultView";
import { useShowResultWhenReady } from "./compare/use-show-result-when-ready";
import { DropZone } from "./editor/DropZone";
import { EmptyState } from "./editor/EmptyState";
import { MaskStage } from "./editor/MaskStage";
import { MaskTools } from "./editor/MaskTools";
import { OpenImageButton } from "./editor/OpenImageButton";
import { GeneratePanel } from "./generate/GeneratePanel";
import { OutpaintPanel } from "./outpaint/OutpaintPanel";
import { OutpaintStage } from "./outpaint/OutpaintStage";
import { useOutpaintFrame } from "./outpaint/use-outpaint-frame";
import { useAppStore } from "./store/store";
import { ViewTabs } from "./ViewTabs";

export function App() {
  const image = useAppStore((s) => s.image);
  const mainView = useAppStore((s) => s.mainView);
  const currentJob = useAppStore((s) => s.currentJob);
  const outpaintFrame = useOutpaintFrame();
  useShowResultWhenReady(currentJob);
  return (
    <div className="flex h-screen flex-col bg-neutral-900 text-neutral-100">
      <header className="flex items-center gap-4 border-b border-neutral-800 px-4 py-2">
        <h1 className="text-base font-semibold tracking-tight">
          Fill<span className="text-accent">paint</span>
        </h1>
        <OpenImageButton />
        {image && (
          <span className="truncate text-sm text-neutral-400">
            {image.name} · {image.width}×{image.height}
          </span>
        )}
        <div className="ml-auto">{image && <ViewTabs />}</div>
      </header>
      <div className="flex min-h-0 flex-1">
        <DropZone>
          <main className="flex min-h-0 flex-1 bg-canvas">
            {!image && <EmptyState />}
            {image && mainView === "edit" && !outpaintFrame && <MaskStage image={image} />}
            {image && mainView === "edit" && outpaintFrame && (
              <OutpaintStage image={image} fitted={outpaintFrame} />
            )}
            {image && mainView === "compare" && currentJob && <ResultView job={currentJob} />}
          </main>
        </DropZone>
        {image && (
          <aside className="w-80 shrink-0 space-y-6 overflow-y-auto border-l border-neutral-800 p-4">
            <MaskTools />
            <OutpaintPanel />
            <GeneratePanel />
          </aside>
        )}
      </div>
      <Toaster theme="dark" position="bottom-center" richColors />
    </div>
  );
}
