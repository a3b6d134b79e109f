// Saving an export: a Blob and an <a download>, so nothing leaves the device and no
// downloads permission is needed. The object URL is revoked once the click has been handled.
export function downloadText(fileName: string, text: string, mime: string): void {
  // A UTF-8 BOM makes Excel read CSV as UTF-8 instead of the system code page.
  const parts = mime.startsWith('text/csv') ? ['\uFEFF', text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox needs the URL a moment after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
