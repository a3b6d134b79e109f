// TED notices as a parsed XML Document -> name blocks with roles. Dispatches on the root element:
//   ContractAwardNotice / ContractNotice / PriorInformationNotice in a UBL namespace -> TED eForms
//     (eForms SDK 1.x on UBL 2.3), see ted-eforms.ts
//   TED_EXPORT / TED_ESENDERS -> TED XML schema R2.0.9, see ted-r209.ts
// The caller parses the text (DOMParser in browsers, linkedom's DOMParser in Node); only the DOM
// subset in xml-dom.ts is used, so both work.
import { EFORMS_ROOTS, UBL_NS_PREFIX, eformsBlocks } from './ted-eforms';
import { TED_XML_ROOTS, tedR209Blocks } from './ted-r209';
import { FormatError, type DataFileResult } from './types';
import { declaredNamespace, descendants, localOf, textOf } from './xml-dom';

export function tedXmlBlocks(doc: Document): DataFileResult {
  const root = doc.documentElement;
  if (!root) throw new FormatError('not a TED notice: the XML document has no root element');
  // Browsers report XML syntax errors as a <parsererror> element instead of throwing
  // (Firefox: as the root; Chromium: inside the root).
  const parserError = localOf(root) === 'parsererror' ? root : descendants(root, 'parsererror')[0];
  if (parserError) {
    throw new FormatError(`malformed XML: ${textOf(parserError).replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  const local = localOf(root);
  if (EFORMS_ROOTS.includes(local) && (declaredNamespace(root) ?? '').startsWith(UBL_NS_PREFIX)) {
    return eformsBlocks(root);
  }
  if (TED_XML_ROOTS.includes(local)) return tedR209Blocks(root);
  throw new FormatError(`not a TED notice: root element <${root.tagName}>`);
}
