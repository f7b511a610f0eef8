"""The widget model: ids, inheritance, names, state classification, options."""

import shutil
import tempfile
import unittest
from pathlib import Path

from pgwidgets_codegen import naming
from pgwidgets_codegen.descriptors import SchemaError
from pgwidgets_codegen.model import single_value

from .schema_loader import SCHEMA, load


class NamingTest(unittest.TestCase):
    def test_snake_case(self):
        self.assertEqual(naming.snake_case("SetText"), "set_text")
        self.assertEqual(naming.snake_case("OnChildAdded"), "on_child_added")
        self.assertEqual(naming.snake_case("GetHTML"), "get_html")
        self.assertEqual(naming.snake_case("SetHtml5Text"), "set_html5_text")
        self.assertEqual(naming.snake_case("Raise"), "raise")

    def test_defaults_are_checked_against_their_type(self):
        naming.check_default("bool", "true")
        naming.check_default("int32", "-3")
        naming.check_default("double", "0.5")
        for proto_type, text in (("bool", "yes"), ("int32", "1.5"), ("uint64", "x"), ("float", "half")):
            with self.assertRaises(ValueError):
                naming.check_default(proto_type, text)


class ModelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()

    def test_ids_are_hashes_of_full_names(self):
        from pgwidgets_codegen.ids import stable_id
        self.assertEqual(self.schema.classes[0].name, "Widget")
        for c in self.schema.classes:
            self.assertEqual(c.id, stable_id(c.proto_name))
        for m in self.schema.methods:
            self.assertEqual(m.id, stable_id(m.proto_name))
        for cb in self.schema.callbacks:
            # A trait's callback hashes the class's name with the rpc's
            # (pgwidgets.widgets.Label.OnClick); its proto_name is the trait's rpc.
            self.assertEqual(cb.id, stable_id(cb.id_name or cb.proto_name))
            if cb.trait:
                self.assertEqual(cb.id_name, f"pgwidgets.widgets.{cb.owner}.{cb.rpc_name}")

    def test_method_and_callback_ids_are_unique(self):
        ids = [m.id for m in self.schema.methods]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertNotIn(0, ids)
        cb = [c.id for c in self.schema.callbacks]
        self.assertEqual(len(cb), len(set(cb)))
        self.assertNotIn(0, cb)

    def test_inheritance(self):
        vbox = self.schema.cls("VBox")
        names = [m.name for m in vbox.all_methods]
        for inherited in ("resize", "get_children", "add_widget", "set_spacing"):
            self.assertIn(inherited, names)
        self.assertEqual(vbox.base.name, "Box")
        self.assertEqual([a.name for a in vbox.ancestry()], ["VBox", "Box", "Container", "Widget"])
        self.assertIs(vbox.base.base.base, self.schema.cls("Widget"))
        self.assertEqual([c.name for c in self.schema.cls("Button").all_callbacks], ["resize", "map", "activated"])

    def test_callbacks_are_named_after_their_rpc(self):
        cb = {c.rpc_name: c for c in self.schema.callbacks}
        self.assertEqual(cb["OnChildAdded"].name, "child_added")
        self.assertEqual([f.name for f in cb["OnMap"].params],
                         ["x", "y", "viewport_x", "viewport_y", "width", "height"])

    def test_state_classification(self):
        label = {m.name: m for m in self.schema.cls("Label").methods}
        self.assertEqual(label["set_text"].kind, "setter")
        self.assertEqual(label["get_text"].kind, "getter")
        self.assertEqual(label["get_text"].ctor_fallback.name, "text")
        self.assertTrue(label["get_text"].local)
        entry = {m.name: m for m in self.schema.cls("TextEntry").methods}
        self.assertEqual(entry["get_text"].kind, "query")
        self.assertFalse(entry["get_text"].local)
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertEqual(widget["show"].state_field, "visible")
        self.assertEqual(widget["hide"].state_field_id, widget["show"].state_field_id)
        self.assertEqual(widget["destroy"].kind, "destroy")
        top = {m.name: m for m in self.schema.cls("TopLevel").methods}
        self.assertEqual(top["set_widget"].kind, "attach")
        self.assertTrue(top["set_widget"].replace)
        box = {m.name: m for m in self.schema.cls("Box").methods}
        self.assertEqual(box["insert_widget"].index_field.name, "index")

    def test_deferred_setters(self):
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertTrue(widget["show"].deferred)
        self.assertTrue(widget["hide"].deferred)
        self.assertFalse(widget["set_bg"].deferred)
        top = {m.name: m for m in self.schema.cls("TopLevel").methods}
        self.assertTrue(top["set_window_state"].deferred)
        self.assertFalse(top["set_position"].deferred)

    def test_state_callbacks_point_at_their_setter(self):
        cb = {c.info_name: c for c in self.schema.callbacks}
        ws = cb["TopLevel_window_state"]
        setter = next(m for m in self.schema.methods if m.id == ws.updates_method_id)
        self.assertEqual(setter.name, "set_window_state")
        self.assertEqual(cb["Button_activated"].updates_method_id, 0)
        close = next(m for m in self.schema.methods if m.id == cb["TopLevel_close"].updates_method_id)
        self.assertEqual(close.name, "hide")  # named: show also sets "visible" from Empty
        # A callback may say more than its setter takes: page_switch(child,
        # index) is recorded as set_index(index).
        switch = next(m for m in self.schema.methods if m.id == cb["StackWidget_page_switch"].updates_method_id)
        self.assertEqual(switch.name, "set_index")

    def test_reports_of_a_latest_value_are_marked_coalesce(self):
        cb = {c.info_name: c for c in self.schema.callbacks}
        latest = {"Widget_resize", "Widget_map", "Splitter_sizing", "AbstractScrollArea_scrolled",
                  "AbstractScrollArea_area_resize", "Slider_activated", "Dial_activated",
                  "ScrollBar_activated", "TopLevel_move", "TopLevel_resized", "MDISubWindow_move",
                  "MDISubWindow_resized", "TextArea_scrolled", "MDIWidget_scrolled",
                  # the InteractiveEvents trait's latest-value reports
                  "Label_pointer_move", "Label_scroll", "Label_drag_over",
                  "Canvas_pointer_move", "Canvas_scroll", "Canvas_drag_over",
                  "Image_pointer_move", "Image_scroll", "Image_drag_over",
                  # dialogs: a drag, a grip, the color being chosen
                  "Dialog_move", "Dialog_resized", "ColorDialog_move", "ColorDialog_pick",
                  # HtmlView's scroll position, a video's playback position
                  "HtmlView_scrolled", "VideoWidget_timeupdate",
                  # a tree's or table's scroll position
                  "TreeView_scrolled", "TableView_scrolled",
                  # TextSource's scroll position
                  "TextSource_scrolled"}
        self.assertEqual({name for name, c in cb.items() if c.coalesce}, latest)
        # Acts are news every time: never coalesced.
        for act in ("Button_activated", "TextArea_changed", "ComboBox_modified", "TopLevel_close",
                    "Label_click", "Label_key_down", "Label_drop_start", "Label_pointer_down"):
            self.assertFalse(cb[act].coalesce, act)

    def test_proto_names_lead_back_to_the_descriptors(self):
        self.assertEqual(self.schema.cls("Box").proto_name, "pgwidgets.widgets.Box")
        box = {m.name: m for m in self.schema.cls("Box").methods}
        self.assertEqual(box["insert_widget"].proto_name, "pgwidgets.widgets.Box.InsertWidget")
        cb = {c.info_name: c for c in self.schema.callbacks}
        self.assertEqual(cb["TopLevel_move"].proto_name, "pgwidgets.widgets.TopLevel.OnMove")

    def test_trailing_optional_parameters(self):
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertEqual(widget["set_padding"].trailing_optional, 1)
        self.assertEqual(widget["resize"].trailing_optional, 2)
        # A declared default may be left out too: pgwidgets' set_enabled(tf=True).
        self.assertEqual(widget["set_enabled"].trailing_optional, 0)
        table = {m.name: m for m in self.schema.cls("TableView").methods}
        self.assertEqual(table["sort_by_column"].trailing_optional, 1)

    def test_getter_answering_part_of_its_setter(self):
        button = {m.name: m for m in self.schema.cls("Button").methods}
        self.assertEqual(button["get_icon"].kind, "getter")
        self.assertEqual([f.name for f in button["get_icon"].response.fields], ["url"])
        self.assertEqual(button["get_icon"].state_field, button["set_icon"].state_field)

    def test_getter_beside_an_argumentless_setter(self):
        # clear() records an empty message: it reads as "" for get_text.
        area = {m.name: m for m in self.schema.cls("TextArea").methods}
        self.assertEqual(area["clear"].kind, "setter")
        self.assertTrue(area["clear"].request.is_empty)
        self.assertEqual(area["get_text"].kind, "getter")
        self.assertEqual(area["get_text"].state_field, area["clear"].state_field)

    def test_options_order(self):
        vbox = [o.name for o in self.schema.cls("VBox").options]
        self.assertLess(vbox.index("spacing"), vbox.index("padding"))
        entry = [o.name for o in self.schema.cls("TextEntry").options]
        self.assertEqual(entry[:4], ["text", "editable", "linehistory", "password"])
        self.assertEqual(entry.count("text"), 1)  # set_text is the constructor's text
        top = [o.name for o in self.schema.cls("TopLevel").options]
        self.assertEqual(top[:3], ["title", "icon", "resizable"])
        self.assertIn("window_state", top)
        self.assertNotIn("position", top)  # two values: not a single-value setter

    def test_single_value_setters(self):
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertEqual(single_value(widget["set_padding"]).name, "left")
        self.assertIsNone(single_value(widget["set_min_size"]))
        self.assertIsNone(single_value(widget["show"]))

    def test_positional(self):
        self.assertEqual([f.name for f in self.schema.cls("Label").positional], ["text"])
        self.assertEqual(self.schema.cls("TopLevel").positional, [])

    def test_enums_carry_pgwidgets_words(self):
        enums = {e.name: e for e in self.schema.enums}
        self.assertEqual(enums["HAlign"].words, ["left", "center", "right"])
        self.assertEqual(enums["WindowState"].words, ["normal", "minimized", "maximized", "shaded"])
        self.assertEqual(enums["Orientation"].words, ["horizontal", "vertical"])
        self.assertEqual(enums["WindowState"].value("maximized").number, 2)
        halign = self.schema.cls("Label").ctor.fields[1]
        self.assertIs(halign.enum, enums["HAlign"])
        self.assertEqual(halign.default, "left")

    def test_box_takes_an_orientation(self):
        box = self.schema.cls("Box")
        self.assertFalse(box.abstract)
        self.assertEqual([o.name for o in box.ctor_options], ["orientation"])
        self.assertEqual(self.schema.cls("VBox").ctor_options, [])

    def test_streams_are_marked_latest_wins(self):
        # Streams' frames (a newer one replaces one a browser was not yet
        # sent).
        self.assertEqual({f"{m.owner}.{m.name}" for m in self.schema.methods if m.latest_wins},
                         {"Image.set_binary_image", "Canvas.draw"})

    def test_families_follow_the_schema_files(self):
        families = {f.name: f for f in self.schema.families}
        self.assertEqual(sorted(families), ["base", "canvas", "containers", "controls", "data", "dialogs", "display", "events", "files",
                                            "html", "image", "layout", "mdi", "menus", "text", "textsource", "toolbar", "tree", "video"])
        self.assertEqual([c.name for c in families["layout"].classes], ["TopLevel", "Box", "VBox", "HBox"])
        self.assertEqual([d.name for d in families["layout"].depends], ["base"])
        self.assertEqual([d.name for d in families["base"].depends], [])
        self.assertEqual([e.name for e in families["display"].enums], ["HAlign", "VAlign"])
        self.assertIn("Size", [m.name for m in families["base"].return_structs])
        self.assertIn("pgwidgets/widgets/base.proto", families["layout"].message_files)

    def test_fingerprint_is_stable(self):
        self.assertEqual(self.schema.fingerprint, load().fingerprint)


