export function EmptyState() {
  return (
    <div className="m-auto max-w-sm space-y-3 text-center text-neutral-300">
      <p className="text-lg text-neutral-100">Open a photo to start</p>
      <p className="text-sm">
        Drop a PNG, JPEG or WebP anywhere on this page, or use <strong>Open image</strong> above.
        Then paint over what should be repainted.
      </p>
    </div>
  );
}
