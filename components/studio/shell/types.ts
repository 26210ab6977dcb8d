import type { ReactNode } from 'react';
import type { Client } from '../../../lib/messaging/client';

// The contract between the studio's shell and its sections, apart from the list of sections
// (./sections.tsx), so a section's component can name these types without an import cycle.

/** What every section is given by the shell. */
export interface SectionProps {
  call: Client;
  /** Subscribes to "data changed" pushes; returns an unsubscribe function. */
  onChanged: (listener: () => void) => () => void;
  confirm: (text: string) => boolean;
  /** Goes up each time the background says data changed (for sections that reload on it). */
  revision: number;
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
