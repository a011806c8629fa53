"""The data format as pydantic models: Swedish keys mapped once to English names.

Models are frozen and forbid unknown keys. Values that YAML coerces in surprising ways are
validated strictly: booleans must be true/false, money must not be a float, dates are read
as text (see yamlio) and parsed here so that an impossible date is a located problem.
"""

from __future__ import annotations

import functools
import typing
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from uppdragskoll import money, periods
from uppdragskoll.periods import Period
from uppdragskoll.workdays import HolidayRule

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

DeadlineKind = Literal[
    "plan",
    "delredovisning",
    "årlig redovisning",
    "slutredovisning",
    "ekonomisk redovisning",
    "rekvisition",
    "återbetalning",
    "övrigt",
]
DEADLINE_KINDS: tuple[str, ...] = typing.get_args(DeadlineKind)
Status = Literal["pågående", "avslutat", "återkallat"]
Recurrence = Literal["årligen", "halvårsvis", "kvartalsvis", "månadsvis"]


def _seasons(info: ValidationInfo) -> periods.Seasons | None:
    context = info.context or {}
    seasons: periods.Seasons | None = context.get("seasons")
    return seasons


def _to_period(value: object, info: ValidationInfo) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("datum", "ska vara ett datum (ÅÅÅÅ-MM-DD) eller en period")
    if isinstance(value, int):
        value = str(value)  # `datum: 2026` is the year 2026
    if isinstance(value, str):
        seasons = _seasons(info)
        try:
            if seasons is None:
                return _default_period(value)
            return periods.parse_period(value, seasons)
        except periods.PeriodError as exc:
            raise PydanticCustomError("datum", str(exc)) from None
    if isinstance(value, dict):
        unknown = sorted(set(map(str, value)) - {"text", "från", "till"})
        if unknown or "från" not in value or "till" not in value:
            raise PydanticCustomError(
                "datum",
                "en egen period skrivs {text: våren 2027, från: 2027-01-01, till: 2027-06-30}",
            )
        try:
            start = periods.parse_iso_date(str(value["från"]))
            end = periods.parse_iso_date(str(value["till"]))
            return periods.period_from_bounds(str(value.get("text", "")), start, end)
        except periods.PeriodError as exc:
            raise PydanticCustomError("datum", str(exc)) from None
    raise PydanticCustomError("datum", "ska vara ett datum (ÅÅÅÅ-MM-DD) eller en period")


@functools.lru_cache(maxsize=4096)
def _default_period(text: str) -> Period:
    # The same dates and periods recur across thousands of files; parsing is pure.
    return periods.parse_period(text)


def _to_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("datum", "ska vara ett datum skrivet ÅÅÅÅ-MM-DD")
    try:
        return periods.parse_iso_date(value)
    except periods.PeriodError as exc:
        raise PydanticCustomError("datum", str(exc)) from None


def _to_amount(value: object) -> int:
    try:
        return money.parse_amount(value)
    except money.MoneyError as exc:
        raise PydanticCustomError("belopp", str(exc)) from None


PeriodField = Annotated[
    Period,
    BeforeValidator(_to_period),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "description": "2026-05-30, 2027-10, 2026-Q2, våren 2027 …"},
                {"type": "integer", "description": "ett år, t.ex. 2026"},
                {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"},
                        "från": {"type": "string", "format": "date"},
                        "till": {"type": "string", "format": "date"},
                    },
                    "required": ["från", "till"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
DateField = Annotated[
    date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "ÅÅÅÅ-MM-DD"}),
]
Amount = Annotated[
    int,
    BeforeValidator(_to_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "description": "kronor"},
                {
                    "type": "string",
                    "description": "2 000 000 kr, 29 349 tkr, 7 mnkr, 2,5 miljoner kronor",
                },
            ]
        }
    ),
]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, Field(strict=True)]


def _str_list(value: object) -> object:
    # A single dnr or tag is a common shorthand for a one-element list.
    return [value] if isinstance(value, str) else value


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Agency(_Model):
    name: Text = Field(alias="namn")
    lead: StrictBool = Field(False, alias="huvudansvarig")
    case_number: Text | None = Field(None, alias="diarienummer")


