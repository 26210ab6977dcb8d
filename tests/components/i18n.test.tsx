import 'fake-indexeddb/auto';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { StudioApp } from '../../components/studio/StudioApp';
import { SECTIONS } from '../../components/studio/shell/sections';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n, resources, UI_LANGUAGES } from '../../lib/i18n';
import { host, liveSession, NOW, sidebarFor } from './cards-render';
import { setupStudio } from './studio-harness';
import { createPseudoI18n, dataStrings, foreignTexts, intlAndKeyWords } from './i18n-helpers';

const demo = demoBundle(NOW);
/** The demo deck presented in English, Spanish and Japanese, with Spanish and Japanese gaps. */
function trilingual(): DeckBundle {
  const b = structuredClone(demo);
  b.deck.languages = ['en', 'es', 'ja'];
  const hoodie = b.cards[0];
  hoodie.name.es = 'Sudadera de algodón oversize';
  hoodie.name.ja = 'オーバーサイズ綿パーカー';
  // The first caveat exists in Spanish; the others are missing there.
  hoodie.caveats[0].text.es = 'Encoge un 3 % si se lava en caliente.';
  return b;
}

function renderSidebarApp(sidebar: Awaited<ReturnType<typeof sidebarFor>>['sidebar'], i18n: I18n) {
  return render(
    <I18nextProvider i18n={i18n}>
      <SidebarApp sidebar={sidebar} host={host} />
    </I18nextProvider>,
  );
}

const text = (lang: string, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lang as keyof typeof resources].translation) as string;

describe('the sidebar in each interface language', () => {
  it.each(UI_LANGUAGES)('%s: the host UI speaks it, cards stay in the viewer language', async (lang) => {
    const { sidebar } = await sidebarFor(demo);
    renderSidebarApp(sidebar, await createI18n(lang));
    expect(await screen.findByRole('button', { name: text(lang, 'sidebar.endSession') })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: text(lang, 'sidebar.openStudio') })).toBeInTheDocument();
    expect(screen.getByText(text(lang, 'sidebar.keysHint'))).toBeInTheDocument();
    // The card's own text is the viewer language's (the session's: English), whatever the UI.
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(demo.cards[0].name.en);
    // No raw i18n key leaked (a key missing in this language would show as "a.b").
    expect(document.body.textContent).not.toMatch(/\b[a-z]+[A-Z]?\w*\.[a-z]+[A-Z]\w*\b/);
    // The picker shows the current language, named in itself.
    expect(screen.getByTestId('ui-language')).toHaveValue(lang);
  });

  it('switches the interface language live from the picker', async () => {
    const { sidebar } = await sidebarFor(demo);
    const i18n = await createI18n('en');
    renderSidebarApp(sidebar, i18n);
    await screen.findByRole('button', { name: 'End session' });
    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'ja' } });
    expect(await screen.findByRole('button', { name: 'セッション終了' })).toBeInTheDocument();
    expect(i18n.language).toBe('ja');
  });

  it('shows sizes with the unit of the language in every header, and percentages by Intl', async () => {
    const { sidebar } = await sidebarFor(demo);
    renderSidebarApp(sidebar, await createI18n('zh-CN'));
    await screen.findByRole('heading', { level: 2 });
    act(() => sidebar.actions.openSizeChart());
    const headers = screen.getAllByRole('columnheader').slice(1);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h.textContent).toMatch(/（厘米）$/);
    act(() => sidebar.actions.toggleUnit());
    for (const h of screen.getAllByRole('columnheader').slice(1)) expect(h.textContent).toMatch(/（英寸）$/);
  });
});

