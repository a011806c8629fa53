"""Swedish for the words typer and click write themselves: help headings and usage errors.

Our own help texts are Swedish; without this, the frame around them ("Usage:", "Options",
"Show this message and exit.", "Error: No such option") would be English. typer vendors
click and has no translation catalogue, so the few strings are replaced here, each step
guarded: if a future typer moves a name, that part stays English instead of failing.
Imports only typer, so `uppdrag --help` stays fast.
"""

from __future__ import annotations

import difflib
import re
import sys
from typing import IO, Any

WORDS = {
    "Options": "Flaggor",
    "Arguments": "Argument",
    "Commands": "Kommandon",
    "required": "krävs",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "(dynamic)": "(dynamiskt)",
    "Aborted!": "Avbrutet.",
    "Missing command.": "Inget kommando angavs.",
}
HELP_TEXT = "Visa den här hjälpen och avsluta."
USAGE = "Användning: "


def _translate(message: str) -> str:
    return WORDS.get(message, message)


def _hint(ctx: Any) -> str:
    if ctx is None:
        return "uppdrag --help"
    return f"{ctx.command_path} --help"


def swedish_message(exc: Exception) -> str:
    """One Swedish sentence for a usage error, with a suggestion where there is one."""
    from typer._click import exceptions as ce

    if isinstance(exc, ce.NoSuchOption):
        names = sorted(exc.possibilities or [])
        match = difflib.get_close_matches(exc.option_name, names, n=1)
        hint = f" Menade du {match[0]}?" if match else ""
        return f"okänd flagga {exc.option_name}.{hint}"
    if isinstance(exc, ce.MissingParameter):
        param = exc.param
        name = getattr(param, "metavar", None) or getattr(param, "name", None) or "ett argument"
        opts = [o for o in getattr(param, "opts", None) or [] if o.startswith("--")]
        if getattr(param, "param_type_name", "") == "option" and opts:
            return f"flaggan {opts[0]} {str(name).upper()} krävs."  # "flaggan --beslut DNR krävs."
        return f"{str(name).upper()} saknas."
    if isinstance(exc, ce.BadParameter):
        param = exc.param
        name = param.opts[0] if param is not None and getattr(param, "opts", None) else "värdet"
        kind = _kind(param)
        return f"ogiltigt värde för {name}{f' (ska vara {kind})' if kind else ''}."
    message = str(exc.format_message()) if hasattr(exc, "format_message") else str(exc)
    if message.startswith("No such command"):
        ctx = getattr(exc, "ctx", None)
        wanted = message.split("'")[1] if "'" in message else ""
        known = list(getattr(getattr(ctx, "command", None), "commands", {}) or [])
        match = difflib.get_close_matches(wanted, known, n=1)
        hint = f" Menade du {match[0]}?" if match else ""
        return f"okänt kommando {wanted!r}.{hint}"
    if message.startswith("Got unexpected extra argument"):
        return "för många argument."
    option = getattr(exc, "option_name", None) or (message.split("'")[1] if "'" in message else "")
    if re.search(r" requires (?:an|\d+) arguments?\b", message):
        return f"flaggan {option} behöver ett värde."
    if "does not take a value" in message:
        return f"flaggan {option} tar inget värde."
    return _translate(message)


def _kind(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = str(getattr(descriptor, "annotation", "")).lower()
    if "int" in annotation:
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        if low is not None and high is not None:
            return f"ett heltal från {low} till {high}"
        return "ett heltal"
    if "float" in annotation:
        return "ett tal"
    return ""


def _show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
    stream = file if file is not None else sys.stderr
    stream.write(f"uppdrag: {swedish_message(self)} Se `{_hint(self.ctx)}`.\n")


def install() -> None:
    """Replace typer's English frame words with Swedish; idempotent."""
    try:
        from typer import core

        core._ = _translate  # type: ignore[attr-defined]
    except (ImportError, AttributeError):  # pragma: no cover - a future typer
        pass
    try:
        from typer._click import exceptions, formatting

        exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
        original = formatting.HelpFormatter.write_usage

        def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            original(
                self,
                prog,
                args.replace("[OPTIONS]", "[FLAGGOR]")
                .replace("COMMAND", "KOMMANDO")
                .replace("[ARGS]", "[ARGUMENT]"),
                USAGE if prefix is None else prefix,
            )

        if getattr(formatting.HelpFormatter.write_usage, "__name__", "") != "write_usage_sv":
            write_usage.__name__ = "write_usage_sv"
            formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover - a future typer
        pass
    try:
        from typer._click import core as click_core
        from typer._click import exceptions as click_exceptions

        parse = click_core.Command.parse_args
        if getattr(parse, "__name__", "") != "parse_args_sv":

            def parse_args_sv(self: Any, ctx: Any, args: list[str]) -> list[str]:
                # click's option parser raises "requires an argument" without the command's
                # context; give it one, so the hint names `uppdrag status --help`
                try:
                    return parse(self, ctx, args)
                except click_exceptions.UsageError as exc:
                    exc.ctx = exc.ctx or ctx
                    raise

            click_core.Command.parse_args = parse_args_sv  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover - a future typer
        pass
    try:
        from typer.core import TyperArgument

        shown = TyperArgument.display_type_rich
        if getattr(shown, "__name__", "") != "display_type_sv":

            def display_type_sv(self: Any, ctx: Any) -> str | None:
                # `ID`, not `ID <str>`: our arguments carry Swedish metavars.
                return None if self.metavar else shown(self, ctx)

            TyperArgument.display_type_rich = display_type_sv  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover - a future typer
        pass
    try:
        from typer._click import decorators

        original_help_option = decorators.help_option
        if getattr(original_help_option, "__name__", "") == "help_option_sv":
            return

        def help_option_sv(param_decls: list[str]) -> Any:
            decorate = original_help_option(param_decls)

            def apply(command: Any) -> Any:
                result = decorate(command)
                command.params[-1].help = HELP_TEXT
                return result

            return apply

        decorators.help_option = help_option_sv
    except (ImportError, AttributeError):  # pragma: no cover - a future typer
        pass
