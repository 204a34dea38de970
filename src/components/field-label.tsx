import { Icon } from "./icon.js";

/** The label line shared by text, date_time and badge: optional icon, then the label. */
export function FieldLabel({ label, iconUrl }: { label: string; iconUrl?: string }) {
  return (
    <div className="sc-label">
      {iconUrl !== undefined && <Icon src={iconUrl} />}
      <span className="sc-truncate" title={label}>
        {label}
      </span>
    </div>
  );
}
