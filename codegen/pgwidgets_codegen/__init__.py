"""The pgwidgets code generator: schema descriptors -> widget model -> templates."""
