import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from '@/locales/common';
import accessLog from '@/features/access-log/locales';
import applications from '@/features/applications/locales';
import approvals from '@/features/approvals/locales';
import areas from '@/features/areas/locales';
import assessments from '@/features/assessments/locales';
import assistance from '@/features/assistance/locales';
import assistanceLookup from '@/features/assistance/lookup/locales';
import auth from '@/features/auth/locales';
import caseOutcomes from '@/features/cases/outcomes/locales';
import casePlans from '@/features/cases/plans/locales';
import cases from '@/features/cases/locales';
import caseCheckins from '@/features/cases/checkins/locales';
import caseVisits from '@/features/cases/visits/locales';
import contracts from '@/features/contracts/locales';
import dashboard from '@/features/dashboard/locales';
import evaluations from '@/features/evaluations/locales';
import home from '@/features/home/locales';
import households from '@/features/households/locales';
import imports from '@/features/imports/locales';
import inbox from '@/features/inbox/locales';
// relief: leads
import leads from '@/features/leads/locales';
import notifications from '@/features/notifications/locales';
import organizations from '@/features/organizations/locales';
import publicPages from '@/features/public/locales';
import procurement from '@/features/procurement/locales';
import provider from '@/features/provider/locales';
import referrals from '@/features/referrals/locales';
import reliefIntake from '@/features/relief-intake/locales';
// relief: grants
import reliefGrants from '@/features/relief-grants/locales';
// relief: funds
import reliefFunds from '@/features/relief-funds/locales';
import reports from '@/features/reports/locales';
import resources from '@/features/resources/locales';
import stacking from '@/features/stacking/locales';
import rollImports from '@/features/roll-imports/locales';
import supervision from '@/features/cases/supervision/locales';
import tenders from '@/features/tenders/locales';
import users from '@/features/users/locales';

/** One namespace per feature, so each feature keeps its strings beside its pages. */
const namespaces = {
  common,
  accessLog,
  assistanceLookup,
  applications,
  approvals,
  areas,
  assessments,
  assistance,
  auth,
  caseOutcomes,
  casePlans,
  cases,
  caseCheckins,
  caseVisits,
  contracts,
  dashboard,
  evaluations,
  home,
  households,
  imports,
  inbox,
  // relief: leads
  leads,
  notifications,
  organizations,
  public: publicPages,
  procurement,
  provider,
  referrals,
  reliefIntake,
  // relief: grants
  reliefGrants,
  // relief: funds
  reliefFunds,
  reports,
  resources,
  stacking,
  rollImports,
  supervision,
  tenders,
  users,
};

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'onedoor.language';

function pick(lang: 'zh' | 'en') {
  return Object.fromEntries(Object.entries(namespaces).map(([name, ns]) => [name, ns[lang]]));
}

export function savedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': pick('zh'), en: pick('en') },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
