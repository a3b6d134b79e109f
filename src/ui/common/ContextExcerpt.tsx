// The page text around a match, with the matched text marked. Rendered as text nodes:
// page text may contain anything, including markup, and must appear literally.
interface Props {
  context: string;
  text: string;
}

export function ContextExcerpt({ context, text }: Props) {
  if (!context) return null;
  const at = text ? context.indexOf(text) : -1;
  if (at < 0) return <p class="context">{context}</p>;
  return (
    <p class="context">
      {context.slice(0, at)}
      <mark>{text}</mark>
      {context.slice(at + text.length)}
    </p>
  );
}
