// XML parsing for data files in the page. DOMParser does not throw on bad XML: it returns a
// document with a <parsererror> element (Chrome puts it inside the root, Firefox makes it the
// root), which must not be read as a notice with no names.
export function parseXmlInBrowser(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const first = (error.textContent ?? '').trim().split('\n')[0];
    throw new Error(first || 'XML parse error');
  }
  return doc;
}
