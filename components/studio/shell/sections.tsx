import { ProducerViews } from '../producer/ProducerViews';
import { SessionsArea } from '../sessions/SessionsArea';
import { ReturnsSection } from '../returns/ReturnsSection';
import { RehearsalsSection } from '../rehearsals/RehearsalsSection';
import { SettingsSection } from '../settings/SettingsSection';
import { Translations } from '../translations/Translations';
import type { StudioSection } from './types';

export type { NavCounts, SectionProps, StudioSection } from './types';

/**
 * The studio's sections, in navigation order; the first is where the studio opens. A section
 * is one line here: its id, its label in the four locale files, and the component it renders.
 * Products, Decks, Import and Trash share the producer views (ProducerViews): the view its
 * route names, its data kept while the producer moves between them.
 */
export const SECTIONS: readonly StudioSection[] = [
  { id: 'products', views: ['card'], demoNotice: true, render: (p) => <ProducerViews call={p.call} onChanged={p.onChanged} confirm={p.confirm} /> },
  { id: 'decks', views: ['deck', 'print'], demoNotice: true, render: (p) => <ProducerViews call={p.call} onChanged={p.onChanged} confirm={p.confirm} /> },
  { id: 'import', render: (p) => <ProducerViews call={p.call} onChanged={p.onChanged} confirm={p.confirm} /> },
  { id: 'translations', render: (p) => <Translations call={p.call} onChanged={p.onChanged} /> },
  { id: 'sessions', render: (p) => <SessionsArea call={p.call} onChanged={p.onChanged} /> },
  { id: 'rehearsals', render: (p) => <RehearsalsSection call={p.call} onChanged={p.onChanged} confirm={p.confirm} /> },
  { id: 'trash', count: (c) => c.trash, render: (p) => <ProducerViews call={p.call} onChanged={p.onChanged} confirm={p.confirm} /> },
  { id: 'returns', render: (p) => <ReturnsSection call={p.call} onChanged={p.onChanged} /> },
  { id: 'settings', render: (p) => <SettingsSection call={p.call} downloads={p.downloads} /> },
];

/** The section a route belongs to: by its id, or a view that opens inside it. */
export function sectionOf(view: string, sections: readonly StudioSection[] = SECTIONS): StudioSection | undefined {
  return sections.find((s) => s.id === view || s.views?.includes(view));
}
