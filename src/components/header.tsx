import type { WidgetHeader } from "../schema/widget-schema.js";
import { headingTag } from "../render/widget-settings.js";
import { Icon } from "./icon.js";

export interface HeaderProps {
  header: WidgetHeader;
  level: number;
  className: string;
}

/** The widget's or a card's header: optional icon and a heading truncated with an ellipsis. */
export function Header({ header, level, className }: HeaderProps) {
  if (header.title === undefined && header.icon_url === undefined) return null;
  const Heading = headingTag(level);
  return (
    <div className={className}>
      {header.icon_url !== undefined && <Icon src={header.icon_url} />}
      {header.title !== undefined && (
        <Heading className="sc-title sc-truncate" title={header.title}>
          {header.title}
        </Heading>
      )}
    </div>
  );
}
