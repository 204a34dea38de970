/// <reference types="vite/client" />
// Pylon's own screenshots (shared/reference/pylon/, copied here for Storybook only: stories are
// not in the package) beside the payload each one shows, from Pylon's Custom Apps docs.
import badgePng from "../reference/pylon/badge.png";
import buttonPng from "../reference/pylon/button.png";
import cardPng from "../reference/pylon/card.png";
import dateTimePng from "../reference/pylon/date-time.png";
import dividerPng from "../reference/pylon/divider.png";
import issueViewPng from "../reference/pylon/in-the-issue-view.png";
import linkPng from "../reference/pylon/link.png";
import textPng from "../reference/pylon/text.png";

/**
 * Stand-in for the docs' presidential seal (an SVG on a host this machine cannot reach): a round
 * gold and navy mark of the same size, so the icon's place and size can be compared.
 */
export const SEAL_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Ccircle cx='12' cy='12' r='11.5' fill='%23c9a13b'/%3E%3Ccircle cx='12' cy='12' r='8.5' fill='%231b2a4e'/%3E%3Ccircle cx='12' cy='12' r='4' fill='%23f1e4b3'/%3E%3C/svg%3E";
const SPOTIFY_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20'%3E%3Ccircle cx='10' cy='10' r='10' fill='%231db954'/%3E%3Cpath d='M5 7.5c3.5-1 7-.7 10 1M5.5 10.5c3-.8 5.8-.5 8.5.9M6 13.3c2.4-.6 4.6-.4 6.8.7' stroke='%23000' stroke-width='1.4' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";
const HIGHTOUCH_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20'%3E%3Crect width='20' height='20' rx='2' fill='%23204b2f'/%3E%3Crect x='8' y='4' width='8' height='8' fill='%23c4f25a'/%3E%3C/svg%3E";

const widget = (...components: unknown[]) => ({ version: "1.0.0", header: {}, components });

const requesterTitle = { type: "text", label: "Requester title", value: "POTUS", icon_url: SEAL_ICON };
const requesterAddress = {
  type: "text",
  label: "Requester address",
  value: "1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States of America",
};
const annotations = {
  type: "badge",
  label: "Annotations",
  items: [
    { value: "Informative", color: "blue" },
    { value: "Warning", color: "orange" },
    { value: "Danger!", color: "red" },
    { value: "Lorem ipsum dolor sit amet, consectetur adipiscing elit", color: "gray" },
    { value: "Success :)", color: "green" },
  ],
};
const clickMe = { type: "button", label: "Click Me", button_type: "link", url: "http://google.com" };

export interface PylonReference {
  name: string;
  image: string;
  /** What the picture shows, for its alt text. */
  alt: string;
  payload: unknown;
}

export const PYLON_REFERENCES: PylonReference[] = [
  {
    name: "Card",
    image: cardPng,
    alt: "Pylon: a card titled Additional Info with a chevron, rows Requester title, Requester address, Time of request, Labels and Home Page, and a Contact button",
    payload: widget({
      type: "card",
      header: { title: "Additional Info" },
      components: [
        requesterTitle,
        requesterAddress,
        { type: "date_time", label: "Time of request", value: "2024-07-15T12:34:56Z" },
        { type: "badge", label: "Labels", items: [{ value: "IMPORTANT", color: "red" }, { value: "POTUS", color: "blue" }] },
        { type: "link", label: "Home Page", url: "https://www.whitehouse.gov/" },
        { type: "button", label: "Contact", button_type: "link", url: "https://www.whitehouse.gov/" },
      ],
    }),
  },
  {
    name: "Text",
    image: textPng,
    alt: "Pylon: text rows Requester title (icon and POTUS) and Requester address on three lines",
    payload: widget(requesterTitle, requesterAddress),
  },
  {
    name: "Date time",
    image: dateTimePng,
    alt: "Pylon: date time rows, the second with an icon before the date",
    payload: widget(
      { type: "date_time", label: "Sample Date Time", value: "2024-07-15T12:34:56Z" },
      { type: "date_time", label: "Date time with icon", value: "2024-07-15T12:34:56Z", icon_url: SEAL_ICON },
    ),
  },
  { name: "Badge", image: badgePng, alt: "Pylon: a badge row Annotations with five tinted badges that wrap", payload: widget(annotations) },
  { name: "Button", image: buttonPng, alt: "Pylon: a full-width outlined Click Me button with an external-link mark", payload: widget(clickMe) },
  {
    name: "Link",
    image: linkPng,
    alt: "Pylon: link rows showing the URL underlined, each followed by a copy button",
    payload: widget(
      { type: "link", label: "Example Link", url: "http://example.com" },
      { type: "link", label: "Long Link", url: "https://app.usepylon.com/issues?conversationID=abc" },
    ),
  },
  { name: "Divider", image: dividerPng, alt: "Pylon: a badge row, a thin divider, then a button", payload: widget(annotations, { type: "divider" }, clickMe) },
  {
    name: "In the issue view",
    image: issueViewPng,
    alt: "Pylon: the Hightouch Data app in the issue sidebar with a chevron and a refresh control, a Spotify card, and the line Retrieved from: Customer Data",
    payload: {
      version: "1.0.0",
      header: { title: "Hightouch Data", icon_url: HIGHTOUCH_ICON },
      components: [
        {
          type: "card",
          header: { title: "Spotify", icon_url: SPOTIFY_ICON },
          components: [
            { type: "text", label: "Domain", value: "spotify.com" },
            { type: "date_time", label: "Created At", value: "2023-01-09T00:48:00Z" },
            { type: "badge", label: "Status", items: [{ value: "Enabled", color: "green" }] },
            { type: "button", label: "View Account", button_type: "link", url: "https://app.hightouch.com/accounts/spotify" },
          ],
        },
      ],
    },
  },
];
