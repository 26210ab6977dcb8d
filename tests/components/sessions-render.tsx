import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../lib/i18n';

/** Renders a studio part in English with a real i18next. */
export async function renderWithI18n(ui: ReactNode) {
  const i18n = await createI18n('en');
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
