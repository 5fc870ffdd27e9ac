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