describe('the viewer language (L)', () => {
  it('cycles the deck languages live, marks a missing translation and records the language shown', async () => {
    const bundle = trilingual();
    const { sidebar, recorded } = await sidebarFor(bundle);
    renderSidebarApp(sidebar, await createI18n('en'));
    const title = await screen.findByRole('heading', { level: 2 });
    expect(title).toHaveTextContent('Oversized cotton hoodie');

    await userEvent.keyboard('l');
    expect(title).toHaveTextContent('Sudadera de algodón oversize');
    expect(screen.getByTestId('viewer-language')).toHaveAttribute('data-language', 'es');

    // Caveat 1 is in Spanish; caveat 2 is not, so it shows English marked "not translated".
    const card = screen.getByRole('region', { name: /Sudadera/ });
    const marks = within(card).getAllByText('not translated');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]).toHaveAttribute('data-shown', 'en');

    // Mark caveat 1 (shown in Spanish) and caveat 2 (shown in English) said.
    await userEvent.keyboard('1m');
    await userEvent.keyboard('2m');
    await waitFor(() => expect(recorded).toHaveLength(2));
    expect(recorded.map((r) => r.language)).toEqual(['es', 'en']);

    await userEvent.keyboard('l');
    expect(title).toHaveTextContent('オーバーサイズ綿パーカー');
    await userEvent.keyboard('l');
    expect(title).toHaveTextContent('Oversized cotton hoodie');
  });

  it('says so when the deck has one language', async () => {
    const one = structuredClone(demo);
    one.deck.languages = ['en'];
    const { sidebar } = await sidebarFor(one, { session: liveSession(one, { language: 'en' }) });
    renderSidebarApp(sidebar, await createI18n('en'));
    await screen.findByRole('heading', { level: 2 });
    await userEvent.keyboard('l');
    expect(screen.getByText(/one language only/)).toBeInTheDocument();
  });

  it('writes generated text (return policy) in the viewer language, English marked when Upfront lacks it', async () => {
    const b = structuredClone(demo);
    b.deck.languages = ['en', 'th'];
    const { sidebar } = await sidebarFor(b);
    renderSidebarApp(sidebar, await createI18n('en'));
    await screen.findByRole('heading', { level: 2 });
    act(() => sidebar.actions.cycleViewerLanguage());
    const policy = sidebar.store.getState().bundle!.cards[0];
    expect(policy).toBeDefined();
    const summaries = document.querySelectorAll('.policy-summary, .item-preview');
    const marked = [...summaries].filter((s) => s.querySelector('.not-translated'));
    expect(marked.length).toBeGreaterThan(0);
  });
});

