"""app: the application around the layers: the Pelican plugin that hands a build's inputs to the
outputs (plugin), the build and its atomic swap (build), the live preview (live, livedata,
livereload, livebanner), the scheduled refresh and its change list (refresh, changes), the
spreadsheet import and the clerk's templates (importer, templates), staff search (staffsearch),
maintainers and CODEOWNERS (ownership) and the generated reference (reference).
May import: every layer below (runtime, model, policy, checks, publication, outputs)."""
