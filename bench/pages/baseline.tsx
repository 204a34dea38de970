import { BaselineWidget } from "../baseline.js";
import { installBench } from "../page.js";

installBench("baseline", (payload) => <BaselineWidget payload={payload} />);
