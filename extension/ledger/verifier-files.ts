import { browser } from 'wxt/browser';

const NAMES = ['verify.mjs', 'verify.html'] as const;
// Built before WXT runs, so not among the public paths its types list.
const urlOf = (path: string) => (browser.runtime.getURL as (path: string) => string)(path);

/** The offline verifier, built into the extension (scripts/build-verifier.mjs), to put in every pack. */
export async function verifierFiles(): Promise<Array<[string, Uint8Array]>> {
  return Promise.all(
    NAMES.map(async (name): Promise<[string, Uint8Array]> => {
      const response = await fetch(urlOf(`/verifier/${name}`));
      if (!response.ok) throw new Error(`This build of Docket lacks its verifier (${name}); rebuild it.`);
      return [name, new Uint8Array(await response.arrayBuffer())];
    }),
  );
}
