import { BaselineWidget } from "../baseline.js";
import { installBench } from "../page.js";

// Today's identical-DOM baseline: sidecard's markup by hand (styled by sidecard's stylesheet,
// which the widget page loads into the same document).
installBench("sameDom", (payload) => <BaselineWidget payload={payload} />);
