// Corpus item -> text blocks, through the CLI's own steps (src/cli): the same decoding and
// the same input detection as `settlement-screen scan` (blocksFromInput: an HTML page is
// walked by the content script's collectBlocks with the static visibility rules, an OCDS
// or TED data file yields its names with the roles the file states, anything else is one
// block per line). The evaluation therefore measures what the CLI and the content script see.
import { decodeInput } from '../../src/cli/decode';
import { blocksFromInput } from '../../src/cli/inputs';
import { blocksFromText } from '../../src/cli/text-blocks';
import type { TextBlock } from '../../src/core/types';

export type ItemSource =
  | { kind: 'text'; text: string }
  /** `name` is the path as the CLI would be given it: its extension takes part in detection. */
  | { kind: 'file'; name: string; bytes: Uint8Array };

export function blocksForSource(
  source: ItemSource,
  url: string | null,
): { raw: string; blocks: TextBlock[]; format: string } {
  if (source.kind === 'text') return { raw: source.text, blocks: blocksFromText(source.text), format: 'text' };
  const { text } = decodeInput(source.bytes);
  const input = blocksFromInput(source.name, text, url);
  return { raw: text, blocks: input.blocks, format: input.format };
}
