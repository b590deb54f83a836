"""The web UI: a read-only FastAPI app over one corpus database (:mod:`.app`), its pages
(:mod:`.views`), SQL (:mod:`.queries`), text highlighting (:mod:`.highlight`), charts
(:mod:`.charts`) and ``naba serve`` (:mod:`.commands`).

Not for: writing the store or analysing text."""
