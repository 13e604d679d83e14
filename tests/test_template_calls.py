"""Calls from templates: the handbook's environment calls plain functions, methods, macros
and the UI strings directly (a large handbook makes a hundred thousand such calls), and
everything Jinja passes something to still gets it."""

from __future__ import annotations

from typing import Any

import jinja2
import pytest

from mkdocs_persona_plugin.render.site import DirectCallContext, make_environment
from mkdocs_persona_plugin.render.strings import Strings


def render(source: str, **values: Any) -> str:
    env = make_environment()
    assert env.context_class is DirectCallContext
    return env.from_string(source).render(**values)


class Greeter:
    def hello(self, name: str, *, punct: str = "!") -> str:
        return f"hello {name}{punct}"

    @jinja2.pass_context
    def who(self, context: jinja2.runtime.Context) -> str:
        return str(context["me"])


class ContextCallable:
    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, suffix: str) -> str:
        return f"{context['me']}{suffix}"


def test_plain_functions_and_methods_get_their_arguments_and_nothing_else() -> None:
    def shout(text: str, times: int = 1) -> str:
        return text.upper() * times

    out = render(
        "{{ shout('a', times=2) }} {{ g.hello('b', punct='?') }}"
        "{% for x in 'cd' %} {{ shout(x) }}{{ g.hello(x) }}{% endfor %}",
        shout=shout,
        g=Greeter(),
    )
    assert out == "AA hello b? Chello c! Dhello d!"


def test_what_asks_for_the_context_or_environment_still_gets_it() -> None:
    @jinja2.pass_context
    def from_context(context: jinja2.runtime.Context, name: str) -> str:
        return str(context.get(name))

    @jinja2.pass_environment
    def from_environment(environment: jinja2.Environment) -> str:
        return environment.context_class.__name__

    @jinja2.pass_eval_context
    def autoescaping(eval_ctx: jinja2.nodes.EvalContext) -> str:
        return str(eval_ctx.autoescape)

    out = render(
        "{{ ctx_get('me') }} {{ env_name() }} {{ esc() }} {{ g.who() }} {{ c('!') }}"
        "{% set me = 'set' %} {{ ctx_get('me') }}",
        ctx_get=from_context,
        env_name=from_environment,
        esc=autoescaping,
        g=Greeter(),
        c=ContextCallable(),
        me="page",
    )
    assert out == "page DirectCallContext True page page! set"


def test_macros_and_call_blocks() -> None:
    out = render(
        "{% macro box(x, cls='b') %}<i class='{{ cls }}'>{{ x }}"
        "{{ caller() if caller is defined }}</i>{% endmacro %}"
        "{{ box('<1>') }}{% call box(2, cls='c') %}[{{ 3 }}]{% endcall %}"
        "{% for n in [4] %}{{ box(n) }}{% endfor %}"
    )
    assert out == "<i class='b'>&lt;1&gt;</i><i class='c'>2[3]</i><i class='b'>4</i>"


def test_strings_are_called_directly_and_their_text_is_escaped() -> None:
    strings = Strings("en", overrides={"gallery": "<All> personas"})
    out = render("{{ t('gallery') }}|{{ t.plural('gallery.count', 2) }}", t=strings)
    assert out == "&lt;All&gt; personas|2 personas"


def test_a_callable_that_raises_stop_iteration_gives_an_undefined_value() -> None:
    def empty() -> str:
        return next(iter(()))

    assert render("{{ f() is undefined }}", f=empty) == "True"
    with pytest.raises(jinja2.UndefinedError):
        render("{{ f() }}", f=empty)
