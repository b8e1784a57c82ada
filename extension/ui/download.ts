/** Saves generated text as a file through the browser's download, from an extension page. */
export function download(fileName: string, text: string | Uint8Array, type = 'text/markdown;charset=utf-8'): void {
  const blob = new Blob([text as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from free text: "Northwind Dental agenda 2026-12-08.md". */
export function fileName(...parts: string[]): string {
  return parts
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
