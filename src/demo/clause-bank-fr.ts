/**
 * French clauses per theme and sentiment, in the register of French B2B survey comments.
 * Lower-case start, no final punctuation: compose-verbatim.ts joins and punctuates them.
 */
import type { ClauseBank, ConnectorBank, GenericBank, StatedThemes } from './clause-bank-types.ts';

export const CLAUSES_FR: ClauseBank = {
  support_responsiveness: {
    negative: [
      'le support met des jours à répondre',
      'le support est injoignable',
      'ticket ouvert il y a deux semaines et toujours pas de réponse',
      'les délais de réponse du support sont beaucoup trop longs',
      'il faut relancer le support trois fois pour avoir une réponse',
      'le support ne répond jamais dans les temps',
      'aucun retour du service client sur notre demande urgente',
    ],
    positive: [
      'le support répond très rapidement',
      'réponse du support en moins d’une heure, top',
      'le service client est réactif et efficace',
      'nos tickets sont traités rapidement',
      'l’équipe support a résolu le problème dans la journée',
    ],
  },
  billing_errors: {
    negative: [
      'la facture était fausse pour la troisième fois',
      'encore une erreur de facturation',
      'nous avons été facturés deux fois le même mois',
      'on nous facture des licences résiliées depuis des mois',
      'les avoirs mettent des semaines à arriver',
      'la facturation est un vrai casse-tête pour notre service compta',
      'montant erroné sur la facture, encore',
    ],
    positive: [
      'les factures sont claires et justes',
      'l’erreur de facturation a été corrigée rapidement',
      'la facturation est simple et fiable',
    ],
  },
  product_reliability: {
    negative: [
      'la plateforme a planté deux fois pendant notre clôture mensuelle',
      'trop de bugs après chaque mise à jour',
      'beaucoup trop de pannes ce trimestre',
      'l’outil tombe en panne au pire moment',
      'les exports échouent sans raison et on perd notre travail',
      'la stabilité n’est pas au niveau du prix',
    ],
    positive: [
      'la plateforme est très stable',
      'aucune panne depuis le démarrage',
      'ça marche, tout simplement, c’est fiable',
      'les mises à jour se passent sans bug',
      'on l’utilise tous les jours sans jamais être bloqués',
    ],
  },
  ease_of_use: {
    negative: [
      'l’interface est compliquée pour les nouveaux utilisateurs',
      'trop de clics pour des choses simples',
      'le nouveau menu n’est pas intuitif',
      'nos équipes trouvent l’outil difficile à prendre en main',
      'l’ergonomie des écrans de reporting est à revoir',
    ],
    positive: [
      'l’outil est simple à utiliser',
      'interface très intuitive, l’équipe l’a pris en main en une journée',
      'le produit est bien',
      'le produit est très facile à utiliser',
      'ergonomie claire, tout est là où on l’attend',
      'on crée nos tableaux de bord sans passer par l’informatique',
    ],
  },
  onboarding: {
    negative: [
      'l’onboarding a été chaotique, sans plan clair',
      'la mise en place a pris trois mois de plus que prévu',
      'personne ne nous a accompagnés pendant le déploiement',
      'le lancement s’est bien passé puis l’accompagnement s’est arrêté',
      'la reprise des données au démarrage a été pénible',
    ],
    positive: [
      'l’onboarding était fluide et bien organisé',
      'l’équipe de déploiement a été excellente',
      'opérationnels en deux semaines grâce à l’accompagnement',
      'très bon lancement avec un plan de déploiement clair',
    ],
  },
  pricing_value: {
    negative: [
      'le prix a encore augmenté sans nouvelle valeur',
      'trop cher pour ce qu’on utilise vraiment',
      'le devis de renouvellement est 20 % plus cher, difficile à justifier',
      'on paie des modules qu’on n’utilise jamais',
      'le modèle de licence est cher pour une petite équipe',
      'le rapport qualité-prix n’y est plus',
    ],
    positive: [
      'bon rapport qualité-prix',
      'le tarif est correct pour ce qu’on a',
      'l’outil nous fait gagner bien plus qu’il ne coûte',
      'prix raisonnable',
    ],
  },
  account_manager: {
    negative: [
      'notre interlocuteur commercial a changé trois fois cette année',
      'on n’a jamais de nouvelles de notre chargé de compte sauf au renouvellement',
      'le chargé de compte ne comprend pas notre métier',
      'notre CSM est injoignable',
    ],
    positive: [
      'notre chargée de compte est top et toujours disponible',
      'Julie, notre CSM, est proactive et de bon conseil',
      'notre interlocuteur connaît bien notre activité',
      'excellent suivi de la part de notre customer success manager',
      'les points trimestriels avec notre chargé de compte sont très utiles',
    ],
  },
  integrations: {
    negative: [
      'le connecteur Salesforce casse toutes les deux semaines',
      'l’API est limitée et mal documentée',
      'la synchronisation avec notre ERP n’est pas fiable',
      'pas de connecteur natif pour SAP, on a dû le développer nous-mêmes',
      'la synchro HubSpot crée des doublons',
    ],
    positive: [
      'l’intégration avec Salesforce fonctionne parfaitement',
      'l’API est propre et facile à brancher sur nos outils',
      'les connecteurs sont très pratiques, les données remontent toutes seules',
      'l’intégration Slack est bien pratique',
    ],
  },
  performance_speed: {
    negative: [
      'l’application est très lente sur les gros rapports',
      'les tableaux de bord mettent une éternité à charger',
      'ça rame dès qu’on filtre un gros volume',
      'l’outil est devenu lent depuis la dernière mise à jour',
      'les exports sont d’une lenteur pénible',
    ],
    positive: [
      'l’application est rapide même avec de gros volumes',
      'les rapports s’affichent instantanément',
      'les performances se sont nettement améliorées',
    ],
  },
  documentation: {
    negative: [
      'la documentation n’est pas à jour',
      'difficile de trouver des réponses dans le centre d’aide',
      'la doc ne couvre pas les nouvelles fonctionnalités',
      'le guide utilisateur est léger et la doc de l’API manque d’exemples',
    ],
    positive: [
      'la documentation est claire et complète',
      'le centre d’aide répond à la plupart de nos questions',
      'bons tutoriels et documentation à jour',
    ],
  },
};

