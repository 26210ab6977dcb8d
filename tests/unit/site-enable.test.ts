import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { EXT, testService } from '../helpers/service';

const page = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, frameId: 0 };

function setup() {
  const enableSite = vi.fn(async () => undefined);
  const handle = testService({ repo: new Repository(new UpfrontDb(`site-enable-${Math.random()}`)), now: () => 1_000, enableSite });
  return { handle, enableSite };
}

describe('"use Upfront on this site"', () => {
  it('registers the site, after which its content script is recognised as a console', async () => {
    const { handle, enableSite } = setup();
    const before = await handle({ type: 'console.hello', payload: {} }, { id: EXT, url: 'https://live.example.com/room', tab: { id: 7 } });
    expect(before).toMatchObject({ ok: false, code: 'not-a-console' });

    const enabled = await handle({ type: 'site.enable', payload: { origin: 'https://live.example.com' } }, page);
    expect(enabled).toEqual({ ok: true, data: { origin: 'https://live.example.com' } });
    expect(enableSite).toHaveBeenCalledWith('https://live.example.com');

    const after = await handle({ type: 'console.hello', payload: {} }, { id: EXT, url: 'https://live.example.com/room', tab: { id: 7 } });
    expect(after.ok).toBe(true);
    const ctx = await handle({ type: 'tab.context', payload: { tabId: 7 } }, page);
    expect(ctx).toMatchObject({ ok: true, data: { platform: 'custom', origin: 'https://live.example.com' } });
  });

  it('refuses non-web origins and requests from content scripts', async () => {
    const { handle, enableSite } = setup();
    expect(await handle({ type: 'site.enable', payload: { origin: 'file:///etc/passwd' } }, page)).toMatchObject({ ok: false, code: 'bad-message' });
    expect(
      await handle({ type: 'site.enable', payload: { origin: 'https://evil.example' } }, { id: EXT, url: 'https://evil.example/', tab: { id: 3 } }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(enableSite).not.toHaveBeenCalled();
  });
});
