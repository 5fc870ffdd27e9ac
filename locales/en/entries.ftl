# show, delete, compact, list: one entry or many.

show-theme = Theme:   { $theme }
show-prompt = Prompt:  { $question }
show-prompt-unknown = Prompt:  { $pack }/{ $prompt } (pack not loaded)
show-tags = Tags:    { $tags }
show-written = Written: { $moment }
show-revised = { " " }(revised { $moment })

delete-done = Deleted entry { $id } ({ $date }). Its text stays in the journal file until `reflect compact`.

compact-done = { $path }: { $records } record(s) compacted to { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}.

list-header-id = id
list-header-date = date
list-header-level = level
list-header-theme = theme
list-header-entry = entry
list-free = (free)
list-none-yet = No entries yet. Write one with `reflect write`.
list-none-match = No entries match.

# A stored value that cannot be read (a damaged journal line).
stored-unknown-id = unknown { $what } "{ $id }"
stored-what-level = level
stored-what-depth = depth
stored-what-origin = origin
stored-bad-entry-id = '{ $id }' is not an entry id (1 to 64 letters, digits, '-' or '_')
stored-bad-value = '{ $value }' is not { $expected }
stored-expected-day = a YYYY-MM-DD date
stored-expected-moment = an RFC 3339 moment
