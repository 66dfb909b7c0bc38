/** i18next with the Vietnamese catalogue; the app speaks Vietnamese only for now. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';

void i18next.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  resources: { vi: { translation: vi } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
