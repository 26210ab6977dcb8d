/**
 * The one registry of livestream consoles Upfront docks on.
 *
 * The manifest's content-script matches, host permissions and web-accessible-resource origins
 * are all generated from this list (see wxt.config.ts), so adding a console is one entry here.
 * URLs are the consoles' own addresses, as each platform serves them to hosts.
 */

export interface Platform {
  /** Stable id stored in sessions and export columns. */
  id: string;
  /** Display name (a proper noun: not translated). */
  name: string;
  /** Chrome match patterns for the console pages. */
  matches: string[];
  /** Finer check on a full URL, for patterns that cannot express the console path. */
  recognise: (url: URL) => boolean;
  /** A real console URL, for the demo, the tests and the docs. */
  example: string;
}

const path = (re: RegExp) => (url: URL) => re.test(url.pathname);

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'tiktok-shop',
    name: 'TikTok Shop LIVE Manager',
    matches: ['https://shop.tiktok.com/streamer/*'],
    recognise: path(/^\/streamer\//),
    example: 'https://shop.tiktok.com/streamer/live/product/dashboard',
  },
  {
    id: 'youtube-studio',
    name: 'YouTube Studio',
    matches: ['https://studio.youtube.com/*'],
    recognise: () => true,
    example: 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming',
  },
  {
    id: 'douyin-buyin',
    name: '巨量百应 中控台',
    matches: ['https://buyin.jinritemai.com/dashboard/live/control*'],
    recognise: path(/^\/dashboard\/live\/control/),
    example: 'https://buyin.jinritemai.com/dashboard/live/control',
  },
  {
    id: 'douyin-fxg',
    name: '抖店 中控台',
    matches: ['https://fxg.jinritemai.com/ffa/content-tool/live/control*'],
    recognise: path(/^\/ffa\/content-tool\/live\/control/),
    example: 'https://fxg.jinritemai.com/ffa/content-tool/live/control',
  },
  {
    id: 'taobao-live',
    name: '淘宝直播 中控台',
    matches: ['https://liveplatform.taobao.com/restful/index/live/control*'],
    recognise: path(/^\/restful\/index\/live\/control/),
    example: 'https://liveplatform.taobao.com/restful/index/live/control',
  },
  {
    id: 'wechat-channels',
    name: '视频号助手',
    matches: ['https://channels.weixin.qq.com/platform/live/*'],
    recognise: path(/^\/platform\/live\//),
    example: 'https://channels.weixin.qq.com/platform/live/liveBuild',
  },
  {
    id: 'xiaohongshu-ark',
    name: '小红书 千帆',
    matches: ['https://ark.xiaohongshu.com/*'],
    recognise: () => true,
    example: 'https://ark.xiaohongshu.com/app-livestream/live-control',
  },
  {
    id: 'twitch',
    name: 'Twitch Stream Manager',
    // Match patterns cannot put a wildcard mid-path after the host's first segment reliably for
    // "/<channel>/stream-manager", so match the host and narrow with recognise().
    matches: ['https://dashboard.twitch.tv/*'],
    recognise: path(/^\/(u\/)?[^/]+\/stream-manager/),
    example: 'https://dashboard.twitch.tv/u/demo_channel/stream-manager',
  },
  {
    id: 'facebook-live',
    name: 'Facebook Live Producer',
    matches: ['https://www.facebook.com/live/producer*'],
    recognise: path(/^\/live\/producer/),
    example: 'https://www.facebook.com/live/producer',
  },
];

/** A site the host enabled by hand ("use Upfront on this site"). */
export const CUSTOM_PLATFORM_ID = 'custom';

/** Match patterns for every console page (content scripts, host permissions). */
export function consoleMatches(): string[] {
  return PLATFORMS.flatMap((p) => p.matches);
}

/**
 * Origins for web_accessible_resources. Chromium refuses to load an extension whose
 * web_accessible_resources matches carry a path, so only "scheme://host/*" is allowed here.
 */
export function consoleOrigins(): string[] {
  const origins = consoleMatches().map((m) => {
    const u = new URL(m.replace('*', 'x'));
    return `${u.protocol}//${u.host}/*`;
  });
  return [...new Set(origins)];
}

/** Does a match pattern (scheme://host/path with * wildcards) match this URL? */
export function patternMatches(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, pathPattern] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== url.hostname) return false;
  const re = new RegExp(
    `^${pathPattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`,
  );
  return re.test(url.pathname + url.search);
}

/** Which registered console is this URL, if any? */
export function recognisePlatform(href: string): Platform | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return PLATFORMS.find((p) => p.matches.some((m) => patternMatches(m, url)) && p.recognise(url));
}

/** The origin-wide pattern used when the host enables Upfront on another site. */
export function originPattern(href: string): string | undefined {
  try {
    const u = new URL(href);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.protocol}//${u.host}/*`;
  } catch {
    return undefined;
  }
}
