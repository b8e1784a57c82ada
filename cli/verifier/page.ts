/**
 * verify.html: the same verifier in a browser, from the pack's files picked with a folder picker, a .zip picker, or
 * dropped. Inlined whole into the page (scripts/build-verifier.mjs), which a strict CSP keeps off the network. The
 * pack is untrusted: everything it says is shown as text nodes, never as markup.
 */
import './jitless';
import { EVIDENCE_DIR } from '../../shared/ledger/pack';
import { looksLikeZip, unzipPack, type PackFiles } from '../../shared/ledger/pack-files';
import { formatReport, verifyPack } from '../../shared/ledger/verify';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLParagraphElement>('status');
const output = $<HTMLPreElement>('report');

function say(text: string, kind: 'busy' | 'ok' | 'bad'): void {
  status.textContent = text;
  status.className = kind;
}

/** Only the files the verifier reads are loaded (a pack's Markdown and the like are left alone). */
const wanted = (path: string) => /(^|\/)ledger\//.test(path) || path.includes(EVIDENCE_DIR);

async function run(load: () => Promise<PackFiles>): Promise<void> {
  output.textContent = '';
  say('Verifying…', 'busy');
  try {
    const files = await load();
    const report = await verifyPack(files);
    output.textContent = formatReport(report);
    if (report.ok) say('Everything verifies.', 'ok');
    else say(`This pack does not verify: ${report.problems.length} problem(s), listed below.`, 'bad');
  } catch (error) {
    say(`This pack cannot be read: ${error instanceof Error ? error.message : String(error)}`, 'bad');
  }
}

async function fromZip(file: File): Promise<PackFiles> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikeZip(bytes)) throw new Error(`${file.name} is not a .zip file`);
  return unzipPack(bytes);
}

async function fromFiles(list: Iterable<{ path: string; file: File }>): Promise<PackFiles> {
  const files: PackFiles = new Map();
  for (const { path, file } of list) if (wanted(path)) files.set(path, new Uint8Array(await file.arrayBuffer()));
  return files;
}

$<HTMLInputElement>('folder').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const list = [...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  if (list.length) void run(() => fromFiles(list));
});

$<HTMLInputElement>('zip').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void run(() => fromZip(file));
});

/** A dropped folder, walked entry by entry (readEntries answers in batches until it returns none). */
async function walk(entry: FileSystemEntry, out: { path: string; file: File }[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return;
    for (const child of batch) await walk(child, out);
  }
}

const drop = $<HTMLDivElement>('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const items = [...(event.dataTransfer?.items ?? [])];
  const entries = items.map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 1 && entries[0]!.isFile) {
    const file = event.dataTransfer!.files[0]!;
    void run(() => fromZip(file));
  } else if (entries.length) {
    void run(async () => {
      const list: { path: string; file: File }[] = [];
      for (const entry of entries) await walk(entry, list);
      return fromFiles(list);
    });
  }
});