class SchemaErrorTest(unittest.TestCase):
    """Broken schemas fail with a message naming the problem."""

    def broken(self, filename, old, new):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copytree(SCHEMA, tmp / "schema")
        path = tmp / "schema/pgwidgets/widgets" / filename
        text = path.read_text()
        self.assertIn(old, text)
        path.write_text(text.replace(old, new))
        with self.assertRaises(SchemaError) as ctx:
            load(tmp / "schema")
        return str(ctx.exception)

    def test_getter_whose_setter_records_another_message(self):
        msg = self.broken("display.proto", "rpc GetText(Empty) returns (Text)", "rpc GetText(Empty) returns (HAlignArg)")
        self.assertIn("GetText", msg)

    def test_getter_reading_a_field_its_setter_does_not_record(self):
        msg = self.broken("controls.proto", "rpc GetIcon(Empty) returns (Url)", "rpc GetIcon(Empty) returns (Tooltip)")
        self.assertIn("GetIcon", msg)
        self.assertIn("records IconSpec", msg)

    def test_default_on_a_plain_constructor_field(self):
        msg = self.broken("text.proto", "optional bool editable = 2", "bool editable = 2")
        self.assertIn("must be declared `optional`", msg)

    def test_callback_returning_a_value_from_a_setter(self):
        msg = self.broken("controls.proto", "rpc SetText(Text) returns (Empty)", "rpc SetText(Text) returns (Text)")
        self.assertIn("returns nothing", msg)

    def test_enum_value_without_its_enum_prefix(self):
        msg = self.broken("display.proto", "H_ALIGN_CENTER = 1", "CENTER = 1")
        self.assertIn("must be named H_ALIGN_<WORD>", msg)

    def test_enum_default_that_is_no_word(self):
        msg = self.broken("display.proto", '{ default: "left" }]; }', '{ default: "centre" }]; }')
        self.assertIn("'centre' is not a word of HAlign: left, center, right", msg)

    def test_repeated_enum(self):
        msg = self.broken("display.proto", "message VAlignArg { VAlign valign = 1",
                          "message VAlignArg { repeated VAlign valign = 1")
        self.assertIn("repeated enum fields are not supported", msg)

    def test_bad_scalar_default(self):
        msg = self.broken("base.proto", 'bool tf = 1 [(pgwidgets.arg) = { default: "true" }]',
                          'bool tf = 1 [(pgwidgets.arg) = { default: "yes" }]')
        self.assertIn("bool default must be true or false", msg)

    def test_deferred_on_a_method_that_is_not_a_setter(self):
        msg = self.broken("base.proto", "{ kind: DESTROY }", "{ kind: DESTROY, deferred: true }")
        self.assertIn("only a setter can be `deferred`", msg)

    def test_setters_of_one_field_disagreeing_on_deferred(self):
        msg = self.broken("base.proto", 'field: "visible", deferred: true, value: "true" }; }\n  // Hides',
                          'field: "visible", value: "true" }; }\n  // Hides')
        self.assertIn("disagree on `deferred`", msg)

    def test_value_on_a_setter_with_arguments(self):
        msg = self.broken("base.proto", '{ kind: SETTER, field: "enabled" }', '{ kind: SETTER, field: "enabled", value: "true" }')
        self.assertIn("`value` is for a setter without arguments", msg)

    def test_two_callbacks_of_a_class_with_one_user_action(self):
        msg = self.broken("text.proto", '{ updates: "scroll_position", coalesce: true }',
                          '{ updates: "scroll_position", coalesce: true, user: EDIT }')
        self.assertIn("same `user` action", msg)

    def test_state_callback_whose_fields_differ_from_the_setter(self):
        # index numbered 3 here cannot be read as set_index's index (field 1).
        msg = self.broken("containers.proto", "  int32 index = 1;\n}\nmessage TabId", "  int32 index = 3;\n}\nmessage TabId")
        self.assertIn("no setter of that field takes PageSwitch", msg)

    def test_unknown_base(self):
        msg = self.broken("controls.proto", 'base: "Widget", constructor: "ButtonArgs"', 'base: "Widgit"')
        self.assertRegex(msg, r'^pgwidgets/widgets/controls\.proto:\d+: unknown base class "Widgit" '
                              r'\(did you mean "Widget"\?\)$')

    # exec(): the class names the callback answering it and the one cancelling it.
    EXEC = 'window: true, exec_answer: "OnActivated", exec_cancel: "OnClose" }'

    def test_exec_resolves_its_callbacks(self):
        schema = load(SCHEMA)
        d = schema.cls("Dialog")
        self.assertEqual((d.exec_answer.name, d.exec_cancel.name, d.exec_show.name), ("activated", "close", "show"))
        self.assertIsNone(schema.cls("TopLevel").exec_answer)

    def test_exec_answer_naming_no_callback(self):
        msg = self.broken("dialogs.proto", self.EXEC, self.EXEC.replace('"OnActivated"', '"OnActivate"'))
        self.assertIn("exec_answer 'OnActivate' must be a callback of Dialog whose message holds one field", msg)

    def test_exec_answer_whose_message_is_not_one_field(self):
        msg = self.broken("dialogs.proto", self.EXEC, self.EXEC.replace('"OnActivated"', '"OnMove"'))
        self.assertIn("exec_answer 'OnMove' must be a callback of Dialog whose message holds one field", msg)

    def test_exec_without_cancel(self):
        msg = self.broken("dialogs.proto", self.EXEC, self.EXEC.replace(', exec_cancel: "OnClose"', ""))
        self.assertIn("exec needs both `exec_answer` and `exec_cancel`", msg)

    # A method that creates a widget (kind CREATE).
    CREATE = 'kind: CREATE, creates: "MDISubWindow", child: "child", child_into: "SetWidget"'

    def test_create_naming_no_class(self):
        msg = self.broken("mdi.proto", self.CREATE, self.CREATE.replace('"MDISubWindow"', '"MDISubWindo"'))
        self.assertIn('"MDISubWindo" is no class (did you mean "MDISubWindow"?)', msg)

    def test_create_whose_child_into_is_no_attach(self):
        msg = self.broken("mdi.proto", self.CREATE, self.CREATE.replace('"SetWidget"', '"SetTitle"'))
        self.assertIn("child_into 'SetTitle' must be an ATTACH of MDISubWindow", msg)

    def test_create_argument_that_is_no_constructor_field(self):
        msg = self.broken("mdi.proto", "message SubWindowContent { uint32 child = 1",
                          "message SubWindowContent { string caption = 2; uint32 child = 1")
        self.assertIn("argument caption must be a constructor field of MDISubWindow", msg)

    # A class made only by another's CREATE methods (TextBufferRef).
    ONLY = 'constructor: "TextBufferRefArgs", only_created_by: "TextSource" }'

    def test_only_created_by_naming_no_class(self):
        msg = self.broken("textsource.proto", self.ONLY, self.ONLY.replace('"TextSource"', '"TextSourc"'))
        self.assertIn('"TextSourc" is no class (did you mean "TextSource"?)', msg)

    def test_only_created_by_a_class_with_no_create_of_it(self):
        msg = self.broken("textsource.proto", self.ONLY, self.ONLY.replace('"TextSource"', '"TextBufferRef"'))
        self.assertIn("only_created_by TextBufferRef, but no CREATE method of TextBufferRef creates TextBufferRef", msg)


