// The factories the dispatcher creates widgets with. Typed as the generated
// WidgetFactories: a class missing here fails `tsc`.
import type { WidgetFactories } from "../schema.js";
import { AbstractScrollArea } from "./containers/abstractscrollarea.js";
import { Box, HBox, VBox } from "./layout/box.js";
import { Button } from "./controls/button.js";
import { ButtonBox } from "./containers/buttonbox.js";
import { CheckBox } from "./controls/checkbox.js";
import { ColorWidget } from "./controls/colorwidget.js";
import { ComboBox } from "./controls/combobox.js";
import { Dial } from "./controls/dial.js";
import { Expander } from "./containers/expander.js";
import { FixedLayout } from "./containers/fixedlayout.js";
import { Frame } from "./containers/frame.js";
import { GridBox } from "./containers/gridbox.js";
import { Label } from "./display/label.js";
import { MDISubWindow } from "./mdi/mdisubwindow.js";
import { MDIWidget } from "./mdi/mdiwidget.js";
import { Page } from "./containers/page.js";
import { ProgressBar } from "./controls/progressbar.js";
import { RadioButton } from "./controls/radiobutton.js";
import { ScrollArea } from "./containers/scrollarea.js";
import { ScrollBar } from "./controls/scrollbar.js";
import { Separator } from "./containers/separator.js";
import { Slider } from "./controls/slider.js";
import { SpinBox } from "./controls/spinbox.js";
import { Splitter } from "./containers/splitter.js";
import { StackWidget } from "./containers/stackwidget.js";
import { StatusBar } from "./display/statusbar.js";
import { TabWidget } from "./containers/tabwidget.js";
import { TextArea } from "./text/textarea.js";
import { TextEntry } from "./text/textentry.js";
import { TextEntrySet } from "./text/textentryset.js";
import { ToggleButton } from "./controls/togglebutton.js";
import { TopLevel } from "./layout/toplevel.js";
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
    // Controls (controls.proto)
    CheckBox: (id, args, events) => new CheckBox(id, args, events, env),
    ToggleButton: (id, args, events) => new ToggleButton(id, args, events, env),
    RadioButton: (id, args, events) => new RadioButton(id, args, events, env),
    ComboBox: (id, args, events) => new ComboBox(id, args, events, env),
    SpinBox: (id, args, events) => new SpinBox(id, args, events, env),
    Slider: (id, args, events) => new Slider(id, args, events, env),
    Dial: (id, args, events) => new Dial(id, args, events, env),
    ScrollBar: (id, args, events) => new ScrollBar(id, args, events, env),
    ProgressBar: (id, _args, events) => new ProgressBar(id, events, env),
    ColorWidget: (id, args, events) => new ColorWidget(id, args, events, env),
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
