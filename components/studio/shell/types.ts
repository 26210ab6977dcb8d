import type { ReactNode } from 'react';
import type { Client } from '../../../lib/messaging/client';
import type { OnChanged } from '../changes';
import type { DownloadsPermission } from '../settings/SafetySettings';

// The contract between the studio's shell and its sections, apart from the list of sections
// (./sections.tsx), so a section's component can name these types without an import cycle.

/** What every section is given by the shell. */
export interface SectionProps {
  call: Client;
  /** Subscribes to "data changed" pushes (../changes.ts: what changed); returns an unsubscribe function. */
  onChanged: OnChanged;
  confirm: (text: string) => boolean;
  /** The optional `downloads` permission (Settings: automatic copies of each show's log). */
  downloads?: DownloadsPermission;
}

/** Counts the shell keeps for the navigation's labels. */
export interface NavCounts {
  trash: number;
}

export interface StudioSection {
  /** Its route (`#/<id>`) and its navigation label (`nav.<id>` in the locale files). */
  id: string;
  /** Other routes that open inside it, e.g. `card` for `#/card/<id>` in Products. */
  views?: readonly string[];
  /** A number for its label (`{{count}}` in the label's text). */
  count?: (counts: NavCounts) => number;
  /** Shows the "this is demo data" notice above it while the demo deck is there. */
  demoNotice?: boolean;
  render: (props: SectionProps) => ReactNode;
}
