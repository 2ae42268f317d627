import { useEffect, useState } from 'preact/hooks';
import { getLanguage, onLanguageChange, type Language } from '../../lib/i18n/core';

/** Re-renders the calling component when the UI language changes. */
export function useLanguage(): Language {
  const [language, setLanguage] = useState(getLanguage());
  useEffect(() => {
    const scope = new AbortController();
    onLanguageChange(setLanguage, scope.signal);
    setLanguage(getLanguage());
    return () => scope.abort();
  }, []);
  return language;
}
