"""How big or how far anything a person or a file gives may be, each with why.

A value past one of these is refused with a message naming the field and the limit; nothing
beyond them reaches the store, a calculation or central, where it would fail later and
somewhere else (a due time past year 9999, a SUM past SQLite's 64-bit integers).
"""

from __future__ import annotations

from datetime import date

from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.dossier import DossierFilter
from counter_app.domain.errors import CounterError

# --- text (characters, after `text.clean`)
NAME_LIMIT = 200  # the longest Vietnamese names are under 60; room for foreign names
ADDRESS_LIMIT = 500  # a full Vietnamese address with hamlet, ward, district, province
ORGANISATION_LIMIT = 300  # the long official names of enterprises and agencies
CATALOG_TEXT_LIMIT = 1000  # a name in the catalog (procedure, document, fee) or at intake
NOTE_LIMIT = 2000  # a paragraph of reasons; the papers print it on one page

# --- counts
MAX_SETS = 99  # sets of the same dossier handed in at once
MAX_COUNT = 999  # copies of one document, or of one fee line
MAX_DOCUMENTS = 200  # document lines of one dossier: the largest procedures list about 40
MAX_FEE_LINES = 50  # fee lines of one dossier: a procedure has a handful
# đồng, for one fee and for a whole dossier: keeps a year of totals (a million dossiers)
# well inside SQLite's and PostgreSQL's 64-bit integers.
MAX_FEE = 1_000_000_000_000

# --- durations of a procedure in the catalog: the longest legal time limits are a few
# months; past these a due time can run off the calendar
MAX_DURATION_DAYS = 1000  # working or calendar days
MAX_DURATION_HOURS = 8000  # working hours (1000 days of eight hours)

# --- dates
FIRST_BIRTH_YEAR = 1900  # nobody older stands at the desk; earlier is a typing mistake
# dates of the counter's work (received, reports, lists): the store and the papers deal in
# this century only, and a day at year 1 or 9999 has no day before or after it
FIRST_WORK_YEAR, LAST_WORK_YEAR = 2000, 2099
MAX_DEMO_DAYS = 3650  # demo-data spreads dossiers over at most ten years back

# --- command-line amounts
MAX_LIST = 100_000  # `list --limit`: every dossier of a busy counter's year in one answer
MAX_DEMO_DOSSIERS = 1_000_000  # `demo-data --dossiers`: five times the benchmark's store

# --- files
MAX_JSON_BYTES = 50 * 1024 * 1024  # an intake or catalog file; the national catalog is ~20 MB


def duration_too_long(duration: Duration) -> bool:
    """Whether a procedure's time limit runs past what a due time can be computed for."""
    if duration.unit is DurationUnit.WORKING_HOURS:
        return duration.amount > MAX_DURATION_HOURS
    return duration.amount > MAX_DURATION_DAYS


def check_work_day(day: date) -> date:
    """A day of the counter's work (a report's, a list's), or refused outside the years the
    app deals in."""
    if not FIRST_WORK_YEAR <= day.year <= LAST_WORK_YEAR:
        raise CounterError(
            "input.date_range", first=FIRST_WORK_YEAR, last=LAST_WORK_YEAR, value=day.isoformat()
        )
    return day


def check_whole(value: int, field: str, high: int) -> int:
    """A count the user gives (a command's option), from 1 to `high`."""
    if not 1 <= value <= high:
        raise CounterError("input.range", field=field, low=1, high=high, value=value)
    return value


def check_filter(criteria: DossierFilter) -> DossierFilter:
    """A list's or a search's criteria, within the limits before any query runs."""
    for day in (criteria.day, criteria.date_from, criteria.date_to):
        if day is not None:
            check_work_day(day)
    check_whole(criteria.limit, "--limit", MAX_LIST)
    return criteria
