import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigStore } from '../../src/lib/config-store';
import { DEFAULT_API_URL, resolveSettings } from '../../src/lib/settings';

describe('resolveSettings', () => {
  const stored = { apiUrl: 'http://saved:3000', token: 'saved-token' };

  it('prefers --api-url over BIGTIX_API_URL over the saved URL over the default', () => {
    expect(resolveSettings({ apiUrl: 'http://flag/' }, { BIGTIX_API_URL: 'http://env' }, stored).apiUrl).toBe(
      'http://flag',
    );
    expect(resolveSettings({}, { BIGTIX_API_URL: 'http://env' }, stored).apiUrl).toBe('http://env');
    expect(resolveSettings({}, {}, stored).apiUrl).toBe('http://saved:3000');
    expect(resolveSettings({}, {}, {}).apiUrl).toBe(DEFAULT_API_URL);
  });

  it('prefers BIGTIX_TOKEN over the saved token', () => {
    expect(resolveSettings({}, { BIGTIX_TOKEN: 'env-token' }, stored)).toMatchObject({
      token: 'env-token',
      tokenSource: 'env',
    });
    expect(resolveSettings({}, {}, stored)).toMatchObject({ token: 'saved-token', tokenSource: 'config' });
  });

  it('never sends a saved token to a server other than the one that issued it', () => {
    expect(resolveSettings({ apiUrl: 'http://other' }, {}, stored)).toMatchObject({
      token: undefined,
      tokenSource: 'none',
    });
  });
});

describe('ConfigStore', () => {
  it('writes config.json with mode 0600 in a 0700 directory under XDG_CONFIG_HOME, and clears it', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'bigtix-cfg-'));
    const store = new ConfigStore({ XDG_CONFIG_HOME: home });
    expect(store.file).toBe(path.join(home, 'bigtix', 'config.json'));
    expect(await store.read()).toEqual({});
    await store.write({ token: 't', apiUrl: 'http://x' });
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(store.dir)).mode & 0o777).toBe(0o700);
    expect(await store.read()).toEqual({ token: 't', apiUrl: 'http://x' });
    expect(await store.clear()).toBe(true);
    expect(await store.clear()).toBe(false);
    await fs.rm(home, { recursive: true });
  });
});