class Person(_Model):
    id: Id
    name: Text = Field(alias="namn")
    role: Text | None = Field(None, alias="roll")
    email: Text | None = Field(None, alias="epost")
    agency: Text | None = Field(None, alias="myndighet")


class Change(_Model):
    """A deadline the government moved: the old date and the decision that moved it."""

    due: PeriodField = Field(alias="datum")  # the old date
    decision: Text | None = Field(None, alias="beslut")  # the moving decision's dnr
    decided: DateField | None = Field(None, alias="beslutad")  # the moving decision's date
    source_text: Text | None = Field(None, alias="källtext")


Delivered = DateField | dict[DateField, DateField]


class Deadline(_Model):
    id: Id
    kind: DeadlineKind = Field(alias="typ")
    title: Text | None = Field(None, alias="titel")
    due: PeriodField | None = Field(None, alias="datum")
    ongoing: StrictBool = Field(False, alias="löpande")
    recipient: Text | None = Field(None, alias="mottagare")
    responsible: Id | None = Field(None, alias="ansvarig")
    delivered: Annotated[
        Delivered | None,
        Field(
            alias="inlämnad",
            description="Inlämningsdatum, eller per tillfälle {förfallodag: inlämnad}.",
        ),
    ] = None
    repeats: Recurrence | None = Field(None, alias="upprepas")
    until: PeriodField | None = Field(None, alias="till")
    changes: tuple[Change, ...] = Field((), alias="ändringar")
    source_text: Text | None = Field(None, alias="källtext")
    note: Text | None = Field(None, alias="anteckning")

    @property
    def label(self) -> str:
        return self.title or self.kind.capitalize()


class Activity(_Model):
    title: Text = Field(alias="titel")
    period: PeriodField | None = Field(None, alias="period")
    responsible: Id | None = Field(None, alias="ansvarig")
    done: StrictBool = Field(False, alias="klar")
    source_text: Text | None = Field(None, alias="källtext")


class Appropriation(_Model):
    """An appropriation is keyed by expenditure area, appropriation and optional item."""

    area: Annotated[int, Field(strict=True, ge=1, le=27)] = Field(alias="utgiftsområde")
    appropriation: Annotated[str, Field(strict=True, pattern=r"^\d{1,2}:\d{1,2}$")] = Field(
        alias="anslag"
    )
    item: Annotated[int, Field(strict=True, ge=1)] | None = Field(None, alias="anslagspost")
    name: Text | None = Field(None, alias="namn")

    @property
    def key(self) -> str:
        base = f"UO{self.area} {self.appropriation}"
        return f"{base} ap.{self.item}" if self.item is not None else base


def _not_negative(value: int) -> int:
    if value < 0:
        raise PydanticCustomError(
            "belopp", "en ram kan inte vara negativ; rätta ett tidigare belopp med ett nytt värde"
        )
    return value


Ceiling = Annotated[Amount, AfterValidator(_not_negative)]


class YearAmounts(_Model):
    # beräknat is conditional on the Riksdag; beviljat wins when both are set.
    planned: Ceiling | None = Field(None, alias="beräknat")
    granted: Ceiling | None = Field(None, alias="beviljat")
    source_text: Text | None = Field(None, alias="källtext")

    @property
    def ceiling(self) -> int | None:
        return self.granted if self.granted is not None else self.planned

    @property
    def preliminary(self) -> bool:
        return self.granted is None and self.planned is not None


class Spending(_Model):
    day: DateField = Field(alias="datum")
    amount: Amount = Field(alias="belopp")
    text: Text | None = Field(None, alias="text")


YearKey = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    Field(pattern=r"^\d{4}(\s*[-–]\s*\d{4})?$"),
]


class BudgetLine(_Model):
    agency: Text | None = Field(None, alias="myndighet")
    appropriation: Appropriation | None = Field(None, alias="anslag")
    years: dict[YearKey, YearAmounts] = Field(default_factory=dict, alias="år")
    spending: tuple[Spending, ...] = Field((), alias="utfall")
    source_text: Text | None = Field(None, alias="källtext")


