// The SDK's page: its own widgets only.
import { boot } from "./main.js";

boot();
