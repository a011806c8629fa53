"""Who is responsible: occurrences grouped per person and per agency. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from uppdragskoll.schedule import Occurrence

NOBODY = "(ingen ansvarig)"


@dataclass(frozen=True)
class Responsible:
    """A person as named in one or more assignments; the same id in two files is two people
    unless name and e-mail agree, so grouping uses the name and e-mail, not only the id."""

    name: str
    email: str | None
    agency: str | None

    @property
    def label(self) -> str:
        return self.name if self.agency is None else f"{self.name} ({self.agency})"


def responsible_of(occ: Occurrence) -> Responsible | None:
    person = occ.assignment.person(occ.deadline.responsible)
    if person is None:
        return None
    return Responsible(person.name, person.email, person.agency)


def agency_of(occ: Occurrence) -> str | None:
    """The responsible person's agency, else the assignment's lead agency."""
    person = occ.assignment.person(occ.deadline.responsible)
    if person is not None and person.agency:
        return person.agency
    return occ.assignment.lead_agency


@dataclass(frozen=True)
class Group:
    label: str
    occurrences: tuple[Occurrence, ...]


def by_person(rows: Sequence[Occurrence]) -> tuple[list[Group], list[Occurrence]]:
    """Groups per responsible person (sorted by name), and the occurrences with nobody."""
    responsible = [responsible_of(occ) for occ in rows]
    same = _same_person_with_and_without_email({who for who in responsible if who is not None})
    groups: dict[Responsible, list[Occurrence]] = {}
    nobody: list[Occurrence] = []
    for occ, who in zip(rows, responsible, strict=True):
        if who is None:
            nobody.append(occ)
        else:
            groups.setdefault(same[who], []).append(occ)
    ordered = sorted(groups, key=lambda r: (r.name.casefold(), r.agency or "", r.email or ""))
    return [Group(r.label, tuple(groups[r])) for r in ordered], nobody


def _same_person_with_and_without_email(
    people: set[Responsible],
) -> dict[Responsible, Responsible]:
    """ "Anna Svensson (Socialstyrelsen)" with her e-mail in one file and without it in another
    is one person: name and agency agree and no second address tells them apart (each maps to
    the one with the address). Two different addresses keep two people."""
    by_name: dict[tuple[str, str | None], list[Responsible]] = {}
    for who in people:
        by_name.setdefault((who.name.casefold(), who.agency), []).append(who)
    same: dict[Responsible, Responsible] = {}
    for alike in by_name.values():
        emails = {w.email for w in alike if w.email}
        if len(emails) > 1:
            same.update({w: w for w in alike})
            continue
        email = next(iter(emails), None)
        keep = min((w for w in alike if w.email == email), key=lambda w: w.name)
        same.update({w: keep for w in alike})
    return same


def agencies_of(occ: Occurrence) -> list[str]:
    """Every agency an occurrence concerns: all the assignment's `myndigheter` (a joint
    report is every named agency's business) and the responsible person's agency."""
    names = [a.name for a in occ.assignment.agencies]
    person = occ.assignment.person(occ.deadline.responsible)
    if person is not None and person.agency and person.agency not in names:
        names.append(person.agency)
    return names


def by_agency(rows: Sequence[Occurrence]) -> list[Group]:
    groups: dict[str, list[Occurrence]] = {}
    for occ in rows:
        for name in agencies_of(occ) or ["(ingen myndighet)"]:
            groups.setdefault(name, []).append(occ)
    return [Group(name, tuple(groups[name])) for name in sorted(groups, key=str.casefold)]
