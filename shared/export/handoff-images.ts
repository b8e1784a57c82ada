import type { Capture } from '../domain';

const EXTENSION: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/**
 * Where each image kept with the evidence goes in the handoff pack: `evidence-images/<sha256>.<ext>`, once however
 * many captures show it. A capture's entry in client-log.json lists its images by the same hash.
 */
export function evidenceImagePaths(captures: Capture[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const capture of captures)
    for (const image of capture.images ?? [])
      paths.set(image.sha256, `evidence-images/${image.sha256}.${EXTENSION[image.type] ?? 'bin'}`);
  return paths;
}
