"""Wire ids from full names.

A class's id is a hash of its service's full name
(`pgwidgets.widgets.Button`), a method's or a callback's a hash of its rpc's
(`pgwidgets.widgets.Button.SetText`), a state field's a hash of its name.
So an id never depends on what else the schema holds: adding a class or a
method, in the SDK or in a user's own package, shifts nothing, and a user's
package can be generated on its own against an installed SDK.

The hash is the first 31 bits of SHA-256 (positive in every language, never
0, which the wire reserves for "none"). Two names of one kind with the same
id would be read as one another, so the generator fails on a collision among
the names it sees; the runtimes refuse, at start, two packages whose ids
collide (both sides register every package they were built with).
"""

import hashlib

from .descriptors import SchemaError


def stable_id(name: str) -> int:
    value = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") & 0x7FFFFFFF
    return value


def assign(kind, items, name_of):
    """name -> id for each item; a collision (or the reserved 0) is an error."""
    out, owner = {}, {}
    for item in items:
        name = name_of(item)
        value = stable_id(name)
        if value == 0:
            raise SchemaError(f"{kind} {name}: its id hashes to 0, which is reserved; rename it")
        if value in owner and owner[value] != name:
            raise SchemaError(f"{kind} ids collide: {owner[value]} and {name} both hash to {value}; "
                              f"rename one of them")
        owner[value] = name
        out[name] = value
    return out
