// Options page entry point.
import { render } from 'preact';
import compiled from '../generated/compiled-lists.json';
import type { CompiledData } from '../core/types';
import { t, uiLanguage } from '../shared/i18n';
import { OptionsApp } from './components/OptionsApp';
import '../shared/ui.css';
import './options.css';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp lists={(compiled as unknown as CompiledData).lists} />, root);
