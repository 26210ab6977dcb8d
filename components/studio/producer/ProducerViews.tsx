import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { DeckEditor } from '../decks/DeckEditor';
import { DeckList } from '../decks/DeckList';
import { CardEditor } from '../editor/CardEditor';
import { ImportPanel } from '../import/ImportPanel';
import { HandCards } from '../print/HandCards';
import { ProductList } from '../products/ProductList';
import { Trash } from '../products/Trash';
import './producer.css';
import { useProducerLists } from './data';
import { useRoute } from './route';

interface Props {
  call: Client;
  onChanged: (listener: () => void) => () => void;
  confirm: (text: string) => boolean;
}

/**
 * The producer's part of the studio: decks and products, the card and deck editors, imports,
 * the trash and printable hand cards, one view per route (./route.ts). The studio's shell
 * (../shell) mounts it for its Products, Decks, Import and Trash sections.
 */
export function ProducerViews({ call, onChanged, confirm }: Props) {
  const { t } = useTranslation();
  const [route, go] = useRoute();
  const { data, error } = useProducerLists(call, onChanged);
  return (
    <div className="producer" data-view={route.view}>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {!data ? (
        <p role="status">{t('common.loading')}</p>
      ) : route.view === 'card' && route.id ? (
        <CardEditor key={route.id} cardId={route.id} data={data} call={call} go={go} confirm={confirm} field={route.field} language={route.language} fromDeck={route.deck} />
      ) : route.view === 'deck' && route.id ? (
        <DeckEditor key={route.id} deckId={route.id} data={data} call={call} go={go} field={route.field} language={route.language} />
      ) : route.view === 'print' && route.id ? (
        <HandCards deckId={route.id} data={data} call={call} />
      ) : route.view === 'import' ? (
        <ImportPanel data={data} call={call} />
      ) : route.view === 'trash' ? (
        <Trash data={data} call={call} confirm={confirm} />
      ) : route.view === 'decks' ? (
        <DeckList data={data} call={call} go={go} confirm={confirm} />
      ) : (
        <ProductList data={data} go={go} />
      )}
    </div>
  );
}
