import { checkLinkUrl } from "../parse/url-safety.js";
import { useWidgetSettings } from "../render/widget-settings.js";

interface ExternalLinkProps {
  url: string;
  label: string;
  className: string;
  type: "button" | "link";
}

/**
 * The one place a payload URL becomes an `href`. The URL is checked again here (not only in
 * `parseWidget`) so a host override or a direct use can never render an unsafe scheme; an
 * unsafe URL renders the label as plain text.
 */
export function ExternalLink({ url, label, className, type }: ExternalLinkProps) {
  const { allowedUrlSchemes } = useWidgetSettings();
  const check = checkLinkUrl(url, allowedUrlSchemes);
  if (!check.ok) {
    return (
      <span className={className} data-sidecard-component={type} data-disabled="">
        <span className="sc-truncate">{label}</span>
      </span>
    );
  }
  return (
    <a className={className} data-sidecard-component={type} href={check.href} target="_blank" rel="noopener noreferrer" title={label}>
      <span className="sc-truncate">{label}</span>{" "}
      <span className="sc-visually-hidden">(opens in a new tab)</span>
    </a>
  );
}
