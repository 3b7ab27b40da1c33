import { type CSSProperties, Suspense } from "react";
import { Toaster } from "sonner";
import { useShowRunWhenReady } from "./compare/use-show-run-when-ready";
import { DropZone } from "./editor/DropZone";
import { EmptyState } from "./editor/EmptyState";
import { OpenImageButton } from "./editor/OpenImageButton";
import { ShortcutSheet } from "./editor/ShortcutSheet";
import { JobTrackers } from "./generate/JobTrackers";
import { HistoryPanel } from "./history/HistoryPanel";
import { usePersistedForm } from "./history/use-persisted-form";
import { CompareView, MaskStage, OutpaintView, PresentView } from "./lazy-views";
import { useDocumentPersistence } from "./persist/use-document-persistence";
import { usePresentShortcut } from "./present/use-present-shortcut";
import { useAppStore } from "./store/store";
import { modeOf } from "./store/view-slice";
import { ViewLoading } from "./view/StageBusy";
import { HistoryToggle } from "./workspace/HistoryToggle";
import { ModeTabs } from "./workspace/ModeTabs";
import { Sidebar } from "./workspace/Sidebar";

/** The sidebar (w-80) less the toaster's offset on both sides. */
const TOASTS = { "--width": "288px" } as CSSProperties;

export function App() {
  const image = useAppStore((s) => s.image);
  const mode = useAppStore(modeOf);
  const currentRun = useAppStore((s) => s.shownRunId);
  const presenting = useAppStore((s) => s.presenting);
  const historyOpen = useAppStore((s) => s.historyOpen);
  usePersistedForm();
  useDocumentPersistence();
  useShowRunWhenReady(currentRun);
  usePresentShortcut();
  return (
    <div className="flex h-screen flex-col bg-neutral-900 text-neutral-100">
      <header className="flex items-center gap-4 border-b border-neutral-800 px-4 py-2">
        <h1 className="text-base font-semibold tracking-tight">
          Fill<span className="text-accent">paint</span>
        </h1>
        <OpenImageButton />
        {image && (
          <span className="min-w-0 truncate text-sm text-neutral-400">
            {image.name} · {image.width}×{image.height}
          </span>
        )}
        <div className="ml-auto flex items-center gap-3">
          {(image || currentRun) && <ModeTabs />}
          <HistoryToggle />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <DropZone>
          <main className="flex min-h-0 min-w-0 flex-1 bg-canvas">
            <Suspense fallback={<ViewLoading mode={mode} />}>
              {mode === "compare" && currentRun && <CompareView runId={currentRun} />}
              {mode === "edit" && image && <MaskStage image={image} />}
              {mode === "extend" && image && <OutpaintView image={image} />}
            </Suspense>
            {mode !== "compare" && !image && <EmptyState />}
          </main>
        </DropZone>
        {historyOpen && <HistoryPanel />}
        {image || currentRun ? <Sidebar /> : null}
      </div>
      <ShortcutSheet />
      <JobTrackers />
      <Suspense>{presenting && currentRun && <PresentView runId={currentRun} />}</Suspense>
      {/* Over the sidebar's bottom corner and no wider than it: at the bottom centre a toast
          covered a variant tile or the comparison at 1024×640. It covers sidebar controls
          instead, so every toast can be closed at once (the 20 MP copy's stays for a minute). */}
      <Toaster
        theme="dark"
        position="bottom-right"
        offset={16}
        richColors
        closeButton
        style={TOASTS}
      />
    </div>
  );
}
