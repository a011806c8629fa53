"""`uppdrag --help` as typer prints it; kept in sync by tests/test_startup.py."""

TEXT = """\
Användning: uppdrag [FLAGGOR] KOMMANDO [ARGUMENT]...

  Håll koll på regeringsuppdrag: vad som ska redovisas, när, av vem och hur
  mycket pengar som finns kvar.

  Exempel: uppdrag status

Flaggor:
  --version   Visa versionen och avsluta.
  -h, --help  Visa den här hjälpen och avsluta.

Kommandon:
  check      Kontrollera uppdragsfilerna (syntax, datum, belopp, regler).
  schema     Skriv ut JSON Schema för uppdragsfilerna.
  status     Försenat och kommande, ansvariga och pengar kvar i år.
  budget     Pengar per uppdrag, anslag och år.
  ansvariga  Vad varje person och myndighet ansvarar för, och när.
  visa       Allt om ett uppdrag.
  klar       Registrera att en redovisning är inlämnad.
  flytta     Regeringen har flyttat en redovisning: nytt datum.
  utfall     Registrera pengar som använts eller rekvirerats.
  ny         Skapa en ny uppdragsfil.
  ical       Skriv kalenderflöden (.ics) med alla redovisningar.
  importera  Läs ett regeringsbeslut och skriv ett utkast.
"""
