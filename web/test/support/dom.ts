// A browser-like global scope (document, HTMLElement, events) for code that
// builds DOM. Imported first by every test that needs it.
import { GlobalRegistrator } from "@happy-dom/global-registrator";

GlobalRegistrator.register({ url: "http://127.0.0.1/", width: 900, height: 600 });
