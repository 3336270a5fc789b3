// The embed page's own words, per locale (`#locale=`, a paid-plan option). English is the
// key set; a locale is looked up as given (`pt-BR`), then by its language (`pt`), then
// English. Data and content (titles, column names, filter names) and the API's error
// messages are shown as they come. Pure, DOM-free.

const en = {
  loading: 'Loading…',
  noResults: 'No results',
  downloadResults: 'Download results',
  downloadPdf: 'Download as PDF',
  filters: 'Filters',
  all: 'All',
  rangeFrom: '{name}: from',
  rangeTo: '{name}: to',
  chartValues: '{title}: {count} values',
  queryFailed: 'The query failed: {message}',
  poweredBy: 'Powered by {brand}',
  apply: 'Apply',
  tabs: 'Tabs',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** French puts a no-break space before a colon. */
const FR_COLON = '\u00a0:';

/** Tables by lower-case language tag; `pt` is Brazilian Portuguese, as Metabase's `pt_BR`. */
export const MESSAGES: Record<string, Messages> = {
  en,
  de: {
    loading: 'Wird geladen…',
    noResults: 'Keine Ergebnisse',
    downloadResults: 'Ergebnisse herunterladen',
    downloadPdf: 'Als PDF herunterladen',
    filters: 'Filter',
    all: 'Alle',
    rangeFrom: '{name}: von',
    rangeTo: '{name}: bis',
    chartValues: '{title}: {count} Werte',
    queryFailed: 'Die Abfrage ist fehlgeschlagen: {message}',
    poweredBy: 'Bereitgestellt von {brand}',
    apply: 'Anwenden',
    tabs: 'Tabs',
  },
  fr: {
    loading: 'Chargement…',
    noResults: 'Aucun résultat',
    downloadResults: 'Télécharger les résultats',
    downloadPdf: 'Télécharger en PDF',
    filters: 'Filtres',
    all: 'Tous',
    rangeFrom: `{name}${FR_COLON} du`,
    rangeTo: `{name}${FR_COLON} au`,
    chartValues: `{title}${FR_COLON} {count} valeurs`,
    queryFailed: `La requête a échoué${FR_COLON} {message}`,
    poweredBy: 'Propulsé par {brand}',
    apply: 'Appliquer',
    tabs: 'Onglets',
  },
  es: {
    loading: 'Cargando…',
    noResults: 'Sin resultados',
    downloadResults: 'Descargar resultados',
    downloadPdf: 'Descargar como PDF',
    filters: 'Filtros',
    all: 'Todos',
    rangeFrom: '{name}: desde',
    rangeTo: '{name}: hasta',
    chartValues: '{title}: {count} valores',
    queryFailed: 'La consulta falló: {message}',
    poweredBy: 'Con la tecnología de {brand}',
    apply: 'Aplicar',
    tabs: 'Pestañas',
  },
  pt: {
    loading: 'Carregando…',
    noResults: 'Nenhum resultado',
    downloadResults: 'Baixar resultados',
    downloadPdf: 'Baixar como PDF',
    filters: 'Filtros',
    all: 'Todos',
    rangeFrom: '{name}: de',
    rangeTo: '{name}: até',
    chartValues: '{title}: {count} valores',
    queryFailed: 'A consulta falhou: {message}',
    poweredBy: 'Com tecnologia {brand}',
    apply: 'Aplicar',
    tabs: 'Abas',
  },
};

/** The table a locale reads: `pt-BR` → `pt-br`, else `pt`, else `en`. */
export function messagesLocale(locale: string | null): string {
  const tag = (locale ?? '').toLowerCase().replace(/_/g, '-');
  const language = tag.split('-')[0] ?? '';
  return [tag, language].find((candidate) => Object.hasOwn(MESSAGES, candidate)) ?? 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The page's words in `locale`, with `{name}` placeholders filled from `values`. */
export function translator(locale: string | null): Translate {
  const messages = MESSAGES[messagesLocale(locale)] ?? en;
  return (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
}
