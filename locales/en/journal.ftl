# The journal file: reading, writing, locking, compacting. An io message is followed
# by the path of the file.

journal-io-open = cannot open
journal-io-write = cannot write
journal-io-rewrite = cannot rewrite
journal-io-compact = cannot compact
journal-io-refuse-compact = refusing to compact
journal-io-open-journal = cannot open the journal
journal-io-open-lock = cannot open the lock file
journal-io-lock = cannot lock
journal-io-create-folder = cannot create the folder
journal-io-size = cannot read the size of
journal-io-read = cannot read
journal-io-scratch = cannot use the temporary file of a sort in
journal-io-sync-folder = cannot sync the folder of
journal-io-not-saved = the entry was NOT saved: cannot write to
journal-io-not-confirmed = the entry may NOT be saved: the disk did not confirm the write to
journal-compact-damaged = { $count } damaged line(s), the first at line { $line }; run `reflect check --repair` first so nothing is lost
journal-not-found = no entry matches '{ $id }' (see `reflect list`)
journal-ambiguous = '{ $prefix }' names several entries: { $candidates }; type more of the id

# Why a line of the journal cannot be read (after "skipped a damaged line: ").
line-not-an-entry = a check-in, not an entry
line-newer-version = record format { $version } was written by a newer reflect (this one reads { $reads }); upgrade to read it
line-bad-text = the text is not valid (bad UTF-8 or escape)
line-year-out-of-range = the year { $year } is outside { $min }–{ $max }
line-missing-field = '{ $op }' record has no '{ $field }'
line-ends-early = the line ends early (a write was cut short?)
line-not-json = not valid JSON (column { $column })
line-not-a-record = not a journal record: { $error }
