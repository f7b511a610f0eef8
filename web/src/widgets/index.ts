// The factories the dispatcher creates widgets with. Typed as the generated
// WidgetFactories: a class missing here fails `tsc`.
import type { WidgetFactories } from "../schema.js";
import { Box, HBox, VBox } from "./box.js";
import { Button } from "./button.js";
import { Label } from "./label.js";
import { MDISubWindow } from "./mdisubwindow.js";
import { MDIWidget } from "./mdiwidget.js";
import { StatusBar } from "./statusbar.js";
import { TextArea } from "./textarea.js";
import { TextEntry } from "./textentry.js";
import { TextEntrySet } from "./textentryset.js";
import { TopLevel } from "./toplevel.js";
import type { WidgetEnv } from "./widget.js";

export function makeFactories(env: WidgetEnv): WidgetFactories {
  const factories: WidgetFactories = {
    Button: (id, args, events) => new Button(id, args, events, env),
    Label: (id, args, events) => new Label(id, args, events, env),
    TopLevel: (id, args, events) => new TopLevel(id, args, events, env),
    Box: (id, args, events) => new Box(id, args, events, env),
    VBox: (id, args, events) => new VBox(id, args, events, env),
    HBox: (id, args, events) => new HBox(id, args, events, env),
    TextEntry: (id, args, events) => new TextEntry(id, args, events, env),
    TextEntrySet: (id, args, events) => new TextEntrySet(id, args, events, env),
    TextArea: (id, args, events) => new TextArea(id, args, events, env),
    StatusBar: (id, args, events) => new StatusBar(id, args, events, env),
    MDIWidget: (id, args, events) => new MDIWidget(id, args, events, env),
    MDISubWindow: (id, args, events) => new MDISubWindow(id, args, events, env),
  };
  return factories;
}
