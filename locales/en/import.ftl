# reflect import

import-recognised-jrnl = { $file }: a jrnl export (jrnl --export json)
import-summary = imported { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}, skipped { $skipped } already in the journal
import-unknown-format = { $file }: neither a reflect export (no "format": "reflect-export") nor a jrnl export (no "entries" with a "title"); reflect reads `reflect export --format json` and `jrnl --export json`
import-nothing-imported = nothing was imported from { $file }
import-stdin-terminal = `reflect import -` reads stdin, which is a terminal: pipe an export in (reflect export --format json | reflect import -) or name the file

# Problems in a file being imported; JSON keys ("entries", "date", ...) are kept as in the file.
import-not-json = not valid JSON: { $message }
import-entries-not-array = { $file }: "entries" must be an array
import-no-entries = { $file }: not { $what }: it has no "entries" array
import-what-reflect = a reflect export
import-what-jrnl = a jrnl export
import-at-entry = { $file }: entries[{ $index }]: { $problem }
import-year-out-of-range = "{ $field }" has the year { $year }, outside { $min }–{ $max }
import-entry-not-object = an entry must be an object, not { $kind }
import-field-not-string = "{ $key }" must be a string, not { $kind }
import-field-missing = "{ $key }" is missing
import-field-not-strings = "{ $key }" must hold strings, not { $kind }
import-field-not-array = "{ $key }" must be an array of strings, not { $kind }
import-field-not-bool = "{ $key }" must be true or false, not { $kind }
import-kind-null = null
import-kind-bool = a boolean
import-kind-number = a number
import-kind-string = a string
import-kind-array = an array
import-kind-object = an object
import-not-reflect = { $file }: not a reflect export: no "format": "{ $format }"
import-not-reflect-jrnl = { import-not-reflect } (it looks like jrnl's export: use --from jrnl)
import-newer = { $file }: export format version { $version } was written by a newer reflect (this one reads { $reads }); upgrade to import it
import-version-not-number = { $file }: "version" must be a whole number
import-bad-id = "id" must be 1 to 64 letters, digits, '-' or '_', not { $value }
import-bad-date = "date" must be a day such as 2026-11-20, not { $value }
import-bad-moment = "{ $key }" must be an RFC 3339 moment such as 2026-11-20T18:02:11+01:00, not { $value }
import-bad-level = "level" must be school, network, system or idea, not { $value }
import-bad-depth = "depth" must be informing, coordinating, sharing or co-constructing, not { $value }
import-bad-from = "from" must be school, network, system or programme, not { $value }
import-text-empty = "text" is empty
import-not-jrnl = { $file }: this is a reflect export, not jrnl's: use --from reflect
import-jrnl-bad-date = "date" must be YYYY-MM-DD, not { $value }
import-jrnl-bad-time = "time" must be HH:MM, not { $value }
import-jrnl-no-moment = no such moment: { $date } { $time }
import-jrnl-no-text = the entry has no text
import-jrnl-dropped-tag = dropped the tag { $tag }: { $reason }
