import { Suspense } from "react";
import { Toaster } from "sonner";
import { useShowRunWhenReady } from "./compare/use-show-run-when-ready";
import { DropZone } from "./editor/DropZone";
import { EmptyState } from "./editor/EmptyState";
import { MaskTools } from "./editor/MaskTools";
import { OpenImageButton } from "./editor/OpenImageButton";
import { ShortcutSheet } from "./editor/ShortcutSheet";
import { GenerateBar } from "./generate/GenerateBar";
import { GeneratePanel } from "./generate/GeneratePanel";
import { JobTrackers } from "./generate/JobTrackers";
import { HistoryPanel } from "./history/HistoryPanel";
import { usePersistedForm } from "./history/use-persisted-form";
import { CompareView, MaskStage, OutpaintView, PresentView } from "./lazy-views";
import { OutpaintPanel } from "./outpaint/OutpaintPanel";
import { useDocumentPersistence } from "./persist/use-document-persistence";
import { usePresentShortcut } from "./present/use-present-shortcut";
import { useAppStore } from "./store/store";
import { ViewTabs } from "./ViewTabs";

export function App() {
  const image = useAppStore((s) => s.image);
  const mainView = useAppStore((s) => s.mainView);
  const currentRun = useAppStore((s) => s.shownRunId);
  const presenting = useAppStore((s) => s.presenting);
  const outpainting = useAppStore((s) => s.outpaint !== null);
  usePersistedForm();
  useDocumentPersistence();
  useShowRunWhenReady(currentRun);
  usePresentShortcut();
  const comparing = mainView === "compare" && currentRun !== null;
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
        <div className="ml-auto">{(image || currentRun) && <ViewTabs />}</div>
      </header>
      <div className="flex min-h-0 flex-1">
        <DropZone>
          <main className="flex min-h-0 min-w-0 flex-1 bg-canvas">
            <Suspense>
              {comparing && <CompareView runId={currentRun} />}
              {!comparing && image && !outpainting && <MaskStage image={image} />}
              {!comparing && image && outpainting && <OutpaintView image={image} />}
            </Suspense>
            {!comparing && !image && <EmptyState />}
          </main>
        </DropZone>
        <aside className="flex w-80 shrink-0 flex-col border-l border-neutral-800">
          <div className="min-h-0 flex-1 space-y-6 overflow-y-auto p-4">
            {image && <MaskTools />}
            {image && <OutpaintPanel />}
            {image && <GeneratePanel />}
            <HistoryPanel />
          </div>
          {image && <GenerateBar />}
        </aside>
      </div>
      <ShortcutSheet />
      <JobTrackers />
      <Suspense>{presenting && currentRun && <PresentView runId={currentRun} />}</Suspense>
      <Toaster theme="dark" position="bottom-center" richColors />
    </div>
  );
}
