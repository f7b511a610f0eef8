"""Adding a widget: a throwaway class in a copy of the schema appears in the
regenerated C++ and TypeScript, the C++ compiles against it, and the
TypeScript build names the missing browser implementation."""

import os
import shutil
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import regenerate

ROOT = Path(__file__).resolve().parents[2]
PROTOC = os.environ.get("PROTOC", "protoc")
CXX = os.environ.get("CXX", "g++")

GAUGE = """
syntax = "proto3";
package pgwidgets.widgets;
import "pgwidgets/options.proto";
import "pgwidgets/widgets/base.proto";

message GaugeArgs { double value = 1 [(pgwidgets.arg) = { positional: true }]; }
message GaugeValue { double value = 1; }

// A throwaway widget for the extension test.
service Gauge {
  option (pgwidgets.widget) = { base: "Widget", constructor: "GaugeArgs" };
  rpc SetValue(GaugeValue) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "value" }; }
  rpc GetValue(Empty) returns (GaugeValue) { option (pgwidgets.method) = { kind: GETTER, field: "value" }; }
  rpc OnChanged(Empty) returns (stream GaugeValue) { option (pgwidgets.callback) = { updates: "value" }; }
}
"""

USE_GAUGE = """
#include <pgwidgets/widgets.hpp>
pgw::Task<double> use(pgw::Widgets w) {
  auto gauge = co_await w.Gauge(0.5, {.tooltip = "fuel"});
  co_await gauge.set_value(0.75);
  gauge.on_changed([](double value) { (void)value; });
  co_return gauge.get_value();
}
"""


class ExtensionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="pgw-extension-"))
        shutil.copytree(ROOT / "schema", cls.tmp / "schema")
        (cls.tmp / "schema/pgwidgets/widgets/gauge.proto").write_text(GAUGE)
        regenerate.main(["--schema", str(cls.tmp / "schema"), "--out", str(cls.tmp / "generated"),
                         "--protoc", PROTOC])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_appears_in_cpp_and_ts(self):
        header = (self.tmp / "generated/cpp/pgwidgets/widgets/gauge.hpp").read_text()
        self.assertIn("class Gauge : public Widget", header)
        self.assertIn("struct GaugeOptions", header)
        self.assertIn("void on_changed(F handler) const", header)
        self.assertIn('#include "pgwidgets/widgets/base.hpp"', header)  # its base class's family
        umbrella = (self.tmp / "generated/cpp/pgwidgets/widgets.hpp").read_text()
        self.assertIn('#include "pgwidgets/widgets/gauge.hpp"', umbrella)
        self.assertTrue((self.tmp / "generated/cpp/widgets/gauge.cpp").exists())
        ts = (self.tmp / "generated/ts/widgets.ts").read_text()
        self.assertIn("export interface GaugeImpl extends WidgetImpl", ts)
        self.assertIn("Gauge(id: number, args: GaugeCreateArgs, events: GaugeEvents): GaugeImpl;", ts)
        self.assertTrue((self.tmp / "generated/ts/pb/pgwidgets/widgets/gauge_pb.ts").exists())

    def test_cpp_compiles_against_it(self):
        # Adding a class changes no other family's code: every other
        # widgets/*.cpp is the SDK's own (which its build compiles), so
        # only the new family and a program using it are compiled here.
        generated = sorted((self.tmp / "generated/cpp/widgets").glob("*.cpp"))
        changed = [p for p in generated
                   if not (ROOT / "generated/cpp/widgets" / p.name).exists()
                   or (ROOT / "generated/cpp/widgets" / p.name).read_bytes() != p.read_bytes()]
        self.assertEqual([p.name for p in changed], ["gauge.cpp"])
        pb = self.tmp / "pb"
        pb.mkdir()
        protos = [str(p.relative_to(self.tmp / "schema")) for p in (self.tmp / "schema").rglob("*.proto")]
        subprocess.run([PROTOC, f"-I{self.tmp / 'schema'}", f"--cpp_out={pb}", *protos], check=True)
        use = self.tmp / "use_gauge.cpp"
        use.write_text(USE_GAUGE)
        flags = ["-std=c++20", "-fsyntax-only", f"-I{ROOT / 'runtime/include'}",
                 f"-I{self.tmp / 'generated/cpp'}", f"-I{pb}"]
        self.compile_each(flags, changed + [use], "does not compile")

    def test_each_family_header_stands_alone(self):
        flags = ["-std=c++20", "-fsyntax-only", f"-I{ROOT / 'runtime/include'}", f"-I{self.tmp / 'generated/cpp'}"]
        headers = sorted((self.tmp / "generated/cpp/pgwidgets/widgets").glob("*.hpp"))
        self.assertEqual([h.stem for h in headers], ["base", "canvas", "containers", "controls", "data", "dialogs", "display", "events", "files", "gauge",
                                                      "html", "image", "layout", "mdi", "menus", "text", "textsource", "toolbar", "tree", "video"])
        sources = []
        for header in headers:
            source = self.tmp / f"only_{header.stem}.cpp"
            source.write_text(f'#include "pgwidgets/widgets/{header.name}"\n')
            sources.append(source)
        self.compile_each(flags, sources, "alone does not compile")

    def compile_each(self, flags, sources, what):
        """Compiles each source by itself, as many at once as there are cores."""
        def run(source):
            return source, subprocess.run([CXX, *flags, str(source)], capture_output=True, text=True)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for source, proc in pool.map(run, sources):
                self.assertEqual(proc.returncode, 0, f"{source.name} {what}:\n{proc.stderr[:3000]}")

    def test_typescript_names_the_missing_implementation(self):
        web = self.tmp / "web"
        web.mkdir()
        shutil.copytree(ROOT / "web/src", web / "src")
        shutil.copy(ROOT / "web/tsconfig.json", web / "tsconfig.json")
        (web / "node_modules").symlink_to(ROOT / "web/node_modules")
        tsc = ROOT / "web/node_modules/typescript/bin/tsc"
        proc = subprocess.run(["node", str(tsc), "--noEmit", "-p", str(web)], capture_output=True, text=True)
        output = proc.stdout + proc.stderr
        self.assertNotEqual(proc.returncode, 0, "tsc accepted a schema class with no browser implementation")
        # The generated factory map imports it from where it must be written.
        self.assertIn("factories.ts", output)
        self.assertIn("Cannot find module '../../web/src/widgets/gauge/gauge.js'", output)

    def test_generated_factory_map_and_dispatch_have_it(self):
        factories = (self.tmp / "generated/ts/factories.ts").read_text()
        self.assertIn('import { Gauge } from "../../web/src/widgets/gauge/gauge.js";', factories)
        self.assertIn("Gauge: (id, args, events) => new Gauge(id, args, events, env),", factories)
        family = (self.tmp / "generated/ts/dispatch/gauge.ts").read_text()
        self.assertIn("export function eventsGauge(", family)
        self.assertIn('import { eventsWidget } from "./base.js";', family)
        dispatch = (self.tmp / "generated/ts/dispatch.ts").read_text()
        self.assertIn('import { gaugeFamily } from "./dispatch/gauge.js";', dispatch)


if __name__ == "__main__":
    unittest.main()
