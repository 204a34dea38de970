import "../minimal.css";
import { MinimalWidget } from "../minimal.js";
import { installBench } from "../page.js";

installBench("minimal", (payload) => <MinimalWidget payload={payload} />);