describe('every visible string comes from the locale files (pseudo-locale)', () => {
  const sidebarAllowed = () =>
    [...dataStrings(trilingual(), 'Ana', 'shop.tiktok.com'), ...intlAndKeyWords({ regions: ['EU', 'GB', 'US', 'CN', 'JP', 'KR', 'SG', 'AU', 'CA'], languages: ['en', 'es', 'ja', 'zh-CN'] })].sort((a, b) => b.length - a.length);

  it('the checker fails on a hard-coded string and on a key missing from en.json', async () => {
    const i18n = await createPseudoI18n();
    function Bad() {
      const { t } = useTranslation();
      return (
        <div>
          <p>{t('common.close')} Hardcoded words</p>
          <p>{t('sidebar.noSuchKey')}</p>
          <button type="button" aria-label="Unlabelled in code">
            ×
          </button>
          <p>{t('common.close')} · 42 %</p>
        </div>
      );
    }
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <Bad />
      </I18nextProvider>,
    );
    expect(foreignTexts(container, [])).toEqual(['Hardcoded words', 'sidebar.noSuchKey', 'Unlabelled in code']);
  });

  it('the sidebar, live, with every item open, the help and the recap', async () => {
    const i18n = await createPseudoI18n();
    const { sidebar } = await sidebarFor(trilingual());
    const { container } = renderSidebarApp(sidebar, i18n);
    await screen.findByRole('heading', { level: 2 });
    const seen: string[] = [];
    const look = () => seen.push(...foreignTexts(container, sidebarAllowed()));
    for (let card = 0; card < 3; card++) {
      for (let item = 0; item < 9; item++) {
        act(() => sidebar.actions.selectItem(item));
        look();
      }
      act(() => sidebar.actions.toggleUnit());
      act(() => sidebar.actions.cycleViewerLanguage());
      look();
      act(() => sidebar.actions.cycleViewerLanguage());
      look();
      act(() => sidebar.actions.select(card + 1));
      act(() => sidebar.actions.select(card + 1));
    }
    act(() => sidebar.actions.toggleHelp());
    look();
    act(() => sidebar.actions.toggleHelp());
    act(() => sidebar.actions.requestEnd());
    look();
    expect([...new Set(seen)]).toEqual([]);
  });

  it('the sidebar before going live (the Go live form)', async () => {
    const i18n = await createPseudoI18n();
    const { sidebar } = await sidebarFor(trilingual(), { live: false });
    sidebar.store.setState({ resumable: [] });
    const { container } = renderSidebarApp(sidebar, i18n);
    await screen.findByRole('heading', { level: 2 });
    expect(foreignTexts(container, sidebarAllowed())).toEqual([]);
  });

  it('the studio: every section (products, decks, import, translations, sessions, trash, …)', async () => {
    const { repo, call, onChanged } = setupStudio();
    const bundle = trilingual();
    await repo.putDeckBundle(bundle);
    const i18n = await createPseudoI18n();
    location.hash = '#/products';
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <StudioApp call={call} confirm={() => true} onChanged={onChanged} />
      </I18nextProvider>,
    );
    const allowed = [
      ...dataStrings(bundle),
      ...intlAndKeyWords({ regions: ['EU', 'GB', 'US', 'CN', 'JP', 'AU', 'DE', 'FR', 'ES', 'IT', 'SG', 'MY', 'TH', 'VN', 'ID', 'PH', 'KR', 'CA'], languages: ['en', 'zh-CN', 'es', 'ja', 'de', 'fr', 'it', 'ko', 'pt', 'th', 'vi', 'id', 'ms'] }),
    ].sort((a, b) => b.length - a.length);
    expect(foreignTexts(container.querySelector('header')!, allowed)).toEqual([]);
    for (const section of SECTIONS) {
      act(() => {
        location.hash = `#/${section.id}`;
      });
      await waitFor(() => expect(container.querySelector(`main[data-section="${section.id}"] h2`)).not.toBeNull());
      if (section.id === 'translations') await waitFor(() => expect(container.querySelectorAll('.gap').length).toBeGreaterThan(0));
      if (section.id === 'products') await screen.findByRole('table');
      expect(foreignTexts(container, allowed), `${section.id}: ${JSON.stringify(foreignTexts(container, allowed))}`).toEqual([]);
    }
  });
});

describe('the studio translations section', () => {
  let studio: ReturnType<typeof setupStudio>;
  beforeEach(async () => {
    studio = setupStudio();
    await studio.repo.putDeckBundle(trilingual());
  });

  it('shows completeness per deck language and fills a gap beside its source', async () => {
    location.hash = '#/translations';
    render(
      <I18nextProvider i18n={await createI18n('es')}>
        <StudioApp call={studio.call} confirm={() => true} onChanged={studio.onChanged} />
      </I18nextProvider>,
    );
    const section = await screen.findByTestId('translations');
    const rows = await within(section).findAllByRole('row');
    const byLang = (l: string) => rows.find((r) => r.getAttribute('data-language') === l)!;
    await waitFor(() => expect(byLang('en')).toHaveTextContent('100 %'));
    expect(byLang('ja').textContent).toMatch(/1 de \d+/);
    // Market profile: the EU rule, in Spanish.
    expect(within(section).getByText(/Derecho de desistimiento de 14 días/)).toBeInTheDocument();

    // Translate into Japanese from English: the hoodie's first caveat, beside its English text.
    fireEvent.change(within(section).getByLabelText('Traducir al'), { target: { value: 'ja' } });
    fireEvent.change(within(section).getByLabelText('Desde'), { target: { value: 'en' } });
    const caveat = demo.cards[0].caveats[0];
    const gap = section.querySelector(`[data-field="card:${demo.cards[0].id}:caveats.0.text"]`) as HTMLElement;
    expect(within(gap).getByText(caveat.text.en)).toBeInTheDocument();
    const box = within(gap).getByRole('textbox');
    fireEvent.change(box, { target: { value: '高温で洗うと 3% 縮みます。' } });
    fireEvent.blur(box);
    await waitFor(async () => expect((await studio.repo.getDeckBundle(demo.deck.id))?.cards[0].caveats[0].text.ja).toBe('高温で洗うと 3% 縮みます。'));
  });
});
