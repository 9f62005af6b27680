"""How the command line's help shows arguments: by plain metavars ("PATH...", "PERSON"), as Click does,
without the Python types Typer adds."""

from __future__ import annotations

from typer.core import TyperArgument, TyperCommand


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
