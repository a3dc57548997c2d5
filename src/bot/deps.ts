/** What every feature gets: the domain (only through Core) and the way to answer. */
import type { Core } from "../core.ts";
import type { Responder } from "./send.ts";

export interface FeatureDeps {
  core: Core;
  respond: Responder;
}
