"""Use cases of the counter (intake, dossiers, catalog, accounts...), over the local store.

The UI and the command line call these; neither touches tables. Each call is one short unit
of work on its own session, so a service object may be shared, but not its sessions.
"""