class CreateModelTest(unittest.TestCase):
    def test_a_class_made_only_by_creates_has_no_factory(self):
        schema = load()
        ref, source = schema.cls("TextBufferRef"), schema.cls("TextSource")
        self.assertIs(ref.only_created_by, source)
        self.assertFalse(ref.standalone)
        self.assertEqual([m.name for m in ref.only_created_by_methods], ["create_ref", "create_named_ref"])
        self.assertNotIn(ref, schema.standalone_classes)
        self.assertIn(source, schema.standalone_classes)
        # MDISubWindow stands alone too (pgwidgets makes one by itself).
        self.assertTrue(schema.cls("MDISubWindow").standalone)

    def test_add_widget_creates_a_sub_window_around_its_child(self):
        schema = load()
        m = next(m for m in schema.cls("MDIWidget").methods if m.name == "add_widget")
        self.assertEqual(m.kind, "create")
        self.assertIs(m.created, schema.cls("MDISubWindow"))
        self.assertEqual(m.child_into.name, "set_widget")
        self.assertEqual([f.name for f in m.wire_params], ["child"])
        self.assertEqual(m.wire_request.full_name, "pgwidgets.widgets.Child")
        self.assertEqual(m.ctor_params, [])
        self.assertFalse(m.returns_value)
        self.assertIn(m, schema.cls("MDISubWindow").created_by)
        # The sub-window's getters fall back on the constructor's geometry.
        size = next(g for g in schema.cls("MDISubWindow").methods if g.name == "get_window_size")
        self.assertEqual([f.name for f in size.ctor_fallbacks], ["width", "height"])


if __name__ == "__main__":
    unittest.main()
