"""The shared queue store of one centre: tickets and call events, apart from the dossiers."""
