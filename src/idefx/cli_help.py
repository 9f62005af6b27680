"""How the command line declares and shows its arguments: choice sets, and plain metavars ("PATH...",
"PERSON") as Click shows them, without the Python types Typer adds."""

from __future__ import annotations

from enum import Enum

from typer.core import TyperArgument, TyperCommand


def choices(name: str, *values: str) -> type[Enum]:
    """A set of choices for an option, as Typer takes them: a ``str`` Enum whose members are named by their
    values (``choices("Fmt", "json", "csv").json == "json"``)."""
    return Enum(name, {value: value for value in values}, type=str)


class PlainArgument(TyperArgument):
    """An argument shown by its metavar alone ("PATH...", "PERSON"), as Click shows it, without a Python type."""

    def display_type_rich(self, ctx) -> None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class PlainCommand(TyperCommand):
    """A command whose arguments are shown with plain metavars."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = PlainArgument
