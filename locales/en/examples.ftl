# The comments above the examples that end each --help and man page
# (src/examples.rs): example-<command>-<n>, one line each.

examples-heading = Examples:

example-reflect-1 = Today's prompt and a short menu (a status line in a script)
example-reflect-2 = Capture a thought in one line
example-reflect-3 = The five most recent entries

example-write-1 = Capture a thought in one line
example-write-2 = Answer a prompt of the default pack, about your network
example-write-3 = Write about yesterday on a theme, in your editor

example-prompt-1 = Today's suggested question
example-prompt-2 = A question on one theme, on one line
example-prompt-3 = A question from the Spanish pack

example-list-1 = The entries of the ten most recent days written about
example-list-2 = Network and system entries of the last three weeks
example-list-3 = Every entry in the order it was written, as JSON lines

example-show-1 = An entry, by the id that `reflect list` prints
example-show-2 = Any unique start of the id is enough

example-tags-1 = Every tag with its count, newest use and levels
example-tags-2 = Only the tags of one pack's entries

example-stats-1 = Your rhythm: weeks, streaks, quiet themes and a heat map
example-stats-2 = The same figures for a script
example-stats-3 = Plain ASCII, for a printer or a dumb terminal

example-rate-1 = Rate the entries you wrote in a hurry, one question at a time
example-rate-2 = Without a terminal: the ids of the five newest unrated entries

example-checkin-1 = Rate your network after a session, one described question at a time
example-checkin-2 = The same from a script: skipped questions stay unanswered, ? is "don't know"
example-checkin-3 = About yesterday's session, with a note that stays in your journal

example-edit-1 = Change an entry in your editor
example-edit-2 = Add one tag and take away another, keeping the rest
example-edit-3 = Move an entry to another level and day

example-delete-1 = Find the entry first
example-delete-2 = Delete it (its text stays in the file until `reflect compact`)

example-history-1 = Every revision of an entry, with what changed between them
example-history-2 = Deleted entries too, by any unique start of the id
example-drafts-1 = Drafts an editor left behind: when, first line, where
example-drafts-2 = On a terminal, offers each back: resume, discard or keep for later
example-restore-1 = Bring back a deleted entry
example-restore-2 = See its revisions first
example-restore-3 = Bring back an earlier text, as a new revision

example-progress-1 = Theme by theme: where your practice happened (school, network, system)
example-progress-2 = One row per month this year
example-progress-3 = A summary for your trainer (counts only, never your words)

example-share-1 = The summary for your trainer, after seeing what it holds
example-share-2 = Naming your network

example-report-1 = Your report as one HTML page, to print or keep
example-report-2 = Since March, with your entries' words, for a mentor conversation

example-cohort-1 = Combine the summaries of a cohort
example-cohort-2 = A table per group (network), then the whole cohort
example-cohort-3 = The same as a report to project or print

example-export-1 = This term's entries as Markdown
example-export-2 = One theme, grouped by theme
example-export-3 = A complete backup that `reflect import` reads back

example-import-1 = Move over from jrnl (`jrnl --export json`)
example-import-2 = Bring back a backup; entries already there are skipped
example-import-3 = Copy every entry into another journal

example-packs-1 = The packs in use
example-packs-2 = The themes and prompts of a pack
example-packs-3 = Start a pack of your own

example-packs-list-1 = Id, version, language, themes, prompts, origin and name
example-packs-list-2 = Only the ids and names, in a script

example-packs-show-1 = The pack in use
example-packs-show-2 = Another pack, by id

example-packs-validate-1 = Every problem of a pack, as FILE:LINE:COLUMN
example-packs-validate-2 = Several packs at once

example-packs-new-1 = A commented scaffold for a Chilean Spanish pack
example-packs-new-2 = Try it before installing it

example-packs-install-1 = Copy a pack into your packs folder
example-packs-install-2 = Replace it with a newer version

example-packs-remove-1 = Remove an installed pack
example-packs-remove-2 = See what is left

example-check-1 = Look for damaged lines (nothing is changed)
example-check-2 = Move them to a side file, keeping every good entry

example-compact-1 = Drop old revisions and deleted entries for good
example-compact-2 = Compact another journal

example-config-1 = Where your journal, config, packs and drafts are
example-config-2 = The same for another journal

example-completions-1 = Completions for bash
example-completions-2 = For zsh (with ~/.zfunc in your fpath)
example-completions-3 = For fish

example-man-1 = Read the manual page now
example-man-2 = Install a page per command: then `man reflect-write` works

# Man pages (reflect man).
man-see-also = SEE ALSO
man-written = wrote { $count } man pages to { $dir }
