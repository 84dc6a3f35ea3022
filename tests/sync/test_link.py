"""The link to central is one Protocol (services/sync/link.py): the real gateway and the
tests' double offer the whole of it, with the same parameters, so that a call the sync makes
can never reach central another way."""

import inspect

from counter_app.services.sync.gateway import CentralGateway
from counter_app.services.sync.link import CentralLink
from tests.sync.helpers import FaultyGateway

MEMBERS = [
    name
    for name, value in vars(CentralLink).items()
    if inspect.isfunction(value) and not name.startswith("_")
]


def test_the_link_names_every_call_the_sync_makes() -> None:
    assert {"register", "push", "pull", "leases", "resolve", "start_upload", "file_papers"} <= set(
        MEMBERS
    )


def test_the_gateway_offers_the_whole_link_with_its_parameters() -> None:
    for name in MEMBERS:
        wanted = inspect.signature(getattr(CentralLink, name)).parameters
        offered = inspect.signature(getattr(CentralGateway, name)).parameters
        assert list(offered) == list(wanted), name
        assert [p.kind for p in offered.values()] == [p.kind for p in wanted.values()], name


def test_the_faulty_double_offers_the_whole_link() -> None:
    missing = [name for name in MEMBERS if not callable(getattr(FaultyGateway, name, None))]
    assert missing == []
    assert not hasattr(FaultyGateway(object.__new__(CentralGateway)), "database")
