/** The sidebar's small outlined button, shared by the editor's panels. */
export const buttonClass =
  "inline-flex items-center gap-1.5 rounded-md border border-neutral-600 px-2.5 py-1.5 text-sm text-neutral-100 hover:bg-neutral-700 disabled:opacity-40 disabled:hover:bg-transparent";

/** The filled button of the comparison's action rows (downloads, present, share, exports). */
export const actionButtonClass =
  "inline-flex shrink-0 items-center gap-1.5 rounded-md bg-neutral-700 px-2.5 py-1.5 text-sm text-white hover:bg-neutral-600 disabled:opacity-40";
