import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import billing from "./billing.json";
import debugInfo from "./debug-info.json";
import errorTracking from "./error-tracking.json";
import internalDashboards from "./internal-dashboards.json";
import pylonExample from "./pylon-example.json";
import productMetrics from "./product-metrics.json";

const payloads = [pylonExample, debugInfo, billing, errorTracking, productMetrics, internalDashboards];

const meta = {
  title: "Payloads/Full sidebar",
  component: StoryWidget,
  parameters: { docs: { description: { component: "Every realistic payload stacked, as an issue sidebar with several custom apps installed would show them." } } },
  args: { payload: pylonExample },
  render: (args) => (
    <div className="sb-stack">
      {payloads.map((payload, index) => (
        <StoryWidget key={index} {...args} payload={payload} />
      ))}
    </div>
  ),
} satisfies Meta<typeof StoryWidget>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FullSidebar: Story = { name: "Full sidebar" };
export const Narrow: Story = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: Story = { name: "Dark theme", globals: { theme: "dark" } };
