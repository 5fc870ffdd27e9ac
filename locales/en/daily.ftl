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
