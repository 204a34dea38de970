"use client";

import { useEffect, useRef, useState } from "react";
import { toSafeIconSrc } from "../parse/url-safety.js";

export interface IconProps {
  /** An absolute http(s) URL or a `data:image/…` URL; anything else renders nothing. */
  src: string | undefined;
}

/** A small decorative image: no alt text, no referrer, lazy, and gone if it fails to load. */
export function Icon({ src }: IconProps) {
  // The src that failed, not a flag: a refresh that brings a new URL shows the icon again.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const image = useRef<HTMLImageElement>(null);
  const safeSrc = src === undefined ? null : toSafeIconSrc(src);
  // An image that failed before React hydrated it fired its error event to no listener.
  useEffect(() => {
    if (image.current?.complete && image.current.naturalWidth === 0) setFailedSrc(safeSrc);
  }, [safeSrc]);
  if (safeSrc === null || safeSrc === failedSrc) return null;
  return (
    <img
      ref={image}
      className="sc-icon"
      src={safeSrc}
      alt=""
      width={16}
      height={16}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailedSrc(safeSrc)}
    />
  );
}
