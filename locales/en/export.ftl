# The Markdown export: its title, summary line, filters, headings and labels.

md-title = Reflective journal
md-exported = Exported on { $date }, grouped by { $grouping }.
md-group-day = day
md-group-theme = theme
md-group-level = level
md-one-entry = 1 entry, on { $day }.
md-entries-on = { $count } entries, on { $day }.
md-entries-span = { $count } entries, from { $first } to { $last }.
md-none = No entries match.
md-filters = Filters:
md-filter-since = since
md-filter-until = until
md-filter-theme = theme
md-filter-prompt = prompt
md-filter-level = level
md-filter-tag = tag
md-filter-pack = pack
md-filter-contains = text contains
md-or = or
md-and = and
md-free-entries = Free entries
md-free-entry = Free entry
md-prompt = Prompt:
md-not-loaded = (not in the loaded packs)
md-tags = Tags:
