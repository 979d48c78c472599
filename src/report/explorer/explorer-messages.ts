/** The verbatim explorer's words ({n}, {total}, {page}, {pages} are filled in by the browser script). */
export const EXPLORER_MESSAGES = {
  en: {
    title: 'Verbatim explorer', search: 'Search the verbatims (accents optional)',
    note: 'Every verbatim of the run, PII-redacted. Highlighted: the clause a theme was matched on (hover for the theme and what matched it) and your search words. Click a theme, a segment or a bar in a chart to open the explorer filtered to it.',
    theme: 'Theme', sentiment: 'Mention sentiment', npsCategory: 'NPS category', all: 'All', from: 'From', to: 'To', sort: 'Sort', reset: 'Reset filters',
    prev: '← Previous', next: 'Next →', page: 'Page {page} of {pages}', matches: '{n} of {total} verbatims match', noMatch: 'No verbatim matches these filters.',
    noVerbatims: 'This run has no verbatims (no response carries a comment).', arr: 'ARR',
    sentiments: { negative: 'negative', neutral: 'neutral', positive: 'positive' },
    npsCategories: { detractor: 'Detractors (0-6)', passive: 'Passives (7-8)', promoter: 'Promoters (9-10)', none: 'No NPS answer' },
    sources: { keyword: 'keyword', label: 'theme label', example: 'taxonomy example', model: 'topic model', embedding: 'embedding similarity', embedded: 'embedded classifier', transformer: 'transformer model' },
    dims: { segment: 'Segment', region: 'Region', owner: 'Owner', journey_stage: 'Journey stage', touchpoint: 'Touchpoint', survey_type: 'Survey type', language: 'Language', arr_band: 'ARR band' },
    sorts: { 'date-desc': 'Newest first', 'date-asc': 'Oldest first', 'arr-desc': 'Highest ARR', 'arr-asc': 'Lowest ARR', 'nps-asc': 'Lowest NPS', 'nps-desc': 'Highest NPS' },
  },
  fr: {
    title: 'Explorateur de verbatims', search: 'Rechercher dans les verbatims (accents facultatifs)',
    note: 'Tous les verbatims du traitement, sans données personnelles. Surlignés : la proposition sur laquelle un thème a été reconnu (survolez pour le thème et ce qui l’a reconnu) et les mots recherchés. Cliquez sur un thème, un segment ou une barre d’un graphique pour ouvrir l’explorateur filtré.',
    theme: 'Thème', sentiment: 'Tonalité de la mention', npsCategory: 'Catégorie NPS', all: 'Tous', from: 'Du', to: 'Au', sort: 'Tri', reset: 'Réinitialiser les filtres',
    prev: '← Précédent', next: 'Suivant →', page: 'Page {page} sur {pages}', matches: '{n} verbatims sur {total}', noMatch: 'Aucun verbatim ne correspond à ces filtres.',
    noVerbatims: 'Ce traitement n’a aucun verbatim (aucune réponse ne porte de commentaire).', arr: 'ARR',
    sentiments: { negative: 'négative', neutral: 'neutre', positive: 'positive' },
    npsCategories: { detractor: 'Détracteurs (0-6)', passive: 'Passifs (7-8)', promoter: 'Promoteurs (9-10)', none: 'Sans réponse NPS' },
    sources: { keyword: 'mot-clé', label: 'libellé du thème', example: 'exemple de la taxonomie', model: 'modèle de thèmes', embedding: 'similarité d’embeddings', embedded: 'classifieur intégré', transformer: 'modèle transformer' },
    dims: { segment: 'Segment', region: 'Région', owner: 'Responsable', journey_stage: 'Étape du parcours', touchpoint: 'Point de contact', survey_type: 'Type d’enquête', language: 'Langue', arr_band: 'Tranche d’ARR' },
    sorts: { 'date-desc': 'Plus récents', 'date-asc': 'Plus anciens', 'arr-desc': 'ARR le plus élevé', 'arr-asc': 'ARR le plus bas', 'nps-asc': 'NPS le plus bas', 'nps-desc': 'NPS le plus élevé' },
  },
} as const;

/**
 * The words of a served explorer (a run with more verbatims than settings.dashboard.embed_max_verbatims: its page
 * embeds none and asks `ecoute serve`'s API); only served pages carry them ({n}, {max}, {error} filled in by the
 * browser script).
 */
export const EXPLORER_SERVED_MESSAGES = {
  en: {
    unavailable: 'This run has {n} verbatims, more than the {max} embedded in a page (settings.dashboard.embed_max_verbatims); run `ecoute serve <run-dir>` (the run folder that holds this dashboard/) and open the address it prints.',
    loading: 'Loading the verbatims from the server…',
    failed: 'The server did not answer ({error}).',
    chartLoading: 'Loading this chart’s rows from the server…',
    chartFailed: 'This chart’s rows could not be loaded from the server ({error}).',
  },
  fr: {
    unavailable: 'Ce traitement compte {n} verbatims, plus que les {max} qu’une page embarque (settings.dashboard.embed_max_verbatims) ; lancez `ecoute serve <run-dir>` (le dossier du traitement, qui contient ce dashboard/) et ouvrez l’adresse qu’il affiche.',
    loading: 'Chargement des verbatims depuis le serveur…',
    failed: 'Le serveur n’a pas répondu ({error}).',
    chartLoading: 'Chargement des lignes de ce graphique depuis le serveur…',
    chartFailed: 'Les lignes de ce graphique n’ont pas pu être chargées depuis le serveur ({error}).',
  },
} as const;
