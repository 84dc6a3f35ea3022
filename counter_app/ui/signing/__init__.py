"""The window's side of signing and the paper store: the dossier's signed copies, the papers
on file offered at intake."""
