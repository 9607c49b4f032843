"""model: what a record is. The schema that types, reports and exports JSON Schema (schema), the
YAML reader and writer with their positions and errors (yamlread, yamlerrors, yamlwrite), one
module per record kind (kinds/) with the site presets (presets/), the loaded dataset and its
parse cache (dataset, parsecache), findings and the rule registry (findings, ruleset), and the
extension surface every layer declares against (hookspecs). May import: runtime."""
