import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_IMAGE_BYTES } from '../../../extension/capture/images/keep';
import { maxImageBytes, setMaxImageBytes } from '../../../extension/store/images';
import { freshDb } from '../../support/store';

describe('the image size limit', () => {
  it('is 2 MB until the user sets it, then what they set', async () => {
    const db = freshDb();
    expect(await maxImageBytes(db)).toBe(DEFAULT_MAX_IMAGE_BYTES);
    await setMaxImageBytes(db, 512 * 1024);
    expect(await maxImageBytes(db)).toBe(512 * 1024);
  });

  it('refuses a limit the server could not take, or none at all, and keeps the one before', async () => {
    const db = freshDb();
    await setMaxImageBytes(db, 3 * 1024 * 1024);
    await expect(setMaxImageBytes(db, 6 * 1024 * 1024)).rejects.toThrow(/between 1 KB and 5 MB/);
    await expect(setMaxImageBytes(db, Number.NaN)).rejects.toThrow(/between/);
    expect(await maxImageBytes(db)).toBe(3 * 1024 * 1024);
  });
});
