# Files and the terminal: errors about reading and writing, and the warning line.

warning-line = reflect: warning: { $message }
file-cannot-read = cannot read { $path }
file-cannot-write = cannot write { $path }
file-cannot-write-to = cannot write to { $path }
file-cannot-create = cannot create { $path }
file-cannot-remove = cannot remove { $path }
folder-cannot-create = cannot create the folder { $path }
file-not-a-name = { $path } is not a file name
file-cannot-create-temp = cannot create a temporary file in { $path }
file-cannot-set-permissions = cannot set the permissions of { $path }
file-cannot-flush = cannot flush { $path } to disk
file-cannot-replace = cannot replace { $path }
folder-cannot-sync = cannot sync the folder { $path }
output-refused = refusing to write to { $path }: it is { $what } ({ $file }); choose another --output
protected-journal = the journal
protected-lock = the journal's lock file
protected-damaged = the journal's damaged-lines file
protected-config = the config file
protected-installed-pack = an installed pack
protected-pack-in-use = a pack file in use
stdin-cannot-read = cannot read standard input
stdin-not-utf8 = standard input is not UTF-8 text
terminal-cannot-read-answer = cannot read the answer from the terminal

damaged-line-skipped = { $path }:{ $line }: skipped a damaged line: { $problem } (run `reflect check`)
damaged-lines-more = { $path }: skipped { $more } more damaged lines, the last at line { $last } (`reflect check` lists them all)
export-not-written = the export was not written
participant-bad-file = { $path }: not a participant id (16 hex digits); delete the file to get a new one
share-summary-not-written = the summary was not written
cohort-not-written = the cohort was not written
report-not-written = the report was not written
