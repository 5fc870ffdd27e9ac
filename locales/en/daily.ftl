# The daily loop (issue 16): `reflect` alone, menus, tags, stats, history, drafts.

# `reflect` alone: the menu on a terminal, the status otherwise.
home-menu = [w] write · [l] list · [p] progress · [q] quit:{" "}
home-status-entries = entries: { $count }
home-status-last = last entry: { $day }
home-status-prompt = today's prompt: { $question }
home-none = none

# Any menu.
menu-enter = Enter
menu-or = { $rest } or { $last }
menu-not-a-choice = '{ $answer }' is not one of the choices; type { $choices }.

# write
write-nothing-written = Nothing written.

# tags
tags-none = No entry has a tag yet (add one with `reflect edit ID --add-tag TAG`).
tags-col-tag = tag
tags-col-entries = entries
tags-col-newest = newest

# stats
stats-weeks-heading = Entries per week, last { $weeks } weeks (week starting):
stats-streaks = Weeks in a row with an entry: { $current } now, { $longest } at most.
stats-no-quiet-themes = No theme has gone { $weeks } weeks without an entry.
stats-quiet-heading = Themes with no entry for { $weeks } weeks or more:
stats-quiet-theme = { $theme } (last entry { $last })
stats-calendar-heading = Calendar, { $from } to { $to }:
stats-weekday-mon = Mon
stats-weekday-wed = Wed
stats-weekday-fri = Fri
stats-weekday-sun = Sun

# history and restore
history-heading = Entry { $id }
history-written = Revision { $number } · written { $moment }
history-edited = Revision { $number } · edited { $moment }
history-deleted = Revision { $number } · deleted { $moment }
history-same-text = (same text)
restore-no-such-revision = --revision: there is no revision { $number } (the entry has { $count }; see `reflect history`)
restore-name-a-revision = the entry { $id } is not deleted; name the earlier text to bring back with --revision N (see `reflect history { $id }`)
restore-a-deletion = --revision: revision { $number } is the deletion, which has no text; name one before it
restore-no-change = Entry { $id } already reads as revision { $number }; nothing to restore.
restore-done = Restored entry { $id } as it was in revision { $number } (appended as a new revision).

# compact
compact-ask = { $count ->
    [one] Compacting drops 1 earlier revision or deleted entry that `reflect restore` could still bring back. Go ahead? [y/N]:{" "}
   *[other] Compacting drops { $count } earlier revisions and deleted entries that `reflect restore` could still bring back. Go ahead? [y/N]:{" "}
}
compact-kept = Nothing compacted; every revision is kept.
compact-dropping = { $count ->
    [one] Dropping 1 earlier revision or deleted entry (`reflect restore` can no longer bring it back).
   *[other] Dropping { $count } earlier revisions and deleted entries (`reflect restore` can no longer bring them back).
}

# drafts
drafts-none = No drafts: every entry you started is in the journal.
drafts-offer = A draft from { $when } did not become an entry: "{ $first }"
drafts-menu = [r] resume it · [d] discard it · [k] keep it for later:{" "}
drafts-discarded = Draft discarded.
drafts-kept = Draft kept at { $path } (see `reflect drafts`).
drafts-empty = The draft is empty now; it was removed and nothing was written.
