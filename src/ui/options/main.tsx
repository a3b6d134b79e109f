// Options page entry point.
import { render } from 'preact';
import compiled from '../../generated/compiled-lists.json';
import type { CompiledData } from '../../core/types';
import { loadUiLanguage, t } from '../../shared/i18n';
import { OptionsApp } from './components/OptionsApp';
import '../common/ui.css';
import './options.css';

async function start(root: HTMLElement): Promise<void> {
  await loadUiLanguage();
  document.title = t('optionsTitle');
  render(<OptionsApp lists={(compiled as unknown as CompiledData).lists} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
