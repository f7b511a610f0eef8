"""Model objects seen through one language.

A view wraps a model object: attributes it does not define come from the
model, and model objects reached through it come back wrapped in the same
language's views. So a template walks the model as usual (`c.methods`,
`m.request.fields`) and every object it meets has that language's spellings.
"""


class View:
    def __init__(self, model, language):
        self._model = model
        self._language = language

    def __getattr__(self, name):
        value = getattr(self._model, name)
        if callable(value):
            return lambda *args, **kwargs: self._language.wrap(_listed(value(*args, **kwargs)))
        return self._language.wrap(value)


class Language:
    """Maps model classes to this language's view classes."""

    def __init__(self, views):
        self.views = views

    def wrap(self, value):
        if isinstance(value, View):
            return value
        view = self.views.get(type(value))
        if view is not None:
            return view(value, self)
        if isinstance(value, list):
            return [self.wrap(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.wrap(v) for v in value)
        return value


def _listed(value):
    """Generators (ancestry()) as lists, so their items can be wrapped."""
    return list(value) if hasattr(value, "__next__") else value
