# The message of the progress bar long work shows on a terminal (src/busy.rs).

busy-compact = Compacting the journal
busy-repair = Checking and repairing the journal
busy-import = Importing { $file }
