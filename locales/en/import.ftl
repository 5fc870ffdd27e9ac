# reflect import

import-recognised-jrnl = { $file }: a jrnl export (jrnl --export json)
import-summary = imported { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}, skipped { $skipped } already in the journal
import-unknown-format = { $file }: neither a reflect export (no "format": "reflect-export") nor a jrnl export (no "entries" with a "title"); reflect reads `reflect export --format json` and `jrnl --export json`
import-nothing-imported = nothing was imported from { $file }
import-stdin-terminal = `reflect import -` reads stdin, which is a terminal: pipe an export in (reflect export --format json | reflect import -) or name the file