class Assignment(_Model):
    """One file under data/uppdrag; `id` is the file stem, not a key in the file."""

    id: Id = Field(exclude=True)
    title: Text = Field(alias="titel")
    case_numbers: Annotated[tuple[Text, ...], BeforeValidator(_str_list)] = Field(
        (), alias="diarienummer"
    )
    ministry: Text | None = Field(None, alias="departement")
    decided: DateField | None = Field(None, alias="beslutad")
    status: Status = Field("pågående", alias="status")
    source: Text | None = Field(None, alias="källa")
    tags: Annotated[tuple[Text, ...], BeforeValidator(_str_list)] = Field((), alias="taggar")
    agencies: tuple[Agency, ...] = Field((), alias="myndigheter")
    people: tuple[Person, ...] = Field((), alias="personer")
    deadlines: tuple[Deadline, ...] = Field((), alias="redovisningar")
    activities: tuple[Activity, ...] = Field((), alias="aktiviteter")
    budget: tuple[BudgetLine, ...] = Field((), alias="budget")
    note: Text | None = Field(None, alias="anteckning")

    def person(self, person_id: str | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @property
    def lead_agency(self) -> str | None:
        lead = next((a.name for a in self.agencies if a.lead), None)
        return lead or (self.agencies[0].name if self.agencies else None)


class SeasonBounds(_Model):
    first: Annotated[int, Field(strict=True, ge=1, le=12)] = Field(alias="från")
    last: Annotated[int, Field(strict=True, ge=1, le=12)] = Field(alias="till")


class Settings(_Model):
    """data/uppdragskoll.yaml: repo-wide settings."""

    calendar_name: Text = Field("Regeringsuppdrag", alias="kalendernamn")
    reminder_days: Annotated[int, Field(strict=True, ge=0, le=365)] | None = Field(
        None, alias="påminnelse"
    )
    holiday_rule: HolidayRule = Field(HolidayRule.PREVIOUS, alias="helgregel")
    seasons: dict[Literal["våren", "sommaren", "hösten", "vintern"], SeasonBounds] = Field(
        default_factory=dict, alias="årstider"
    )

    def season_map(self) -> periods.Seasons:
        merged = dict(periods.DEFAULT_SEASONS)
        merged.update({name: (b.first, b.last) for name, b in self.seasons.items()})
        return merged


# What editors show for each part of the format (the class docstrings are for developers).
SCHEMA_NAMES = {
    "Activity": ("Aktivitet", "Myndighetens egen milstolpe, som inte redovisas till någon."),
    "Agency": ("Myndighet", "En myndighet som uppdraget riktar sig till."),
    "Appropriation": ("Anslag", "Utgiftsområde, anslag och eventuell anslagspost."),
    "BudgetLine": ("Budgetrad", "Pengar per år för en myndighet och ett anslag, och utfallet."),
    "Change": ("Ändring", "Ett datum som regeringen flyttat: det gamla datumet och beslutet."),
    "Deadline": ("Redovisning", "Något som ska lämnas in, med datum eller period."),
    "Person": ("Person", "En person som kan vara `ansvarig`."),
    "Spending": ("Utfall", "Använda eller rekvirerade pengar, med datum."),
    "YearAmounts": ("Belopp", "Beräknat (villkorat av riksdagen) och beviljat belopp."),
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an assignment file, for editors and other tools."""
    schema = Assignment.model_json_schema(by_alias=True, mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        title, description = SCHEMA_NAMES.get(name, (name, ""))
        definition["title"] = title
        definition["description"] = description
    schema["description"] = (
        "Ett regeringsuppdrag: en fil i data/uppdrag/, där filnamnet är uppdragets id."
    )
    schema["properties"].pop("id", None)
    schema["required"] = [r for r in schema.get("required", []) if r != "id"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Regeringsuppdrag (uppdragskoll)"
    return schema
