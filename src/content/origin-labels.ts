// The origin labels of the content script ("Herkomst", "Producent"): enough to find a
// page's origin rows. The places they are matched against stay in the background.
import labels from '../generated/origin-labels.json';
import { OriginLabels, type OriginIndex } from '../core/origins';

let reader: OriginLabels | null = null;

export function contentOriginLabels(): OriginLabels {
  reader ??= new OriginLabels(labels as OriginIndex['labels']);
  return reader;
}
