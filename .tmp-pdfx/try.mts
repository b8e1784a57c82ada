import { makePdf } from '/work/main/test/fixtures/make-pdf.ts';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
async function run(bytes: Uint8Array) {
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const meta = await doc.getMetadata();
    console.log('pages', doc.numPages, meta.info);
    for (let i = 1; i <= doc.numPages; i++) {
      const p = await doc.getPage(i);
      const tc = await p.getTextContent();
      console.log(JSON.stringify(tc.items.map((it: any) => [it.str, it.hasEOL, it.transform[5]])));
    }
  } catch (e: any) {
    console.log('ERR', e?.name, e?.code, e?.message);
  } finally { await task.destroy(); }
}
await run(makePdf([['Managed Services Proposal', 'Price: $4,500/month (12 000 € HT)', 'inter-', 'national'], ['Page two – done']], { title: 'Proposal «x»' }));
await run(makePdf([[], []]));
await run(makePdf([['secret']], { encrypted: true }));
await run(new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Cat garbage'));
await run(new TextEncoder().encode('hello not a pdf'));
