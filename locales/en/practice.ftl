# Rating an entry: its level, transfer (from) and depth (issue 14).

rating-idea = not practice yet: a plan or an idea
rating-programme = the programme (professional development)
rating-unrated = unrated

ask-level = Where did this practice happen?
ask-from = Did it carry learning from somewhere else?
ask-depth = How deep did the joint work go?
ask-hint = Number, id or name; Enter skips
ask-level-hint = Number, id or name; Enter leaves it unrated
ask-not-a-choice = '{ $answer }' is not one of the choices; try again (Enter skips).

rating-unknown-level = unknown level '{ $value }': use one of { $choices }
rating-unknown-from = unknown from '{ $value }': use one of { $choices }
rating-unknown-depth = unknown depth '{ $value }': use one of { $choices }
rating-from-is-level = --from { $level }: the entry is at that level already; a transfer comes from another level or from the programme
rating-from-needs-level = --from needs the entry's level (school, network or system): give --level too
rating-keep-from-hint = (the entry's transfer stays unless you change it: add --from none or another --from)

write-saved = Saved entry { $id } ({ $label }, { $date }).
write-saved-unrated = Saved entry { $id } ({ $date }), not rated: rate it with `reflect rate` or `reflect edit { $id } --level LEVEL`.
write-not-rated-yet = { $count ->
    [one] 1 entry is not rated yet (`reflect rate`).
   *[other] { $count } entries are not rated yet (`reflect rate`).
}

rate-needs-terminal = { $count ->
    [one] 1 entry is
   *[other] { $count } entries are
} not rated yet (ids above, newest first). `reflect rate` asks about them on a terminal; without one, use `reflect edit ID --level LEVEL`.
rate-all-rated = Every entry is rated.
rate-entry = Entry { $position } of { $total } not rated yet (q stops):
rate-done = Rated { $rated }; { $left } not rated yet.

# The editor template. The keys are what the person fills in: "level: 2".
template-key-level = level
template-key-from = from
template-key-depth = depth
template-fields = Optional, below the text: fill in these lines, or leave them empty to be asked after saving (or rate later with `reflect rate`).
template-unknown = The template's { $key }: '{ $value }' is not one of the choices; it is asked below.

# `reflect show` and `reflect packs show`.
show-from = From:    { $label }
show-depth = Depth:   { $label }
packs-depths = Depths of joint work, shallowest first (type the id with --depth):