/** Phrasings whose text states other themes than their bank's (see StatedThemes). */
export const STATED_THEMES_FR: StatedThemes = {
  'le produit est bien': [],
  'l’API est limitée et mal documentée': ['integrations', 'documentation'],
};

/** Comments that carry a sentiment but name no theme. */
export const GENERIC_FR = {
  positive: ['très satisfaits dans l’ensemble', 'super produit, super équipe', 'continuez comme ça', 'rien à redire', 'très content', 'je recommande'],
  neutral: ['RAS', 'rien à signaler', 'correct', 'ça fait le travail', 'pas de commentaire'],
  negative: ['très déçus', 'pas satisfaits du tout', 'on attendait beaucoup mieux', 'nous étudions d’autres solutions', 'ça se dégrade'],
} as const satisfies GenericBank;

export const CONNECTORS_FR = {
  contrast: [' mais ', ', mais ', '. Par contre, ', '. En revanche, ', ', par contre '],
  addition: [' et ', ', et ', '. De plus, ', '. En plus, ', ', aussi '],
  openers: ['', '', '', '', 'Globalement, ', 'Honnêtement, ', 'Pour être franc, ', 'Franchement, '],
  closersPositive: ['', '', '', '', ' Merci.', ' Continuez comme ça !', ' Merci à l’équipe.'],
  closersNegative: ['', '', '', '', ' À corriger rapidement.', ' Inacceptable.', ' Merci de faire le nécessaire.'],
} as const satisfies ConnectorBank;
