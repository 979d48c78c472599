/** Words of the per-owner pages and of the administrator's index, in English and French. */
import type { DashboardLang } from '../dashboard/dashboard-messages.ts';

export const OWNER_MESSAGES: Readonly<Record<DashboardLang, {
  /** `score`: the score's name on the page (NPS, 'CSAT (% of 4–5)', 'CES (ease, 1–7)' or 'CES (effort, 1–7)') */
  trendTitle: (score: string) => string; accountsTitle: (score: string) => string; quarter: string; account: string; subtitle: (score: string) => string;
  indexTitle: string; indexIntro: string; owner: string; page: string; accounts: string;
}>> = {
  en: {
    trendTitle: (s) => `Your accounts: ${s} per quarter`, accountsTitle: (s) => `Your accounts: ${s} per account`, quarter: 'quarter', account: 'account',
    subtitle: (s) => `Your own customers only. Bars: ${s} with 95 % CI (clustered by account per quarter); cells below the minimum sample size are suppressed.`,
    indexTitle: 'Owner dashboards (administrator)', indexIntro: 'One page per account owner, holding only that owner\'s accounts, call-backs, verbatims and trend. File names come from a keyed hash: keep this index and the key file to yourself.',
    owner: 'Owner', page: 'Page', accounts: 'Accounts',
  },
  fr: {
    trendTitle: (s) => `Vos comptes : ${s} par trimestre`, accountsTitle: (s) => `Vos comptes : ${s} par compte`, quarter: 'trimestre', account: 'compte',
    subtitle: (s) => `Vos propres clients uniquement. Barres : ${s} avec IC à 95 % (grappes par compte par trimestre) ; les cellules sous la taille minimale sont masquées.`,
    indexTitle: 'Tableaux de bord par chargé de compte (administrateur)', indexIntro: 'Une page par chargé de compte, avec seulement ses comptes, rappels, verbatims et tendance. Les noms de fichiers viennent d’un hachage à clé : gardez cet index et le fichier de clé pour vous.',
    owner: 'Chargé de compte', page: 'Page', accounts: 'Comptes',
  },
};
