// The factories the dispatcher creates widgets with. Typed as the generated
// WidgetFactories: a class missing here fails `tsc`.
import type { WidgetFactories } from "../schema.js";
import { AbstractScrollArea } from "./abstractscrollarea.js";
import { Box, HBox, VBox } from "./box.js";
import { Button } from "./button.js";
import { ButtonBox } from "./buttonbox.js";
import { Expander } from "./expander.js";
import { FixedLayout } from "./fixedlayout.js";
import { Frame } from "./frame.js";
import { GridBox } from "./gridbox.js";
import { Label } from "./label.js";
import { Page } from "./page.js";
import { ScrollArea } from "./scrollarea.js";
import { Separator } from "./separator.js";
import { Splitter } from "./splitter.js";
import { StackWidget } from "./stackwidget.js";
import { TabWidget } from "./tabwidget.js";
import { TextEntry } from "./textentry.js";
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
    // Layout family: containers.proto.
    ButtonBox: (id, args, events) => new ButtonBox(id, args, events, env),
    GridBox: (id, args, events) => new GridBox(id, args, events, env),
    FixedLayout: (id, args, events) => new FixedLayout(id, args, events, env),
    Splitter: (id, args, events) => new Splitter(id, args, events, env),
    StackWidget: (id, args, events) => new StackWidget(id, args, events, env),
    TabWidget: (id, args, events) => new TabWidget(id, args, events, env),
    AbstractScrollArea: (id, args, events) => new AbstractScrollArea(id, args, events, env),
    ScrollArea: (id, args, events) => new ScrollArea(id, args, events, env),
    Frame: (id, args, events) => new Frame(id, args, events, env),
    Expander: (id, args, events) => new Expander(id, args, events, env),
    Separator: (id, args, events) => new Separator(id, args, events, env),
    Page: (id, args, events) => new Page(id, args, events, env),
  };
  return factories;
}
